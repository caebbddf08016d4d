/**
 * The durable outbox: a mail is queued in the same transaction as the event that causes it, and sent
 * later, exactly once, by the outbox worker. A mail carries no care data: its text is fixed per kind
 * (see MAIL_KINDS in shared) and it holds only a link into the app.
 *
 * This file is the seam every feature uses (`enqueueMail`); the worker, the transports (SMTP, a local
 * folder) and the failure view live next to it.
 */
import { randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import type { MailKind } from '@samenspraak/shared';
import type { Kysely } from 'kysely';

export interface MailOutboxTable {
  id: string;
  idempotency_key: string;
  user_id: string | null;
  to_address: string;
  kind: string;
  link: string;
  /** The digest's count (kind inbox-digest); null for every other kind. */
  item_count: number | null;
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
  /**
   * A path in the app (starts with '/'); the worker makes it absolute with the public URL. Ids and
   * tokens only: letters, digits and `/-_.~?=&#` (checked), so no name or sentence can ride along.
   */
  link: string;
  /** Only for kind 'inbox-digest': how many new things (the mail says the number and nothing else). */
  count?: number;
}

/** Tells this process's outbox workers that a mail was queued (they look shortly after: the commit). */
export const mailQueued = new EventEmitter();
mailQueued.setMaxListeners(0);

const PLAIN_LINK = /^\/(?!\/)[A-Za-z0-9\-._~/?=&#]{0,400}$/;

/** A mail's link must be a path of ids: no spaces, no encoded text, nothing that could carry care data. */
export function assertPlainLink(link: string): void {
  if (!PLAIN_LINK.test(link)) throw new Error('a mail links to a plain path in the app (ids only)');
}

/**
 * Queue a mail. Pass the transaction of the event that causes it, so the mail exists exactly when the
 * event does. True when queued now, false when a mail with this key was queued before.
 */
export async function enqueueMail(db: Kysely<never>, mail: OutgoingMail, now: Date): Promise<boolean> {
  assertPlainLink(mail.link);
  const digest = mail.kind === 'inbox-digest';
  if (digest !== (mail.count !== undefined) || (digest && !(Number.isInteger(mail.count) && (mail.count ?? 0) > 0)))
    throw new Error('a count belongs to the digest only, and is a positive whole number');
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
      item_count: mail.count ?? null,
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
  const queued = Number(result.numInsertedOrUpdatedRows ?? 0) === 1;
  if (queued) mailQueued.emit('queued');
  return queued;
}
