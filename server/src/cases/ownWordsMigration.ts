/**
 * Migration 0017_analysis_template: who records a person's own-words part of the analysis "zoals verteld
 * door" them (002 Bijlage 1; a child under 12 has no account, domain brief §7). One row per part; the
 * permission rules (shared/src/analysisParts.ts) give that professional the right to write the part.
 * Nothing in the documents themselves is changed by this migration: old roots stay as they are.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const ownWordsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('own_words_recorders')
      .addColumn('case_id', 'text', (c) => c.notNull())
      .addColumn('part', 'text', (c) => c.notNull())
      .addColumn('recorder_id', 'text', (c) => c.notNull())
      .addColumn('on_request', 'integer', (c) => c.notNull())
      .addColumn('named_by', 'text', (c) => c.notNull())
      .addColumn('named_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('own_words_recorders_pk', ['case_id', 'part'])
      .execute();
  },
};
