/**
 * The server's SQLite adapter: the document log's connection lives in a worker thread (sqliteWorker.ts),
 * so a commit's fsync (synchronous=FULL, WAL) blocks that thread, not the event loop that relays
 * updates. `append` resolves only after the worker reports the transaction committed, so "durable
 * before Saved" holds exactly as with the in-thread adapter: the PersistQueue acks on that promise.
 *
 * Requests are answered in the order they were sent (one connection, one thread), so per-document order
 * and "compact after the appends it covers" stay as they were. If the worker dies, every request in
 * flight rejects (the PersistQueue keeps the updates and retries) and the next request starts a new one.
 */
import { Worker } from 'node:worker_threads';
import type { AppendEntry, ClientClaim, DocumentStats, DocumentStore, LoadedDocument } from './documentStore.js';
import { preparePrivateDatabase } from './privateFiles.js';
import type { WorkerOp, WorkerReply, WorkerRequest } from './sqliteWorker.js';

const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const WORKER_URL = new URL(`./sqliteWorker${ext}`, import.meta.url);

interface Pending {
  resolve(value: unknown): void;
  reject(err: Error): void;
}

/** An Error carrying SQLite's code (isDiskFull looks at it) across the thread boundary. */
function revive(e: NonNullable<WorkerReply['error']>): Error {
  const err = new Error(e.message) as Error & { code?: string };
  if (e.name) err.name = e.name;
  if (e.code) err.code = e.code;
  return err;
}

export class SqliteWorkerStore implements DocumentStore {
  readonly kind = 'sqlite';
  private worker: Worker | null = null;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(private readonly file: string) {
    preparePrivateDatabase(file);
    this.spawn();
  }

  private spawn(): Worker {
    const worker = new Worker(WORKER_URL, { workerData: { file: this.file } });
    worker.unref(); // ref'd only while a request is in flight (see call)
    worker.on('message', (reply: WorkerReply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) worker.unref();
      if (reply.error) p.reject(revive(reply.error));
      else p.resolve(reply.result);
    });
    const gone = (err: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      const waiting = [...this.pending.values()];
      this.pending.clear();
      for (const p of waiting) p.reject(err);
    };
    worker.on('error', gone);
    worker.on('exit', (code) => gone(new Error(`SQLite worker exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }

  private call<T>(op: WorkerOp, args: unknown[], transfer: ArrayBuffer[] = []): Promise<T> {
    if (this.closed) return Promise.reject(new Error('store is closed'));
    const worker = this.worker ?? this.spawn();
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      if (this.pending.size === 1) worker.ref();
      worker.postMessage({ id, op, args } satisfies WorkerRequest, transfer);
    });
  }

  async append(entries: AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    // One copy of the batch into a fresh buffer that is then moved, not cloned, to the worker.
    let total = 0;
    for (const e of entries) total += e.update.byteLength;
    const packed = new Uint8Array(total);
    const offsets = [0];
    let at = 0;
    for (const e of entries) {
      packed.set(e.update, at);
      at += e.update.byteLength;
      offsets.push(at);
    }
    const docIds = entries.map((e) => e.docId);
    const claims: (ClientClaim[] | null)[] = entries.map((e) => e.claims ?? null);
    return this.call<number[]>('append', [packed.buffer, offsets, docIds, claims], [packed.buffer]);
  }

  load(docId: string): Promise<LoadedDocument> {
    return this.call<LoadedDocument>('load', [docId]);
  }

  compact(docId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    return this.call<void>('compact', [docId, snapshot, uptoSeq]);
  }

  delete(docId: string): Promise<void> {
    return this.call<void>('delete', [docId]);
  }

  scrubFreedSpace(): Promise<void> {
    return this.call<void>('scrubFreedSpace', []);
  }

  stats(docId: string): Promise<DocumentStats> {
    return this.call<DocumentStats>('stats', [docId]);
  }

  /** The durability pragmas of the worker's connection. */
  pragmas(): Promise<{ journalMode: string; synchronous: number }> {
    return this.call('pragmas', []);
  }

  ping(): Promise<void> {
    return this.call<void>('ping', []);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    const worker = this.worker;
    if (worker) {
      try {
        await this.call<void>('close', []);
      } finally {
        this.closed = true;
        await worker.terminate();
      }
    }
    this.closed = true;
  }
}
