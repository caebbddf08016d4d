/**
 * Migration 0022_monitor: what the RET monitor (issue 17) needs that the records lacked.
 *  - cases.question_kind: consultation and advice, or process direction (QUESTION_KINDS);
 *  - users.municipality: the municipality a 'gemeente' account sees the monitor of (nothing else).
 * One column per ALTER statement (SQLite).
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const monitorMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('cases').addColumn('question_kind', 'text').execute();
    await db.schema.alterTable('users').addColumn('municipality', 'text').execute();
  },
};
