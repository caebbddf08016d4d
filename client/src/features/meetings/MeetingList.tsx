/**
 * The meetings of a case (live first, then upcoming, then past) with a link each, and — for those who run
 * meetings — the schedule form behind a disclosure. Exported for the case page; the meeting page shows
 * it too, so a next meeting can be planned from the current one.
 */

import type { CaseParticipantView, MeetingsResponse, Role } from '@samenspraak/shared';
import { AppLink, paths } from '../../app/router';
import { useApi } from '../../app/useApi';
import { Heading, Paragraph } from '../../components/ui';
import { formatMoment } from '../../dates';
import { useCaseLive } from '../escalation/useCaseLive';
import { mayManageMeeting, sortMeetings } from './meetingText';
import { m } from './messages';
import { ScheduleMeeting } from './ScheduleMeeting';
import { meetingPath } from './useMeeting';
import './meetings.css';

export function MeetingList({
  caseId,
  myRole,
  participants,
  currentMeetingId,
  headingLevel = 2,
}: {
  caseId: string;
  myRole: Role | null;
  participants: readonly CaseParticipantView[];
  currentMeetingId?: string;
  headingLevel?: 2 | 3;
}) {
  const list = useApi<MeetingsResponse>(meetingPath(caseId));
  useCaseLive(caseId, ['meetings'], () => void list.reload());
  const meetings = list.data ? sortMeetings(list.data.meetings) : [];

  return (
    <section className="meeting-list stack-s" aria-labelledby={`meetings-${caseId}`}>
      <Heading level={headingLevel} size="level-4" id={`meetings-${caseId}`}>
        {m.otherMeetings}
      </Heading>
      {list.data && meetings.length === 0 && <Paragraph>{m.noMeetings}</Paragraph>}
      {meetings.length > 0 && (
        <ul className="meeting-list__items">
          {meetings.map((mt) => (
            <li key={mt.id}>
              {mt.id === currentMeetingId ? (
                <span aria-current="page" className="meeting-list__current">
                  {mt.title}
                </span>
              ) : (
                <AppLink to={paths.meeting(caseId, mt.id)}>{mt.title}</AppLink>
              )}{' '}
              <span className="meeting-list__meta">
                · <time dateTime={mt.scheduledAt}>{formatMoment(mt.scheduledAt)}</time> ·{' '}
                <span className={`meeting-status meeting-status--${mt.status}`}>{m.status[mt.status]}</span>
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayManageMeeting(myRole) && (
        <details className="meeting-list__schedule">
          <summary>{m.scheduleTitle}</summary>
          <ScheduleMeeting caseId={caseId} participants={participants} showHeading={false} />
        </details>
      )}
    </section>
  );
}
