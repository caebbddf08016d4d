/**
 * The durable outbox: a mail is queued in the same transaction as the event that causes it, and sent
 * later, exactly once, by the outbox worker. A mail carries no care data: its text is fixed per kind
 * (see MAIL_KINDS in shared) and it holds only a link into the app.
 *
 * This file is the seam every feature uses (`enqueueMail`); the worker, the transports (SMTP, a local
 * folder) and the failure view live next to it.
 */
import { randomUUID } from 'node:crypto';
import type { MailKind } from '@samenspraak/shared';
import type { Kysely } from 'kysely';

export interface MailOutboxTable {
  id: string;
  idempotency_key: string;
  user_id: string | null;
  to_address: string;
  kind: string;
  link: string;
  created_at: string;
  attempts: number;
  next_attempt_at: string;
  lease_owner: string | null;
  lease_until: string | null;
  sent_at: string | null;
  failed_at: string | null;
  last_error: string | null;
}

export interface OutboxSchema {
  mail_outbox: MailOutboxTable;
}

export interface OutgoingMail {
  /** Unique per mail: the same key queued twice is one mail (e.g. `reset:<tokenId>`, `inbox:<itemId>`). */
  idempotencyKey: string;
  /** The person it is for, when it is for an account (null for a consultation receipt, say). */
  userId: string | null;
  to: string;
  kind: MailKind;
  /** A path in the app (starts with '/'); the worker makes it absolute with the public URL. */
  link: string;
}

/**
 * Queue a mail. Pass the transaction of the event that causes it, so the mail exists exactly when the
 * event does. True when queued now, false when a mail with this key was queued before.
 */
export async function enqueueMail(db: Kysely<never>, mail: OutgoingMail, now: Date): Promise<boolean> {
  if (!mail.link.startsWith('/')) throw new Error('a mail links to a path in the app');
  const at = now.toISOString();
  const result = await (db as unknown as Kysely<OutboxSchema>)
    .insertInto('mail_outbox')
    .values({
      id: randomUUID(),
      idempotency_key: mail.idempotencyKey,
      user_id: mail.userId,
      to_address: mail.to,
      kind: mail.kind,
      link: mail.link,
      created_at: at,
      attempts: 0,
      next_attempt_at: at,
      lease_owner: null,
      lease_until: null,
      sent_at: null,
      failed_at: null,
      last_error: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
}
