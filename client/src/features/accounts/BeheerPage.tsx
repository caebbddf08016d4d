/**
 * `/beheer`: the functioneel beheerder's accounts of their region — the list with each account's state,
 * the actions (disable, unlock, link a new app after checking identity), and a form for a new account.
 * An activation link is shown once, here, besides the mail.
 */
import {
  type AccountResponse,
  type AccountSummary,
  type AccountsResponse,
  BEHEERDER_CREATABLE_ROLES,
  type EnrolmentLinkResponse,
} from '@samenspraak/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { AppLink } from '../../app/router';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Alert, Button, Field, Heading, Label, Paragraph, Select, Table, TextInput } from '../../components/ui';
import { shortMoment } from '../../dates';
import { roleLabel } from '../../i18n';
import { BeheerSignIn } from './BeheerSignIn';
import { m } from './messages';
import '../overview/overview.css';
import './accounts.css';

export const beheerPaths = { accounts: () => '/beheer', cases: () => '/beheer/zaken' };

type Shown = { kind: 'created' | 'reset'; name: string; result: EnrolmentLinkResponse };

function LinkNotice({ shown, onClose }: { shown: Shown; onClose(): void }) {
  const link = new URL(shown.result.link, location.origin).toString();
  return (
    <Alert heading={m.linkTitle} headingLevel={2} severity="success" role="status" data-testid="activation-link">
      <Paragraph>{shown.kind === 'created' ? m.linkCreated(shown.name) : m.linkReset(shown.name)}</Paragraph>
      <Paragraph className="account-link">
        <code>{link}</code>
      </Paragraph>
      <Paragraph>
        <strong>{m.linkOnce}</strong> {m.linkExpires(shortMoment(shown.result.expiresAt))}
      </Paragraph>
      <Button variant="secondary" onClick={onClose}>
        {m.done}
      </Button>
    </Alert>
  );
}

