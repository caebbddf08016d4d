/** `/account`: the logged-in person's own password, e-mail address and (professionals) recovery codes. */
import type { AccountInfo, RecoveryCodesResponse } from '@samenspraak/shared';
import { PASSWORD_MIN_LENGTH } from '@samenspraak/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Alert, Button, Field, Heading, Label, Paragraph, PasswordInput, TextInput } from '../../components/ui';
import { m } from './messages';
import { Passkeys } from './Passkeys';
import { RecoveryCodes } from './RecoveryCodes';
import './accounts.css';

function PasswordForm({ login }: { login: string }) {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const { busy, error, done, submit: run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async (ok) => {
      await api('POST', '/api/account/password', { currentPassword: current, newPassword: next });
      setCurrent('');
      setNext('');
      ok();
    });
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="password-title">
      <Heading level={2} id="password-title">
        {m.passwordTitle}
      </Heading>
      <input type="hidden" name="username" autoComplete="username" value={login} />
      <Field>
        <Label htmlFor="pw-current">{m.currentPassword}</Label>
        <PasswordInput
          id="pw-current"
          autoComplete="current-password"
          required
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </Field>
      <Field>
        <Label htmlFor="pw-new">{m.newPassword}</Label>
        <PasswordInput
          id="pw-new"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          required
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
      </Field>
      {error && (
        <ErrorAlert heading={m.loadFailed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
      {done && <Paragraph role="status">{m.passwordChanged}</Paragraph>}
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {m.passwordButton}
        </Button>
      </div>
    </form>
  );
}

function EmailForm({ email: initial }: { email: string | null }) {
  const [email, setEmail] = useState(initial ?? '');
  const { busy, error, done, submit: run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async (ok) => {
      await api('PUT', '/api/account/email', { email: email.trim() === '' ? null : email });
      ok();
    });
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="email-title">
      <Heading level={2} id="email-title">
        {m.emailTitle}
      </Heading>
      <Paragraph>{m.emailIntro}</Paragraph>
      <Field>
        <Label htmlFor="account-email">{m.emailLabel}</Label>
        <TextInput
          id="account-email"
          type="email"
          autoComplete="email"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      {error && (
        <ErrorAlert heading={m.loadFailed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
      {done && <Paragraph role="status">{m.emailSaved}</Paragraph>}
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {m.emailButton}
        </Button>
      </div>
    </form>
  );
}

function RecoveryForm({ left, onDone }: { left: number; onDone(): void }) {
  const [password, setPassword] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const { busy, error, submit: run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const res = await api<RecoveryCodesResponse>('POST', '/api/account/recovery-codes', { password });
      setPassword('');
      setCodes(res.recoveryCodes);
      onDone();
    });
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="recovery-title">
      <Heading level={2} id="recovery-title">
        {m.recoveryTitle}
      </Heading>
      <Paragraph>{m.recoveryLeft(left)}</Paragraph>
      {codes && <RecoveryCodes codes={codes} />}
      <Paragraph>{m.recoveryIntro}</Paragraph>
      <Field>
        <Label htmlFor="rc-password">{m.currentPassword}</Label>
        <PasswordInput
          id="rc-password"
          autoComplete="current-password"
          required
          value={password}
          onChange={(e) => setPassword(e.target.value)}
        />
      </Field>
      {error && (
        <ErrorAlert heading={m.loadFailed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
      <div>
        <Button type="submit" variant="secondary" disabled={busy}>
          {m.recoveryButton}
        </Button>
      </div>
    </form>
  );
}

export function AccountPage() {
  const info = useApi<AccountInfo>('/api/account');
  useEffect(() => {
    document.title = `${m.accountTitle} — Samenspraak`;
  }, []);
  if (info.error)
    return (
      <Alert heading={m.loadFailed} headingLevel={1} severity="error">
        <Paragraph>{errorText(info.error)}</Paragraph>
      </Alert>
    );
  if (!info.data) return <Paragraph>{m.loading}</Paragraph>;
  const data = info.data;
  return (
    <section className="narrow stack" aria-labelledby="account-title">
      <Heading level={1} id="account-title">
        {m.accountTitle}
      </Heading>
      <Paragraph>
        {data.name} · {data.login}
      </Paragraph>
      <PasswordForm login={data.login} />
      <EmailForm email={data.email} />
      <Passkeys />
      {data.recoveryCodesLeft !== null && (
        <RecoveryForm left={data.recoveryCodesLeft} onDone={() => void info.reload()} />
      )}
    </section>
  );
}
