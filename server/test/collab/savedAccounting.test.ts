/**
 * Saved(n) with many updates in flight against a store that is slow, fails and recovers: at every
 * moment, every message up to the client's Saved is in the real store (or was refused), and the store
 * holds the accepted updates in the order they were sent. The store is a real SQLite store whose
 * transactions the test lets through or fails one at a time (ControlledStore.stepwise), so "at every
 * moment" means between any two commits. Replay with SAVED_SEED=<printed seed>.
 */
import { RejectReason } from '@samenspraak/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { createTokenAccessPolicy } from '../../src/auth/tokenAccessPolicy.js';
import { SqliteStore } from '../../src/storage/sqliteStore.js';
import { ControlledStore, createCore } from '../support/coreHarness.js';
import { FakeClient, settle } from '../support/fakeClient.js';
import { intBelow, mulberry32, seedFrom } from '../support/prng.js';
import { testKey, tokenFor } from '../support/tokens.js';
import { waitFor } from '../support/trackedClient.js';

const DOC = 'va-saved';
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

/** The real token policy plus one rule: deleting is refused (a refusal that leaves no clock gap behind). */
const base = createTokenAccessPolicy(testKey);
const policy = {
  authenticate: base.authenticate,
  checkUpdate: ({ decoded }: Parameters<typeof base.checkUpdate>[0]) =>
    decoded.structs.length === 0 && decoded.ds.clients.size > 0
      ? { reason: RejectReason.SectionForbidden, detail: 'deleting is locked here' }
      : null,
};

/** Every message up to the client's Saved is durable or was refused. */
function expectSavedIsDurable(client: FakeClient, store: ControlledStore): void {
  const refused = new Set(client.rejected.map((r) => r.n));
  for (let n = 1; n <= client.saved; n++) {
    if (refused.has(n)) continue;
    const update = client.sentUpdates[n - 1] as Uint8Array;
    expect(store.storedAllOf(DOC, update), `message ${n} reported saved before it was durable`).toBe(true);
  }
}

describe('Saved accounting with many updates in flight', () => {
  it('never reports a message saved before it is durable, through slow, failing and recovering commits', async () => {
    const seed = seedFrom('SAVED_SEED');
    const rng = mulberry32(seed);
    console.log(`saved accounting: seed ${seed} (replay with SAVED_SEED=${seed})`);
    const store = new ControlledStore(new SqliteStore(':memory:'));
    const { core } = createCore({ store, policy });
    cleanups.push(() => core.close(1000));
    const a = new FakeClient(core, DOC, await tokenFor({ [DOC]: 'write' })).connect();
    await waitFor(() => a.deliver() >= 0 && a.synced && a.saved === a.sent, 5000, 'initial sync');
    const text = a.doc.getText('t');
    text.insert(0, '#');
    await waitFor(() => a.deliver() >= 0 && a.saved === a.sent, 5000, 'first edit saved');

    store.stepwise = true;
    let edits = 0;
    let commits = 0;
    let failures = 0;
    let maxInFlight = 0;
    for (let step = 0; step < 300; step++) {
      for (let k = intBelow(rng, 4); k > 0; k--) text.insert(text.length, `[${++edits}]`);
      if (intBelow(rng, 8) === 0) text.delete(0, 1); // refused: counts as handled, stays out of the store
      maxInFlight = Math.max(maxInFlight, a.sent - a.saved);
      await settle();
      if (core.queue.size > 0 && intBelow(rng, 4) === 0) {
        // The next commit (after the queue's retry back-off, if the last one failed) succeeds or fails.
        const ok = intBelow(rng, 3) > 0;
        await store.next(ok);
        if (ok) commits++;
        else failures++;
      }
      await settle();
      a.deliver();
      expectSavedIsDurable(a, store);
    }
    store.stepwise = false;
    while (store.waitingCount > 0) await store.next();
    await waitFor(() => a.deliver() >= 0 && a.saved === a.sent, 10_000, 'everything saved after recovery');
    expectSavedIsDurable(a, store);

    // The run exercised what it is about.
    expect(maxInFlight).toBeGreaterThan(10);
    expect(commits).toBeGreaterThan(10);
    expect(failures).toBeGreaterThan(10);
    expect(a.rejected.length).toBeGreaterThan(5);
    expect(a.rejected.every((r) => r.reason === RejectReason.SectionForbidden)).toBe(true);

    // Order: the store took exactly the accepted updates, in the order they were sent.
    const refused = new Set(a.rejected.map((r) => r.n));
    const hex = (u: Uint8Array) => Buffer.from(u).toString('hex');
    const accepted = a.sentUpdates
      .filter((_, i) => !refused.has(i + 1))
      .filter((u) => u.byteLength > 2) // the empty sync step 2 changes nothing and is not stored
      .map(hex);
    const stored = store.committed
      .flat()
      .filter((e) => e.docId === DOC)
      .map((e) => hex(e.update));
    expect(stored).toEqual(accepted);
    const markers = Array.from({ length: edits }, (_, i) => `[${i + 1}]`).join('');
    expect(store.storedDoc(DOC).getText('t').toString()).toBe(`#${markers}`);
  });
});
