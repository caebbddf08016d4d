/**
 * The schema as the accounts code sees it: the identity schema plus what migration 0015_accounts adds.
 * Kept beside the migration so the two cannot drift apart; `accountsDb` only re-types the shared Kysely.
 */
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';
import type { OutboxSchema } from '../mail/outbox.js';
import type { IdentitySchema } from './identityDb.js';

export type TokenPurpose = 'activation' | 'enrolment' | 'password-reset';

export interface AccountTokensTable {
  /** SHA-256 of the token; the token itself is only in the link. */
  id: string;
  user_id: string;
  purpose: TokenPurpose;
  /** The TOTP secret being enrolled (activation, enrolment); null for a password reset. */
  totp_secret: string | null;
  created_by: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface RecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface AccountsSchema extends IdentitySchema, OutboxSchema {
  account_tokens: AccountTokensTable;
  recovery_codes: RecoveryCodesTable;
}

export type AccountsDb = Kysely<AccountsSchema>;

export function accountsDb(db: AppDb | Kysely<never>): AccountsDb {
  return db as unknown as AccountsDb;
}
