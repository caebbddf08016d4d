import { type CaseStatus, CLOSED_STATUS, type Role } from '@samenspraak/shared';
import type { LogEvent } from '../audit/accessLog.js';
import { Conflict, type DomainError, Invalid } from '../kernel/errors.js';
import { retentionUntil } from '../retention/policy.js';
import type { AppServices } from '../services.js';
import { caseDb } from './caseDb.js';
import type { CaseRow, CaseScope } from './caseGate.js';
import { participantRoleProblem, statusChangeProblem } from './caseRules.js';

export { createCase } from './registration.js';

async function fail(scope: CaseScope, event: LogEvent, error: DomainError, what: string): Promise<never> {
  await scope.log(event, 'failure', `${what}: ${error.message}`);
  throw error;
}

/**
 * Live connections follow the new state at once (removed participant, consent, closing): documents
 * through the collaboration core, the case's socket.io rooms through the case events.
 */
export async function recheckLiveAccess(services: AppServices, caseId: string): Promise<void> {
  services.caseEvents.accessChanged(caseId);
  const collab = services.collab as { recheckCase?: (caseId: string) => Promise<unknown> } | null;
  if (typeof collab?.recheckCase !== 'function') {
    services.log.warn({ caseId }, 'collaboration core cannot re-check access; live connections keep their grant');
    return;
  }
  await collab.recheckCase(caseId);
}

export async function addParticipant(
  services: AppServices,
  scope: CaseScope,
  userId: string,
  role: Role,
): Promise<void> {
  const db = caseDb(services.db);
  const what = `participant ${userId} as ${role}`;
  const user = await db
    .selectFrom('users')
    .select(['id', 'kind', 'role', 'disabled'])
    .where('id', '=', userId)
    .executeTakeFirst();
  if (!user || user.disabled)
    return fail(scope, 'update', new Invalid('no active user with this id', 'unknown_user'), what);
  const problem = participantRoleProblem(user, role);
  if (problem) return fail(scope, 'update', new Invalid(problem, 'role_not_allowed'), what);
  const present = await db
    .selectFrom('participants')
    .select(['user_id', 'role'])
    .where('case_id', '=', scope.caseId)
    .execute();
  if (present.some((p) => p.user_id === userId)) {
    return fail(scope, 'update', new Conflict('this user already takes part in the case', 'already_participant'), what);
  }
  if (role === 'jeugdige' && present.some((p) => p.role === 'jeugdige')) {
    return fail(scope, 'update', new Conflict('the case already has its young person', 'young_person_exists'), what);
  }
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('participants')
      .values({
        case_id: scope.caseId,
        user_id: userId,
        role,
        added_at: scope.now.toISOString(),
        added_by: scope.audit.actor.userId,
      })
      .execute();
    // The first behavioural scientist on a case without one becomes responsible for the analysis.
    if (role === 'gedragswetenschapper' && !scope.row.responsible_scientist_id) {
      await trx.updateTable('cases').set({ responsible_scientist_id: userId }).where('id', '=', scope.caseId).execute();
    }
  });
  await scope.log('update', 'success', `participant added: ${userId} as ${role}`);
  // Everyone looking at the case page sees the new team member at once.
  services.caseEvents.changed({ caseId: scope.caseId, kind: 'case' });
}

export async function setParentsConsent(services: AppServices, scope: CaseScope, consent: boolean): Promise<void> {
  await caseDb(services.db)
    .updateTable('cases')
    .set({ parents_consent: consent ? 1 : 0 })
    .where('id', '=', scope.caseId)
    .execute();
  await recheckLiveAccess(services, scope.caseId);
  await scope.log('consent', 'success', consent ? 'parents consent given' : 'parents consent withdrawn');
}

export async function setStatus(services: AppServices, scope: CaseScope, status: CaseStatus): Promise<CaseRow> {
  const from = scope.row.status as CaseStatus;
  const problem = statusChangeProblem(from, status);
  if (problem)
    return fail(scope, 'update', new Conflict(problem, 'invalid_status_change'), `status ${from} → ${status}`);
  const closing = status === CLOSED_STATUS;
  const changes = {
    status,
    // Closing starts the retention period; reopening ends it (the dossier is active again).
    closed_at: closing ? scope.now.toISOString() : null,
    retention_until: closing ? retentionUntil(scope.now).toISOString() : null,
  };
  await caseDb(services.db).updateTable('cases').set(changes).where('id', '=', scope.caseId).execute();
  // A closed case is read-only: live editors get their narrower grant now.
  await recheckLiveAccess(services, scope.caseId);
  await scope.log('update', 'success', `status ${from} → ${status}`);
  return { ...scope.row, ...changes };
}
