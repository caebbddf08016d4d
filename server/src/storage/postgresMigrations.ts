/**
 * Schema migrations for the Postgres store, plus the transaction helper both modules share.
 *
 * Migrations are append-only: never edit or renumber one that has shipped, add a new one instead.
 * They are written without a schema prefix and run with search_path set to the target schema, so
 * the same list serves the default schema and the isolated schemas tests create.
 */
import { DatabaseError, escapeIdentifier, type Pool, type PoolClient } from 'pg';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    id: 1,
    name: 'doc_updates_and_snapshots',
    // seq comes from one sequence shared by all documents (like SQLite's AUTOINCREMENT), so it is
    // never reused: a compaction up to seq N cannot delete an entry appended after it.
    sql: `
CREATE TABLE doc_updates (
  seq bigserial PRIMARY KEY,
  doc_id text NOT NULL,
  data bytea NOT NULL
);
CREATE INDEX doc_updates_doc ON doc_updates (doc_id, seq);
CREATE TABLE doc_snapshots (
  doc_id text PRIMARY KEY,
  data bytea NOT NULL,
  upto_seq bigint NOT NULL,
  updated_at timestamptz NOT NULL DEFAULT now()
);
`,
  },
  {
    id: 2,
    name: 'doc_clients',
    // Which person owns which Yjs client id of a document (see collab/clientOwnership.ts).
    sql: `
CREATE TABLE doc_clients (
  doc_id text NOT NULL,
  client bigint NOT NULL,
  owner text NOT NULL,
  PRIMARY KEY (doc_id, client)
);
`,
  },
];

/**
 * Runs `fn` inside BEGIN/COMMIT on one pooled client. Resolves only after COMMIT succeeded.
 * On failure the transaction is rolled back; a client whose connection may be unusable (network
 * error, client-side query timeout, failed rollback) is destroyed instead of returned to the pool.
 */
export async function withTransaction<T>(pool: Pool, fn: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  // A checked-out client has no 'error' listener of the pool; without one, a connection dropped
  // between two of our queries would be an unhandled 'error' event and crash the process.
  let connectionError: Error | null = null;
  const onError = (err: Error) => {
    connectionError = err;
  };
  client.on('error', onError);
  const release = (destroy: Error | boolean) => {
    client.removeListener('error', onError);
    client.release(destroy);
  };
  try {
    await client.query('BEGIN');
    const result = await fn(client);
    await client.query('COMMIT');
    release(connectionError ?? false);
    return result;
  } catch (err) {
    // Only a server-reported error leaves the connection in a known state worth rolling back.
    if (err instanceof DatabaseError && connectionError === null) {
      await client.query('ROLLBACK').then(
        () => release(false),
        (rollbackErr: Error) => release(rollbackErr),
      );
    } else {
      release(connectionError ?? (err instanceof Error ? err : true));
    }
    throw err;
  }
}

/**
 * Creates `schema` and applies the missing migrations in one transaction. A transaction-scoped
 * advisory lock (keyed by schema) serialises instances that start at the same time, so each
 * migration runs exactly once. Returns the ids applied by this call.
 */
export async function migrate(pool: Pool, schema: string): Promise<number[]> {
  for (let i = 1; i < MIGRATIONS.length; i++) {
    if ((MIGRATIONS[i] as Migration).id <= (MIGRATIONS[i - 1] as Migration).id) {
      throw new Error('postgres migrations must have strictly increasing ids');
    }
  }
  const ident = escapeIdentifier(schema);
  return withTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(hashtext('samenspraak:migrate'), hashtext($1))", [schema]);
    // Inside the lock: concurrent CREATE ... IF NOT EXISTS can still collide on the catalog.
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${ident}`);
    await client.query(`SET LOCAL search_path TO ${ident}`);
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      id integer PRIMARY KEY,
      name text NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
    const done = await client.query<{ id: number }>('SELECT id FROM schema_migrations');
    const applied = new Set(done.rows.map((r) => r.id));
    const ran: number[] = [];
    for (const m of MIGRATIONS) {
      if (applied.has(m.id)) continue;
      await client.query(m.sql);
      await client.query('INSERT INTO schema_migrations (id, name) VALUES ($1, $2)', [m.id, m.name]);
      ran.push(m.id);
    }
    return ran;
  });
}
