/**
 * The access log in the manner of NEN 7513: every read, write, export and search of a case's data, by
 * anyone, with who (id, name, role), on whose responsibility, when, from where and the outcome.
 * Entries are append-only (database triggers refuse UPDATE and DELETE) and hash-chained: each entry's
 * hash covers its fields and the previous hash, so editing or removing an entry breaks the chain, and
 * `verify()` (npm run admin -- verify-log) finds the first broken link.
 */
import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { AppDb } from '../db/database.js';
import type { AccessLogTable } from '../db/schema.js';

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

const GENESIS = '0'.repeat(64);

function entryHash(e: Omit<AccessLogTable, 'seq' | 'hash'>): string {
  const canonical = JSON.stringify([
    e.at,
    e.event,
    e.case_id,
    e.user_id,
    e.user_name,
    e.user_role,
    e.responsible,
    e.source,
    e.outcome,
    e.detail,
    e.prev_hash,
  ]);
  return crypto.createHash('sha256').update(canonical).digest('hex');
}

export class AccessLog {
  /** Appends from this process are serialised so each sees the previous hash. */
  private tail: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: AppDb,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly clock: () => Date = () => new Date(),
  ) {}

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
        .values({ ...row, hash: entryHash(row) })
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

  /** Walks the whole chain. Returns the first entry whose hash or link does not hold, or null if intact. */
  async verify(): Promise<{ checked: number; broken: null | { seq: number; problem: string } }> {
    let prev = GENESIS;
    let checked = 0;
    let after = 0;
    for (;;) {
      const batch = await this.db
        .selectFrom('access_log')
        .selectAll()
        .where('seq', '>', after)
        .orderBy('seq', 'asc')
        .limit(1000)
        .execute();
      if (batch.length === 0) return { checked, broken: null };
      for (const r of batch) {
        const seq = Number(r.seq);
        if (r.prev_hash !== prev) return { checked, broken: { seq, problem: 'link to the previous entry is broken' } };
        const { seq: _s, hash, ...rest } = r;
        if (entryHash(rest) !== hash) return { checked, broken: { seq, problem: 'entry was altered' } };
        prev = hash;
        checked += 1;
        after = seq;
      }
    }
  }
}
