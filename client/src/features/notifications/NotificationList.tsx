/** The notifications as a list: what, on which case (a link), by when, how urgent — in words, not colour. */

import type { CasesResponse, NoticeView, NotificationPush } from '@samenspraak/shared';
import { AppLink, paths } from '../../app/router';
import { useApi } from '../../app/useApi';
import { Paragraph } from '../../components/ui';
import { formatDate, formatMoment } from '../../dates';
import { m, noticeKindLabel } from './messages';
import { sortNotifications } from './useNotifications';

function caseTarget(n: { caseId: string; kind: string }): string {
  return n.kind.startsWith('commitment') ? paths.breakthrough(n.caseId) : paths.case(n.caseId);
}

export function NotificationList({
  items,
  live,
  onNavigate,
}: {
  items: readonly NoticeView[];
  live: readonly NotificationPush[];
  onNavigate?: () => void;
}) {
  const cases = useApi<CasesResponse>(items.length + live.length > 0 ? '/api/cases' : null);
  const caseName = (id: string) => cases.data?.cases.find((c) => c.id === id)?.firstName ?? id;

  if (items.length === 0 && live.length === 0) return <Paragraph>{m.none}</Paragraph>;
  return (
    <div className="notifications">
      {live.length > 0 && (
        <ul className="plain-list notifications__list">
          {live.map((p) => (
            <li key={`${p.caseId}-${p.kind}-${p.at}`} className="notification notification--live">
              <span className="notification__tag notification__tag--live">{m.newLive}</span>
              <span className="notification__what">{p.message || noticeKindLabel(p.kind)}</span>
              <span className="notification__meta">
                {m.caseLabel}{' '}
                <AppLink to={caseTarget(p)} onClick={onNavigate}>
                  {caseName(p.caseId)}
                </AppLink>{' '}
                · <time dateTime={p.at}>{formatMoment(p.at)}</time>
              </span>
            </li>
          ))}
        </ul>
      )}
      <ul className="plain-list notifications__list">
        {sortNotifications(items).map((n) => (
          <li
            key={`${n.caseId}-${n.kind}-${n.commitmentId ?? ''}-${n.dueAt}`}
            className={`notification notification--${n.severity}`}
            data-testid="notification"
            data-kind={n.kind}
          >
            <span className={`notification__tag notification__tag--${n.severity}`}>
              {m.severity[n.severity] ?? n.severity}
            </span>
            <span className="notification__what">{noticeKindLabel(n.kind)}</span>
            <span className="notification__meta">
              {m.caseLabel}{' '}
              <AppLink to={caseTarget(n)} onClick={onNavigate}>
                {caseName(n.caseId)}
              </AppLink>{' '}
              · {n.overdue ? m.overdueSince : m.due} <time dateTime={n.dueAt}>{formatDate(n.dueAt)}</time>
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}
