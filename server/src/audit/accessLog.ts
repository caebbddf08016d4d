/**
 * The access log in the manner of NEN 7513: every read, write, export and search of a case's data, by
 * anyone, with who (id, name, role), on whose responsibility, when, from where and the outcome.
 * Entries are append-only (database triggers refuse UPDATE and DELETE) and chained: each entry's HMAC
 * (under a key outside the database, `auditKey.ts`) covers its fields and the previous entry's, so
 * editing or removing an entry breaks the chain even for someone who can write the database. The head
 * is anchored now and then in a file outside the database (`logAnchors.ts`), so cutting off the newest
 * entries shows too. `verify()` (npm run admin -- verify-log) finds the first broken link.
 */
import { sql } from 'kysely';
import type { AppDb } from '../db/database.js';
import type { AccessLogTable } from '../db/schema.js';
import { type BrokenLink, ChainCheck } from './chainCheck.js';
import { type Anchor, appendAnchor, readAnchors } from './logAnchors.js';
import { GENESIS, KEYED_PREFIX, keyedHash } from './logChain.js';
import { LogWriterThread, type SealedRow } from './logWriterThread.js';

export const LOG_EVENTS = [
  'create',
  'read',
  'update',
  'delete',
  'export',
  'print',
  'search',
  'emergency',
  'login',
  'logout',
  'consent',
  'destroy',
] as const;
export type LogEvent = (typeof LOG_EVENTS)[number];

export interface LogEntryInput {
  event: LogEvent;
  caseId: string | null;
  actor: { userId: string | null; name: string | null; role: string | null; responsible: string | null };
  /** Where from: e.g. "127.0.0.1 http" or "10.0.0.5 collab". */
  source: string;
  outcome: 'success' | 'denied' | 'failure';
  /** What exactly: route, document, section. Never content. */
  detail: string;
  /**
   * The cases one request touched when there are several (a list page): stored in the entry
   * (`case_ids`, covered by the HMAC) and in `access_log_cases`, so each case's view finds the entry.
   * `caseId` is then null; with one case, that case goes in `caseId` as always.
   */
  caseIds?: readonly string[];
}

/**
 * The entry could not be made durable (the group commit failed): the request that asked for it must
 * not return data (fail closed, 503 over HTTP).
 */
export class AccessLogUnavailable extends Error {
  constructor(cause: unknown) {
    super(`access log unavailable: ${(cause as Error)?.message ?? String(cause)}`, { cause });
  }
}

/** Group-commit counters: how many transactions wrote how many entries (bench, tests, metrics). */
export interface AccessLogStats {
  commits: number;
  entries: number;
  failedCommits: number;
  /** Wall time spent in group commits (sealing, transaction, fsync), ms. */
  commitMs: number;
}

/** At most this many entries share one transaction; this many waiting start a commit at once. */
export const MAX_GROUP = 500;
/**
 * How long the first waiting entry waits for others to join its transaction. A read pays at most this
 * much extra latency; under load one fsync then serves every request of the window.
 */
export const GROUP_WINDOW_MS = 2;

interface Waiting {
  input: LogEntryInput;
  resolve: (seq: number) => void;
  reject: (err: unknown) => void;
}

export type StoredLogEntry = Omit<AccessLogTable, 'seq'> & { seq: number };

export interface AccessLogOptions {
  /** The HMAC key (resolveAuditKey): never stored in the database. */
  key: Uint8Array;
  /** Where heads are anchored and read back by verify; null: no anchors (e.g. a throwaway tool run). */
  anchorFile: string | null;
  /**
   * SQLite only: the database file, to commit on a worker thread (`LogWriterThread`) instead of the
   * main thread, whose every fsync would stall all requests. Absent: commits through `db`.
   */
  sqliteFile?: string;
}

export interface VerifyResult {
  checked: number;
  /** How many of the checked entries are keyed (the rest predate the key). */
  keyed: number;
  /** How many anchors were compared. */
  anchors: number;
  broken: null | BrokenLink;
}

