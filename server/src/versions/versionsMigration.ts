/**
 * Migration 0006_versions: named versions of documents, endorsements and hypothesis votes. All three are
 * server records with an author (not CRDT content anyone on the document could overwrite); endorsements
 * and votes keep their history: a new stance supersedes the current one instead of replacing it.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const versionsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('document_versions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('author_id', 'text', (c) => c.notNull())
      .addColumn('author_name', 'text', (c) => c.notNull())
      .addColumn('author_role', 'text', (c) => c.notNull())
      /** Y.encodeStateAsUpdate of the document, base64: one text column type in both dialects. */
      .addColumn('state', 'text', (c) => c.notNull())
      /** JSON: the current endorsements when the version was made (what a sign-off fixes). */
      .addColumn('endorsements', 'text', (c) => c.notNull())
      .addColumn('restored_from', 'text')
      /** 1, 2, … per document: the order of versions even when two are made within one clock tick. */
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('document_versions_document')
      .on('document_versions')
      .columns(['document_id', 'seq'])
      .execute();
    await db.schema
      .createTable('endorsements')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('user_role', 'text', (c) => c.notNull())
      .addColumn('stance', 'text', (c) => c.notNull())
      .addColumn('words', 'text')
      /** 1, 2, … per person and document: orders a person's stances even when given within one clock tick. */
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('superseded_at', 'text')
      .execute();
    await db.schema
      .createIndex('endorsements_document')
      .on('endorsements')
      .columns(['document_id', 'user_id', 'superseded_at'])
      .execute();
    await db.schema
      .createTable('hypothesis_votes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('document_id', 'text', (c) => c.notNull())
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('hypothesis_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('user_name', 'text', (c) => c.notNull())
      .addColumn('user_role', 'text', (c) => c.notNull())
      .addColumn('agree', 'integer', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('superseded_at', 'text')
      .execute();
    await db.schema
      .createIndex('hypothesis_votes_document')
      .on('hypothesis_votes')
      .columns(['document_id', 'hypothesis_id', 'superseded_at'])
      .execute();
  },
};
