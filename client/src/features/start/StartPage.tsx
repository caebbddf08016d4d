/**
 * The start page (issue #18): after login the young person and parents land here (`/`), everyone can
 * open it at `/start`. Per case: what is waiting for you (your part still empty, a comment for you, an
 * endorsement asked), a direct link to your own part (one tap to its anchor on the document), the next
 * meeting, and who is on the case with what each does in plain words. Data: `GET /api/start`.
 */
import type { StartCase, StartView } from '@samenspraak/shared';
import { useEffect } from 'react';
import { useCaseRooms, useLiveEvent } from '../../app/rooms';
import { AppLink, paths } from '../../app/router';
import { useApi } from '../../app/useApi';
import { Alert, Button, Heading, Paragraph } from '../../components/ui';
import { formatMoment } from '../../dates';
import { roleLabel } from '../../i18n';
import { m } from './messages';
import './start.css';

export function StartPage() {
  const view = useApi<StartView>('/api/start');
  useEffect(() => {
    document.title = `${m.title} — Samenspraak`;
  }, []);
  // Live: a change on one of the cases (a meeting planned, someone added) re-reads the start view.
  useCaseRooms((view.data?.cases ?? []).map((c) => c.caseId));
  useLiveEvent('case:changed', () => void view.reload());

  if (view.error)
    return (
      <Alert heading={m.loadFailed} headingLevel={1} severity="error">
        <Button onClick={() => void view.reload()}>{m.retry}</Button>
      </Alert>
    );
  const data = view.data;
  if (!data)
    return (
      <Paragraph aria-live="polite" className="start__loading">
        {m.loading}
      </Paragraph>
    );
  return (
    <div className="start" data-testid="start-page">
      <Heading level={1}>{m.hello(data.firstName)}</Heading>
      <Paragraph className="start__intro">{m.intro}</Paragraph>
      {data.kind === 'professional' && (
        <Paragraph>
          {m.professionalsStart}{' '}
          <AppLink to={paths.overview()} className="start__inline-link">
            {m.toCases}
          </AppLink>
        </Paragraph>
      )}
      {data.cases.length === 0 && <Paragraph>{m.noCases}</Paragraph>}
      {data.cases.map((c) => (
        <CaseStart key={c.caseId} c={c} headingLevel={data.cases.length > 1 ? 2 : null} />
      ))}
    </div>
  );
}

function CaseStart({ c, headingLevel }: { c: StartCase; headingLevel: 2 | null }) {
  const own = c.myRole === 'jeugdige';
  // With one case its parts are h2; with several, each case is an h2 and its parts h3.
  const Sub = headingLevel ? 'h3' : 'h2';
  const labelId = `start-${c.caseId}`;
  return (
    <section className="start__case" aria-labelledby={headingLevel ? labelId : undefined} data-case-id={c.caseId}>
      {headingLevel && (
        <Heading level={2} id={labelId}>
          {m.caseHeading(c.firstName, own)}
        </Heading>
      )}
      <div className="start__block">
        <Sub className="start__heading">{m.waitingHeading}</Sub>
        {c.waiting.length === 0 ? (
          <Paragraph>{m.nothingWaiting}</Paragraph>
        ) : (
          <ul className="start__list" data-testid="start-waiting">
            {c.waiting.map((w) => (
              <li key={`${w.kind}:${w.inboxItemId ?? w.link}`}>
                <AppLink to={w.link} className="start__action" data-kind={w.kind}>
                  {m.waiting[w.kind]}
                </AppLink>
              </li>
            ))}
          </ul>
        )}
        {c.myPart && (
          <>
            {c.myPart.written && <Paragraph>{m.myPartWritten}</Paragraph>}
            <AppLink to={c.myPart.link} className="start__action start__action--main" data-testid="start-my-part">
              {m.myPart}
            </AppLink>
          </>
        )}
        <AppLink to={paths.document(c.caseId, 'analysis')} className="start__action">
          {m.readAll}
        </AppLink>
        <AppLink to={paths.case(c.caseId)} className="start__action">
          {m.aboutCase(c.firstName, own)}
        </AppLink>
      </div>

      <div className="start__block">
        <Sub className="start__heading">{m.meetingHeading}</Sub>
        {c.nextMeeting ? (
          <>
            <Paragraph>
              {c.nextMeeting.status === 'live' ? m.meetingNow : m.meetingAt(formatMoment(c.nextMeeting.scheduledAt))}
            </Paragraph>
            <AppLink to={c.nextMeeting.link} className="start__action">
              {m.meetingOpen}
            </AppLink>
          </>
        ) : (
          <Paragraph>{m.noMeeting}</Paragraph>
        )}
      </div>

      <div className="start__block">
        <Sub className="start__heading">{m.teamHeading}</Sub>
        <ul className="start__team" data-testid="start-team">
          {c.team.map((p) => (
            <li key={p.userId} className="start__person">
              <span className="start__name">
                {p.isMe ? `${p.name} (${m.you})` : p.name}
                <span className="start__role"> · {roleLabel(p.role)}</span>
              </span>
              <span className="start__does">{p.isMe && p.role === 'jeugdige' ? m.aboutYou : m.roles[p.role]}</span>
              {p.processDirector && <span className="start__does">{m.keepsTrack}</span>}
            </li>
          ))}
        </ul>
      </div>
    </section>
  );
}
