/**
 * Who is at the meeting: from presence (everyone with the meeting page open while it runs) and entered
 * by hand for people on the phone or in the room. Status in words (present / not present, how, online).
 */

import { type CaseParticipantView, type MeetingView, ROLES, type Role } from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { useSubmit } from '../../app/useSubmit';
import { Button, Field, FieldSet, Heading, Label, Radio, Select, TextInput } from '../../components/ui';
import { roleLabel } from '../../i18n';
import { ActionError } from './ActionError';
import { sortAttendance } from './meetingText';
import { m } from './messages';

const OTHER = '__other__';
const ATTENDEE_ROLES = ROLES.filter((r) => r !== 'gemeente' && r !== 'beheerder');

export function AttendanceList({ meeting }: { meeting: MeetingView }) {
  const list = sortAttendance(meeting.attendance);
  if (list.length === 0) return <p>{m.attendanceEmpty}</p>;
  return (
    <ul className="plain-list attendance" aria-live="polite" data-testid="attendance">
      {list.map((a, i) => (
        <li
          key={a.userId ?? `hand-${i}-${a.name}`}
          className={a.present ? 'attendee attendee--present' : 'attendee attendee--absent'}
          data-testid="attendee"
          data-present={a.present}
          data-online={a.online}
        >
          <span className="attendee__dot" aria-hidden="true">
            {a.online ? '●' : a.present ? '✓' : '○'}
          </span>
          <span className="attendee__who">
            <span className="attendee__name">{a.name}</span>
            <span className="attendee__role">{roleLabel(a.role)}</span>
          </span>
          <span className="attendee__state">
            {a.present ? m.present : a.via === 'presence' ? `${m.notPresent} (${m.invitedOnly})` : m.notPresent}
            {a.present && a.via !== 'presence' ? ` · ${m.via[a.via]}` : ''}
            {a.online ? ` · ${m.online}` : ''}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function AddAttendee({
  participants,
  act,
}: {
  participants: readonly CaseParticipantView[];
  act: (method: 'POST', action: string, body: unknown) => Promise<void>;
}) {
  const id = useId();
  const [person, setPerson] = useState(OTHER);
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('ouder');
  const [via, setVia] = useState<'phone' | 'in-person'>('phone');
  const { busy, failure, submit: run } = useSubmit();
  // Bumped after a successful submit: the cleared fields remount, so they do not show as invalid.
  const [round, setRound] = useState(0);

  const chosen = participants.find((p) => p.userId === person) ?? null;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = chosen
      ? { name: chosen.name, role: chosen.role, via, userId: chosen.userId }
      : { name: name.trim(), role, via };
    void run(async () => {
      await act('POST', 'attendance', body);
      setName('');
      setRound((r) => r + 1);
      setPerson(OTHER);
    });
  };

  return (
    <form className="stack-s attendance__form" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <Heading level={3} size="level-5" id={`${id}-title`}>
        {m.addAttendeeTitle}
      </Heading>
      {failure !== null && <ActionError error={failure} />}
      <Field>
        <Label htmlFor={`${id}-person`}>{m.attendeePerson}</Label>
        <Select id={`${id}-person`} value={person} onChange={(e) => setPerson(e.target.value)}>
          <Select.Option value={OTHER}>{m.attendeeOther}</Select.Option>
          {participants.map((p) => (
            <Select.Option key={p.userId} value={p.userId}>
              {p.name} ({roleLabel(p.role)})
            </Select.Option>
          ))}
        </Select>
      </Field>
      {!chosen && (
        <>
          <Field>
            <Label htmlFor={`${id}-name`}>{m.attendeeName}</Label>
            <TextInput
              id={`${id}-name`}
              key={`r${round}`}
              required
              maxLength={200}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
          <Field>
            <Label htmlFor={`${id}-role`}>{m.attendeeRole}</Label>
            <Select id={`${id}-role`} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ATTENDEE_ROLES.map((r) => (
                <Select.Option key={r} value={r}>
                  {roleLabel(r)}
                </Select.Option>
              ))}
            </Select>
          </Field>
        </>
      )}
      <FieldSet legend={m.attendeeVia}>
        <div className="radio-row">
          <Radio name={`${id}-via`} value="phone" checked={via === 'phone'} onChange={() => setVia('phone')}>
            {m.via.phone}
          </Radio>
          <Radio
            name={`${id}-via`}
            value="in-person"
            checked={via === 'in-person'}
            onChange={() => setVia('in-person')}
          >
            {m.via['in-person']}
          </Radio>
        </div>
      </FieldSet>
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {m.addAttendee}
        </Button>
      </div>
    </form>
  );
}
