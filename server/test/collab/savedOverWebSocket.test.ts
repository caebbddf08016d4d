/**
 * The real server over WebSocket: a client keeps many updates in flight while the store (a real SQLite
 * store whose transactions the test lets through or fails one at a time) is slow, fails and recovers.
 * Between any two commits, Saved covers exactly the durable prefix of the messages sent — never more —
 * and the store holds the updates in send order. Replay with SAVED_SEED=<printed seed>.
 */
import { randomBytes } from 'node:crypto';
import { MessageType, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SqliteStore } from '../../src/storage/sqliteStore.js';
import { ControlledStore } from '../support/coreHarness.js';
import { intBelow, mulberry32, seedFrom } from '../support/prng.js';
import { RawCollabSocket, syncFrame } from '../support/rawCollabSocket.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { waitFor } from '../support/trackedClient.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
const store = new ControlledStore(new SqliteStore(':memory:'));
beforeAll(async () => {
  server = await startTestServer({}, { store });
});
afterAll(async () => {
  store.stepwise = false;
  while (store.waitingCount > 0) await store.next();
  await server.close();
});

/** Highest Saved(n) the socket received. */
function savedOf(raw: RawCollabSocket): number {
  return Math.max(0, ...raw.ofType(MessageType.Saved).map((d) => decoding.readVarUint(d)));
}

describe('Saved over WebSocket with many updates in flight', () => {
  it('reports exactly the durable prefix as saved while the store is slow, fails and recovers', async () => {
    const seed = seedFrom('SAVED_SEED');
    const rng = mulberry32(seed);
    console.log(`saved over websocket: seed ${seed} (replay with SAVED_SEED=${seed})`);
    const docId = `saved-ws-${randomBytes(5).toString('hex')}`;
    const raw = new RawCollabSocket(server.wsUrl, docId, await tokenFor({ [docId]: 'write' }));
    await raw.ready();
    const doc = new Y.Doc();
    /** The update of message n is sent[n - 1]; message 1 is the (empty) sync step 2. */
    const sent: Uint8Array[] = [Y.encodeStateAsUpdate(doc)];
    raw.send(syncFrame(SyncStep.Step2, sent[0] as Uint8Array));
    await waitFor(() => savedOf(raw) === 1, 10_000, 'Saved(1)');
    doc.on('update', (u: Uint8Array) => {
      sent.push(u);
      raw.send(syncFrame(SyncStep.Update, u));
    });
    const durablePrefix = () => {
      let n = 1;
      while (n < sent.length && store.storedAllOf(docId, sent[n] as Uint8Array)) n++;
      return n;
    };

    store.stepwise = true;
    const text = doc.getText('t');
    let failures = 0;
    let maxInFlight = 0;
    for (let step = 0; step < 200; step++) {
      for (let k = intBelow(rng, 4); k > 0; k--) text.insert(text.length, `[${sent.length}]`);
      maxInFlight = Math.max(maxInFlight, sent.length - savedOf(raw));
      // Only when something is not durable yet, so a commit will come (store.next waits for it).
      if (intBelow(rng, 4) > 0 || durablePrefix() === sent.length) continue;
      // A commit is in flight (held); one more update reaches the server and waits behind it.
      await waitFor(() => store.waitingCount > 0, 10_000, 'a commit in flight');
      text.insert(text.length, `[${sent.length}]`);
      const unsaved = sent.length - durablePrefix();
      await waitFor(() => server.collab.queue.size === unsaved, 10_000, 'the server to receive what was sent');
      const ok = intBelow(rng, 3) > 0;
      await store.next(ok);
      if (!ok) failures++;
      // The Saved this commit releases arrives; nothing else can commit until the next store.next().
      const expected = durablePrefix();
      await waitFor(() => savedOf(raw) >= expected || raw.closeInfo !== null, 10_000, `Saved(${expected})`);
      expect(savedOf(raw), 'Saved beyond what the store holds').toBe(expected);
    }
    store.stepwise = false;
    while (store.waitingCount > 0) await store.next();
    await waitFor(() => savedOf(raw) === sent.length || raw.closeInfo !== null, 10_000, 'everything saved');
    expect(raw.closeInfo).toBeNull();
    expect(savedOf(raw)).toBe(sent.length);
    expect(maxInFlight).toBeGreaterThan(10);
    expect(failures).toBeGreaterThan(5);

    const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
    const stored = store.committed.flat().filter((e) => e.docId === docId);
    expect(stored.map((e) => hex(e.update))).toEqual(sent.slice(1).map(hex));
    expect(store.storedDoc(docId).getText('t').toString()).toBe(text.toString());
    raw.close();
  });
});
