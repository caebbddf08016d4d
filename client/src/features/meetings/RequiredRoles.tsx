/**
 * The required-roles check of an MDO, shown prominently: is education there, and was the young person's
 * or the parents' voice heard? Each line says it in words with a ✓ or ✗ — never colour alone. Those who
 * run the meeting can record that the voice was heard another way (e.g. a talk beforehand with the JIM).
 */

import type { CaseParticipantView, MeetingView } from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { useSubmit } from '../../app/useSubmit';
import { Button, Heading, LabelledField, Paragraph, TextInput } from '../../components/ui';
import { formatMoment } from '../../dates';
import { ActionError } from './ActionError';
import { m } from './messages';

function Line({
  ok,
  okText,
  missingText,
  testId,
}: {
  ok: boolean;
  okText: string;
  missingText: string;
  testId: string;
}) {
  return (
    <li className={ok ? 'req req--ok' : 'req req--missing'} data-testid={testId} data-ok={ok}>
      <span className="req__icon" aria-hidden="true">
        {ok ? '✓' : '✗'}
      </span>
      <span>
        <strong>{ok ? m.ok : m.missing}:</strong> {ok ? okText : missingText}
      </span>
    </li>
  );
}

export function RequiredRoles({
  meeting,
  canManage,
  participants,
  act,
}: {
  meeting: MeetingView;
  canManage: boolean;
  participants: readonly CaseParticipantView[];
  act: (method: 'PUT', action: string, body: unknown) => Promise<void>;
}) {
  const id = useId();
  const check = meeting.requiredRoles;
  const complete = check.educationPresent && check.youngPersonOrParentsHeard;
  const [note, setNote] = useState('');
  const { busy, failure, submit } = useSubmit();
  const marked = meeting.voiceMarkedHeard;
  const byName = marked ? (participants.find((p) => p.userId === marked.by)?.name ?? marked.by) : '';
  const voicePresentOrInbreng = check.youngPersonOrParentsHeard && !marked;

  const mark = (heard: boolean) => (e?: FormEvent) => {
    e?.preventDefault();
    void submit(async () => {
      await act('PUT', 'voice-heard', heard ? { heard, ...(note.trim() ? { note: note.trim() } : {}) } : { heard });
      setNote('');
    });
  };

  return (
    <section
      className={complete ? 'required required--complete' : 'required required--incomplete'}
      aria-labelledby={`${id}-title`}
      data-testid="required-roles"
    >
      <Heading level={2} size="level-3" id={`${id}-title`}>
        {m.requiredTitle}
      </Heading>
      <ul className="plain-list required__list">
        <Line
          ok={check.educationPresent}
          okText={m.educationOk}
          missingText={m.educationMissing}
          testId="required-education"
        />
        <Line
          ok={check.youngPersonOrParentsHeard}
          okText={m.voiceOk}
          missingText={m.voiceMissing}
          testId="required-voice"
        />
      </ul>
      {marked && (
        <Paragraph size="small">
          {m.voiceMarked(byName, formatMoment(marked.at))}
          {marked.note ? ` “${marked.note}”` : ''}
        </Paragraph>
      )}
      {failure !== null && <ActionError error={failure} />}
      {canManage && meeting.status !== 'scheduled' && !voicePresentOrInbreng && (
        <details className="required__mark">
          <summary>{m.voiceMarkTitle}</summary>
          {marked ? (
            <Button variant="tertiary" disabled={busy} onClick={() => mark(false)()}>
              {m.voiceUnmark}
            </Button>
          ) : (
            <form className="inline-form" onSubmit={mark(true)}>
              <LabelledField id={`${id}-note`} label={m.voiceNote} hint={m.voiceMarkHint}>
                <TextInput
                  id={`${id}-note`}
                  aria-describedby={`${id}-note-hint`}
                  maxLength={1000}
                  value={note}
                  onChange={(e) => setNote(e.target.value)}
                />
              </LabelledField>
              <Button type="submit" variant="secondary" disabled={busy}>
                {m.voiceMarkButton}
              </Button>
            </form>
          )}
        </details>
      )}
    </section>
  );
}
