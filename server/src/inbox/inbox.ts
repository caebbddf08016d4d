/**
 * The inbox seam: any feature adds what needs a person with `addToInbox`, inside the transaction of the
 * event that causes it. In that same transaction the mail is queued for people who asked for it at once
 * (kind 'inbox-new', a link to /inbox and nothing else: no care data in mail); after the commit the
 * person's devices hear `inbox:changed` (inboxPush.ts). The inbox feature (this folder) lists, marks read
 * and sends the daily digest.
 */
import { randomUUID } from 'node:crypto';
import type { InboxKind, NewInboxItem } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import { enqueueMail } from '../mail/outbox.js';
import { inboxDb } from './inboxDb.js';
import { noteAdded } from './inboxPush.js';
import { effectiveMailPreference, mailAddress } from './mailPreference.js';

export { type InboxItemsTable, type InboxSchema, inboxDb } from './inboxDb.js';
export type { InboxKind, NewInboxItem };

/** Where an inbox mail leads: the inbox itself, so the mail names no case. */
export const INBOX_PATH = '/inbox';

/** Add items (an item whose key the person already has is skipped). Returns the ids added now. */
export async function addToInbox(
  // biome-ignore lint/suspicious/noExplicitAny: any feature's transaction (Kysely's schema type is invariant)
  trx: Kysely<any>,
  items: readonly NewInboxItem[],
  now: Date,
): Promise<string[]> {
  // Any feature's transaction: only the inbox's and the users' tables are used here.
  const db = trx as unknown as Kysely<never>;
  const idb = inboxDb(db);
  const added: { id: string; userId: string }[] = [];
  for (const item of items) {
    if (!item.link.startsWith('/')) throw new Error('an inbox item links to a path in the app');
    const id = randomUUID();
    const result = await idb
      .insertInto('inbox_items')
      .values({
        id,
        user_id: item.userId,
        case_id: item.caseId,
        kind: item.kind,
        key: item.key,
        link: item.link,
        params: JSON.stringify(item.params ?? {}),
        created_at: now.toISOString(),
        read_at: null,
      })
      .onConflict((oc) => oc.columns(['user_id', 'key']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 1) added.push({ id, userId: item.userId });
  }
  await mailAtOnce(db, added, now);
  noteAdded(added);
  return added.map((a) => a.id);
}

/** One 'inbox-new' mail per item for those whose preference is 'immediate' (key `inbox:<itemId>`). */
async function mailAtOnce(db: Kysely<never>, added: readonly { id: string; userId: string }[], now: Date) {
  if (added.length === 0) return;
  const users = await inboxDb(db)
    .selectFrom('users')
    .select(['id', 'kind', 'email', 'mail_preference', 'disabled'])
    .where(
      'id',
      'in',
      added.map((a) => a.userId),
    )
    .execute();
  const byId = new Map(users.map((u) => [u.id, u]));
  for (const item of added) {
    const user = byId.get(item.userId);
    if (!user || effectiveMailPreference(user.kind, user.mail_preference) !== 'immediate') continue;
    const to = mailAddress(user);
    if (!to) continue;
    await enqueueMail(
      db,
      { idempotencyKey: `inbox:${item.id}`, userId: user.id, to, kind: 'inbox-new', link: INBOX_PATH },
      now,
    );
  }
}
