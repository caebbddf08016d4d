/** The collaboration core driven through fake sockets on a real SQLite store. */
import { CloseCode, MessageType, RejectReason } from '@samenspraak/shared';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { createTokenAccessPolicy } from '../../src/auth/tokenAccessPolicy.js';
import { SqliteStore } from '../../src/storage/sqliteStore.js';
import { ControlledStore, createCore } from '../support/coreHarness.js';
import { FakeClient, settle } from '../support/fakeClient.js';
import { tokenFor } from '../support/tokens.js';
import { waitFor } from '../support/trackedClient.js';

const DOC = 'va-1';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function setup(opts: Parameters<typeof createCore>[0] = {}) {
  const h = createCore(opts);
  cleanups.push(() => h.core.close(1000));
  const client = async (access: 'read' | 'write' = 'write', docId = DOC, who: Parameters<typeof tokenFor>[1] = {}) =>
    new FakeClient(h.core, docId, await tokenFor({ [docId]: access }, who)).connect();
  return { ...h, client };
}

/** Delivers what is queued; always true, for use inside waitFor conditions. */
function deliverAll(...clients: FakeClient[]): true {
  for (const c of clients) c.deliver();
  return true;
}

/** Delivers every queued frame to every client until nothing moves. */
async function pump(...clients: FakeClient[]) {
  await waitFor(
    () => {
      for (const c of clients) c.deliver();
      return clients.every((c) => c.session === null || c.synced);
    },
    2000,
    'sync',
  );
  for (let i = 0; i < 50; i++) {
    await settle();
    let moved = 0;
    for (const c of clients) moved += c.deliver();
    if (moved === 0) {
      await settle();
      if (clients.every((c) => c.inbox.length === 0)) return;
    }
  }
}

