/**
 * `/` — the user's cases: per case the young person's first name and age, region, the RET step in plain
 * words, my role, the running clocks with a countdown, and links to the case and its documents. For
 * professionals a work list on top ("Wat moet er gebeuren?") from the tab's notification store (the
 * same the bell reads). Live: the case rooms are joined, and a `case:changed` re-reads what it concerns.
 */

import type { CasesResponse, EscalationResponse, NoticeView } from '@samenspraak/shared';
import {
  CASE_CREATOR_ROLES,
  CASE_PROFESSIONALS,
  CASE_STATUSES,
  type CaseSummary,
  type Role,
} from '@samenspraak/shared';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api } from '../../app/api';
import { useUser } from '../../app/auth';
import { errorText } from '../../app/errorText';
import { useCaseRooms, useLiveEvent } from '../../app/rooms';
import { AppLink, paths, RouterLink } from '../../app/router';
import { useApi } from '../../app/useApi';
import { Alert, Button, DescriptionList, Heading, LinkList, Paragraph } from '../../components/ui';
import { roleLabel } from '../../i18n';
import { byUrgency, mostUrgent } from '../notifications/notificationOrder';
import { reloadNotifications, useNotifications } from '../notifications/useNotifications';
import { MyFailingPlans } from '../plan/HalfYearCheckPanel';
import { ClockItem } from './Clock';
import { m } from './messages';
import { FUTURE_PLAN_AGE, readsEscalation } from './shared';
import { useNow } from './useNow';
import './overview.css';

/** The escalation state of each case the user may read it for; re-read per case on demand. */
function useEscalations(cases: CaseSummary[] | null) {
  const [byCase, setByCase] = useState<Record<string, EscalationResponse>>({});
  const readable = useMemo(
    () => (cases ?? []).filter((c) => c.hasAccess && readsEscalation(c.myRole)).map((c) => c.id),
    [cases],
  );
  const load = useCallback(async (caseId: string) => {
    try {
      const answer = await api<EscalationResponse>('GET', `/api/cases/${encodeURIComponent(caseId)}/escalation`);
      setByCase((prev) => ({ ...prev, [caseId]: answer }));
    } catch {
      // Not essential for the overview: the case still shows, without its level.
    }
  }, []);
  useEffect(() => {
    for (const id of readable) void load(id);
  }, [readable, load]);
  return { byCase, reload: (caseId: string) => (readable.includes(caseId) ? load(caseId) : Promise.resolve()) };
}

