/**
 * A case meeting (MDO, domain brief §5), live for everyone in it: header (title, moment, status, chair,
 * start/end), the required-roles check up front, the read-back in plain words for the young person,
 * attendance from presence plus people on the phone, the agenda, decisions and actions that land in the
 * analysis or the plan, the notes co-edited live, and the minutes as a download.
 */

import type { CaseDetailResponse } from '@samenspraak/shared';
import { documentId } from '@samenspraak/shared';
import type { ReactNode } from 'react';
import { useUser } from '../../app/auth';
import { CaseBreadcrumb } from '../../app/CaseBreadcrumb';
import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { Alert, Button, Heading, Paragraph } from '../../components/ui';
import { formatMoment } from '../../dates';
import { ActionError } from './ActionError';
import { AddAttendee, AttendanceList } from './Attendance';
import { ItemForm, ItemList } from './MeetingItems';
import { MeetingList } from './MeetingList';
import { MeetingNotes } from './MeetingNotes';
import { mayEditReadBack, mayManageMeeting } from './meetingText';
import { m } from './messages';
import { ReadBack } from './ReadBack';
import { RequiredRoles } from './RequiredRoles';
import { meetingPath, useMeeting } from './useMeeting';
import './meetings.css';
import '../escalation/escalation.css';

