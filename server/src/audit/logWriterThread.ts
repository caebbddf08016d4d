/**
 * The access log's SQLite commits on a worker thread (issue 16): better-sqlite3 commits synchronously,
 * and with synchronous=FULL each commit waits for an fsync, which on the main thread stalls every
 * request for that long. The thread owns a second connection to the same database file (WAL lets it
 * write while the main connection reads) and does only this: in one IMMEDIATE transaction, check that
 * the chain's head is still the one the entries were sealed against, insert them and their case lists,
 * commit, and answer their seqs. The sealing (HMAC) stays in `AccessLog` on the main thread; when
 * another process (an admin command) moved the head, the thread answers the head it found and the
 * group is sealed again against it.
 *
 * The thread's code is a self-contained script (no imports of our modules), so it runs the same from
 * `dist/` and under the test runner.
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

export interface SealedRow {
  at: string;
  event: string;
  case_id: string | null;
  user_id: string | null;
  user_name: string | null;
  user_role: string | null;
  responsible: string | null;
  source: string;
  outcome: string;
  detail: string;
  prev_hash: string;
  case_ids: string | null;
  hash: string;
}

export type GroupAnswer = { seqs: number[] } | { stale: string };

const SCRIPT = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.sqlite);
const db = new Database(workerData.file);
db.pragma('journal_mode = WAL');
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 5000');
const head = db.prepare('SELECT hash FROM access_log ORDER BY seq DESC LIMIT 1');
const COLS = ['at','event','case_id','user_id','user_name','user_role','responsible','source','outcome','detail','prev_hash','case_ids','hash'];
const insert = db.prepare('INSERT INTO access_log (' + COLS.join(', ') + ') VALUES (' + COLS.map((c) => '@' + c).join(', ') + ')');
const insertCase = db.prepare('INSERT INTO access_log_cases (seq, case_id) VALUES (?, ?)');
const commit = db.transaction((expected, genesis, rows) => {
  const last = head.get();
  const current = last ? last.hash : genesis;
  if (current !== expected) return { stale: current };
  const seqs = [];
  for (const row of rows) {
    const seq = Number(insert.run(row).lastInsertRowid);
    if (row.case_ids) for (const c of JSON.parse(row.case_ids)) insertCase.run(seq, c);
    seqs.push(seq);
  }
  return { seqs };
});
parentPort.on('message', (m) => {
  if (m.close) { db.close(); parentPort.close(); return; }
  try {
    parentPort.postMessage({ id: m.id, answer: commit.immediate(m.expected, m.genesis, m.rows) });
  } catch (err) {
    parentPort.postMessage({ id: m.id, error: { message: String(err && err.message), code: err && err.code } });
  }
});
`;

/** One worker thread committing sealed access-log groups into the SQLite file `file`. */
export class LogWriterThread {
  private readonly worker: Worker;
  private next = 0;
  private readonly waiting = new Map<number, { resolve: (a: GroupAnswer) => void; reject: (e: Error) => void }>();
  private dead: Error | null = null;

  constructor(file: string) {
    const sqlite = createRequire(import.meta.url).resolve('better-sqlite3');
    this.worker = new Worker(SCRIPT, { eval: true, workerData: { file, sqlite } });
    this.worker.unref();
    this.worker.on('message', (m: { id: number; answer?: GroupAnswer; error?: { message: string; code?: string } }) => {
      const w = this.waiting.get(m.id);
      if (!w) return;
      this.waiting.delete(m.id);
      if (m.answer) w.resolve(m.answer);
      else w.reject(Object.assign(new Error(m.error?.message ?? 'access-log writer failed'), { code: m.error?.code }));
    });
    const fail = (err: Error) => {
      this.dead = err;
      for (const w of this.waiting.values()) w.reject(err);
      this.waiting.clear();
    };
    this.worker.on('error', fail);
    this.worker.on('exit', (code) => fail(new Error(`access-log writer thread exited (${code})`)));
  }

  /** Inserts the rows in one transaction if the chain's head is still `expected`; else answers the head. */
  commit(expected: string, genesis: string, rows: SealedRow[]): Promise<GroupAnswer> {
    if (this.dead) return Promise.reject(this.dead);
    const id = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      this.worker.ref(); // keep the process alive while a commit is out
      this.worker.postMessage({ id, expected, genesis, rows });
    }).finally(() => {
      if (this.waiting.size === 0) this.worker.unref();
    }) as Promise<GroupAnswer>;
  }

  async close(): Promise<void> {
    if (this.dead) return;
    const exited = new Promise<void>((r) => this.worker.once('exit', () => r()));
    this.worker.postMessage({ close: true });
    await exited;
  }
}
