/**
 * The door to one case: every case route enters through `enterCase`, which decides (participation,
 * age and consent, the route's roles and rule) and logs a refusal before it throws. Someone who is not
 * on the case, or is on it without access (a child under 12, a parent without consent from 16), gets
 * the same 404 as for a case that does not exist: the answer must not reveal that a case exists.
 */
import type { Role } from '@samenspraak/shared';
import type { LogEvent } from '../audit/accessLog.js';
import type { RequestAudit } from '../audit/caseAudit.js';
import { type CaseAccessDecision, type CaseFacts, caseAccess } from '../domain/caseAccess.js';
import { type DomainError, type ErrorId, Forbidden, notFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { type CaseRowTable, caseDb } from './caseDb.js';

export type CaseRow = CaseRowTable;

export interface CaseScope {
  caseId: string;
  row: CaseRow;
  role: Role;
  facts: CaseFacts;
  now: Date;
  audit: RequestAudit;
  /** Logs an entry about this case with the actor's role on it. */
  log(event: LogEvent, outcome: 'success' | 'denied' | 'failure', what?: string): Promise<number>;
}

export interface GateRule {
  /** The event logged if the actor is refused. */
  event: LogEvent;
  /** Roles on the case that may do this; default every participant with access. */
  roles?: readonly Role[];
  /** A further rule: null allows, a string is the reason of the 403. */
  check?: (scope: CaseScope) => string | null;
  /** What is being attempted, added to the route in a refusal's log entry. */
  what?: string;
  /** The error id of a refusal by `check` (default 'forbidden'), so the person reads why. */
  refusalId?: ErrorId;
}

export function factsOf(row: Pick<CaseRow, 'date_of_birth' | 'parents_consent' | 'closed_at'>): CaseFacts {
  return { dateOfBirth: row.date_of_birth, parentsConsent: row.parents_consent === 1, closed: row.closed_at !== null };
}

/** Case access for a role, treating a destroyed case (whose date of birth is wiped) as closed to all. */
export function accessTo(row: CaseRow, role: Role, now: Date, accessUntil: string | null = null): CaseAccessDecision {
  if (row.destroyed_at) return { allowed: false, reason: 'the case was destroyed' };
  return caseAccess({ ...factsOf(row), accessUntil }, role, now);
}

export async function enterCase(
  services: AppServices,
  audit: RequestAudit,
  caseId: string,
  rule: GateRule,
): Promise<CaseScope> {
  const now = services.clock();
  const found = await caseDb(services.db)
    .selectFrom('cases')
    .leftJoin('participants', (join) =>
      join.onRef('participants.case_id', '=', 'cases.id').on('participants.user_id', '=', audit.actor.userId),
    )
    .selectAll('cases')
    .select(['participants.role as participant_role', 'participants.access_until as access_until'])
    .where('cases.id', '=', caseId)
    .executeTakeFirst();
  const refuse = async (role: string | null, why: string, error: DomainError): Promise<never> => {
    const detail = rule.what ? `${rule.what}: ${why}` : why;
    await audit.log({
      event: rule.event,
      caseId: found ? found.id : null,
      outcome: 'denied',
      caseRole: role,
      what: detail,
    });
    throw error;
  };
  if (!found) return refuse(null, 'unknown case', notFound('case'));
  const { participant_role, access_until, ...row } = found;
  if (!participant_role) return refuse(null, 'not a participant', notFound('case'));
  const role = participant_role as Role;
  const access = accessTo(row, role, now, access_until);
  if (!access.allowed) return refuse(role, access.reason, notFound('case'));

  const scope: CaseScope = {
    caseId: row.id,
    row,
    role,
    facts: { ...factsOf(row), accessUntil: access_until },
    now,
    audit,
    log: (event, outcome, what) => audit.log({ event, caseId: row.id, outcome, caseRole: role, what }),
  };
  if (rule.roles && !rule.roles.includes(role)) {
    return refuse(role, `role ${role} may not do this`, new Forbidden(`a ${role} may not do this`));
  }
  const reason = rule.check?.(scope) ?? null;
  if (reason) return refuse(role, reason, new Forbidden(reason, rule.refusalId));
  return scope;
}
