/**
 * Migration 0016_registration: what case registration, team management and the consultation queue add.
 *  - cases: who asked (requester), what for (question), who holds procesregie (process_director_id);
 *  - participant_removals: each ended access with its reason (also in the access log);
 *  - consultations: the RET queue of consultation requests from parents, young people and schools.
 * One column per ALTER statement (SQLite).
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const registrationMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('cases').addColumn('requester', 'text').execute();
    await db.schema.alterTable('cases').addColumn('question', 'text').execute();
    await db.schema.alterTable('cases').addColumn('process_director_id', 'text').execute();
    await db.schema
      .createTable('participant_removals')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('removed_at', 'text', (c) => c.notNull())
      .addColumn('removed_by', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('participant_removals_case').on('participant_removals').column('case_id').execute();
    await db.schema
      .createTable('consultations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('receipt', 'text', (c) => c.notNull().unique())
      .addColumn('region', 'text', (c) => c.notNull())
      .addColumn('asker', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('phone', 'text')
      .addColumn('email', 'text')
      .addColumn('question', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('answer', 'text')
      .addColumn('outcome', 'text')
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('case_id', 'text')
      .execute();
    await db.schema.createIndex('consultations_region').on('consultations').columns(['region', 'state']).execute();
  },
};
