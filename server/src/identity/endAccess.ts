/**
 * Ends everything a person holds, as "log out everywhere" does: sessions (all, or all but one),
 * document tokens (the token generation is raised), live collaboration connections on this instance,
 * and a `personChanged` so socket.io rooms on every instance re-check. Used by the beheerder's disable
 * and TOTP reset, and by a password reset or change.
 */
import { revokeDocumentTokens } from '../auth/tokenRevocation.js';
import type { AppServices } from '../services.js';

export async function endPersonAccess(
  services: AppServices,
  userId: string,
  options: { keepSessionId?: string } = {},
): Promise<{ sessionsEnded: number; connectionsClosed: number }> {
  let query = services.db.deleteFrom('sessions').where('user_id', '=', userId);
  if (options.keepSessionId) query = query.where('id', '!=', options.keepSessionId);
  const deleted = await query.executeTakeFirst();
  await revokeDocumentTokens(services.db, userId, services.clock());
  const connectionsClosed = (await services.collab?.recheckUser(userId))?.revoked ?? 0;
  services.caseEvents.personChanged(userId);
  return { sessionsEnded: Number(deleted.numDeletedRows), connectionsClosed };
}
