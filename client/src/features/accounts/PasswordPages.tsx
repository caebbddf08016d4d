/**
 * `/wachtwoord-vergeten` (ask for a reset link by e-mail; the answer is the same whether or not the
 * address is known) and `/wachtwoord-herstellen/:token` (choose a new password with the link).
 */
import { PASSWORD_MIN_LENGTH } from '@samenspraak/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { AppLink, paths } from '../../app/router';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Alert, Button, Field, Heading, Label, Paragraph, PasswordInput, TextInput } from '../../components/ui';
import { m } from './messages';

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const { busy, error, done, submit: run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async (ok) => {
      await api('POST', '/api/auth/password-reset', { email });
      ok();
    });
  };
  return (
    <section className="narrow stack" aria-labelledby="forgot-title">
      <Heading level={1} id="forgot-title">
        {m.forgotTitle}
      </Heading>
      {done ? (
        <Alert heading={m.forgotSentTitle} headingLevel={2} severity="success" role="status">
          <Paragraph>{m.forgotSent}</Paragraph>
        </Alert>
      ) : (
        <>
          <Paragraph>{m.forgotIntro}</Paragraph>
          {error && (
            <ErrorAlert heading={m.loadFailed} headingLevel={2}>
              {error}
            </ErrorAlert>
          )}
          <form onSubmit={submit} className="stack" aria-labelledby="forgot-title">
            <Field>
              <Label htmlFor="forgot-email">{m.forgotEmail}</Label>
              <TextInput
                id="forgot-email"
                type="email"
                autoComplete="email"
                required
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            </Field>
            <div>
              <Button type="submit" disabled={busy}>
                {m.forgotButton}
              </Button>
            </div>
          </form>
        </>
      )}
      <AppLink to={paths.login()}>{m.toLogin}</AppLink>
    </section>
  );
}

export function ResetPasswordPage({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const { busy, error, done, submit: run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async (ok) => {
      await api('POST', `/api/auth/password-reset/${encodeURIComponent(token)}`, { password });
      setPassword('');
      ok();
    });
  };
  return (
    <section className="narrow stack" aria-labelledby="reset-title">
      <Heading level={1} id="reset-title">
        {m.resetTitle}
      </Heading>
      {done ? (
        <Alert heading={m.resetTitle} headingLevel={2} severity="success" role="status">
          <Paragraph>{m.resetDone}</Paragraph>
          <AppLink to={paths.login()}>{m.toLogin}</AppLink>
        </Alert>
      ) : (
        <>
          {error && (
            <ErrorAlert heading={m.loadFailed} headingLevel={2}>
              {error}
            </ErrorAlert>
          )}
          <form onSubmit={submit} className="stack" aria-labelledby="reset-title">
            <Field>
              <Label htmlFor="reset-password">{m.newPassword}</Label>
              <PasswordInput
                id="reset-password"
                autoComplete="new-password"
                minLength={PASSWORD_MIN_LENGTH}
                required
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            </Field>
            <div>
              <Button type="submit" disabled={busy}>
                {m.resetButton}
              </Button>
            </div>
          </form>
        </>
      )}
    </section>
  );
}
