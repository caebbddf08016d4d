/**
 * Login: user name + password, then (for professionals) the 6-digit TOTP code or one of the recovery
 * codes; a link to the forgotten-password page.
 */

import type { LoginResponse } from '@samenspraak/shared';
import { type FormEvent, useState } from 'react';
import { ErrorAlert } from '../components/ErrorAlert';
import { Button, Field, Heading, Label, Paragraph, TextInput } from '../components/ui';
import { LoginAlternatives } from '../features/accounts/LoginAlternatives';
import { AccountFields, CodeInput } from './AccountFields';
import { api, startSession } from './api';
import { useAuth } from './auth';
import { m } from './messages';
import { AppLink, paths } from './router';
import { useSubmit } from './useSubmit';

export function LoginPage() {
  const { refresh } = useAuth();
  const [step, setStep] = useState<'password' | 'totp' | 'recovery'>('password');
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
      await api<LoginResponse>('POST', step === 'recovery' ? '/api/auth/recovery-code' : '/api/auth/totp', { code });
      await refresh();
    });
  };
  const switchTo = (next: 'totp' | 'recovery') => {
    setCode('');
    setStep(next);
  };
  const titles = { password: m.loginTitle, totp: m.totpTitle, recovery: m.recoveryTitle };
  const intros = { password: m.loginIntro, totp: m.totpIntro, recovery: m.recoveryIntro };

  return (
    <section className="narrow stack" aria-labelledby="login-title">
      <Heading level={1} id="login-title">
        {titles[step]}
      </Heading>
      <Paragraph>{intros[step]}</Paragraph>
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
          <AppLink to={paths.forgotPassword()}>{m.forgotPassword}</AppLink>
        </form>
      ) : step === 'recovery' ? (
        <form onSubmit={submitCode} className="stack" aria-label={m.recoveryTitle}>
          <Field>
            <Label htmlFor="login-recovery">{m.recoveryCode}</Label>
            <TextInput
              id="login-recovery"
              name="recovery-code"
              autoComplete="off"
              autoCapitalize="none"
              spellCheck={false}
              required
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          </Field>
          <Button type="submit" disabled={busy}>
            {m.totpButton}
          </Button>
          <Button variant="tertiary" onClick={() => switchTo('totp')}>
            {m.useTotpCode}
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
          <Button variant="tertiary" onClick={() => switchTo('recovery')}>
            {m.useRecoveryCode}
          </Button>
        </form>
      )}
      {step === 'password' && <LoginAlternatives login={login} onDone={refresh} />}
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
