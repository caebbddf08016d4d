/**
 * Migration 0009_collab_token_generations: per person, the generation their document tokens must carry.
 * Raising it revokes every token issued before (log out everywhere, account disabled); a person without
 * a row is at generation 0. Independent of other migrations.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const tokenGenerationMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('collab_token_generations')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('generation', 'integer', (c) => c.notNull())
      .addColumn('changed_at', 'text', (c) => c.notNull())
      .execute();
  },
};