export class AccessLog {
  /** Entries waiting for the next group commit. */
  private waiting: Waiting[] = [];
  /** A group commit is scheduled or running; commits from this process never overlap (the chain). */
  private busy = false;
  private window: NodeJS.Timeout | null = null;
  private readonly thread: LogWriterThread | null;
  /** With the thread: the chain's head after this process's last commit (null: not known yet). */
  private head: string | null = null;
  readonly stats: AccessLogStats = { commits: 0, entries: 0, failedCommits: 0, commitMs: 0 };

  private readonly key: Uint8Array;
  readonly anchorFile: string | null;
  private lastAnchored: Anchor | null = null;
  private keyedFrom: number | null = null;

  constructor(
    private readonly db: AppDb,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly clock: () => Date,
    options: AccessLogOptions,
  ) {
    this.key = options.key;
    this.anchorFile = options.anchorFile;
    this.thread = options.sqliteFile && dialect === 'sqlite' ? new LogWriterThread(options.sqliteFile) : null;
  }

  /**
   * Queues the entry for the next group commit and resolves with its seq once that transaction is
   * committed (durable: SQLite synchronous=FULL / Postgres fsync). Entries queued within
   * GROUP_WINDOW_MS of the first, or while a commit runs, share one transaction — one fsync for many.
   * Rejects with `AccessLogUnavailable` when the commit fails: the caller must not return data.
   */
  append(input: LogEntryInput): Promise<number> {
    return new Promise<number>((resolve, reject) => {
      this.waiting.push({ input, resolve, reject });
      if (!this.busy) {
        this.busy = true;
        this.window = setTimeout(() => void this.drain(), GROUP_WINDOW_MS);
      } else if (this.window && this.waiting.length >= MAX_GROUP) {
        clearTimeout(this.window);
        this.window = null;
        setImmediate(() => void this.drain());
      }
    });
  }

