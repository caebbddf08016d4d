/**
 * Migration 0028_sso: single sign-on by OpenID Connect.
 *  - sso_links: which organisation account (issuer + subject) belongs to which Samenspraak account; made
 *    only by the beheerder, never by a first login. One link per account, one account per subject;
 *  - sso_flows: each login started at the identity provider: the state (its SHA-256), the PKCE verifier
 *    and the nonce, bound to the browser by a cookie (its SHA-256), used once, expiring after 10 minutes.
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const ssoMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('sso_links')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('issuer', 'text', (c) => c.notNull())
      .addColumn('subject', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('sso_links_subject', ['issuer', 'subject'])
      .execute();
    await db.schema
      .createTable('sso_flows')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('browser_hash', 'text', (c) => c.notNull())
      .addColumn('code_verifier', 'text', (c) => c.notNull())
      .addColumn('nonce', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('used_at', 'text')
      .execute();
  },
};
