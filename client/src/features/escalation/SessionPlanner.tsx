/** The RET process director plans breakthrough sessions and invites directors to each. */

import type { BreakthroughSessionResponse, BreakthroughSessionView, DbtMembersResponse } from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import {
  Button,
  DateInput,
  Field,
  Heading,
  Label,
  LabelledField,
  Paragraph,
  Select,
  TextInput,
} from '../../components/ui';
import { formatDate, formatMoment } from '../../dates';
import { isoToLocalInput, localInputToIso } from './format';
import { m } from './messages';
import { RefusalAlert } from './RefusalAlert';
import { type KnownSession, rememberSession } from './sessions';

function InviteForm({
  caseId,
  sessionId,
  onInvited,
}: {
  caseId: string;
  sessionId: string;
  onInvited: () => Promise<void>;
}) {
  const id = useId();
  const directory = useApi<DbtMembersResponse>('/api/directory/dbt-members');
  const members = directory.data?.members ?? [];
  const [userId, setUserId] = useState('');
  const { busy, failure, done: invited, submit: run } = useSubmit();
  // Bumped after a successful submit: the cleared fields remount, so they do not show as invalid.
  const [round, setRound] = useState(0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async (done) => {
      await api(
        'POST',
        `/api/cases/${encodeURIComponent(caseId)}/breakthrough-sessions/${encodeURIComponent(sessionId)}/invitations`,
        { userId: userId.trim() },
      );
      setUserId('');
      setRound((r) => r + 1);
      done();
      await onInvited();
    });
  };
  return (
    <form className="stack-s" onSubmit={submit}>
      {failure !== null && <RefusalAlert error={failure} headingLevel={4} />}
      {invited && (
        <p role="status" className="form-status">
          {m.invited}
        </p>
      )}
      {members.length > 0 && (
        <Field>
          <Label htmlFor={`${id}-pick`}>{m.invitePick}</Label>
          <Select
            id={`${id}-pick`}
            value={members.some((x) => x.userId === userId) ? userId : ''}
            onChange={(e) => setUserId(e.target.value)}
          >
            <Select.Option value="">{m.invitePickNone}</Select.Option>
            {members.map((x) => (
              <Select.Option key={x.userId} value={x.userId}>
                {x.name}
                {x.organisation ? ` — ${x.organisation}` : ''}
              </Select.Option>
            ))}
          </Select>
        </Field>
      )}
      <LabelledField id={`${id}-user`} label={m.inviteLabel} hint={m.inviteHint}>
        <TextInput
          id={`${id}-user`}
          key={`r${round}`}
          aria-describedby={`${id}-user-hint`}
          required
          autoComplete="off"
          value={userId}
          onChange={(e) => setUserId(e.target.value)}
        />
      </LabelledField>
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {m.invite}
        </Button>
      </div>
    </form>
  );
}

export function SessionPlanner({
  caseId,
  sessions,
  onChanged,
}: {
  caseId: string;
  sessions: KnownSession[];
  onChanged: (created?: BreakthroughSessionView) => Promise<void>;
}) {
  const id = useId();
  const [at, setAt] = useState(() => isoToLocalInput(new Date(Date.now() + 7 * 86_400_000).toISOString()));
  const [days, setDays] = useState('90');
  const { busy, failure, done: created, submit: run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async (done) => {
      const res = await api<BreakthroughSessionResponse>(
        'POST',
        `/api/cases/${encodeURIComponent(caseId)}/breakthrough-sessions`,
        { scheduledAt: localInputToIso(at), followUpDays: Number(days) },
      );
      rememberSession(caseId, res.session);
      done();
      await onChanged(res.session);
    });
  };
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <Heading level={2} id={`${id}-title`}>
        {m.sessionTitle}
      </Heading>
      <Paragraph>{m.sessionIntro}</Paragraph>
      {failure !== null && <RefusalAlert error={failure} headingLevel={3} />}
      {created && (
        <p role="status" className="form-status">
          {m.sessionCreated}
        </p>
      )}
      <form className="stack" onSubmit={submit}>
        <Field>
          <Label htmlFor={`${id}-at`}>{m.scheduledAtLabel}</Label>
          <DateInput
            id={`${id}-at`}
            type="datetime-local"
            required
            value={at}
            onChange={(e) => setAt(e.target.value)}
          />
        </Field>
        <LabelledField id={`${id}-days`} label={m.followUpLabel} hint={m.followUpHint}>
          <TextInput
            id={`${id}-days`}
            aria-describedby={`${id}-days-hint`}
            inputMode="numeric"
            pattern="[0-9]{1,3}"
            required
            value={days}
            onChange={(e) => setDays(e.target.value)}
          />
        </LabelledField>
        <div>
          <Button type="submit" disabled={busy}>
            {m.createSession}
          </Button>
        </div>
      </form>
      <Heading level={3}>{m.sessionsTitle}</Heading>
      {sessions.length === 0 ? (
        <Paragraph>{m.sessionsEmpty}</Paragraph>
      ) : (
        <ul className="plain-list session-list">
          {sessions.map((s) => (
            <li key={s.id} className="session" data-testid="dbt-session">
              <Heading level={4} size="level-5">
                {s.scheduledAt ? m.sessionAt(formatMoment(s.scheduledAt)) : m.sessionUnknownDate}
              </Heading>
              {s.followUpUntil && <Paragraph size="small">{m.sessionFollowUp(formatDate(s.followUpUntil))}</Paragraph>}
              <InviteForm caseId={caseId} sessionId={s.id} onInvited={() => onChanged()} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
