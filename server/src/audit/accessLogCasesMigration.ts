/**
 * Migration 0029_access_log_cases: one access-log entry per request, listing the cases it touched.
 *  - access_log.case_ids: the JSON array of a several-case entry's case ids (case_id is then null),
 *    sealed by the entry's HMAC (logChain.ts), so the list cannot be changed unseen;
 *  - access_log_cases (seq, case_id): the same list one row per case, indexed by case, so a case's
 *    view of the log (the young person's, the dossier export) finds the entry on SQLite and Postgres
 *    alike; append-only like access_log itself.
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const accessLogCasesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('access_log').addColumn('case_ids', 'text').execute();
    await db.schema
      .createTable('access_log_cases')
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('access_log_cases_pk', ['case_id', 'seq'])
      .execute();
    if (db.getExecutor().adapter instanceof PostgresAdapter) {
      await sql`CREATE TRIGGER access_log_cases_no_change BEFORE UPDATE OR DELETE ON access_log_cases
        FOR EACH ROW EXECUTE FUNCTION access_log_append_only()`.execute(db);
    } else {
      await sql`CREATE TRIGGER access_log_cases_no_update BEFORE UPDATE ON access_log_cases
        BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END`.execute(db);
      await sql`CREATE TRIGGER access_log_cases_no_delete BEFORE DELETE ON access_log_cases
        BEGIN SELECT RAISE(ABORT, 'access_log is append-only'); END`.execute(db);
    }
  },
};
