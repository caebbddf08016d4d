/**
 * Migration 0015_accounts: accounts that enrol and recover without a console.
 *  - account_tokens: single-use links (activation of a new account, re-enrolment after a TOTP reset,
 *    password reset). Only the SHA-256 of the token is kept; an enrolment link carries the TOTP secret
 *    being enrolled (`totp_secret`), which moves to the user when the first code confirms it;
 *  - recovery_codes: ten per enrolment, each an HMAC under the server key (never the code), single use;
 *  - professionals made before this migration get their login (an e-mail address) as users.email, so a
 *    forgotten password can be reset by mail for them too.
 */
import { type Kysely, sql } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const accountsMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('account_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('totp_secret', 'text')
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('account_tokens_user').on('account_tokens').columns(['user_id', 'purpose']).execute();
    await db.schema
      .createTable('recovery_codes')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('code_hash', 'text', (c) => c.notNull().unique())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema.createIndex('recovery_codes_user').on('recovery_codes').columns(['user_id']).execute();
    await sql`UPDATE users SET email = login WHERE kind = 'professional' AND email IS NULL AND login LIKE '%@%'`.execute(
      db,
    );
  },
};

/** A professional's login is their e-mail address: where none is recorded, it becomes users.email. */
export async function backfillProfessionalEmails(db: Kysely<unknown>): Promise<void> {
  await sql`UPDATE users SET email = login WHERE kind = 'professional' AND email IS NULL AND login LIKE '%@%'`.execute(
    db,
  );
}
