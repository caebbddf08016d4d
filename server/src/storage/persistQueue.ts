/**
 * Group commit: updates from every connection and document are queued and written to the store
 * in one transaction per flush. While one flush is in flight, new updates gather for the next, so
 * the store sees few large transactions under load and an idle store writes at once.
 *
 * A failed flush keeps its updates (in order, ahead of newer ones) and retries with backoff; nothing
 * is reported durable until `append` resolved. Order per document is preserved because batches are
 * written strictly one after another.
 */
import type { ClientClaim, DocumentStore } from './documentStore.js';

export interface PersistItem {
  docId: string;
  update: Uint8Array;
  /** Client ids this update is the first to write with; stored in the same transaction. */
  claims?: ClientClaim[];
  /** Called once the update is durable, with its log sequence number. */
  onDurable(seq: number): void;
}

export interface PersistQueueOptions {
  maxBatch?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /**
   * Shortest time between two commits. An idle queue commits at once; under load, updates arriving
   * within the window share one commit, so the store fsyncs (and blocks) at most 1000/minIntervalMs
   * times a second whatever the update rate.
   */
  minIntervalMs?: number;
  /** After every successful flush (acks are coalesced here). */
  onFlushed?(count: number, seconds: number): void;
  onFailure?(err: unknown, attempt: number): void;
}

export class PersistQueue {
  private queue: PersistItem[] = [];
  private inFlight = false;
  /** Updates of the commit in flight: not durable yet, though no longer in `queue`. */
  private inFlightCount = 0;
  private scheduled = false;
  private retryTimer: NodeJS.Timeout | null = null;
  private lastFlushAt = Number.NEGATIVE_INFINITY;
  private readonly minIntervalMs: number;
  private failures = 0;
  private drainWaiters: Array<() => void> = [];
  private readonly maxBatch: number;
  private readonly retryBaseMs: number;
  private readonly retryMaxMs: number;
  pendingBytes = 0;

  constructor(
    private readonly store: DocumentStore,
    private readonly options: PersistQueueOptions = {},
  ) {
    this.maxBatch = options.maxBatch ?? 10_000;
    this.retryBaseMs = options.retryBaseMs ?? 50;
    this.retryMaxMs = options.retryMaxMs ?? 5_000;
    this.minIntervalMs = options.minIntervalMs ?? 0;
  }

  /** Number of updates not yet durable, including those of the commit in flight. */
  get size(): number {
    return this.queue.length + this.inFlightCount;
  }

  /** True while the last flush failed and the queue is retrying. */
  get failing(): boolean {
    return this.failures > 0;
  }

  enqueue(item: PersistItem): void {
    this.queue.push(item);
    this.pendingBytes += item.update.byteLength;
    this.schedule();
  }

  /** Resolves true once everything queued so far is durable, false on timeout. */
  drain(timeoutMs: number): Promise<boolean> {
    if (this.queue.length === 0 && !this.inFlight) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.drainWaiters = this.drainWaiters.filter((w) => w !== done);
        resolve(false);
      }, timeoutMs);
      const done = () => {
        clearTimeout(timer);
        resolve(true);
      };
      this.drainWaiters.push(done);
      if (this.retryTimer) {
        // Shutting down: try again now rather than after the backoff.
        clearTimeout(this.retryTimer);
        this.retryTimer = null;
        this.schedule();
      }
    });
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight || this.retryTimer) return;
    this.scheduled = true;
    const run = () => {
      this.scheduled = false;
      void this.flush();
    };
    const wait = this.lastFlushAt + this.minIntervalMs - performance.now();
    if (wait > 0) setTimeout(run, wait);
    else setImmediate(run);
  }

  private async flush(): Promise<void> {
    if (this.inFlight || this.queue.length === 0) return;
    this.inFlight = true;
    this.lastFlushAt = performance.now();
    const batch = this.queue.length <= this.maxBatch ? this.queue : this.queue.slice(0, this.maxBatch);
    this.queue = batch === this.queue ? [] : this.queue.slice(this.maxBatch);
    this.inFlightCount = batch.length;
    const started = process.hrtime.bigint();
    let ok = false;
    try {
      const seqs = await this.store.append(
        batch.map(({ docId, update, claims }) => (claims ? { docId, update, claims } : { docId, update })),
      );
      ok = true;
      this.inFlightCount = 0;
      this.failures = 0;
      for (let i = 0; i < batch.length; i++) {
        const item = batch[i] as PersistItem;
        this.pendingBytes -= item.update.byteLength;
        item.onDurable(seqs[i] as number);
      }
      this.options.onFlushed?.(batch.length, Number(process.hrtime.bigint() - started) / 1e9);
    } catch (err) {
      this.inFlightCount = 0;
      this.queue = batch.concat(this.queue);
      this.failures++;
      this.options.onFailure?.(err, this.failures);
      const delay = Math.min(this.retryMaxMs, this.retryBaseMs * 2 ** Math.min(this.failures - 1, 16));
      this.retryTimer = setTimeout(() => {
        this.retryTimer = null;
        this.schedule();
      }, delay);
    } finally {
      this.inFlight = false;
    }
    if (ok && this.queue.length > 0) this.schedule();
    if (this.queue.length === 0) {
      const waiters = this.drainWaiters;
      this.drainWaiters = [];
      for (const w of waiters) w();
    }
  }
}
