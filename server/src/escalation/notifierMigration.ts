/**
 * Migration 0008_clock_facts_and_pushes:
 *  - cases.future_plan_checked_at: when the future plan was last checked (the half-year check);
 *  - pushed_notifications: which live notifications each person has already been sent, so a restart
 *    or a second instance never sends them again. Independent of other migrations.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const notifierMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('cases').addColumn('future_plan_checked_at', 'text').execute();
    await db.schema
      .createTable('pushed_notifications')
      .addColumn('user_id', 'text', (c) => c.notNull())
      /** kind, case, due moment, severity (and commitment): a new severity is a new push. */
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('pushed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('pushed_notifications_pk', ['user_id', 'key'])
      .execute();
    await db.schema.createIndex('pushed_notifications_case').on('pushed_notifications').column('case_id').execute();
  },
};
