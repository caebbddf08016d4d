/**
 * Migration 0002_identity: what the identity work adds to 0001. Independent of any other migration.
 *  - users.totp_last_step: the last TOTP time step accepted for the user, so a code cannot be used twice
 *    (RFC 6238 §5.2); claimed with a conditional UPDATE, which is atomic across instances;
 *  - an index for the coarse per-address login limit.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const identityMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('users').addColumn('totp_last_step', 'integer').execute();
    await db.schema
      .createIndex('login_attempts_address')
      .on('login_attempts')
      .columns(['remote_address', 'at'])
      .execute();
  },
};