export function CasesPage() {
  const user = useUser();
  const professional = user.kind === 'professional';
  const now = useNow();
  const cases = useApi<CasesResponse>('/api/cases');
  // The tab's one notification store (shared with the bell): one read per change, not one per reader.
  const notifications = useNotifications(professional);
  const notices = notifications.status === 'ready' ? notifications.items : null;
  const list = cases.data?.cases ?? null;
  const escalations = useEscalations(list);

  useEffect(() => {
    document.title = `${m.casesTitle} — Samenspraak`;
  }, []);

  const reloadCase = (caseId: string, kind: string) => {
    if (!list?.some((c) => c.id === caseId)) return;
    if (kind === 'case') void cases.reload();
    if (['case', 'escalation', 'commitments'].includes(kind)) {
      void escalations.reload(caseId);
      if (professional) void reloadNotifications();
    }
  };
  useCaseRooms((list ?? []).filter((c) => c.hasAccess).map((c) => c.id));
  useLiveEvent('case:changed', (e) => {
    if (e) reloadCase(e.caseId, e.kind);
    else {
      // Reconnected: events may have been missed (the notification store re-reads by itself).
      void cases.reload();
      for (const c of list ?? []) void escalations.reload(c.id);
    }
  });

  const noticesByCase = useMemo(() => {
    const map = new Map<string, NoticeView[]>();
    for (const n of notices ?? []) map.set(n.caseId, [...(map.get(n.caseId) ?? []), n]);
    return map;
  }, [notices]);

  const sorted = useMemo(() => {
    if (!list) return null;
    const rank = (c: CaseSummary) => {
      const top = mostUrgent(noticesByCase.get(c.id) ?? []);
      return top ? (top.overdue ? 0 : top.severity === 'warning' ? 1 : 2) : 3;
    };
    return [...list].sort((a, b) => rank(a) - rank(b));
  }, [list, noticesByCase]);

  const firstNames = new Map((list ?? []).map((c) => [c.id, c.firstName]));
  const tasks = [...(notices ?? [])].sort(byUrgency);

  return (
    <section className="stack overview" aria-labelledby="cases-title">
      <Heading level={1} id="cases-title">
        {m.casesTitle}
      </Heading>
      <Paragraph>{professional ? m.casesIntroProfessional : m.casesIntroClient}</Paragraph>
      {professional && (
        <div className="overview__actions">
          {CASE_CREATOR_ROLES.includes(user.role as Role) && (
            <AppLink to={paths.register()} className="overview__register" data-testid="register-case">
              {m.registerCase}
            </AppLink>
          )}
          {user.role === 'procesregisseur' && (
            <AppLink to={paths.consultations()} data-testid="consultations-link">
              {m.consultationsLink}
            </AppLink>
          )}
        </div>
      )}

      {professional && CASE_PROFESSIONALS.includes(user.role as Role) && <MyFailingPlans />}

      {cases.error && (
        <Alert heading={m.loadFailed} headingLevel={2} severity="error" role="alert">
          <Paragraph>{errorText(cases.error)}</Paragraph>
          <Button variant="secondary" onClick={() => void cases.reload()}>
            {m.retry}
          </Button>
        </Alert>
      )}
      {!list && !cases.error && <Paragraph aria-live="polite">{m.loading}</Paragraph>}

      {list && list.length === 0 && (
        <div className="overview__empty" data-testid="cases-empty">
          <Heading level={2}>{m.emptyTitle}</Heading>
          <Paragraph>{professional ? m.emptyProfessional : m.emptyClient}</Paragraph>
        </div>
      )}

      {professional && list && list.length > 0 && (
        <section className="stack overview__tasks" aria-labelledby="tasks-title" data-testid="tasks">
          <Heading level={2} id="tasks-title">
            {m.tasksTitle}
            {tasks.length > 0 && <span className="overview__count"> ({m.tasksCount(tasks.length)})</span>}
          </Heading>
          {notifications.error && (
            <Paragraph>
              {m.loadFailed}: {notifications.error}
            </Paragraph>
          )}
          {notices && tasks.length === 0 && <Paragraph>{m.tasksNone}</Paragraph>}
          {tasks.length > 0 && (
            <ul className="plain-list clock-list">
              {tasks.map((n) => (
                <ClockItem
                  key={`${n.caseId}-${n.kind}-${n.commitmentId ?? ''}`}
                  notice={n}
                  now={now}
                  prefix={
                    <>
                      <AppLink to={paths.case(n.caseId)} className="utrecht-link">
                        {firstNames.get(n.caseId) ?? n.caseId}
                      </AppLink>
                      {' — '}
                    </>
                  }
                />
              ))}
            </ul>
          )}
        </section>
      )}

      {sorted && sorted.length > 0 && (
        <section className="stack" aria-labelledby="case-cards-title">
          <Heading level={2} id="case-cards-title" className={professional ? undefined : 'visually-hidden'}>
            {m.caseCardsTitle}
          </Heading>
          <ul className="cases-grid" data-testid="case-list">
            {sorted.map((c) => (
              <li key={c.id}>
                <CaseCard
                  summary={c}
                  notices={[...(noticesByCase.get(c.id) ?? [])].sort(byUrgency)}
                  escalation={escalations.byCase[c.id] ?? null}
                  now={now}
                  showClocks={professional}
                  clocksLoaded={notices !== null}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </section>
  );
}

function CaseCard(props: {
  summary: CaseSummary;
  notices: NoticeView[];
  escalation: EscalationResponse | null;
  now: number;
  showClocks: boolean;
  clocksLoaded: boolean;
}) {
  const { summary: c, notices, escalation, now } = props;
  const titleId = `case-${c.id}-title`;
  const step = CASE_STATUSES.indexOf(c.status) + 1;
  const level = escalation && escalation.level !== 'lokaal' ? escalation.level : null;
  return (
    <article className="case-card" aria-labelledby={titleId} data-testid="case-card" data-case-id={c.id}>
      <Heading level={3} id={titleId}>
        {m.caseHeading(c.firstName, c.age)}
      </Heading>
      <DescriptionList termsWidth="narrow" className="case-card__facts">
        <DescriptionList.Term>{m.region}</DescriptionList.Term>
        <DescriptionList.Description>{c.region}</DescriptionList.Description>
        <DescriptionList.Term>{m.status}</DescriptionList.Term>
        <DescriptionList.Description>
          {m.statuses[c.status] ?? c.status} <span className="muted">({m.stepOf(step, CASE_STATUSES.length)})</span>
        </DescriptionList.Description>
        <DescriptionList.Term>{m.myRole}</DescriptionList.Term>
        <DescriptionList.Description>{roleLabel(c.myRole)}</DescriptionList.Description>
        {level && (
          <>
            <DescriptionList.Term>{m.level}</DescriptionList.Term>
            <DescriptionList.Description>
              <strong>{m.levels[level] ?? level}</strong>
            </DescriptionList.Description>
          </>
        )}
      </DescriptionList>
      {props.showClocks && c.hasAccess && (
        <div className="case-card__clocks">
          <Heading level={4} size="level-5">
            {m.clocks}
          </Heading>
          {notices.length === 0 ? (
            <Paragraph size="small">{props.clocksLoaded ? m.noClocks : m.loading}</Paragraph>
          ) : (
            <ul className="plain-list clock-list">
              {notices.map((n) => (
                <ClockItem key={`${n.kind}-${n.commitmentId ?? ''}`} notice={n} now={now} showDate={false} />
              ))}
            </ul>
          )}
        </div>
      )}
      {c.hasAccess ? (
        <LinkList>
          <LinkList.Link linkComponent={RouterLink} href={paths.case(c.id)}>
            {m.openCase(c.firstName)}
          </LinkList.Link>
          <LinkList.Link linkComponent={RouterLink} href={paths.document(c.id, 'analysis')}>
            {m.analysisLink}
          </LinkList.Link>
          {c.age >= FUTURE_PLAN_AGE && (
            <LinkList.Link linkComponent={RouterLink} href={paths.document(c.id, 'futurePlan')}>
              {m.futurePlanLink}
            </LinkList.Link>
          )}
        </LinkList>
      ) : (
        <Paragraph size="small">{m.noAccessNow}</Paragraph>
      )}
    </article>
  );
}
