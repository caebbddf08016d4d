import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect, type SqliteStatement } from 'kysely';
import { preparePrivateDatabase } from '../storage/privateFiles.js';
import { type Migrations, migrateToLatest } from './migrations.js';
import type { AppSchema } from './schema.js';

export type AppDb = Kysely<AppSchema>;

export interface AppDatabase {
  db: AppDb;
  dialect: 'sqlite' | 'postgres';
  /** SQLite: the database file (a second connection, e.g. the access log's writer thread, opens it). */
  file?: string;
  close(): Promise<void>;
}

export async function openAppDatabase(opts: {
  databaseUrl: string | null;
  dataDir: string;
  schema?: string;
  /** Every migration of the schema, in name order: the app's list (`schemaMigrations.ts`). */
  migrations: Migrations;
}): Promise<AppDatabase> {
  let db: AppDb;
  let dialect: AppDatabase['dialect'];
  let file: string | undefined;
  if (opts.databaseUrl) {
    // pg only when Postgres is configured: a SQLite server never loads it (issue 16, idle RSS).
    const { default: pg } = await import('pg');
    const pool = new pg.Pool({
      connectionString: opts.databaseUrl,
      connectionTimeoutMillis: 3000,
      statement_timeout: 10_000,
      options: opts.schema ? `-c search_path=${opts.schema}` : undefined,
    });
    pool.on('error', () => {}); // an idle client's error must not crash the process; queries report their own
    if (opts.schema) await pool.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema.replace(/"/g, '')}"`);
    db = new Kysely<AppSchema>({ dialect: new PostgresDialect({ pool }) });
    dialect = 'postgres';
  } else {
    // A separate file from the document store: a long Kysely transaction must never block document fsyncs.
    file = path.join(opts.dataDir, 'app.db');
    preparePrivateDatabase(file);
    const sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    // Deleted rows (a destroyed case) are overwritten with zeros, not left readable in free pages.
    sqlite.pragma('secure_delete = ON');
    db = new Kysely<AppSchema>({ dialect: new SqliteDialect({ database: keepingTheCause(sqlite) }) });
    dialect = 'sqlite';
  }
  await migrateToLatest(db as unknown as Kysely<unknown>, opts.migrations);
  return { db, dialect, ...(file ? { file } : {}), close: () => db.destroy() };
}

const NO_ROLLBACK: SqliteStatement = {
  reader: false,
  all: () => [],
  run: () => ({ changes: 0, lastInsertRowid: 0 }),
  iterate: () => [][Symbol.iterator](),
};

/**
 * SQLite ends a transaction by itself on some errors (SQLITE_FULL: the disk is full). Kysely then
 * sends ROLLBACK, which fails ("no transaction is active") and replaces the real cause — so the caller
 * could not tell a full disk from a bug. With no transaction open, that ROLLBACK is a no-op here.
 */
function keepingTheCause(sqlite: Database.Database): SqliteDatabase {
  // Kysely prepares every query anew; compiling SQL was a large share of a read route's CPU (issue 16).
  // A prepared statement is reusable (SQLite re-prepares it itself after a schema change), so keep the
  // most recent ones by their SQL text.
  const statements = new Map<string, SqliteStatement>();
  return {
    close: () => sqlite.close(),
    prepare: (query: string) => {
      if (query === 'rollback' && !sqlite.inTransaction) return NO_ROLLBACK;
      // The access log's writer thread commits through a second connection: a deferred transaction that
      // read before that commit could not write after it (SQLITE_BUSY_SNAPSHOT, not retried). Taking the
      // write lock at BEGIN waits (busy_timeout) instead.
      if (query === 'begin') query = 'begin immediate';
      let stmt = statements.get(query);
      if (!stmt) {
        if (statements.size >= STATEMENT_CACHE) statements.clear();
        stmt = sqlite.prepare(query) as unknown as SqliteStatement;
        statements.set(query, stmt);
      }
      return stmt;
    },
  };
}

/** How many prepared statements the SQLite connection keeps (queries differ mostly by IN-list length). */
const STATEMENT_CACHE = 500;
