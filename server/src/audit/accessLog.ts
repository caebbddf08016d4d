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
}

export type StoredLogEntry = Omit<AccessLogTable, 'seq'> & { seq: number };

export interface AccessLogOptions {
  /** The HMAC key (resolveAuditKey): never stored in the database. */
  key: Uint8Array;
  /** Where heads are anchored and read back by verify; null: no anchors (e.g. a throwaway tool run). */
  anchorFile: string | null;
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
  /** Appends from this process are serialised so each sees the previous hash. */
  private tail: Promise<unknown> = Promise.resolve();

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
  }

  append(input: LogEntryInput): Promise<number> {
    const run = this.tail.then(() => this.appendNow(input));
    this.tail = run.catch(() => {});
    return run;
  }

  private appendNow(input: LogEntryInput): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      // Other instances append to the same chain: take the chain's lock for this transaction.
      if (this.dialect === 'postgres') await sql`SELECT pg_advisory_xact_lock(7513)`.execute(trx);
      const last = await trx.selectFrom('access_log').select('hash').orderBy('seq', 'desc').limit(1).executeTakeFirst();
      const row = {
        at: this.clock().toISOString(),
        event: input.event,
        case_id: input.caseId,
        user_id: input.actor.userId,
        user_name: input.actor.name,
        user_role: input.actor.role,
        responsible: input.actor.responsible,
        source: input.source.slice(0, 200),
        outcome: input.outcome,
        detail: input.detail.slice(0, 500),
        prev_hash: last?.hash ?? GENESIS,
      };
      const inserted = await trx
        .insertInto('access_log')
        .values({ ...row, hash: keyedHash(this.key, row) })
        .returning('seq')
        .executeTakeFirstOrThrow();
      return Number(inserted.seq);
    });
  }

  async forCase(caseId: string, limit = 500): Promise<StoredLogEntry[]> {
    const rows = await this.db
      .selectFrom('access_log')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
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
