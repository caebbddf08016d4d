/**
 * Access re-checked for live connections after it changed (consent, participants, case closed, a
 * person logged out everywhere): connections that lost access are closed, the others get their new grant.
 */
import { CloseCode } from '@samenspraak/shared';
import type { Logger } from '../observability/logger.js';
import type { CollabConnection } from './connection.js';
import type { AccessPolicy } from './types.js';

export interface RecheckResult {
  revoked: number;
  updated: number;
}

export async function recheckConnections(
  connections: Iterable<CollabConnection>,
  policy: AccessPolicy,
  log: Logger,
  kick: (conn: CollabConnection, code: number, reason: string) => void,
): Promise<RecheckResult> {
  const recheck = policy.recheck;
  let revoked = 0;
  let updated = 0;
  if (!recheck) return { revoked, updated };
  for (const conn of connections) {
    let grant: Awaited<ReturnType<typeof recheck>>;
    try {
      grant = await recheck.call(policy, conn.grant, conn.docId);
    } catch (err) {
      log.error({ err, docId: conn.docId }, 'access re-check failed; disconnecting to be safe');
      grant = null;
    }
    if (conn.closed) continue;
    if (!grant) {
      kick(conn, CloseCode.AccessRevoked, 'access withdrawn');
      revoked += 1;
    } else {
      conn.regrant(grant);
      updated += 1;
    }
  }
  return { revoked, updated };
}
