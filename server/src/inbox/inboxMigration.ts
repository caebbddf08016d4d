/**
 * Migration 0012_inbox: every participant's inbox. One row per thing that needs a person; `key` is
 * unique per person so the same thing is added once; read_at marks it read. inbox_digests remembers the
 * daily digest per person and Amsterdam date (claimed with an insert, so two instances send one).
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const inboxMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('inbox_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('link', 'text', (c) => c.notNull())
      .addColumn('params', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('read_at', 'text')
      .execute();
    await db.schema
      .createIndex('inbox_items_person_key')
      .on('inbox_items')
      .columns(['user_id', 'key'])
      .unique()
      .execute();
    await db.schema.createIndex('inbox_items_case').on('inbox_items').column('case_id').execute();
    await db.schema
      .createIndex('inbox_items_person_created')
      .on('inbox_items')
      .columns(['user_id', 'created_at'])
      .execute();
    await db.schema
      .createTable('inbox_digests')
      .addColumn('user_id', 'text', (c) => c.notNull())
      /** The Amsterdam calendar date of the digest (YYYY-MM-DD). */
      .addColumn('day', 'text', (c) => c.notNull())
      /** Items created up to this moment are covered by this digest. */
      .addColumn('covered_until', 'text', (c) => c.notNull())
      .addColumn('item_count', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('inbox_digests_pk', ['user_id', 'day'])
      .execute();
  },
};
