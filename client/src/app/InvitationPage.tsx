/**
 * A young person or parent accepts their invitation: the one-time code and the young person's date of
 * birth (the server checks it against the registration), then their own login.
 */

import type { AcceptInvitationResponse } from '@samenspraak/shared';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { Button, DateInput, Field, Heading, Label, LabelledField, Paragraph, TextInput } from '../components/ui';
import { AccountFields, CodeInput } from './AccountFields';
import { startSession } from './api';
import { useAuth } from './auth';
import { m } from './messages';
import { navigate, paths } from './router';
import { useSubmit } from './useSubmit';

export function InvitationPage({ invitationId }: { invitationId: string }) {
  const { refresh } = useAuth();
  const [code, setCode] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [email, setEmail] = useState('');
  const { busy, error, submit: run } = useSubmit();

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await startSession<AcceptInvitationResponse>(`/api/invitations/${encodeURIComponent(invitationId)}/accept`, {
        code,
        dateOfBirth,
        login,
        password,
        // Optional: never required, and an empty field sends nothing.
        ...(email.trim() ? { email } : {}),
      });
      await refresh();
      navigate(paths.overview(), { replace: true });
    });
  };

  return (
    <section className="narrow stack" aria-labelledby="invitation-title">
      <Heading level={1} id="invitation-title">
        {m.invitationTitle}
      </Heading>
      <Paragraph>{m.invitationIntro}</Paragraph>
      {error && (
        <ErrorAlert heading={m.invitationFailed} headingLevel={2}>
          {error}
        </ErrorAlert>
      )}
      <form onSubmit={submit} className="stack" aria-label={m.invitationTitle}>
        <Field>
          <Label htmlFor="inv-code">{m.invitationCode}</Label>
          <CodeInput id="inv-code" value={code} onDigits={setCode} />
        </Field>
        <LabelledField id="inv-birth" label={m.invitationBirthDate} hint={m.invitationBirthDateHint}>
          <DateInput
            id="inv-birth"
            aria-describedby="inv-birth-hint"
            autoComplete="bday"
            required
            value={dateOfBirth}
            onChange={(e) => setDateOfBirth(e.target.value)}
          />
        </LabelledField>
        <AccountFields
          idPrefix="inv"
          labels={{ login: m.invitationLogin, password: m.invitationPassword }}
          login={login}
          password={password}
          onLogin={setLogin}
          onPassword={setPassword}
          newPassword
        />
        <LabelledField id="inv-email" label={m.invitationEmail} hint={m.invitationEmailHint}>
          <TextInput
            id="inv-email"
            type="email"
            aria-describedby="inv-email-hint"
            autoComplete="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
          />
        </LabelledField>
        <Button type="submit" disabled={busy}>
          {m.invitationButton}
        </Button>
      </form>
    </section>
  );
}
