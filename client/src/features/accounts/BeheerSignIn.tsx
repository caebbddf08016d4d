/**
 * The beheerder's view of one account's other ways in, folded open on request (opening it is logged as
 * a read): how many passkeys it has, removing them on account recovery (a lost phone may hold one), and
 * the link to the person's organisation account for single sign-on (only when SSO is configured).
 */
import type { AccountSignIn, AccountSummary, SsoInfoResponse } from '@samenspraak/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Button, Field, Label, Paragraph, TextInput } from '../../components/ui';
import { b } from './signInMessages';

function Loaded({ account }: { account: AccountSummary }) {
  const [info, setInfo] = useState<AccountSignIn | null>(null);
  const [sso, setSso] = useState(false);
  const [subject, setSubject] = useState('');
  const { busy, error, submit: run } = useSubmit();
  const base = `/api/admin/accounts/${encodeURIComponent(account.id)}`;

  useEffect(() => {
    void run(async () => {
      const [signIn, ssoInfo] = await Promise.all([
        api<AccountSignIn>('GET', `${base}/sign-in`),
        api<SsoInfoResponse>('GET', '/api/auth/sso'),
      ]);
      setInfo(signIn);
      setSubject(signIn.sso?.subject ?? '');
      setSso(ssoInfo.enabled);
    });
  }, [base, run]);

  const removePasskeys = () => {
    if (!window.confirm(b.confirmRemove(account.name))) return;
    void run(async () => setInfo(await api<AccountSignIn>('DELETE', `${base}/passkeys`)));
  };
  const link = (e: FormEvent) => {
    e.preventDefault();
    void run(async () =>
      setInfo(await api<AccountSignIn>('PUT', `${base}/sso`, { subject: subject.trim() === '' ? null : subject })),
    );
  };

  return (
    <div className="stack">
      {info && <Paragraph>{b.passkeys(info.passkeys)}</Paragraph>}
      {info && info.passkeys > 0 && (
        <div>
          <Button variant="secondary" disabled={busy} onClick={removePasskeys}>
            {b.removePasskeys}
          </Button>
        </div>
      )}
      {info && sso && (
        <form onSubmit={link} className="stack" aria-label={b.ssoTitle(account.name)}>
          <Paragraph>{info.sso ? b.ssoLinked : b.ssoNotLinked}</Paragraph>
          <Field>
            <Label htmlFor={`sso-${account.id}`}>{b.ssoSubject}</Label>
            <TextInput id={`sso-${account.id}`} value={subject} onChange={(e) => setSubject(e.target.value)} />
          </Field>
          <div>
            <Button type="submit" variant="secondary" disabled={busy}>
              {b.ssoSave}
            </Button>
          </div>
        </form>
      )}
      {error && (
        <ErrorAlert heading={b.failed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
    </div>
  );
}

export function BeheerSignIn({ account }: { account: AccountSummary }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>{b.summary(account.name)}</summary>
      {open && <Loaded account={account} />}
    </details>
  );
}
