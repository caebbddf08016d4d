/**
 * `disable-user`: an administrator disables an account (left the organisation, lost laptop). Its
 * sessions end, its document tokens are revoked, and with REDIS_URL every running instance is told to
 * re-check the person's live connections now; without Redis the single instance finds them at its next
 * sweep (NOTIFY_INTERVAL_MS), and nothing new opens meanwhile.
 */
import { parseArgs } from 'node:util';
import { AccessLog } from '../../audit/accessLog.js';
import { accessLogOptions } from '../../audit/auditKey.js';
import type { Config } from '../../config.js';
import { disableAccount } from '../../identity/disableAccount.js';
import { announcePersonChanged } from '../../live/peerAccess.js';
import { openConfiguredDatabase } from './configuredDatabase.js';
import { UsageError } from './createUser.js';

export const DISABLE_USER_USAGE = `  disable-user  Disable an account: end its sessions, revoke its document tokens, cut its live connections.
          --user <id>            the account's id
`;

export async function disableUserCommand(argv: string[], io: { config: Config; out: (text: string) => void }) {
  const { values } = parseArgs({ args: argv, options: { user: { type: 'string' } }, strict: true });
  const userId = values.user?.trim();
  if (!userId) throw new UsageError('--user is required');
  const { config } = io;
  const app = await openConfiguredDatabase(config);
  try {
    const now = new Date();
    const { found, sessionsEnded } = await disableAccount(app.db, userId, now);
    if (!found) throw new UsageError(`no account with id ${userId}`);
    await new AccessLog(app.db, app.dialect, () => now, accessLogOptions(config)).append({
      event: 'update',
      caseId: null,
      actor: { userId: null, name: 'beheerder (npm run admin)', role: 'beheerder', responsible: null },
      source: 'admin cli',
      outcome: 'success',
      detail: `account ${userId} disabled; sessions ended (${sessionsEnded}); document tokens revoked`,
    });
    if (config.redisUrl) await announcePersonChanged(config.redisUrl, userId);
    io.out(`account ${userId} disabled; ${sessionsEnded} session(s) ended\n`);
  } finally {
    await app.close();
  }
}
