/**
 * Migration 0011_mail_outbox: where a person is reached, their region, and the durable outbox.
 *  - users.email: the address notifications and password-reset links go to (null: none known);
 *  - users.mail_preference: 'immediate' | 'daily' | 'off'; null means the role's default (a
 *    professional: daily; a young person or parent chooses, until then: off);
 *  - users.region: the youth-care region a professional works for (a functioneel beheerder manages the
 *    accounts of their region; a RET process director sees their region's consultation queue);
 *  - mail_outbox: one row per mail, written in the same transaction as the event that causes it and
 *    sent by the outbox worker (mail/). `idempotency_key` is unique, so the same mail is never queued
 *    twice; a worker claims a row with a lease (`lease_owner`, `lease_until`) before sending. `item_count`
 *    is the digest's number (the only variable a mail's text has besides its link).
 */
import type { Kysely } from 'kysely';
import type { Migration } from '../db/migrations.js';

export const outboxMigration: Migration = {
  async up(db: Kysely<unknown>) {
    // One column per statement: SQLite's ALTER TABLE adds a single column at a time.
    await db.schema.alterTable('users').addColumn('email', 'text').execute();
    await db.schema.alterTable('users').addColumn('mail_preference', 'text').execute();
    await db.schema.alterTable('users').addColumn('region', 'text').execute();
    await db.schema
      .createTable('mail_outbox')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
      .addColumn('user_id', 'text')
      .addColumn('to_address', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('link', 'text', (c) => c.notNull())
      .addColumn('item_count', 'integer')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('sent_at', 'text')
      .addColumn('failed_at', 'text')
      .addColumn('last_error', 'text')
      .execute();
    // The beheerder's page lists the newest mails first.
    await db.schema.createIndex('mail_outbox_created').on('mail_outbox').column('created_at').execute();
    await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['sent_at', 'next_attempt_at']).execute();
  },
};
