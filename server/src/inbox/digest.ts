/**
 * The daily digest: once per Amsterdam date, from DIGEST_HOUR local time, everyone whose preference is
 * 'daily' and who has unread items (of cases they may still see) created since their last digest gets one
 * 'inbox-digest' mail (a link to /inbox, no count or content in the outbox row). Every instance runs it;
 * the day's row in inbox_digests is claimed with an insert in the same transaction as the mail (outbox key
 * `digest:<userId>:<date>`), so two instances, or two runs, queue one mail.
 */
import { amsterdamDate, startOfAmsterdamDay } from '@samenspraak/shared';
import type { AppDb } from '../db/database.js';
import { enqueueMail } from '../mail/outbox.js';
import { INBOX_PATH } from './inbox.js';
import { inboxDb } from './inboxDb.js';
import { visibleCases } from './inboxQueries.js';
import { effectiveMailPreference, mailAddress } from './mailPreference.js';

/** The digest goes out from 07:00 Amsterdam time (before the working day, not in the night). */
export const DIGEST_HOUR = 7;

/** Whether the digest of `now`'s Amsterdam date may go out yet. */
export function digestDue(now: Date): boolean {
  const day = amsterdamDate(now);
  const start = startOfAmsterdamDay(day);
  return now.getTime() >= start.getTime() + DIGEST_HOUR * 3_600_000;
}

/** Queues the day's digests; returns how many were queued by this run. */
export async function runDigests(db: AppDb, now: Date): Promise<number> {
  if (!digestDue(now)) return 0;
  const day = amsterdamDate(now);
  const idb = inboxDb(db);
  const candidates = await idb
    .selectFrom('users')
    .select(['users.id', 'users.kind', 'users.email', 'users.mail_preference', 'users.disabled'])
    .where('users.disabled', '=', 0)
    .where('users.email', 'is not', null)
    .where((eb) =>
      eb.exists(
        eb
          .selectFrom('inbox_items')
          .select('inbox_items.id')
          .whereRef('inbox_items.user_id', '=', 'users.id')
          .where('inbox_items.read_at', 'is', null),
      ),
    )
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('inbox_digests')
            .select('inbox_digests.user_id')
            .whereRef('inbox_digests.user_id', '=', 'users.id')
            .where('inbox_digests.day', '=', day),
        ),
      ),
    )
    .execute();
  let queued = 0;
  for (const user of candidates) {
    const to = mailAddress(user);
    if (!to || effectiveMailPreference(user.kind, user.mail_preference) !== 'daily') continue;
    const last = await idb
      .selectFrom('inbox_digests')
      .select((eb) => eb.fn.max('covered_until').as('until'))
      .where('user_id', '=', user.id)
      .executeTakeFirst();
    const since = last?.until ?? '';
    const cases = await visibleCases(db, user.id, now);
    const unread = await idb
      .selectFrom('inbox_items')
      .select(['case_id'])
      .where('user_id', '=', user.id)
      .where('read_at', 'is', null)
      .where('created_at', '>', since)
      .where('created_at', '<=', now.toISOString())
      .execute();
    const count = unread.filter((r) => r.case_id === null || cases.has(r.case_id)).length;
    if (count === 0) continue;
    const sent = await db.transaction().execute(async (trx) => {
      const claimed = await inboxDb(trx)
        .insertInto('inbox_digests')
        .values({ user_id: user.id, day, covered_until: now.toISOString(), item_count: count })
        .onConflict((oc) => oc.columns(['user_id', 'day']).doNothing())
        .executeTakeFirst();
      if (Number(claimed.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
      return enqueueMail(
        trx as never,
        {
          idempotencyKey: `digest:${user.id}:${day}`,
          userId: user.id,
          to,
          kind: 'inbox-digest',
          link: INBOX_PATH,
          count,
        },
        now,
      );
    });
    if (sent) queued += 1;
  }
  return queued;
}
