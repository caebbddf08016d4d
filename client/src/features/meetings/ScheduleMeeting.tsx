/**
 * Schedule a case meeting: title, moment, agenda (one item per line) and invitees from the case's
 * participants. Exported for the case page; `onScheduled` gets the new meeting (default: open it).
 */

import type { MeetingResponse } from '@samenspraak/shared';
import { type CaseParticipantView, MEETING_TITLE_MAX, type MeetingView } from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { navigate, paths } from '../../app/router';
import { useSubmit } from '../../app/useSubmit';
import {
  Button,
  Checkbox,
  DateInput,
  Field,
  FieldSet,
  Heading,
  Label,
  LabelledField,
  Paragraph,
  TextArea,
  TextInput,
} from '../../components/ui';
import { roleLabel } from '../../i18n';
import { isoToLocalInput, localInputToIso } from '../escalation/format';
import { ActionError } from './ActionError';
import { agendaFromText } from './meetingText';
import { m } from './messages';
import { meetingPath } from './useMeeting';
import './meetings.css';

export interface ScheduleMeetingProps {
  caseId: string;
  participants: readonly CaseParticipantView[];
  /** Called with the scheduled meeting; by default the page navigates to it. */
  onScheduled?: (meeting: MeetingView) => void;
  headingLevel?: 2 | 3;
  /** Show the heading (off when the form sits under a disclosure that already says what it is). */
  showHeading?: boolean;
}

function nextWorkdayAtTen(): string {
  const d = new Date();
  d.setDate(d.getDate() + 7);
  d.setHours(10, 0, 0, 0);
  return isoToLocalInput(d.toISOString());
}

export function ScheduleMeeting({
  caseId,
  participants,
  onScheduled,
  headingLevel = 2,
  showHeading = true,
}: ScheduleMeetingProps) {
  const id = useId();
  const [title, setTitle] = useState(m.titleDefault);
  const [at, setAt] = useState(nextWorkdayAtTen);
  const [agenda, setAgenda] = useState(m.agendaDefault);
  const [invitees, setInvitees] = useState<Set<string>>(() => new Set(participants.map((p) => p.userId)));
  const { busy, failure, submit: run } = useSubmit();

  const toggle = (userId: string) =>
    setInvitees((prev) => {
      const next = new Set(prev);
      if (next.has(userId)) next.delete(userId);
      else next.add(userId);
      return next;
    });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const res = await api<MeetingResponse>('POST', meetingPath(caseId), {
        title: title.trim(),
        scheduledAt: localInputToIso(at),
        agenda: agendaFromText(agenda),
        inviteeUserIds: participants.filter((p) => invitees.has(p.userId)).map((p) => p.userId),
      });
      if (onScheduled) onScheduled(res.meeting);
      else navigate(paths.meeting(caseId, res.meeting.id));
    });
  };

  return (
    <form
      className="stack schedule-meeting"
      onSubmit={submit}
      {...(showHeading ? { 'aria-labelledby': `${id}-title` } : { 'aria-label': m.scheduleTitle })}
    >
      {showHeading && (
        <Heading level={headingLevel} size="level-4" id={`${id}-title`}>
          {m.scheduleTitle}
        </Heading>
      )}
      <Paragraph>{m.scheduleIntro}</Paragraph>
      {failure !== null && <ActionError error={failure} />}
      <Field>
        <Label htmlFor={`${id}-name`}>{m.titleLabel}</Label>
        <TextInput
          id={`${id}-name`}
          required
          maxLength={MEETING_TITLE_MAX}
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
      </Field>
      <Field>
        <Label htmlFor={`${id}-at`}>{m.scheduledAtLabel}</Label>
        <DateInput id={`${id}-at`} type="datetime-local" required value={at} onChange={(e) => setAt(e.target.value)} />
      </Field>
      <LabelledField id={`${id}-agenda`} label={m.agendaLabel} hint={m.agendaHint}>
        <TextArea
          id={`${id}-agenda`}
          aria-describedby={`${id}-agenda-hint`}
          rows={6}
          value={agenda}
          onChange={(e) => setAgenda(e.target.value)}
        />
      </LabelledField>
      <FieldSet legend={m.inviteesLabel}>
        {participants.length === 0 ? (
          <Paragraph>{m.inviteesNone}</Paragraph>
        ) : (
          <div className="stack-s">
            {participants.map((p) => (
              <Checkbox key={p.userId} checked={invitees.has(p.userId)} onChange={() => toggle(p.userId)}>
                {p.name} — {roleLabel(p.role)}
              </Checkbox>
            ))}
          </div>
        )}
      </FieldSet>
      <div>
        <Button type="submit" disabled={busy}>
          {m.scheduleButton}
        </Button>
      </div>
    </form>
  );
}
