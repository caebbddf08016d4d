/**
 * Worker-thread entry of `SqliteWorkerStore`: owns the document log's SQLite connection, so its commits
 * (fsync included) block this thread and never the server's event loop. Requests arrive in order on the
 * worker's port and are answered in order; the main thread's PersistQueue already gathers every update
 * that arrives during one commit into the next (group commit), so one message carries one transaction.
 *
 * Only Node and better-sqlite3 at run time, plus sqliteCore (same extension as this file: .js when
 * built, .ts when tests run the sources with Node's type stripping).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { AppendEntry, ClientClaim, LoadedDocument } from './documentStore.js';
import type { SqliteDocuments } from './sqliteCore.js';

export type WorkerOp =
  | 'append'
  | 'load'
  | 'compact'
  | 'delete'
  | 'scrubFreedSpace'
  | 'stats'
  | 'pragmas'
  | 'ping'
  | 'close';
export interface WorkerRequest {
  id: number;
  op: WorkerOp;
  args: unknown[];
}
export interface WorkerReply {
  id: number;
  result?: unknown;
  error?: { message: string; code?: string; name?: string };
}

const ext = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
const core = (await import(`./sqliteCore${ext}`)) as { SqliteDocuments: new (file: string) => SqliteDocuments };
const port = parentPort;
if (!port) throw new Error('sqliteWorker runs only as a worker thread');
let docs: SqliteDocuments | null = null;
let openError: unknown = null;
try {
  docs = new core.SqliteDocuments((workerData as { file: string }).file);
} catch (err) {
  openError = err;
}

port.on('message', (req: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    if (!docs) throw openError;
    const d = docs;
    if (req.op === 'append') {
      // One buffer for the whole batch (transferred, not copied): entry i is bytes [offsets[i], offsets[i+1]).
      const [packed, offsets, docIds, claims] = req.args as [ArrayBuffer, number[], string[], (ClientClaim[] | null)[]];
      const entries: AppendEntry[] = docIds.map((docId, i) => {
        const update = new Uint8Array(packed, offsets[i], (offsets[i + 1] as number) - (offsets[i] as number));
        const c = claims[i];
        return c ? { docId, update, claims: c } : { docId, update };
      });
      reply = { id: req.id, result: d.append(entries) };
    } else if (req.op === 'load') {
      const loaded = d.load(req.args[0] as string);
      // Own buffers of exactly their size, handed over without a copy (a view would clone its whole slab).
      const own = (u: Uint8Array) => new Uint8Array(u);
      const result: LoadedDocument = {
        snapshot: loaded.snapshot ? own(loaded.snapshot) : null,
        tail: loaded.tail.map((t) => ({ seq: t.seq, update: own(t.update) })),
        claims: loaded.claims,
      };
      const transfer = [result.snapshot, ...result.tail.map((t) => t.update)]
        .filter((u): u is Uint8Array => u !== null)
        .map((u) => u.buffer as ArrayBuffer);
      port.postMessage({ id: req.id, result } satisfies WorkerReply, transfer);
      return;
    } else {
      // biome-ignore lint/suspicious/noExplicitAny: dispatch by name over SqliteDocuments' own signatures
      const result = (d[req.op] as (...a: any[]) => unknown).apply(d, req.args);
      reply = { id: req.id, result };
    }
  } catch (err) {
    const e = err as { message?: string; code?: unknown; name?: string };
    reply = {
      id: req.id,
      error: {
        message: e?.message ?? String(err),
        ...(typeof e?.code === 'string' && { code: e.code }),
        ...(e?.name && { name: e.name }),
      },
    };
  }
  port.postMessage(reply);
  if (req.op === 'close' && !reply.error) port.close();
});
