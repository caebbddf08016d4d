/**
 * Disabling an account ends everything it holds at once: sessions are deleted and document tokens
 * revoked (tokenRevocation.ts), so neither a cookie nor a token opens anything from now on. Live
 * connections are the caller's to re-check (every instance: see realtime/peerAccess.ts).
 */
import { revokeDocumentTokens } from '../auth/tokenRevocation.js';
import type { AppDb } from '../db/database.js';
import { endAllSessions } from './sessions.js';

export async function disableAccount(
  db: AppDb,
  userId: string,
  now: Date,
): Promise<{ found: boolean; sessionsEnded: number }> {
  const updated = await db.updateTable('users').set({ disabled: 1 }).where('id', '=', userId).executeTakeFirst();
  if (Number(updated.numUpdatedRows) === 0) return { found: false, sessionsEnded: 0 };
  const sessionsEnded = await endAllSessions(db, userId);
  await revokeDocumentTokens(db, userId, now);
  return { found: true, sessionsEnded };
}