  /** Commits groups until nothing waits. */
  private async drain(): Promise<void> {
    this.window = null;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, MAX_GROUP);
      const started = performance.now();
      try {
        const seqs = await this.commitGroup(group.map((w) => w.input));
        this.stats.commitMs += performance.now() - started;
        this.stats.commits += 1;
        this.stats.entries += group.length;
        for (const [i, w] of group.entries()) w.resolve(seqs[i]!);
      } catch (err) {
        this.stats.failedCommits += 1;
        const failure = new AccessLogUnavailable(err);
        for (const w of group) w.reject(failure);
      }
    }
    this.busy = false;
  }

  /** The entries as rows, each sealed (HMAC) and linked to the one before, the first to `prev`. */
  private seal(inputs: readonly LogEntryInput[], prev: string): SealedRow[] {
    const at = this.clock().toISOString();
    return inputs.map((input) => {
      const many = input.caseIds && input.caseIds.length > 1 ? [...new Set(input.caseIds)] : null;
      const fields = {
        at,
        event: input.event,
        case_id: many ? null : (input.caseIds?.[0] ?? input.caseId),
        user_id: input.actor.userId,
        user_name: input.actor.name,
        user_role: input.actor.role,
        responsible: input.actor.responsible,
        source: input.source.slice(0, 200),
        outcome: input.outcome,
        detail: input.detail.slice(0, 500),
        prev_hash: prev,
        case_ids: many ? JSON.stringify(many) : null,
      };
      const row = { ...fields, hash: keyedHash(this.key, fields) };
      prev = row.hash;
      return row;
    });
  }

  private async commitGroup(inputs: readonly LogEntryInput[]): Promise<number[]> {
    if (this.thread) {
      // Sealed against the head we know; if another process moved it, sealed again against its head.
      let expected = this.head ?? GENESIS;
      for (let attempt = 0; attempt < 5; attempt += 1) {
        const rows = this.seal(inputs, expected);
        const answer = await this.thread.commit(expected, GENESIS, rows);
        if ('seqs' in answer) {
          this.head = rows[rows.length - 1]!.hash;
          return answer.seqs;
        }
        expected = answer.stale;
      }
      throw new Error('the access-log head kept moving under other writers');
    }
    return this.db.transaction().execute(async (trx) => {
      // Other instances append to the same chain: take the chain's lock for this transaction.
      if (this.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7513)`.execute(trx);
      const last = await trx.selectFrom('access_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const seqs: number[] = [];
      for (const row of this.seal(inputs, last?.hash ?? GENESIS)) {
        const inserted = await trx.insertInto('access_log').values(row).returning('seq').executeTakeFirstOrThrow();
        const seq = Number(inserted.seq);
        if (row.case_ids) {
          const cases = JSON.parse(row.case_ids) as string[];
          await trx
            .insertInto('access_log_cases')
            .values(cases.map((case_id) => ({ seq, case_id })))
            .execute();
        }
        seqs.push(seq);
      }
      return seqs;
    });
  }

  /** Commits what waits, then stops the writer thread (server shutdown). */
  async close(): Promise<void> {
    await this.flushed();
    await this.thread?.close();
  }

  /** Resolves once every entry queued so far is committed or refused (shutdown). */
  async flushed(): Promise<void> {
    while (this.busy) await new Promise((r) => setImmediate(r));
  }

  async forCase(caseId: string, limit = 500): Promise<StoredLogEntry[]> {
    // Entries about this case alone (case_id), and entries of requests that touched several cases
    // (access_log_cases, e.g. a case list): two index-backed queries, merged newest first.
    const [own, shared] = await Promise.all([
      this.db
        .selectFrom('access_log')
        .selectAll()
        .where('case_id', '=', caseId)
        .orderBy('seq', 'desc')
        .limit(limit)
        .execute(),
      this.db
        .selectFrom('access_log_cases')
        .innerJoin('access_log', 'access_log.seq', 'access_log_cases.seq')
        .selectAll('access_log')
        .where('access_log_cases.case_id', '=', caseId)
        .orderBy('access_log_cases.seq', 'desc')
        .limit(limit)
        .execute(),
    ]);
    return [...own, ...shared]
      .map((r) => ({ ...r, seq: Number(r.seq) }))
      .sort((a, b) => b.seq - a.seq)
      .slice(0, limit);
  }

  /**
   * Appends the chain's head to the anchor file (when it moved since this process last did) and returns
   * it; null when the log is empty. Called on a timer and at shutdown.
   */
  async anchorHead(): Promise<Anchor | null> {
    const head = await this.db
      .selectFrom('access_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    if (!head) return null;
    const seq = Number(head.seq);
    if (this.lastAnchored?.seq === seq && this.lastAnchored.mac === head.hash) return this.lastAnchored;
    const anchor: Anchor = { at: this.clock().toISOString(), seq, mac: head.hash, keyedFrom: await this.firstKeyed() };
    if (this.anchorFile) await appendAnchor(this.anchorFile, anchor);
    this.lastAnchored = anchor;
    return anchor;
  }

  /** The first keyed entry's seq: found once, then fixed for good. */
  private async firstKeyed(): Promise<number | null> {
    if (this.keyedFrom !== null) return this.keyedFrom;
    const row = await this.db
      .selectFrom('access_log')
      .select((eb) => eb.fn.min('seq').as('first'))
      .where('hash', 'like', `${KEYED_PREFIX}%`)
      .executeTakeFirst();
    this.keyedFrom = row?.first == null ? null : Number(row.first);
    return this.keyedFrom;
  }

  /** Walks the whole chain against the anchors. Returns the first entry that does not hold, or null if intact. */
  async verify(): Promise<VerifyResult> {
    const check = new ChainCheck(this.key, this.anchorFile ? readAnchors(this.anchorFile) : []);
    const result = (broken: BrokenLink | null): VerifyResult => ({
      checked: check.checked,
      keyed: check.keyed,
      anchors: check.anchorCount,
      broken,
    });
    let after = 0;
    for (;;) {
      const batch = await this.db
        .selectFrom('access_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq', 'asc')
        .limit(1000)
        .execute();
      if (batch.length === 0) return result(check.end());
      for (const r of batch) {
        const broken = check.row(r);
        if (broken) return result(broken);
        after = Number(r.seq);
      }
    }
  }
}
