/**
 * The relational schema as the identity code sees it: AppSchema plus what migration 0002_identity adds.
 * Kept beside the migration (instead of in db/schema.ts, which several people edit) so the two cannot
 * drift apart; `identityDb` only re-types the one shared Kysely instance.
 */
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';
import type { AppSchema, UsersTable } from '../db/schema.js';

export interface IdentityUsersTable extends UsersTable {
  /** Last accepted TOTP step (30 s periods since the epoch, fits an integer until 4010); null before the first second-factor login. */
  totp_last_step: number | null;
}

export interface IdentitySchema extends Omit<AppSchema, 'users'> {
  users: IdentityUsersTable;
}

export type IdentityDb = Kysely<IdentitySchema>;

export function identityDb(db: AppDb): IdentityDb {
  return db as unknown as IdentityDb;
}
