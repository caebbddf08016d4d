/** Builds a CollabServer on a real (in-memory or file) SQLite store, for tests that use fake sockets. */
import { DEFAULT_LIMITS, type Limits } from '@samenspraak/shared';
import { createTokenAccessPolicy } from '../../src/auth/tokenAccessPolicy.js';
import { CollabServer } from '../../src/collab/collabServer.js';
import type { AccessPolicy } from '../../src/collab/types.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import type { AppendEntry, DocumentStore } from '../../src/storage/documentStore.js';
import { SqliteStore } from '../../src/storage/sqliteStore.js';
import { testKey } from './tokens.js';

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
 */
export class ControlledStore implements DocumentStore {
  readonly kind = 'controlled';
  failAppends = 0;
  appendCalls = 0;
  private gate: Promise<void> | null = null;
  private openGate: (() => void) | null = null;

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
    if (this.failAppends > 0) {
      this.failAppends -= 1;
      throw new Error('disk unavailable (injected)');
    }
    return this.inner.append(entries);
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
