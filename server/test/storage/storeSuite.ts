/**
 * The contract every DocumentStore adapter must pass (see server/src/storage/documentStore.ts).
 *
 * `open` must open the SAME underlying storage on every call (same file, same schema): the suite
 * closes and reopens stores to check that seqs survive a restart. Tests share that storage, so each
 * one works on its own document ids.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { SERVER_OWNER } from '../../src/collab/clientOwnership.js';
import type { DocumentStore, LoadedDocument } from '../../src/storage/documentStore.js';

function enc(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

function expectBytes(actual: Uint8Array | null | undefined, expected: Uint8Array): void {
  expect(actual).toBeInstanceOf(Uint8Array);
  const a = actual as Uint8Array;
  expect(a.byteLength).toBe(expected.byteLength);
  // Buffer.compare instead of toEqual: a failing 1 MiB diff would drown the report.
  expect(Buffer.compare(Buffer.from(a.buffer, a.byteOffset, a.byteLength), Buffer.from(expected))).toBe(0);
}

function expectStrictlyIncreasing(seqs: number[]): void {
  for (const s of seqs) expect(Number.isSafeInteger(s)).toBe(true);
  for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1] as number);
}

function replay(loaded: LoadedDocument): Y.Doc {
  const doc = new Y.Doc();
  if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
  for (const entry of loaded.tail) Y.applyUpdate(doc, entry.update);
  return doc;
}

export function runStoreSuite(name: string, open: () => Promise<DocumentStore>, cleanup?: () => Promise<void>): void {
  describe(`DocumentStore contract: ${name}`, () => {
    let store: DocumentStore;
    /** A document id no other test (or earlier run on the same storage) uses. */
    const doc = (label: string) => `${label}-${randomUUID()}`;

    beforeAll(async () => {
      store = await open();
    });

    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('answers ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('loads an unknown document as empty', async () => {
      const id = doc('unknown');
      await expect(store.load(id)).resolves.toEqual({ snapshot: null, tail: [], claims: [] });
      await expect(store.stats(id)).resolves.toEqual({ snapshotBytes: 0, tailCount: 0, tailBytes: 0 });
    });

    it('returns [] for an empty append', async () => {
      await expect(store.append([])).resolves.toEqual([]);
    });

    it('assigns strictly increasing seqs and loads the entries in order with identical bytes', async () => {
      const id = doc('order');
      const updates = [enc('one'), enc('two'), new Uint8Array([0, 255, 0, 1]), enc('four')];
      const seqs = await store.append(updates.map((update) => ({ docId: id, update })));
      expect(seqs).toHaveLength(updates.length);
      expectStrictlyIncreasing(seqs);

      const more = await store.append([{ docId: id, update: enc('five') }]);
      expect(more[0]).toBeGreaterThan(seqs.at(-1) as number);

      const loaded = await store.load(id);
      expect(loaded.snapshot).toBeNull();
      expect(loaded.tail.map((e) => e.seq)).toEqual([...seqs, ...more]);
      [...updates, enc('five')].forEach((u, i) => {
        expectBytes(loaded.tail[i]?.update, u);
      });
    });

    it('keeps documents of one append separated, with seqs in input order', async () => {
      const a = doc('multi-a');
      const b = doc('multi-b');
      const seqs = await store.append([
        { docId: a, update: enc('a1') },
        { docId: b, update: enc('b1') },
        { docId: a, update: enc('a2') },
        { docId: b, update: enc('b2') },
        { docId: b, update: enc('b3') },
      ]);
      expect(seqs).toHaveLength(5);
      expectStrictlyIncreasing(seqs);

      const la = await store.load(a);
      expect(la.tail.map((e) => e.seq)).toEqual([seqs[0], seqs[2]]);
      expect(la.tail.map((e) => new TextDecoder().decode(e.update))).toEqual(['a1', 'a2']);
      const lb = await store.load(b);
      expect(lb.tail.map((e) => e.seq)).toEqual([seqs[1], seqs[3], seqs[4]]);
      expect(lb.tail.map((e) => new TextDecoder().decode(e.update))).toEqual(['b1', 'b2', 'b3']);
    });

    it('compaction stores the snapshot and deletes only entries <= uptoSeq', async () => {
      const id = doc('compact');
      const other = doc('compact-other');
      // The other document's entry has a seq below the compaction point, so only the doc_id filter keeps it.
      const [seqOther] = await store.append([{ docId: other, update: enc('O') }]);
      const [seqA, seqB] = await store.append([
        { docId: id, update: enc('A') },
        { docId: id, update: enc('B') },
      ]);
      // B was appended after the compaction point (as if it arrived while the snapshot was encoded).
      await store.compact(id, enc('snapshot-A'), seqA as number);

      const loaded = await store.load(id);
      expectBytes(loaded.snapshot, enc('snapshot-A'));
      expect(loaded.tail.map((e) => e.seq)).toEqual([seqB]);
      expectBytes(loaded.tail[0]?.update, enc('B'));
      expect((await store.load(other)).tail.map((e) => e.seq)).toEqual([seqOther]);
    });

    it('a second compaction replaces the first snapshot', async () => {
      const id = doc('recompact');
      const [s1] = await store.append([{ docId: id, update: enc('u1') }]);
      await store.compact(id, enc('snap-1'), s1 as number);
      const [s2, s3] = await store.append([
        { docId: id, update: enc('u2') },
        { docId: id, update: enc('u3') },
      ]);
      await store.compact(id, enc('snap-2-longer'), s2 as number);

      const loaded = await store.load(id);
      expectBytes(loaded.snapshot, enc('snap-2-longer'));
      expect(loaded.tail.map((e) => e.seq)).toEqual([s3]);
    });

    it('a stale compaction (older uptoSeq than the stored snapshot) changes nothing', async () => {
      const id = doc('stale');
      const [s1, s2, s3] = await store.append([
        { docId: id, update: enc('u1') },
        { docId: id, update: enc('u2') },
        { docId: id, update: enc('u3') },
      ]);
      await store.compact(id, enc('snap-upto-2'), s2 as number);
      // Another instance that loaded earlier compacts up to s1 only: it must not replace the newer snapshot.
      await store.compact(id, enc('stale-upto-1'), s1 as number);
      const loaded = await store.load(id);
      expectBytes(loaded.snapshot, enc('snap-upto-2'));
      expect(loaded.tail.map((e) => e.seq)).toEqual([s3]);
    });

    it('stats reflect snapshot bytes, tail count and tail bytes', async () => {
      const id = doc('stats');
      const [s1] = await store.append([
        { docId: id, update: new Uint8Array(10) },
        { docId: id, update: new Uint8Array(20) },
      ]);
      await store.append([{ docId: id, update: new Uint8Array(5) }]);
      await expect(store.stats(id)).resolves.toEqual({ snapshotBytes: 0, tailCount: 3, tailBytes: 35 });

      await store.compact(id, new Uint8Array(7), s1 as number);
      await expect(store.stats(id)).resolves.toEqual({ snapshotBytes: 7, tailCount: 2, tailBytes: 25 });
    });

    it('round-trips real Yjs content through the log and a compaction', async () => {
      const id = doc('yjs');
      const source = new Y.Doc();
      const pending: Uint8Array[] = [];
      source.on('update', (update: Uint8Array) => pending.push(update));
      const text = source.getText('t');
      text.insert(0, 'Hallo wereld');
      text.insert(5, ', lieve');
      text.delete(0, 1);
      text.insert(0, 'h');
      source.getMap('m').set('k', 'v');

      const seqs = await store.append(pending.splice(0).map((update) => ({ docId: id, update })));
      expect(seqs.length).toBeGreaterThanOrEqual(5);
      expect(
        replay(await store.load(id))
          .getText('t')
          .toString(),
      ).toBe(text.toString());

      await store.compact(id, Y.encodeStateAsUpdate(source), seqs.at(-1) as number);
      text.insert(text.length, '!');
      await store.append(pending.splice(0).map((update) => ({ docId: id, update })));

      const loaded = await store.load(id);
      expect(loaded.snapshot).not.toBeNull();
      expect(loaded.tail).toHaveLength(1);
      const copy = replay(loaded);
      expect(copy.getText('t').toString()).toBe('hallo, lieve wereld!');
      expect(copy.getMap('m').get('k')).toBe('v');
    });

    it('never reuses a seq after compaction emptied the log, also across close and reopen', async () => {
      const id = doc('monotonic');
      // The compacted entry is the newest row of the whole store, which is what a reusing
      // counter (e.g. SQLite's max(rowid)+1) would hand out again.
      const [s1] = await store.append([{ docId: id, update: enc('x') }]);
      await store.compact(id, enc('snap'), s1 as number);
      const [s2] = await store.append([{ docId: id, update: enc('y') }]);
      expect(s2).toBeGreaterThan(s1 as number);
      await store.compact(id, enc('snap2'), s2 as number);
      expect((await store.stats(id)).tailCount).toBe(0);

      const second = await open();
      await second.close();
      const third = await open();
      try {
        const [s3] = await third.append([{ docId: id, update: enc('z') }]);
        expect(s3).toBeGreaterThan(s2 as number);
        const loaded = await third.load(id);
        expectBytes(loaded.snapshot, enc('snap2'));
        expect(loaded.tail.map((e) => e.seq)).toEqual([s3]);
      } finally {
        await third.close();
      }
    });

    it('serves 20 concurrent appends with distinct seqs', async () => {
      const ids = Array.from({ length: 4 }, (_, i) => doc(`concurrent-${i}`));
      const results = await Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          store.append([
            { docId: ids[i % 4] as string, update: enc(`c${i}-0`) },
            { docId: ids[(i + 1) % 4] as string, update: enc(`c${i}-1`) },
          ]),
        ),
      );
      for (const seqs of results) expectStrictlyIncreasing(seqs);
      const all = results.flat();
      expect(new Set(all).size).toBe(40);

      let total = 0;
      for (const id of ids) {
        const tail = (await store.load(id)).tail;
        expectStrictlyIncreasing(tail.map((e) => e.seq));
        total += tail.length;
      }
      expect(total).toBe(40);
    });

    it('round-trips a 1 MiB update and snapshot', async () => {
      const id = doc('large');
      const big = new Uint8Array(randomBytes(1 << 20));
      const [seq] = await store.append([{ docId: id, update: big }]);
      expectBytes((await store.load(id)).tail[0]?.update, big);

      const bigSnapshot = new Uint8Array(randomBytes(1 << 20));
      await store.compact(id, bigSnapshot, seq as number);
      const loaded = await store.load(id);
      expectBytes(loaded.snapshot, bigSnapshot);
      expect(loaded.tail).toEqual([]);
      expect((await store.stats(id)).snapshotBytes).toBe(1 << 20);
    });

    it('stores a subarray view, not its whole underlying buffer', async () => {
      const id = doc('view');
      const backing = enc('xxPAYLOADxx');
      await store.append([{ docId: id, update: backing.subarray(2, 9) }]);
      expectBytes((await store.load(id)).tail[0]?.update, enc('PAYLOAD'));
    });

    it('delete removes snapshot and log of one document only, and the document loads as empty', async () => {
      const id = doc('delete');
      const other = doc('delete-other');
      const [s1] = await store.append([
        { docId: id, update: enc('secret-1') },
        { docId: other, update: enc('keep') },
      ]);
      await store.compact(id, enc('secret-snapshot'), s1 as number);
      await store.append([{ docId: id, update: enc('secret-2') }]);

      await store.delete(id);
      await expect(store.load(id)).resolves.toEqual({ snapshot: null, tail: [], claims: [] });
      await expect(store.stats(id)).resolves.toEqual({ snapshotBytes: 0, tailCount: 0, tailBytes: 0 });
      expect((await store.load(other)).tail.map((e) => new TextDecoder().decode(e.update))).toEqual(['keep']);
      // Deleting again (or an unknown document) is not an error, and the id can be used afresh.
      await expect(store.delete(id)).resolves.toBeUndefined();
      const [s3] = await store.append([{ docId: id, update: enc('new') }]);
      expect((await store.load(id)).tail.map((e) => e.seq)).toEqual([s3]);
    });

    it('stores client-id claims with their entry: first owner wins, compaction keeps them, delete removes them', async () => {
      const id = doc('claims');
      const other = doc('claims-other');
      const [first] = await store.append([
        { docId: id, update: enc('a'), claims: [{ client: 4_294_967_295, owner: 'alice' }] },
        { docId: other, update: enc('x'), claims: [{ client: 7, owner: SERVER_OWNER }] },
      ]);
      await store.append([
        {
          docId: id,
          update: enc('b'),
          claims: [
            { client: 4_294_967_295, owner: 'mallory' },
            { client: 12, owner: 'bob' },
          ],
        },
      ]);
      const byClient = (claims: Array<{ client: number; owner: string }>) =>
        [...claims].sort((x, y) => x.client - y.client);
      expect(byClient((await store.load(id)).claims)).toEqual([
        { client: 12, owner: 'bob' },
        { client: 4_294_967_295, owner: 'alice' },
      ]);
      await store.compact(id, enc('snapshot'), (first as number) + 100);
      expect((await store.load(id)).claims).toHaveLength(2);
      await store.delete(id);
      expect((await store.load(id)).claims).toEqual([]);
      expect((await store.load(other)).claims).toEqual([{ client: 7, owner: SERVER_OWNER }]);
    });

    it('a failed append stores none of its claims', async () => {
      const id = doc('claims-atomic');
      // The second entry has no bytes, which fails the whole append after the first entry's claim.
      await expect(
        store.append([
          { docId: id, update: enc('a'), claims: [{ client: 1, owner: 'alice' }] },
          { docId: id, update: null as unknown as Uint8Array, claims: [{ client: 2, owner: 'mallory' }] },
        ]),
      ).rejects.toThrow();
      expect(await store.load(id)).toEqual({ snapshot: null, tail: [], claims: [] });
    });

    it('close is idempotent', async () => {
      const extra = await open();
      await extra.close();
      await expect(extra.close()).resolves.toBeUndefined();
      await expect(Promise.all([extra.close(), extra.close()])).resolves.toBeDefined();
    });
  });
}
