/**
 * The live half of the inbox: `inbox:changed` to the person's room once an added item is committed.
 *
 * `addToInbox` runs inside the transaction of its event and cannot know when that commits, so it notes
 * the new item ids here; each running instance (a `InboxPusher`, registered by the live channel) looks
 * them up in its database shortly after and pushes to the rooms of those it finds. An id not found yet
 * belongs to a transaction still open (looked up again a little later) or rolled back (dropped after
 * PENDING_TTL_MS). The room goes through the socket.io Redis adapter, so the person's devices on every
 * instance hear it. The push carries no content: the client re-reads GET /api/inbox, which checks access.
 */
import type { InboxChanged } from '@samenspraak/shared';
import type { AppDb } from '../db/database.js';
import { inboxDb } from './inboxDb.js';

export interface InboxPusher {
  db: AppDb;
  push(userId: string, event: InboxChanged): void;
}

interface Pending {
  userId: string;
  notedAt: number;
}

const PENDING_TTL_MS = 30_000;
const FIRST_LOOK_MS = 20;
const MAX_LOOK_MS = 1000;

const pushers = new Set<InboxPusher>();
/** Added items not yet pushed, by item id. */
const pending = new Map<string, Pending>();
let timer: NodeJS.Timeout | null = null;
let delay = FIRST_LOOK_MS;

/** The live channel of an instance registers here; returns the unregister. */
export function registerInboxPusher(pusher: InboxPusher): () => void {
  pushers.add(pusher);
  return () => {
    pushers.delete(pusher);
  };
}

/** Called by addToInbox with the items it added (not yet committed). */
export function noteAdded(items: readonly { id: string; userId: string }[]): void {
  if (items.length === 0) return;
  const now = Date.now();
  for (const item of items) pending.set(item.id, { userId: item.userId, notedAt: now });
  delay = FIRST_LOOK_MS;
  schedule();
}

/** The person's items changed by a committed request (marked read): tell their other devices now. */
export function pushRead(db: AppDb, userId: string): void {
  for (const pusher of pushers) if (pusher.db === db) pusher.push(userId, { reason: 'read' });
}

function schedule(): void {
  if (timer || pending.size === 0 || pushers.size === 0) return;
  // `timer` stays set while a look runs, so looks never overlap.
  timer = setTimeout(() => {
    void look().finally(() => {
      timer = null;
      delay = Math.min(delay * 2, MAX_LOOK_MS);
      schedule();
    });
  }, delay);
  timer.unref();
}

async function look(): Promise<void> {
  const cutoff = Date.now() - PENDING_TTL_MS;
  for (const [id, p] of pending) if (p.notedAt < cutoff) pending.delete(id);
  for (const pusher of pushers) {
    const ids = [...pending.keys()];
    if (ids.length === 0) return;
    let found: { id: string; user_id: string }[];
    try {
      found = await inboxDb(pusher.db)
        .selectFrom('inbox_items')
        .select(['id', 'user_id'])
        .where('id', 'in', ids)
        .execute();
    } catch {
      continue; // this instance's database is closing or down: another look, or the TTL, settles it
    }
    const people = new Set<string>();
    for (const row of found) {
      pending.delete(row.id);
      people.add(row.user_id);
    }
    for (const userId of people) pusher.push(userId, { reason: 'added' });
  }
}
