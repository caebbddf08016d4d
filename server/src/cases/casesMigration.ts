/**
 * Migration 0003_cases: what the cases work adds to 0001. Independent of any other migration: it only
 * adds columns to `cases` and `destruction_requests` and creates `case_documents`.
 *  - cases: who registered it, problem categories (JSON array) and school attendance for the RET
 *    monitor; destroyed_at once a destruction request was executed;
 *  - destruction_requests: the motivation of a decision (a refusal must say why);
 *  - case_documents: the collaborative documents a case has, because the document store cannot list.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const casesMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
    await db.schema.alterTable('cases').addColumn('registered_by', 'text').execute();
    await db.schema
      .alterTable('cases')
      .addColumn('problem_categories', 'text', (c) => c.notNull().defaultTo('[]'))
      .execute();
    await db.schema.alterTable('cases').addColumn('attends_school', 'integer').execute();
    await db.schema.alterTable('cases').addColumn('destroyed_at', 'text').execute();
    await db.schema.alterTable('destruction_requests').addColumn('motivation', 'text').execute();
    await db.schema.createIndex('destruction_requests_case').on('destruction_requests').column('case_id').execute();
    await db.schema
      .createTable('case_documents')
      .addColumn('doc_id', 'text', (c) => c.primaryKey())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('case_documents_case').on('case_documents').column('case_id').execute();
  },
};
