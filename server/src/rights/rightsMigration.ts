/**
 * Migration 0025_rights: what the young person and parents ask and say about their dossier.
 *  - `own_statements`: an own statement (Jeugdwet 7.3.8), on a section and optionally a quoted passage;
 *    never changed or removed by anyone (it goes only with the dossier's destruction).
 *  - `correction_requests`: a request to correct (AVG art. 16), answered by a professional with a reason.
 *  - `rights_settings`: per case, whether the parents see the young person's own activity in the log.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const rightsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('own_statements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('section', 'text', (c) => c.notNull())
      .addColumn('passage', 'text')
      .addColumn('text', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_role', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('own_statements_case').on('own_statements').columns(['case_id']).execute();
    await db.schema
      .createTable('correction_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('document', 'text', (c) => c.notNull())
      .addColumn('section', 'text', (c) => c.notNull())
      .addColumn('passage', 'text')
      .addColumn('what', 'text', (c) => c.notNull())
      .addColumn('why', 'text', (c) => c.notNull())
      .addColumn('requested_by', 'text', (c) => c.notNull())
      .addColumn('requester_name', 'text', (c) => c.notNull())
      .addColumn('requester_role', 'text', (c) => c.notNull())
      .addColumn('requested_at', 'text', (c) => c.notNull())
      .addColumn('due_by', 'text', (c) => c.notNull())
      .addColumn('decision', 'text')
      .addColumn('decided_by', 'text')
      .addColumn('decided_by_name', 'text')
      .addColumn('decided_at', 'text')
      .addColumn('answer', 'text')
      .execute();
    await db.schema.createIndex('correction_requests_case').on('correction_requests').columns(['case_id']).execute();
    await db.schema
      .createTable('rights_settings')
      .addColumn('case_id', 'text', (c) => c.primaryKey())
      .addColumn('parents_see_activity', 'integer', (c) => c.notNull())
      .addColumn('changed_by', 'text', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
  },
};
