/**
 * The login page's other ways in: a passkey (with the login name if one was typed, else the browser
 * offers the passkeys it has for this site), and "Inloggen met je organisatie" when single sign-on is
 * configured. A refused single sign-on comes back as `/inloggen?sso=<error id>` and is shown in words.
 */
import { errorWordsFor, type SsoInfoResponse } from '@samenspraak/shared';
import { useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Button, Paragraph } from '../../components/ui';
import { lang } from '../../i18n';
import { loginWithPasskey, WebAuthnCancelled } from './passkeyClient';
import { s } from './signInMessages';

export function ssoErrorFromUrl(search: string): string | null {
  const id = new URLSearchParams(search).get('sso');
  return id ? errorWordsFor(id, {}, lang) : null;
}

export function LoginAlternatives({ login, onDone }: { login: string; onDone(): Promise<void> }) {
  const [sso, setSso] = useState(false);
  const [ssoError] = useState(() => ssoErrorFromUrl(window.location.search));
  const { busy, failure, error, submit: run } = useSubmit();
  const shownError = failure instanceof WebAuthnCancelled ? s.cancelled : error;

  useEffect(() => {
    let live = true;
    api<SsoInfoResponse>('GET', '/api/auth/sso')
      .then((r) => live && setSso(r.enabled))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);

  const passkey = () =>
    void run(async () => {
      await loginWithPasskey(login.trim() || undefined);
      await onDone();
    });

  return (
    <div className="stack">
      <Paragraph>{s.or}</Paragraph>
      {shownError && (
        <ErrorAlert heading={s.failed} headingLevel={2}>
          {shownError}
        </ErrorAlert>
      )}
      <div>
        <Button variant="secondary" disabled={busy} onClick={passkey}>
          {s.passkeyLogin}
        </Button>
      </div>
      <Paragraph>{s.passkeyLoginHint}</Paragraph>
      {ssoError && (
        <ErrorAlert heading={s.ssoFailed} headingLevel={2}>
          {ssoError}
        </ErrorAlert>
      )}
      {sso && (
        <div>
          <Button variant="secondary" onClick={() => window.location.assign('/api/auth/sso/start')}>
            {s.ssoLogin}
          </Button>
        </div>
      )}
    </div>
  );
}
