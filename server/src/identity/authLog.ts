/** Access-log entries of the identity events (login, lockout, logout, invitations), in one shape. */
import type { LogEntryInput } from '../audit/accessLog.js';
import type { UsersTable } from '../db/schema.js';
import type { AppServices } from '../services.js';

export function httpSource(remoteAddress: string): string {
  return `${remoteAddress} http`;
}

export interface AuthLogInput {
  event: LogEntryInput['event'];
  outcome: LogEntryInput['outcome'];
  /** Null for an unknown login: the typed name is not logged, it may be a mistyped password. */
  user: Pick<UsersTable, 'id' | 'name' | 'role' | 'organisation_id'> | null;
  /** Overrides the user's organisation role, e.g. a client's role on the case. */
  role?: string | null;
  caseId?: string | null;
  remoteAddress: string;
  detail: string;
}

/** Fails closed: if the entry cannot be written, the caller's request fails too (before any cookie is set). */
export async function logAuth(services: AppServices, e: AuthLogInput): Promise<void> {
  await services.accessLog.append({
    event: e.event,
    caseId: e.caseId ?? null,
    actor: {
      userId: e.user?.id ?? null,
      name: e.user?.name ?? null,
      role: e.role !== undefined ? e.role : (e.user?.role ?? null),
      responsible: e.user?.organisation_id ?? null,
    },
    source: httpSource(e.remoteAddress),
    outcome: e.outcome,
    detail: e.detail,
  });
}