export function MeetingPage({ caseId, meetingId }: { caseId: string; meetingId: string }) {
  const user = useUser();
  const caseRes = useApi<CaseDetailResponse>(`/api/cases/${encodeURIComponent(caseId)}`);
  const live = useMeeting(caseId, meetingId);
  const { busy, failure, submit } = useSubmit();

  const theCase = caseRes.data?.case ?? null;
  const meeting = live.meeting;
  const participants = theCase?.participants ?? [];
  const myRole = theCase?.myRole ?? null;
  const canManage = mayManageMeeting(myRole);
  const nameOf = (id: string | null) => (id ? (participants.find((p) => p.userId === id)?.name ?? null) : null);

  const run = (method: 'POST' | 'PUT', action: string, body?: unknown) =>
    void submit(() => live.act(method, action, body));

  const loadError = live.error ?? caseRes.error;
  if (!meeting) {
    return (
      <article className="stack" aria-labelledby="meeting-title">
        <Heading level={1} id="meeting-title">
          {m.meeting}
        </Heading>
        {loadError ? (
          <Alert heading={m.loadFailed} headingLevel={2} severity="error">
            <Paragraph>{loadError.status === 404 ? m.notFound : errorText(loadError)}</Paragraph>
            <Button variant="secondary" onClick={() => void live.reload()}>
              {m.retry}
            </Button>
          </Alert>
        ) : (
          <Paragraph>{m.loading}</Paragraph>
        )}
      </article>
    );
  }

  const chairName = nameOf(meeting.chairUserId);
  const iAmChair = meeting.chairUserId === user.id;

  return (
    <article className="stack meeting" aria-labelledby="meeting-title">
      <CaseBreadcrumb
        casesLabel={m.breadcrumbCases}
        toCase={{ caseId, label: theCase ? theCase.youngPerson.name.split(' ')[0] : m.breadcrumbCase }}
      />

      <header className="meeting-head">
        <div className="stack-s">
          <Heading level={1} id="meeting-title">
            {meeting.title}
          </Heading>
          <dl className="meeting-head__facts">
            <div>
              <dt>{m.statusLabel}</dt>
              <dd>
                <span className={`meeting-status meeting-status--${meeting.status}`} data-testid="meeting-status">
                  {m.status[meeting.status]}
                </span>
              </dd>
            </div>
            <div>
              <dt>{m.when}</dt>
              <dd>
                <time dateTime={meeting.scheduledAt}>{formatMoment(meeting.scheduledAt)}</time>
              </dd>
            </div>
            <div>
              <dt>{m.chair}</dt>
              <dd data-testid="meeting-chair">
                {chairName ?? (meeting.chairUserId ? meeting.chairUserId : m.chairNone)}
                {iAmChair ? ` ${m.chairYou}` : ''}
              </dd>
            </div>
          </dl>
          <p className="meeting-head__live" role="status">
            <span aria-hidden="true">{live.connected ? '● ' : '○ '}</span>
            {live.connected ? m.live : m.liveOffline}
          </p>
        </div>
        <div className="meeting-head__actions">
          {canManage && meeting.status === 'scheduled' && (
            <Button disabled={busy} onClick={() => run('POST', 'start')}>
              {m.start}
            </Button>
          )}
          {canManage && meeting.status === 'live' && (
            <Button
              variant="secondary"
              disabled={busy}
              onClick={() => {
                if (window.confirm(m.endConfirm)) run('POST', 'end');
              }}
            >
              {m.end}
            </Button>
          )}
          {canManage && meeting.status !== 'ended' && !iAmChair && meeting.chairUserId !== null && (
            <Button variant="tertiary" disabled={busy} onClick={() => run('PUT', 'chair', { chairUserId: user.id })}>
              {m.becomeChair}
            </Button>
          )}
          <a
            className="utrecht-link meeting-head__minutes"
            href={`${meetingPath(caseId, meetingId)}/minutes.md`}
            download
          >
            {m.minutes}
          </a>
        </div>
      </header>
      {failure !== null && <ActionError error={failure} />}

      <RequiredRoles
        meeting={meeting}
        canManage={canManage}
        participants={participants}
        act={(method, action, body) => live.act(method, action, body)}
      />

      <ReadBack
        meeting={meeting}
        canEdit={mayEditReadBack(meeting, user.id, myRole)}
        act={(method, action, body) => live.act(method, action, body)}
      />

      <div className="meeting__grid">
        <MeetingPanel id="attendance-title" className="stack-s meeting__panel" title={m.attendanceTitle}>
          <AttendanceList meeting={meeting} />
          {canManage && meeting.status === 'live' && (
            <AddAttendee participants={participants} act={(method, action, body) => live.act(method, action, body)} />
          )}
          {canManage && meeting.status === 'scheduled' && <Paragraph size="small">{m.attendanceOnlyLive}</Paragraph>}
        </MeetingPanel>
        <MeetingPanel id="agenda-title" className="stack-s meeting__panel" title={m.agendaTitle}>
          {meeting.agenda.length === 0 ? (
            <Paragraph>{m.agendaEmpty}</Paragraph>
          ) : (
            <ol className="agenda">
              {meeting.agenda.map((item, i) => (
                <li key={`${i}-${item}`}>{item}</li>
              ))}
            </ol>
          )}
        </MeetingPanel>
      </div>

      <MeetingPanel id="items-title" className="stack meeting__panel" title={m.itemsTitle}>
        <ItemList meeting={meeting} participants={participants} />
        {canManage && meeting.status === 'live' && (
          <ItemForm participants={participants} act={(method, action, body) => live.act(method, action, body)} />
        )}
        {canManage && meeting.status === 'scheduled' && <Paragraph size="small">{m.itemsOnlyLive}</Paragraph>}
      </MeetingPanel>

      <MeetingPanel id="notes-title" className="stack-s meeting__notes" title={m.notesTitle}>
        <Paragraph size="small">{m.notesIntro}</Paragraph>
        {theCase && (
          <MeetingNotes
            caseId={caseId}
            documentId={meeting.notesDocumentId || documentId(caseId, 'meetingNotes', meetingId)}
            detail={theCase}
          />
        )}
      </MeetingPanel>

      {theCase && (
        <MeetingList caseId={caseId} myRole={myRole} participants={participants} currentMeetingId={meetingId} />
      )}
    </article>
  );
}

/** A titled part of the meeting page (attendance, agenda, items, notes). */
function MeetingPanel(props: { id: string; className: string; title: string; children: ReactNode }) {
  return (
    <section className={props.className} aria-labelledby={props.id}>
      <Heading level={2} size="level-3" id={props.id}>
        {props.title}
      </Heading>
      {props.children}
    </section>
  );
}
