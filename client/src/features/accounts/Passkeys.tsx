/** `/account`, section "Toegangssleutels": the person's passkeys, make one, remove one. */
import type { PasskeysResponse } from '@samenspraak/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Button, Field, Heading, Label, Paragraph, TextInput } from '../../components/ui';
import { registerPasskey, WebAuthnCancelled } from './passkeyClient';
import { s } from './signInMessages';

const day = (iso: string) =>
  new Date(iso).toLocaleDateString('nl-NL', { day: 'numeric', month: 'long', year: 'numeric' });

export function Passkeys() {
  const list = useApi<PasskeysResponse>('/api/account/passkeys');
  const [name, setName] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const { busy, failure, error, submit: run } = useSubmit();
  const shownError = failure instanceof WebAuthnCancelled ? s.cancelled : error;

  const add = (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    void run(async () => {
      await registerPasskey(name.trim());
      setName('');
      setStatus(s.passkeyAdded);
      await list.reload();
    });
  };
  const remove = (id: string) => {
    setStatus(null);
    void run(async () => {
      await api('DELETE', `/api/account/passkeys/${encodeURIComponent(id)}`);
      setStatus(s.passkeyRemoved);
      await list.reload();
    });
  };

  const passkeys = list.data?.passkeys ?? [];
  return (
    <section className="stack" aria-labelledby="passkeys-title">
      <Heading level={2} id="passkeys-title">
        {s.passkeysTitle}
      </Heading>
      <Paragraph>{s.passkeysIntro}</Paragraph>
      {list.data && passkeys.length === 0 && <Paragraph>{s.passkeysNone}</Paragraph>}
      {passkeys.length > 0 && (
        <ul className="stack passkey-list" data-testid="passkeys">
          {passkeys.map((p) => (
            <li key={p.id} className="stack">
              <strong>{p.name}</strong>
              <span>{s.passkeyMeta(day(p.createdAt), p.lastUsedAt ? day(p.lastUsedAt) : null, p.backedUp)}</span>
              <div>
                <Button variant="secondary" disabled={busy} onClick={() => remove(p.id)}>
                  {s.passkeyRemove(p.name)}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <form onSubmit={add} className="stack" aria-label={s.passkeyAdd}>
        <Field>
          <Label htmlFor="passkey-name">{s.passkeyName}</Label>
          <TextInput id="passkey-name" maxLength={60} value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        {shownError && (
          <ErrorAlert heading={s.failed} headingLevel={3}>
            {shownError}
          </ErrorAlert>
        )}
        {status && <Paragraph role="status">{status}</Paragraph>}
        <div>
          <Button type="submit" variant="secondary" disabled={busy}>
            {s.passkeyAdd}
          </Button>
        </div>
      </form>
    </section>
  );
}
