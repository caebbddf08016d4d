/**
 * Team management beyond adding: ending someone's access (always with a reason, kept in
 * `participant_removals` and written into the access log) and handing over procesregie (one holder,
 * of PROCESS_DIRECTION_ROLES). Both tell the live channel, so every open case page re-reads the team.
 */
import { randomUUID } from 'node:crypto';
import { CASE_PROFESSIONALS, type Role } from '@samenspraak/shared';
import { Conflict, type DomainError, Forbidden, Invalid, NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { recheckLiveAccess } from './caseCommands.js';
import { caseDb } from './caseDb.js';
import type { CaseScope } from './caseGate.js';
import { handoverProblem } from './teamRules.js';

async function fail(scope: CaseScope, error: DomainError, what: string): Promise<never> {
  await scope.log('update', 'failure', `${what}: ${error.message}`);
  throw error;
}

/** The reason as it goes into the log line: one line, at most 200 characters. */
function logReason(reason: string): string {
  const line = reason.replace(/\s+/g, ' ').trim();
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}

export async function removeParticipant(
  services: AppServices,
  scope: CaseScope,
  userId: string,
  reason: string | undefined,
): Promise<void> {
  const db = caseDb(services.db);
  const what = `participant ${userId}`;
  if (!reason?.trim()) return fail(scope, new Invalid('reason: ending access needs a reason', 'reason_required'), what);
  const present = await db
    .selectFrom('participants')
    .select(['user_id', 'role'])
    .where('case_id', '=', scope.caseId)
    .execute();
  const target = present.find((p) => p.user_id === userId);
  if (!target) return fail(scope, new NotFound('this user is not on the case', 'participant_not_found'), what);
  const professionalsLeft = present.filter((p) => p.user_id !== userId && CASE_PROFESSIONALS.includes(p.role as Role));
  if (professionalsLeft.length === 0) {
    return fail(
      scope,
      new Conflict('a case keeps at least one professional who works on it', 'last_professional'),
      what,
    );
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('participants').where('case_id', '=', scope.caseId).where('user_id', '=', userId).execute();
    await trx
      .insertInto('participant_removals')
      .values({
        id: randomUUID(),
        case_id: scope.caseId,
        user_id: userId,
        role: target.role,
        reason: reason.trim(),
        removed_at: scope.now.toISOString(),
        removed_by: scope.audit.actor.userId,
      })
      .execute();
    if (scope.row.responsible_scientist_id === userId) {
      await trx.updateTable('cases').set({ responsible_scientist_id: null }).where('id', '=', scope.caseId).execute();
    }
    // Procesregie does not leave with its holder unnoticed: nobody holds it until it is handed over.
    if (scope.row.process_director_id === userId) {
      await trx.updateTable('cases').set({ process_director_id: null }).where('id', '=', scope.caseId).execute();
    }
  });
  // Their open documents must close now, not at their next reconnect (this also sends case:changed).
  await recheckLiveAccess(services, scope.caseId);
  await scope.log('update', 'success', `participant removed: ${userId} (${target.role}); reason: ${logReason(reason)}`);
}

export async function handOverProcessDirection(services: AppServices, scope: CaseScope, toUserId: string) {
  const db = caseDb(services.db);
  const what = `process direction to ${toUserId}`;
  const target = await db
    .selectFrom('participants')
    .select(['user_id', 'role'])
    .where('case_id', '=', scope.caseId)
    .where('user_id', '=', toUserId)
    .executeTakeFirst();
  const problem = handoverProblem({
    actorId: scope.audit.actor.userId,
    actorRole: scope.role,
    holderId: scope.row.process_director_id ?? null,
    target: target ? { userId: target.user_id, role: target.role as Role } : null,
  });
  if (problem === 'not_holder') {
    await scope.log('update', 'denied', `${what}: not the holder`);
    throw new Forbidden(
      'only the holder of procesregie or the RET procesregisseur hands it over',
      'not_process_director',
    );
  }
  if (problem === 'bad_target') {
    return fail(
      scope,
      new Invalid(
        'procesregie goes to a procesregisseur or gedragswetenschapper on the case',
        'invalid_process_director',
      ),
      what,
    );
  }
  await db.updateTable('cases').set({ process_director_id: toUserId }).where('id', '=', scope.caseId).execute();
  await scope.log(
    'update',
    'success',
    `process direction handed over: ${scope.row.process_director_id ?? 'nobody'} → ${toUserId}`,
  );
  services.caseEvents.changed({ caseId: scope.caseId, kind: 'case' });
  return { processDirectorId: toUserId };
}
