/**
 * PersistQueue (group commit) on its own, on a real SQLite store wrapped so each transaction can be held,
 * let through or failed: order per document, batching, a failed batch retried ahead of newer updates,
 * exactly-once durability callbacks, byte accounting, drain and the retry back-off.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PersistQueue, type PersistQueueOptions } from '../../src/storage/persistQueue.js';
import { SqliteStore } from '../../src/storage/sqliteStore.js';
import { ControlledStore } from '../support/coreHarness.js';
import { settle } from '../support/fakeClient.js';
import { waitFor } from '../support/trackedClient.js';

const stores: ControlledStore[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  for (const s of stores.splice(0)) await s.close();
});

/** A queue on a stepwise store; `durable` records every onDurable call in call order. */
function setup(options: PersistQueueOptions = {}) {
  const store = new ControlledStore(new SqliteStore(':memory:'));
  stores.push(store);
  store.stepwise = true;
  const durable: Array<{ name: string; seq: number }> = [];
  const queue = new PersistQueue(store, { retryBaseMs: 1, retryMaxMs: 4, ...options });
  const add = (name: string, docId = 'doc-a', bytes = 10) =>
    queue.enqueue({
      docId,
      update: new TextEncoder().encode(name.padEnd(bytes, '.')),
      onDurable: (seq) => durable.push({ name, seq }),
    });
  const names = (entries: Array<{ update: Uint8Array }>) =>
    entries.map((e) => new TextDecoder().decode(e.update).replace(/\.+$/, ''));
  return { store, queue, durable, add, names };
}

describe('PersistQueue', () => {
  it('commits one transaction at a time; updates arriving meanwhile share the next one, in order', async () => {
    const { store, queue, durable, add, names } = setup();
    add('a1');
    await waitFor(() => store.waitingCount === 1, 5000, 'the first commit');
    for (const n of ['a2', 'a3', 'a4']) add(n);
    add('b1', 'doc-b');
    add('a5');
    await settle();
    expect(store.waitingCount).toBe(1); // never two transactions at once
    expect(durable).toEqual([]);
    await store.next();
    await store.next();
    expect(await queue.drain(5000)).toBe(true);
    expect(store.committed.map(names)).toEqual([['a1'], ['a2', 'a3', 'a4', 'b1', 'a5']]);
    expect(durable.map((d) => d.name)).toEqual(['a1', 'a2', 'a3', 'a4', 'b1', 'a5']);
    const seqsOfA = durable.filter((d) => d.name.startsWith('a')).map((d) => d.seq);
    expect(seqsOfA).toEqual([...seqsOfA].sort((x, y) => x - y));
    expect(new Set(seqsOfA).size).toBe(seqsOfA.length);
    expect(names((await store.inner.load('doc-a')).tail)).toEqual(['a1', 'a2', 'a3', 'a4', 'a5']);
  });

  it('retries a failed batch ahead of newer updates and reports nothing durable before it is', async () => {
    const failures: number[] = [];
    const { store, queue, durable, add, names } = setup({
      maxBatch: 3,
      onFailure: (_err, attempt) => failures.push(attempt),
    });
    for (const n of ['u1', 'u2']) add(n);
    await waitFor(() => store.waitingCount === 1, 5000, 'the first commit');
    for (const n of ['u3', 'u4', 'u5', 'u6', 'u7']) add(n);
    await store.next(false); // [u1, u2] fails
    await waitFor(() => queue.failing, 5000, 'the failure');
    await store.next(false); // the retry, [u1, u2, u3], fails too
    expect(durable).toEqual([]);
    expect(queue.size).toBe(7);
    await store.next(); // [u1, u2, u3]
    await store.next(); // [u4, u5, u6]
    add('u8');
    await store.next(); // [u7, u8]
    expect(await queue.drain(5000)).toBe(true);
    expect(failures).toEqual([1, 2]);
    expect(queue.failing).toBe(false);
    expect(store.committed.map(names)).toEqual([
      ['u1', 'u2', 'u3'],
      ['u4', 'u5', 'u6'],
      ['u7', 'u8'],
    ]);
    expect(names((await store.inner.load('doc-a')).tail)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
    // Exactly once each, in order, with increasing seqs.
    expect(durable.map((d) => d.name)).toEqual(['u1', 'u2', 'u3', 'u4', 'u5', 'u6', 'u7', 'u8']);
    expect(durable.map((d) => d.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('counts the updates and bytes not yet durable (in flight too), through failures, until they are', async () => {
    const { store, queue, add } = setup({ maxBatch: 2 });
    add('x1', 'doc-a', 100);
    await waitFor(() => store.waitingCount === 1, 5000, 'the first commit');
    expect(queue.size).toBe(1); // in flight is not durable
    add('x2', 'doc-a', 30);
    add('x3', 'doc-b', 7);
    expect(queue.pendingBytes).toBe(137);
    expect(queue.size).toBe(3);
    await store.next(false);
    await waitFor(() => queue.failing, 5000, 'the failure');
    expect(queue.pendingBytes).toBe(137); // still held in memory
    expect(queue.size).toBe(3);
    await store.next(); // [x1, x2]
    await waitFor(() => store.waitingCount === 1, 5000, 'the second commit');
    expect(queue.pendingBytes).toBe(7);
    expect(queue.size).toBe(1);
    await store.next();
    expect(await queue.drain(5000)).toBe(true);
    expect(queue.pendingBytes).toBe(0);
    expect(queue.size).toBe(0);
  });

  it('drain waits for the commit in flight, times out while the store hangs, and retries at once', async () => {
    const { store, queue, durable, add } = setup({ retryBaseMs: 600_000, retryMaxMs: 600_000 });
    expect(await queue.drain(10)).toBe(true); // nothing queued
    add('d1');
    await waitFor(() => store.waitingCount === 1, 5000, 'the commit');
    expect(await queue.drain(50)).toBe(false); // the store holds it
    await store.next(false);
    await waitFor(() => queue.failing, 5000, 'the failure');
    // Shutting down must not wait out a ten-minute back-off: drain retries now.
    const drained = queue.drain(30_000);
    await store.next();
    expect(await drained).toBe(true);
    expect(durable.map((d) => d.name)).toEqual(['d1']);
  });

  it('backs off exponentially between retries, up to the maximum, and starts over after a success', async () => {
    const store = new ControlledStore(new SqliteStore(':memory:'));
    stores.push(store);
    // The queue's own timers only: the delays it asks for, not how long they took.
    const delays: number[] = [];
    const realSetTimeout = globalThis.setTimeout;
    vi.spyOn(globalThis, 'setTimeout').mockImplementation(((fn: () => void, ms?: number) => {
      if (new Error().stack?.includes('src/storage/persistQueue')) delays.push(ms ?? 0);
      return realSetTimeout(fn, ms);
    }) as typeof setTimeout);
    const queue = new PersistQueue(store, { retryBaseMs: 2, retryMaxMs: 16 });
    const item = (docId: string) => ({ docId, update: new Uint8Array([1]), onDurable: () => {} });
    store.failAppends = 6;
    queue.enqueue(item('doc-a'));
    await waitFor(() => queue.size === 0 && !queue.failing, 5000, 'the store to take it');
    expect(delays).toEqual([2, 4, 8, 16, 16, 16]);
    delays.length = 0;
    store.failAppends = 2;
    queue.enqueue(item('doc-a'));
    await waitFor(() => queue.size === 0 && !queue.failing, 5000, 'the store to take it');
    expect(delays).toEqual([2, 4]);
  });
});
