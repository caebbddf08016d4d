/** On the activation page: finish the link with a passkey instead of the TOTP app (professionals). */
import { useState } from 'react';
import { navigate, paths } from '../../app/router';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Alert, Button, Heading, Paragraph } from '../../components/ui';
import { activateWithPasskey, WebAuthnCancelled } from './passkeyClient';
import { s } from './signInMessages';

export function ActivationPasskey({ token, password }: { token: string; password: string }) {
  const [done, setDone] = useState(false);
  const [missing, setMissing] = useState(false);
  const { busy, failure, error, submit: run } = useSubmit();
  const shownError = missing ? s.activationPasswordFirst : failure instanceof WebAuthnCancelled ? s.cancelled : error;

  const activate = () => {
    setMissing(password === '');
    if (password === '') return;
    void run(async () => {
      await activateWithPasskey(token, password, '');
      setDone(true);
    });
  };

  if (done)
    return (
      <Alert heading={s.activationPasskeyDone} headingLevel={2} severity="success" role="status">
        <Button onClick={() => navigate(paths.login())}>{s.passkeyLogin}</Button>
      </Alert>
    );
  return (
    <section className="stack" aria-labelledby="activation-passkey-title">
      <Heading level={2} id="activation-passkey-title">
        {s.activationPasskeyTitle}
      </Heading>
      <Paragraph>{s.activationPasskeyIntro}</Paragraph>
      {shownError && (
        <ErrorAlert heading={s.failed} headingLevel={3}>
          {shownError}
        </ErrorAlert>
      )}
      <div>
        <Button variant="secondary" disabled={busy} onClick={activate}>
          {s.activationPasskeyButton}
        </Button>
      </div>
    </section>
  );
}
