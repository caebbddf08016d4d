/**
 * The connection end to end against a fake Samenspraak server: the real y-websocket provider, the real
 * counting socket and save tracker, and a server that speaks y-protocols sync and numbers the client's
 * update-bearing frames (sync step2 and update) like the real one, answering `Saved n` / `Rejected n`.
 *
 * What matters: "saved" only after the server acknowledged every change — also for changes made offline
 * and carried by the sync step2 of the next connection — and token renewal on TokenExpired.
 */
import { PROTOCOL_VERSION, PROTOCOL_VERSION_PARAM } from '@samenspraak/shared';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  FakeServer,
  fakeNavigator,
  installFakeBrowser,
  setOnline,
  sleep,
  until,
  windowEvents,
} from './fakeCollabServer';

let server: FakeServer;

beforeAll(() => installFakeBrowser());

const { connectDocument } = await import('./connection');
const { t } = await import('../i18n');
type Connection = ReturnType<typeof connectDocument>;
const open: Connection[] = [];

function connect(options: Partial<Parameters<typeof connectDocument>[0]> = {}): Connection {
  const connection = connectDocument({ documentId: 'doc', token: 'tok1', wsBase: 'ws://test/collab', ...options });
  open.push(connection);
  return connection;
}

afterEach(() => {
  for (const c of open.splice(0)) c.destroy();
  fakeNavigator.onLine = true;
});