function CreateForm({ onCreated }: { onCreated(shown: Shown): void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState('');
  const [organisation, setOrganisation] = useState('');
  const { busy, error, submit: run } = useSubmit();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const result = await api<EnrolmentLinkResponse>('POST', '/api/admin/accounts', {
        name,
        email,
        role,
        organisation,
      });
      onCreated({ kind: 'created', name, result });
      setName('');
      setEmail('');
      setRole('');
    });
  };
  return (
    <form onSubmit={submit} className="stack" aria-labelledby="create-title">
      <Heading level={2} id="create-title">
        {m.createTitle}
      </Heading>
      <Paragraph>{m.createIntro}</Paragraph>
      <Field>
        <Label htmlFor="acc-name">{m.name}</Label>
        <TextInput
          id="acc-name"
          required
          maxLength={200}
          autoComplete="off"
          value={name}
          onChange={(e) => setName(e.target.value)}
        />
      </Field>
      <Field>
        <Label htmlFor="acc-email">{m.email}</Label>
        <TextInput
          id="acc-email"
          type="email"
          required
          autoComplete="off"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </Field>
      <Field>
        <Label htmlFor="acc-role">{m.role}</Label>
        <Select id="acc-role" required value={role} onChange={(e) => setRole(e.target.value)}>
          <Select.Option value="">{m.chooseRole}</Select.Option>
          {BEHEERDER_CREATABLE_ROLES.map((r) => (
            <Select.Option key={r} value={r}>
              {roleLabel(r)}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor="acc-org">{m.organisation}</Label>
        <TextInput
          id="acc-org"
          required
          maxLength={200}
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
        />
      </Field>
      {error && (
        <ErrorAlert heading={m.loadFailed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
      <div>
        <Button type="submit" disabled={busy}>
          {m.createButton}
        </Button>
      </div>
    </form>
  );
}

function Actions({ account, onDone, onShown }: { account: AccountSummary; onDone(): void; onShown(s: Shown): void }) {
  const { busy, error, submit: run } = useSubmit();
  if (!account.manageable) return null;
  const act = (action: 'disable' | 'unlock' | 'reset-totp') =>
    void run(
      async () => {
        if (action === 'disable' && !window.confirm(m.confirmDisable(account.name))) return;
        // A new app for an enrolled person needs an identity check first; a fresh activation link does not.
        if (action === 'reset-totp' && account.enrolled && !window.confirm(m.confirmReset(account.name))) return;
        const path = `/api/admin/accounts/${encodeURIComponent(account.id)}/${action}`;
        if (action === 'reset-totp') {
          const result = await api<EnrolmentLinkResponse>('POST', path);
          onShown({ kind: 'reset', name: account.name, result });
        } else await api<AccountResponse>('POST', path);
      },
      { settle: async () => onDone() },
    );
  return (
    <div className="stack">
      <div className="account-actions">
        {account.state === 'locked' && (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => act('unlock')}
            aria-label={m.actionFor(m.unlock, account.name)}
          >
            {m.unlock}
          </Button>
        )}
        {account.state !== 'disabled' && (
          <Button
            variant="secondary"
            disabled={busy}
            onClick={() => act('reset-totp')}
            aria-label={m.actionFor(account.enrolled ? m.resetTotp : m.newLink, account.name)}
          >
            {account.enrolled ? m.resetTotp : m.newLink}
          </Button>
        )}
        {account.state !== 'disabled' && (
          <Button
            variant="tertiary"
            disabled={busy}
            onClick={() => act('disable')}
            aria-label={m.actionFor(m.disable, account.name)}
          >
            {m.disable}
          </Button>
        )}
      </div>
      {error && (
        <ErrorAlert heading={m.loadFailed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
    </div>
  );
}

export function BeheerNav() {
  return (
    <nav aria-label={m.beheerTitle} className="account-actions">
      <AppLink to={beheerPaths.accounts()}>{m.navAccounts}</AppLink>
      <AppLink to={beheerPaths.cases()}>{m.navCases}</AppLink>
    </nav>
  );
}

export function BeheerPage() {
  const list = useApi<AccountsResponse>('/api/admin/accounts');
  const [shown, setShown] = useState<Shown | null>(null);
  useEffect(() => {
    document.title = `${m.beheerTitle} — Samenspraak`;
  }, []);
  if (list.error)
    return (
      <Alert heading={m.loadFailed} headingLevel={1} severity="error">
        <Paragraph>{errorText(list.error)}</Paragraph>
      </Alert>
    );
  if (!list.data) return <Paragraph>{m.loading}</Paragraph>;
  const { region, accounts } = list.data;
  const reload = () => void list.reload();
  return (
    <section className="stack" aria-labelledby="beheer-title">
      <Heading level={1} id="beheer-title">
        {m.beheerTitle}
      </Heading>
      <BeheerNav />
      <Paragraph>{m.beheerIntro(region)}</Paragraph>
      {shown && <LinkNotice shown={shown} onClose={() => setShown(null)} />}
      <Heading level={2}>{m.listTitle}</Heading>
      {accounts.length === 0 ? (
        <Paragraph>{m.noAccounts}</Paragraph>
      ) : (
        <Table className="stacked-table" role="table" data-testid="accounts">
          <Table.Caption className="visually-hidden">{m.listTitle}</Table.Caption>
          <Table.ColumnHeaders columns={[m.colName, m.colRole, m.colOrganisation, m.colState, m.colActions]} />
          <Table.Body role="rowgroup">
            {accounts.map((a) => (
              <Table.Row key={a.id} role="row">
                <Table.Cell role="cell" data-label={m.colName}>
                  {a.name}
                  <br />
                  <span className="muted">{a.login}</span>
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.colRole}>
                  {a.role ? roleLabel(a.role) : ''}
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.colOrganisation}>
                  {a.organisation ?? ''}
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.colState} className={`account-state--${a.state}`}>
                  {m.states[a.state] ?? a.state}
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.colActions}>
                  <Actions account={a} onDone={reload} onShown={setShown} />
                  <BeheerSignIn account={a} />
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
      <CreateForm
        onCreated={(s) => {
          setShown(s);
          reload();
        }}
      />
    </section>
  );
}
