/**
 * Migration 0027_passkeys: WebAuthn credentials per person, and the challenges of the ceremonies.
 *  - passkeys: the credential id (base64url, the primary key: an authenticator's id is unique across
 *    people), the COSE public key, the signature counter, the transports, the backup state and a name;
 *  - webauthn_challenges: every challenge the server handed out, stored here (not in the browser) so it
 *    works once (`used_at`, one conditional UPDATE), for one purpose, within its expiry, on any instance.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const passkeysMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('passkeys')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull())
      .addColumn('public_key', 'text', (c) => c.notNull())
      .addColumn('counter', 'bigint', (c) => c.notNull())
      .addColumn('transports', 'text', (c) => c.notNull())
      .addColumn('device_type', 'text', (c) => c.notNull())
      .addColumn('backed_up', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .execute();
    await db.schema.createIndex('passkeys_user').on('passkeys').columns(['user_id']).execute();
    await db.schema
      .createTable('webauthn_challenges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('challenge', 'text', (c) => c.notNull())
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
    await db.schema
      .createIndex('webauthn_challenges_expiry')
      .on('webauthn_challenges')
      .columns(['expires_at'])
      .execute();
  },
};
