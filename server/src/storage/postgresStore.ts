/**
 * Postgres adapter for DocumentStore, for deployments that run several server instances against
 * one database. With the default synchronous_commit=on a COMMIT has been flushed to the WAL, so a
 * resolved `append` is durable.
 *
 * Ordering: seqs come from one global sequence. Sequence values are handed out before commit, so
 * without care two concurrent transactions could commit a document's entries out of seq order and a
 * compaction up to a just-acknowledged seq could delete a smaller, not-yet-visible one. `append`
 * therefore holds a per-document advisory lock from allocating seqs until COMMIT, which makes
 * per-document seq order equal commit order.
 */
import { escapeIdentifier, Pool, TypeOverrides } from 'pg';
import type { AppendEntry, DocumentStats, DocumentStore, LoadedDocument } from './documentStore.js';
import { migrate, withTransaction } from './postgresMigrations.js';

export interface PostgresStoreOptions {
  /** Schema holding the tables; created by `open` if missing. Default 'public'. */
  schema?: string;
  /** How long to wait for a connection before rejecting (a database that is down must not hang calls). */
  connectionTimeoutMillis?: number;
  /** Server-side limit per statement; the client-side limit is slightly longer, for dead networks. */
  statementTimeoutMillis?: number;
  /** Pool size. */
  max?: number;
  /** Errors of idle pooled connections (e.g. the server restarted). They must not crash the process. */
  onPoolError?: (err: Error) => void;
}

const INT8_OID = 20;

/** bigint columns (seq, count, sum) arrive as strings; seqs stay far below 2^53, so numbers are exact. */
function toSafeNumber(text: string): number {
  const n = Number(text);
  if (!Number.isSafeInteger(n)) throw new Error(`postgres int8 value ${text} exceeds Number.MAX_SAFE_INTEGER`);
  return n;
}

function toBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** A plain Uint8Array view (no copy), so callers see the same type as from the SQLite store. */
function bytes(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export class PostgresStore implements DocumentStore {
  readonly kind = 'postgres';
  private readonly pool: Pool;
  private readonly schema: string;
  private readonly updates: string;
  private readonly snapshots: string;
  private readonly clients: string;
  private closing: Promise<void> | null = null;

  /** Does not touch the database; use `PostgresStore.open` to also run migrations. */
  constructor(connectionString: string, options: PostgresStoreOptions = {}) {
    this.schema = options.schema ?? 'public';
    const ident = escapeIdentifier(this.schema);
    this.updates = `${ident}.doc_updates`;
    this.snapshots = `${ident}.doc_snapshots`;
    this.clients = `${ident}.doc_clients`;
    const statementTimeout = options.statementTimeoutMillis ?? 10_000;
    // Per-pool parser so the process-wide pg.types stay untouched for other users of `pg`.
    const types = new TypeOverrides();
    types.setTypeParser(INT8_OID, toSafeNumber);
    this.pool = new Pool({
      connectionString,
      max: options.max ?? 10,
      connectionTimeoutMillis: options.connectionTimeoutMillis ?? 3_000,
      statement_timeout: statementTimeout,
      query_timeout: statementTimeout + 2_000,
      keepAlive: true,
      types,
    });
    const onPoolError =
      options.onPoolError ?? ((err: Error) => console.error(`postgres store: idle connection error: ${err.message}`));
    this.pool.on('error', onPoolError);
  }

  /** Creates the store and applies pending migrations (safe when several instances start at once). */
  static async open(connectionString: string, options: PostgresStoreOptions = {}): Promise<PostgresStore> {
    const store = new PostgresStore(connectionString, options);
    try {
      await migrate(store.pool, store.schema);
    } catch (err) {
      await store.close();
      throw err;
    }
    return store;
  }

  async append(entries: AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return [];
    const docIds = [...new Set(entries.map((e) => e.docId))];
    return withTransaction(this.pool, async (client) => {
      // Locks in key order, so two multi-document appends cannot deadlock each other. Since
      // Postgres 9.6 a volatile target-list function runs after the ORDER BY sort.
      await client.query(
        `SELECT pg_advisory_xact_lock(k)
           FROM (SELECT DISTINCT hashtextextended($1 || '/' || d, 0) AS k FROM unnest($2::text[]) AS d) AS keys
          ORDER BY k`,
        [this.schema, docIds],
      );
      // Allocate the seqs first and hand them out in ascending order ourselves: Postgres does not
      // promise that INSERT ... SELECT ... RETURNING follows the input order.
      const allocated = await client.query<{ seq: number }>(
        'SELECT nextval(pg_get_serial_sequence($1, $2)) AS seq FROM generate_series(1, $3::integer)',
        [this.updates, 'seq', entries.length],
      );
      const seqs = allocated.rows.map((r) => r.seq).sort((a, b) => a - b);
      await client.query(
        `INSERT INTO ${this.updates} (seq, doc_id, data)
         SELECT * FROM unnest($1::bigint[], $2::text[], $3::bytea[])`,
        [seqs, entries.map((e) => e.docId), entries.map((e) => toBuffer(e.update))],
      );
      const claims = entries.flatMap((e) => (e.claims ?? []).map((c) => ({ docId: e.docId, ...c })));
      if (claims.length > 0) {
        await client.query(
          `INSERT INTO ${this.clients} (doc_id, client, owner)
           SELECT * FROM unnest($1::text[], $2::bigint[], $3::text[]) ON CONFLICT DO NOTHING`,
          [claims.map((c) => c.docId), claims.map((c) => c.client), claims.map((c) => c.owner)],
        );
      }
      return seqs;
    });
  }

  async load(docId: string): Promise<LoadedDocument> {
    // One statement, hence one MVCC snapshot: a compaction committing between a separate snapshot
    // read and tail read could otherwise yield the old snapshot without the entries it replaced.
    const res = await this.pool.query<{ seq: number | null; data: Buffer }>(
      `SELECT seq, data FROM (
         SELECT NULL::bigint AS seq, data FROM ${this.snapshots} WHERE doc_id = $1
         UNION ALL
         SELECT seq, data FROM ${this.updates} WHERE doc_id = $1
       ) AS rows ORDER BY seq NULLS FIRST`,
      [docId],
    );
    let snapshot: Uint8Array | null = null;
    const tail: LoadedDocument['tail'] = [];
    for (const row of res.rows) {
      if (row.seq === null) snapshot = bytes(row.data);
      else tail.push({ seq: row.seq, update: bytes(row.data) });
    }
    // Claims are only ever added, so reading them separately can at most show one newer than the tail.
    const claims = await this.pool.query<{ client: number; owner: string }>(
      `SELECT client, owner FROM ${this.clients} WHERE doc_id = $1`,
      [docId],
    );
    return { snapshot, tail, claims: claims.rows };
  }

  async compact(docId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      const upsert = await client.query(
        `INSERT INTO ${this.snapshots} (doc_id, data, upto_seq, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (doc_id) DO UPDATE
           SET data = excluded.data, upto_seq = excluded.upto_seq, updated_at = excluded.updated_at
           WHERE ${this.snapshots}.upto_seq <= excluded.upto_seq`,
        [docId, toBuffer(snapshot), uptoSeq],
      );
      // A stale compaction (another instance already snapshotted further) changes nothing.
      if (upsert.rowCount === 0) return;
      await client.query(`DELETE FROM ${this.updates} WHERE doc_id = $1 AND seq <= $2`, [docId, uptoSeq]);
    });
  }

  /** Dead row versions stay on disk until (auto)vacuum reclaims them; the rows are gone for every reader at COMMIT. */
  async delete(docId: string): Promise<void> {
    await withTransaction(this.pool, async (client) => {
      // The same per-document lock as `append`, so no append of this document commits halfway through.
      await client.query(`SELECT pg_advisory_xact_lock(hashtextextended($1 || '/' || $2, 0))`, [this.schema, docId]);
      await client.query(`DELETE FROM ${this.updates} WHERE doc_id = $1`, [docId]);
      await client.query(`DELETE FROM ${this.snapshots} WHERE doc_id = $1`, [docId]);
      await client.query(`DELETE FROM ${this.clients} WHERE doc_id = $1`, [docId]);
    });
  }

  /** Deleted rows stay in the table files until rewritten: VACUUM FULL writes new files, drops the old. */
  async scrubFreedSpace(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('SET statement_timeout = 0');
      await client.query(`VACUUM (FULL) ${this.updates}`);
      await client.query(`VACUUM (FULL) ${this.snapshots}`);
      await client.query('RESET statement_timeout');
    } catch (err) {
      client.release(err as Error); // not back into the pool with its timeout switched off
      throw err;
    }
    client.release();
  }

  async stats(docId: string): Promise<DocumentStats> {
    const res = await this.pool.query<{ snapshot_bytes: number; tail_count: number; tail_bytes: number }>(
      `SELECT coalesce((SELECT octet_length(data) FROM ${this.snapshots} WHERE doc_id = $1), 0) AS snapshot_bytes,
              count(*) AS tail_count,
              coalesce(sum(octet_length(data)), 0) AS tail_bytes
         FROM ${this.updates} WHERE doc_id = $1`,
      [docId],
    );
    const row = res.rows[0]!;
    return { snapshotBytes: row.snapshot_bytes, tailCount: row.tail_count, tailBytes: row.tail_bytes };
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  /** Idempotent: pg's Pool.end throws when called twice, so every caller shares the first call. */
  close(): Promise<void> {
    this.closing ??= this.pool.end();
    return this.closing;
  }
}
