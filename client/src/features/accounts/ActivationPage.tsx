/**
 * `/activeren/:token`: a new professional chooses a password (or, after a TOTP reset, gives their
 * current one), scans the QR code the server drew, confirms with a code, and gets recovery codes once.
 */
import type { ActivationInfo, RecoveryCodesResponse } from '@samenspraak/shared';
import { PASSWORD_MIN_LENGTH } from '@samenspraak/shared';
import { type FormEvent, useState } from 'react';
import { CodeInput } from '../../app/AccountFields';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { navigate, paths } from '../../app/router';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Alert, Button, Field, Heading, Label, Paragraph, PasswordInput, TextInput } from '../../components/ui';
import { ActivationPasskey } from './ActivationPasskey';
import { m } from './messages';
import { RecoveryCodes } from './RecoveryCodes';
import './accounts.css';

export function ActivationPage({ token }: { token: string }) {
  const path = `/api/activation/${encodeURIComponent(token)}`;
  const info = useApi<ActivationInfo>(path);
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [saved, setSaved] = useState(false);
  const { busy, error, submit: run } = useSubmit();

  if (info.error && !codes)
    return (
      <section className="narrow stack">
        <Heading level={1}>{m.activationTitle}</Heading>
        <ErrorAlert heading={m.activationFailed} headingLevel={2}>
          {errorText(info.error)}
        </ErrorAlert>
      </section>
    );
  if (!info.data) return <Paragraph>{m.loading}</Paragraph>;
  const data = info.data;
  const enrolment = data.purpose === 'enrolment';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const res = await api<RecoveryCodesResponse>('POST', path, { password, code });
      setPassword('');
      setCodes(res.recoveryCodes);
    });
  };

  if (codes)
    return (
      <section className="narrow stack" aria-labelledby="activation-title">
        <Heading level={1} id="activation-title">
          {enrolment ? m.enrolmentTitle : m.activationTitle}
        </Heading>
        <RecoveryCodes codes={codes} />
        {saved ? (
          <Alert heading={m.activated} headingLevel={2} severity="success" role="status">
            <Button onClick={() => navigate(paths.login())}>{m.toLogin}</Button>
          </Alert>
        ) : (
          <div>
            <Button onClick={() => setSaved(true)}>{m.codesSaved}</Button>
          </div>
        )}
      </section>
    );

  return (
    <section className="narrow stack" aria-labelledby="activation-title">
      <Heading level={1} id="activation-title">
        {enrolment ? m.enrolmentTitle : m.activationTitle}
      </Heading>
      <Paragraph>{m.activationHello(data.name)}</Paragraph>
      {error && (
        <ErrorAlert heading={m.activationFailed} headingLevel={2}>
          {error}
        </ErrorAlert>
      )}
      <form onSubmit={submit} className="stack" aria-labelledby="activation-title">
        <Heading level={2}>{enrolment ? m.step1Enrolment : m.step1}</Heading>
        <Field>
          <Label htmlFor="act-login">{m.yourLogin}</Label>
          <TextInput id="act-login" name="username" autoComplete="username" readOnly value={data.login} />
        </Field>
        <Field>
          <Label htmlFor="act-password">{enrolment ? m.currentPassword : m.newPassword}</Label>
          <PasswordInput
            id="act-password"
            name="password"
            autoComplete={enrolment ? 'current-password' : 'new-password'}
            minLength={enrolment ? undefined : PASSWORD_MIN_LENGTH}
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </Field>
        <Heading level={2}>{m.step2}</Heading>
        <Paragraph>{m.step2Intro}</Paragraph>
        <img className="activation__qr" src={data.qrDataUrl} alt={m.qrAlt} width={220} height={220} />
        <Paragraph>
          {m.manualEntry}{' '}
          <code className="activation__secret" data-testid="totp-secret">
            {data.secret}
          </code>
        </Paragraph>
        <Heading level={2}>{m.step3}</Heading>
        <Field>
          <Label htmlFor="act-code">{m.code}</Label>
          <CodeInput id="act-code" name="code" pattern="[0-9]{6}" maxLength={6} value={code} onDigits={setCode} />
        </Field>
        <div>
          <Button type="submit" disabled={busy}>
            {m.activateButton}
          </Button>
        </div>
      </form>
      <ActivationPasskey token={token} password={password} />
    </section>
  );
}