describe('collaboration core', () => {
  it('syncs a late joiner and relays live updates to the others only', async () => {
    const { client } = await setup();
    const a = await client();
    await pump(a);
    a.doc.getText('t').insert(0, 'Hulpvraag: ');
    await pump(a);
    const b = await client();
    await pump(a, b);
    expect(b.text).toBe('Hulpvraag: ');
    const framesBefore = a.inbox.length;
    b.doc.getText('t').insert(11, 'rust in huis');
    await settle();
    expect(a.inbox.length).toBeGreaterThan(framesBefore);
    await pump(a, b);
    expect(a.text).toBe('Hulpvraag: rust in huis');
  });

  it('acknowledges an update as saved only after the store made it durable', async () => {
    const store = new ControlledStore(new SqliteStore(':memory:'));
    const { client } = await setup({ store });
    const a = await client();
    await pump(a);
    const ackedBefore = a.saved;
    store.hold();
    a.doc.getText('t').insert(0, 'belangrijk');
    await pump(a);
    expect(a.sent).toBeGreaterThan(ackedBefore);
    expect(a.saved).toBe(ackedBefore);
    store.release();
    await waitFor(() => deliverAll(a) && a.saved === a.sent, 2000, 'Saved after release');
    const stored = await store.inner.load(DOC);
    const check = new Y.Doc();
    for (const e of stored.tail) Y.applyUpdate(check, e.update);
    expect(check.getText('t').toString()).toBe('belangrijk');
  });

  it('keeps updates in memory while the store fails, retries, and never reports them saved early', async () => {
    const store = new ControlledStore(new SqliteStore(':memory:'));
    const { core, client } = await setup({ store });
    const a = await client();
    await pump(a);
    store.failAppends = 3;
    a.doc.getText('t').insert(0, 'niet kwijtraken');
    await pump(a);
    expect(a.saved).toBeLessThan(a.sent);
    expect(core.storeHealthy).toBe(false);
    await waitFor(() => deliverAll(a) && a.saved === a.sent, 5000, 'Saved after the store recovered');
    expect(store.appendCalls).toBeGreaterThanOrEqual(4);
    expect(core.storeHealthy).toBe(true);
    const stored = await store.inner.load(DOC);
    expect(stored.tail.length).toBeGreaterThan(0);
  });

  it('rejects updates from a read-only connection, tells the sender, and leaves the document unchanged', async () => {
    const { core, client } = await setup();
    const w = await client('write');
    await pump(w);
    w.doc.getText('t').insert(0, 'tekst');
    await pump(w);
    const r = await client('read');
    await pump(w, r);
    const before = Y.encodeStateAsUpdate(core.loadedDocument(DOC) as Y.Doc);
    r.doc.getText('t').insert(0, 'vervalst ');
    await pump(w, r);
    expect(r.rejected).toEqual([{ n: r.sent, reason: RejectReason.ReadOnly }]);
    expect(r.closedWith).toBeNull();
    expect(w.text).toBe('tekst');
    expect(Y.encodeStateAsUpdate(core.loadedDocument(DOC) as Y.Doc)).toEqual(before);
    // The rejected message still counts as handled, so the reader's Saved covers it.
    expect(r.saved).toBe(r.sent);
  });

  it('asks the policy about every changing update and applies nothing it refuses', async () => {
    const base = createTokenAccessPolicy((await import('../support/tokens.js')).testKey);
    const seen: string[] = [];
    const { core, client } = await setup({
      policy: {
        authenticate: base.authenticate,
        checkUpdate: ({ decoded }) => {
          const touchesSecret = decoded.structs.some((s) => s instanceof Y.Item && (s.parent as unknown) === 'geheim');
          seen.push(touchesSecret ? 'geheim' : 'ok');
          return touchesSecret ? { reason: RejectReason.SectionForbidden, detail: 'section geheim' } : null;
        },
      },
    });
    const a = await client();
    await pump(a);
    a.doc.getText('t').insert(0, 'mag');
    a.doc.getText('geheim').insert(0, 'mag niet');
    await pump(a);
    expect(seen).toEqual(['ok', 'geheim']);
    expect(a.rejected.map((r) => r.reason)).toEqual([RejectReason.SectionForbidden]);
    const serverDoc = core.loadedDocument(DOC) as Y.Doc;
    expect(serverDoc.getText('t').toString()).toBe('mag');
    expect(serverDoc.getText('geheim').toString()).toBe('');
  });

  it('rejects an update that would make the document exceed its size limit', async () => {
    const { core, client } = await setup({ limits: { maxDocumentBytes: 2000 } });
    const a = await client();
    await pump(a);
    a.doc.getText('t').insert(0, 'x'.repeat(500));
    await pump(a);
    a.doc.getText('t').insert(0, 'y'.repeat(3000));
    await pump(a);
    expect(a.rejected.map((r) => r.reason)).toEqual([RejectReason.DocumentTooLarge]);
    expect((core.loadedDocument(DOC) as Y.Doc).getText('t').toString()).toBe('x'.repeat(500));
  });

  it('does not acknowledge a re-sent edit before the original write is durable', async () => {
    const store = new ControlledStore(new SqliteStore(':memory:'));
    const { client } = await setup({ store });
    const a = await client();
    await pump(a);
    const a2 = await client();
    await pump(a, a2);
    store.hold();
    a.doc.getText('t').insert(0, 'eerst');
    await settle();
    // a2 re-sends the same content (as after a reconnect): nothing new, but not durable yet either.
    a2.sendUpdate(Y.encodeStateAsUpdate(a.doc));
    await pump(a, a2);
    expect(a2.saved).toBeLessThan(a2.sent);
    store.release();
    await waitFor(() => deliverAll(a, a2) && a2.saved === a2.sent && a.saved === a.sent, 2000, 'acks');
  });

  it('relays awareness and removes a departed client from the others', async () => {
    const { client } = await setup();
    const a = await client('write', DOC, { sub: 'u-sanne', name: 'Sanne', role: 'gedragswetenschapper' });
    const b = await client();
    await pump(a, b);
    a.setAwareness({ user: { name: 'Sanne', role: 'gedragswetenschapper', color: '#123456' }, cursor: null });
    await pump(a, b);
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual({
      user: { name: 'Sanne', role: 'gedragswetenschapper', userId: 'u-sanne', color: '#123456' },
      cursor: null,
    });
    a.disconnect();
    await pump(b);
    expect(b.awareness.getStates().has(a.doc.clientID)).toBe(false);
  });

  it('answers query-awareness with the current states', async () => {
    const { client } = await setup();
    const a = await client();
    const b = await client();
    await pump(a, b);
    a.setAwareness({ user: { name: 'A' } });
    await pump(a, b);
    const stamped = { user: { name: 'Test Gebruiker', role: 'gedragswetenschapper', userId: 'user-1' } };
    b.awareness.states.clear();
    b.awareness.meta.clear();
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.QueryAwareness);
    b.raw(encoding.toUint8Array(e));
    await pump(a, b);
    expect(b.awareness.getStates().get(a.doc.clientID)).toEqual(stamped);
  });

  it('shows the name and role of the token in presence, whatever the client claims', async () => {
    const { client } = await setup();
    const parent = await client('write', DOC, { sub: 'u-ouder', name: 'Marieke', role: 'ouder' });
    const scientist = await client('write', DOC, { sub: 'u-gw', name: 'Gert', role: 'gedragswetenschapper' });
    await pump(parent, scientist);
    parent.setAwareness({
      user: { name: 'Gert (gedragswetenschapper)', role: 'gedragswetenschapper', userId: 'u-gw' },
    });
    await pump(parent, scientist);
    expect(scientist.awareness.getStates().get(parent.doc.clientID)).toEqual({
      user: { name: 'Marieke', role: 'ouder', userId: 'u-ouder' },
    });
  });

  it("refuses awareness entries for another connection's client id (no renaming or removing someone else)", async () => {
    const { client } = await setup();
    const victim = await client('write', DOC, { sub: 'u-1', name: 'Anna' });
    const attacker = await client('write', DOC, { sub: 'u-2', name: 'Bram' });
    const witness = await client('write', DOC, { sub: 'u-3', name: 'Cor' });
    await pump(victim, attacker, witness);
    victim.setAwareness({ user: { name: 'Anna' } });
    await pump(victim, attacker, witness);
    // The attacker replays the victim's client id with a higher clock and a null state ("left").
    const forged = new awarenessProtocol.Awareness(new Y.Doc());
    forged.clientID = victim.doc.clientID;
    const meta = victim.awareness.meta.get(victim.doc.clientID);
    forged.meta.set(victim.doc.clientID, { clock: (meta?.clock ?? 0) + 5, lastUpdated: Date.now() });
    forged.states.delete(victim.doc.clientID);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(forged, [victim.doc.clientID]));
    attacker.raw(encoding.toUint8Array(e));
    await pump(victim, attacker, witness);
    expect(witness.awareness.getStates().get(victim.doc.clientID)).toEqual({
      user: { name: 'Anna', role: 'gedragswetenschapper', userId: 'u-1' },
    });
  });

  it('compacts the log into a snapshot and loads snapshot + tail to the same document', async () => {
    const store = new SqliteStore(':memory:');
    const { core, client } = await setup({ store, limits: { compactAfterUpdates: 10 } });
    const a = await client();
    await pump(a);
    for (let i = 0; i < 35; i++) {
      a.doc.getText('t').insert(i, String(i % 10));
      await pump(a);
    }
    await waitFor(() => deliverAll(a) && a.saved === a.sent, 2000, 'all saved');
    await settle(20);
    const stats = await store.stats(DOC);
    expect(stats.snapshotBytes).toBeGreaterThan(0);
    expect(stats.tailCount).toBeLessThan(10);
    const loaded = await store.load(DOC);
    const check = new Y.Doc();
    if (loaded.snapshot) Y.applyUpdate(check, loaded.snapshot);
    for (const e of loaded.tail) Y.applyUpdate(check, e.update);
    expect(check.getText('t').toString()).toBe((core.loadedDocument(DOC) as Y.Doc).getText('t').toString());
    expect(check.getText('t').length).toBe(35);
  });

  it('unloads a document after its last connection leaves and the grace period passes', async () => {
    const store = new SqliteStore(':memory:');
    const { core, client } = await setup({ store, limits: { unloadGraceMs: 30 } });
    const a = await client();
    await pump(a);
    a.doc.getText('t').insert(0, 'blijft bewaard');
    await waitFor(() => deliverAll(a) && a.saved === a.sent, 2000, 'saved');
    a.disconnect();
    await waitFor(() => core.loadedDocument(DOC) === undefined, 2000, 'unload');
    expect(core.loadedDocumentCount).toBe(0);
    expect((await store.stats(DOC)).tailCount).toBe(0);
    const b = await client();
    await pump(b);
    expect(b.text).toBe('blijft bewaard');
  });

  it('keeps a document loaded while someone reconnects within the grace period', async () => {
    const { core, client } = await setup({ limits: { unloadGraceMs: 200 } });
    const a = await client();
    await pump(a);
    const docBefore = core.loadedDocument(DOC);
    a.disconnect();
    const b = await client();
    await pump(b);
    await new Promise((r) => setTimeout(r, 300));
    expect(core.loadedDocument(DOC)).toBe(docBefore);
  });

  it('closes a connection that exceeds its rate limit, and only that one', async () => {
    const { client } = await setup({ limits: { rateMessagesPerSecond: 1, rateBurst: 5 } });
    const a = await client();
    const b = await client();
    await pump(a, b);
    for (let i = 0; i < 10; i++) a.doc.getText('t').insert(0, 'x');
    await pump(a, b);
    expect(a.closedWith?.code).toBe(CloseCode.RateLimited);
    expect(b.closedWith).toBeNull();
  });

  it('closes a connection that sends an oversize message', async () => {
    const { client } = await setup({ limits: { maxMessageBytes: 1024 } });
    const a = await client();
    await pump(a);
    a.doc.getText('t').insert(0, 'z'.repeat(5000));
    await pump(a);
    expect(a.closedWith?.code).toBe(CloseCode.MessageTooBig);
  });

  it('refuses a connection without a valid token before loading anything', async () => {
    const { core } = await setup();
    const anon = new FakeClient(core, 'geheim-doc', null).connect();
    await waitFor(() => anon.closedWith !== null, 2000, 'anonymous refused');
    expect(anon.closedWith?.code).toBe(CloseCode.Unauthenticated);
    const other = new FakeClient(core, 'geheim-doc', await tokenFor({ 'ander-doc': 'write' })).connect();
    await waitFor(() => other.closedWith !== null, 2000, 'other document refused');
    expect(other.closedWith?.code).toBe(CloseCode.Forbidden);
    const expired = new FakeClient(
      core,
      'geheim-doc',
      await tokenFor({ 'geheim-doc': 'write' }, { ttlSeconds: -10 }),
    ).connect();
    await waitFor(() => expired.closedWith !== null, 2000, 'expired refused');
    expect(expired.closedWith?.code).toBe(CloseCode.TokenExpired);
    expect(core.loadedDocument('geheim-doc')).toBeUndefined();
  });

  it('flushes and compacts on graceful shutdown', async () => {
    const inner = new SqliteStore(':memory:');
    const store = new ControlledStore(inner);
    const { core } = createCore({ store });
    const a = await new FakeClient(core, DOC, await tokenFor({ [DOC]: 'write' })).connect();
    await pump(a);
    store.hold();
    a.doc.getText('t').insert(0, 'laatste woord');
    await settle();
    setTimeout(() => store.release(), 50);
    expect(await core.close(2000)).toBe(true);
    const loaded = await inner.load(DOC);
    const check = new Y.Doc();
    if (loaded.snapshot) Y.applyUpdate(check, loaded.snapshot);
    for (const e of loaded.tail) Y.applyUpdate(check, e.update);
    expect(check.getText('t').toString()).toBe('laatste woord');
    expect(loaded.tail).toHaveLength(0);
    await inner.close();
  });
});
