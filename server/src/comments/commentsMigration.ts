/** Migration 0004_comments: comments are server records with an author, not CRDT content anyone could overwrite. */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const commentsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('comments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('section', 'text', (c) => c.notNull())
      .addColumn('parent_id', 'text')
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_role', 'text', (c) => c.notNull())
      .addColumn('text', 'text', (c) => c.notNull())
      /** Yjs relative positions (JSON) of the commented selection; null for a comment on the whole section. */
      .addColumn('anchor', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('resolved_at', 'text')
      .addColumn('resolved_by', 'text')
      .execute();
    await db.schema.createIndex('comments_document').on('comments').columns(['document_id', 'created_at']).execute();
  },
};
