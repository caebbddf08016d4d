/** Builds a CollabServer on a real (in-memory or file) SQLite store, for tests that use fake sockets. */
import { DEFAULT_LIMITS, type Limits } from '@samenspraak/shared';
import * as Y from 'yjs';
import { createTokenAccessPolicy } from '../../src/auth/tokenAccessPolicy.js';
import { CollabServer } from '../../src/collab/collabServer.js';
import type { AccessPolicy } from '../../src/collab/types.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { AppendEntry, DocumentStore } from '../../src/storage/documentStore.js';
import { SqliteStore } from '../../src/storage/sqliteStore.js';
import { testKey } from './tokens.js';
import { waitFor } from './trackedClient.js';

export function createCore(opts: { limits?: Partial<Limits>; store?: DocumentStore; policy?: AccessPolicy } = {}) {
  const store = opts.store ?? new SqliteStore(':memory:');
  const metrics = createMetrics();
  const core = new CollabServer({
    store,
    policy: opts.policy ?? createTokenAccessPolicy(testKey),
    limits: { ...DEFAULT_LIMITS, ...opts.limits },
    log: createLogger(process.env.TEST_LOG_LEVEL ?? 'silent'),
    metrics,
  });
  return { core, store, metrics };
}

/**
 * Wraps a real store so a test can hold appends back (to observe "not saved yet") or make them fail
 * (a dead disk or database). Everything else goes to the real store.
 *
 * `stepwise`: every append waits until the test lets it through or fails it with `next()`, one at a
 * time, so a test decides exactly which transaction is durable when. `committed` lists what the real
 * store took, one entry list per transaction, in commit order.
 */
export class ControlledStore implements DocumentStore {
  readonly kind = 'controlled';
  failAppends = 0;
  appendCalls = 0;
  stepwise = false;
  readonly committed: AppendEntry[][] = [];
  private readonly waiting: Array<{ go: (ok: boolean) => void; settled: Promise<void> }> = [];
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;

  private readonly replicas = new Map<string, { doc: Y.Doc; applied: number }>();

  /** The document as the real store holds it, rebuilt from `committed` (kept up to date). */
  storedDoc(docId: string): Y.Doc {
    let r = this.replicas.get(docId);
    if (!r) {
      r = { doc: new Y.Doc(), applied: 0 };
      this.replicas.set(docId, r);
    }
    for (; r.applied < this.committed.length; r.applied++) {
      for (const e of this.committed[r.applied] as AppendEntry[]) if (e.docId === docId) Y.applyUpdate(r.doc, e.update);
    }
    return r.doc;
  }

  /** Every struct (insert) of `update` is in the store; its deletes are not looked at. */
  storedAllOf(docId: string, update: Uint8Array): boolean {
    const stored = Y.decodeStateVector(Y.encodeStateVector(this.storedDoc(docId)));
    return Y.decodeUpdate(update).structs.every(
      (s) => s instanceof Y.Skip || (stored.get(s.id.client) ?? 0) >= s.id.clock + s.length,
    );
  }

  /** Appends waiting for `next()`. */
  get waitingCount(): number {
    return this.waiting.length;
  }

  /**
   * Lets the oldest waiting append through (`ok`) or fails it, and resolves once the real store has it
   * (or the failure is thrown); waits (bounded) for an append to arrive.
   */
  async next(ok = true): Promise<void> {
    await waitFor(() => this.waiting.length > 0, 5000, 'an append to reach the store');
    const append = this.waiting.shift() as { go: (ok: boolean) => void; settled: Promise<void> };
    append.go(ok);
    await append.settled;
  }

  constructor(readonly inner: DocumentStore) {}

  hold(): void {
    this.gate = new Promise((r) => {
      this.openGate = r;
    });
  }

  release(): void {
    this.openGate?.();
    this.gate = null;
  }

  async append(entries: AppendEntry[]): Promise<number[]> {
    this.appendCalls += 1;
    if (this.gate) await this.gate;
    let settle = () => {};
    if (this.stepwise) {
      const settled = new Promise<void>((r) => {
        settle = r;
      });
      const ok = await new Promise<boolean>((go) => this.waiting.push({ go, settled }));
      if (!ok) {
        settle();
        throw new Error('disk unavailable (injected)');
      }
    }
    try {
      if (this.failAppends > 0) {
        this.failAppends -= 1;
        throw new Error('disk unavailable (injected)');
      }
      const seqs = await this.inner.append(entries);
      this.committed.push(entries);
      return seqs;
    } finally {
      settle();
    }
  }
  load(docId: string) {
    return this.inner.load(docId);
  }
  compact(docId: string, snapshot: Uint8Array, uptoSeq: number) {
    return this.inner.compact(docId, snapshot, uptoSeq);
  }
  stats(docId: string) {
    return this.inner.stats(docId);
  }
  delete(docId: string) {
    return this.inner.delete(docId);
  }
  ping() {
    return this.inner.ping();
  }
  close() {
    return this.inner.close();
  }
}
