/** Login: user name + password, then (for professionals) the 6-digit TOTP code. */

import type { LoginResponse } from '@samenspraak/shared';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { Button, Field, Heading, Label, Paragraph } from '../components/ui';
import { AccountFields, CodeInput } from './AccountFields';
import { api, startSession } from './api';
import { useAuth } from './auth';
import { m } from './messages';
import { AppLink, paths } from './router';
import { useSubmit } from './useSubmit';

export function LoginPage() {
  const { refresh } = useAuth();
  const [step, setStep] = useState<'password' | 'totp'>('password');
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const { busy, error, submit: run } = useSubmit();

  const submitPassword = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const res = await startSession<LoginResponse>('/api/auth/login', { login, password });
      setPassword('');
      if (res.next === 'totp') setStep('totp');
      else await refresh();
    });
  };

  const submitCode = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      await api<LoginResponse>('POST', '/api/auth/totp', { code });
      await refresh();
    });
  };

  return (
    <section className="narrow stack" aria-labelledby="login-title">
      <Heading level={1} id="login-title">
        {step === 'password' ? m.loginTitle : m.totpTitle}
      </Heading>
      <Paragraph>{step === 'password' ? m.loginIntro : m.totpIntro}</Paragraph>
      {error && (
        <ErrorAlert heading={m.loginFailed} headingLevel={2}>
          {error}
        </ErrorAlert>
      )}
      {step === 'password' ? (
        <form onSubmit={submitPassword} className="stack" aria-label={m.loginTitle}>
          <AccountFields
            idPrefix="login"
            labels={{ login: m.loginName, password: m.password }}
            login={login}
            password={password}
            onLogin={setLogin}
            onPassword={setPassword}
          />
          <Button type="submit" disabled={busy}>
            {m.loginButton}
          </Button>
        </form>
      ) : (
        <form onSubmit={submitCode} className="stack" aria-label={m.totpTitle}>
          <Field>
            <Label htmlFor="login-totp">{m.totpCode}</Label>
            <CodeInput id="login-totp" name="code" pattern="[0-9]{6}" maxLength={6} value={code} onDigits={setCode} />
          </Field>
          <Button type="submit" disabled={busy}>
            {m.totpButton}
          </Button>
        </form>
      )}
      {step === 'password' && (
        <Paragraph>
          <AppLink to={paths.consultation()} data-testid="consultation-link">
            {m.consultationLink}
          </AppLink>
        </Paragraph>
      )}
    </section>
  );
}