describe('connection save status against a server', () => {
  it('is saved once the first step2 is acknowledged, and unsaved from an edit until its ack', async () => {
    server = new FakeServer();
    const c = connect();
    await until(() => c.getStatus().saved && c.getStatus().phase === 'online');
    server.holdAcks = true;
    c.doc.getText('t').insert(0, 'hallo');
    await sleep(30);
    expect(c.getStatus()).toMatchObject({ saved: false, unsaved: true });
    expect(server.doc.getText('t').toString()).toBe('hallo'); // arrived, but not yet durable
    server.releaseAcks();
    await until(() => c.getStatus().saved);
    expect(c.getStatus().unsaved).toBe(false);
  });

  it('keeps an offline edit unsaved until the step2 of the next connection is acknowledged', async () => {
    server = new FakeServer();
    const c = connect();
    await until(() => c.getStatus().saved);

    setOnline(false);
    await until(() => c.getStatus().phase === 'offline');
    c.doc.getText('t').insert(0, 'offline getypt');
    expect(c.getStatus()).toMatchObject({ phase: 'offline', unsaved: true, saved: false });
    await sleep(50);
    expect(server.doc.getText('t').toString()).toBe('');

    server.holdAcks = true; // the server receives the step2 but has not made it durable yet
    setOnline(true);
    await until(() => server.doc.getText('t').toString() === 'offline getypt');
    await until(() => c.getStatus().phase === 'online');
    await sleep(30);
    expect(c.getStatus()).toMatchObject({ saved: false, unsaved: true });
    server.releaseAcks();
    await until(() => c.getStatus().saved);
    expect(c.getStatus().unsaved).toBe(false);
  });

  it('re-sends an edit whose frame was lost with the connection, and only then says saved', async () => {
    server = new FakeServer();
    const c = connect();
    await until(() => c.getStatus().saved);
    server.holdAcks = true;
    c.doc.getText('t').insert(0, 'onderweg');
    await until(() => server.doc.getText('t').toString() === 'onderweg');
    // The connection drops before the Saved arrives: the server may or may not have stored it.
    server.goOffline();
    await until(() => c.getStatus().phase !== 'online');
    expect(c.getStatus().unsaved).toBe(true);
    server.holdAcks = false;
    server.online = true;
    windowEvents.dispatchEvent(new Event('online'));
    await until(() => c.getStatus().saved, 5000);
    expect(server.doc.getText('t').toString()).toBe('onderweg');
  });

  it('merges edits made on both sides while one was offline', async () => {
    server = new FakeServer();
    const a = connect();
    const b = connect({ token: 'tok-b' });
    await until(() => a.getStatus().saved && b.getStatus().saved);
    a.doc.getText('t').insert(0, 'A');
    await until(() => b.doc.getText('t').toString() === 'A');

    // a goes offline on its own (its socket is dropped; the others stay connected)
    fakeNavigator.onLine = false;
    windowEvents.dispatchEvent(new Event('offline'));
    const aSockets = new Set(server.sockets.filter((s) => s.url.includes('tok1')));
    for (const s of aSockets) s.serverClose(1006);
    await until(() => a.getStatus().phase === 'offline');
    a.doc.getText('t').insert(1, ' offline');
    b.doc.getText('t').insert(0, 'B ');
    await until(() => b.getStatus().saved);
    expect(a.getStatus().unsaved).toBe(true);

    fakeNavigator.onLine = true;
    windowEvents.dispatchEvent(new Event('online'));
    await until(() => a.getStatus().saved && a.doc.getText('t').toString() === b.doc.getText('t').toString(), 5000);
    expect(server.doc.getText('t').toString()).toBe(a.doc.getText('t').toString());
    expect(server.doc.getText('t').toString()).toContain('offline');
    expect(server.doc.getText('t').toString()).toContain('B ');
  });

  it('reports a refused change as a rejection, never as saved', async () => {
    server = new FakeServer();
    server.refuseText = 'verboden';
    const c = connect();
    await until(() => c.getStatus().saved);
    c.doc.getText('t').insert(0, 'verboden');
    await until(() => c.getStatus().rejection !== null);
    expect(c.getStatus()).toMatchObject({ saved: false, rejection: { reason: 'section-forbidden' } });
  });

  it('renews an expired token and connects again instead of giving up', async () => {
    server = new FakeServer();
    server.expiredTokens = ['old'];
    let renewals = 0;
    const c = connect({
      token: 'old',
      renewToken: async () => {
        renewals += 1;
        return { token: 'new' };
      },
    });
    await until(() => c.getStatus().saved);
    expect(renewals).toBe(1);
    expect(c.getStatus().denied).toBeNull();
    expect(server.urls.at(-1)).toContain('token=new');
  });

  it('ends as denied when the token cannot be renewed', async () => {
    server = new FakeServer();
    server.expiredTokens = ['old'];
    const c = connect({ token: 'old', renewToken: async () => null });
    await until(() => c.getStatus().phase === 'denied');
    expect(c.getStatus().denied).toBe('expired');
  });

  it('renews the token shortly before it expires, for the next connection', async () => {
    server = new FakeServer();
    const c = connect({
      expiresAt: new Date(Date.now() + 60_050).toISOString(),
      renewToken: async () => ({ token: 'fresh', expiresAt: new Date(Date.now() + 900_000).toISOString() }),
    });
    await until(() => c.provider.params.token === 'fresh', 2000);
    expect(c.getStatus().denied).toBeNull();
  });
});

describe('protocol version', () => {
  it('sends its protocol version at connect, also after the token was renewed', async () => {
    server = new FakeServer();
    const c = connect();
    await until(() => c.getStatus().saved);
    expect(new URL(server.urls.at(-1) as string).searchParams.get(PROTOCOL_VERSION_PARAM)).toBe(
      String(PROTOCOL_VERSION),
    );
  });

  it('stops reconnecting and asks for a page reload when the server is newer (OutdatedClient)', async () => {
    server = new FakeServer();
    server.minVersion = PROTOCOL_VERSION + 1;
    const c = connect();
    await until(() => c.getStatus().outdated);
    const attempts = server.urls.length;
    await sleep(100);
    expect(server.urls.length).toBe(attempts);
    expect(c.provider.shouldConnect).toBe(false);
    expect(t.outdatedClient).toBe('Er is een nieuwe versie van Samenspraak. Laad de pagina opnieuw.');
    expect(t.reloadPage).toBe('Pagina opnieuw laden');
  });
});
