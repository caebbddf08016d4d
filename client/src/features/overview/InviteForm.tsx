/**
 * A professional invites the young person or a parent (`POST /api/cases/:id/invitations`): the answer's
 * link and one-time code are shown once, with the advice to pass them on by two different channels.
 * Which of the two this person may invite is the server's answer (`mayInvite`); the young person is the
 * one registered, under the registered name, so only a parent is named here.
 */

import type { CreateInvitationResponse, INVITED_ROLES } from '@samenspraak/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Alert, Button, Field, FieldSet, Label, Paragraph, Radio, TextInput } from '../../components/ui';
import { shortMoment } from '../../dates';
import { roleLabel } from '../../i18n';
import { m } from './messages';
import { OpenInvitations } from './OpenInvitations';

type InvitedRole = (typeof INVITED_ROLES)[number];

export function InviteForm(props: {
  caseId: string;
  /** Not empty: the roles this person may invite now. */
  roles: readonly InvitedRole[];
  youngPersonName: string;
  onDone(): void;
}) {
  const { caseId, roles, onDone } = props;
  const [chosen, setRole] = useState<InvitedRole>(roles[0] ?? 'ouder');
  const role = roles.includes(chosen) ? chosen : (roles[0] ?? 'ouder');
  const named = role === 'ouder';
  const [name, setName] = useState('');
  const { busy, error, submit: run } = useSubmit();
  const [result, setResult] = useState<CreateInvitationResponse | null>(null);
  // Bumped after each invitation, so the list of open ones reads again.
  const [version, setVersion] = useState(0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (named && name.trim() === '') return;
    void run(async () => {
      const res = await api<CreateInvitationResponse>(
        'POST',
        `/api/cases/${encodeURIComponent(caseId)}/invitations`,
        named ? { role, name } : { role },
      );
      setResult(res);
      setName('');
      setVersion((v) => v + 1);
      onDone();
    });
  };

  const link = result ? new URL(result.link, location.origin).toString() : '';
  return (
    <>
      <Paragraph>{m.inviteIntro}</Paragraph>
      <form className="stack" onSubmit={submit} aria-label={m.inviteTitle}>
        <FieldSet legend={m.inviteRole}>
          {roles.map((r) => (
            <Radio key={r} name="invite-role" value={r} checked={role === r} onChange={() => setRole(r)}>
              {roleLabel(r)}
            </Radio>
          ))}
        </FieldSet>
        {named ? (
          <Field>
            <Label htmlFor="invite-name">{m.inviteName}</Label>
            <TextInput
              id="invite-name"
              maxLength={200}
              autoComplete="off"
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          </Field>
        ) : (
          <Paragraph data-testid="invite-young-person">{m.inviteYoungPerson(props.youngPersonName)}</Paragraph>
        )}
        <div>
          <Button type="submit" variant="secondary" disabled={busy || (named && name.trim() === '')}>
            {m.inviteButton}
          </Button>
        </div>
      </form>
      {error && (
        <ErrorAlert heading={m.loadFailed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
      {result && (
        <Alert heading={m.inviteDoneTitle} headingLevel={3} severity="success" data-testid="invitation-result">
          <div className="invite-result">
            <Paragraph>
              {m.inviteLink}: <code>{link}</code>
            </Paragraph>
            <Paragraph>
              {m.inviteCode}: <code className="invite-result__code">{result.code}</code>
            </Paragraph>
            <Paragraph>
              <strong>{m.inviteOnce}</strong> {m.inviteExpires(shortMoment(result.expiresAt))}
            </Paragraph>
          </div>
        </Alert>
      )}
      <OpenInvitations caseId={caseId} version={version} onChanged={onDone} />
    </>
  );
}
