import path from 'node:path';
import Database from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { preparePrivateDatabase } from '../storage/privateFiles.js';
import { migrateToLatest } from './migrations.js';
import type { AppSchema } from './schema.js';

export type AppDb = Kysely<AppSchema>;

export interface AppDatabase {
  db: AppDb;
  dialect: 'sqlite' | 'postgres';
  close(): Promise<void>;
}

export async function openAppDatabase(opts: {
  databaseUrl: string | null;
  dataDir: string;
  schema?: string;
}): Promise<AppDatabase> {
  let db: AppDb;
  let dialect: AppDatabase['dialect'];
  if (opts.databaseUrl) {
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
    const file = path.join(opts.dataDir, 'app.db');
    preparePrivateDatabase(file);
    const sqlite = new Database(file);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    db = new Kysely<AppSchema>({ dialect: new SqliteDialect({ database: sqlite }) });
    dialect = 'sqlite';
  }
  await migrateToLatest(db as unknown as Kysely<unknown>);
  return { db, dialect, close: () => db.destroy() };
}
