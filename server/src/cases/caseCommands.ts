/**
 * Writes to cases: register, participants, parental consent, status. Each command is entered through
 * the gate by its route and logs its own outcome: 'success' after the write, 'failure' when the
 * request was allowed but could not be carried out (unknown user, conflicting state).
 */
import { randomUUID } from 'node:crypto';
import {
  CASE_CREATOR_ROLES,
  CASE_PROFESSIONALS,
  type CaseStatus,
  CLOSED_STATUS,
  type CreateCaseBody,
  documentId,
  type Role,
} from '@samenspraak/shared';
import type { LogEvent } from '../audit/accessLog.js';
import type { RequestAudit } from '../audit/caseAudit.js';
import { Conflict, type DomainError, Forbidden, Invalid, NotFound } from '../kernel/errors.js';
import { retentionUntil } from '../retention/policy.js';
import type { AppServices } from '../services.js';
import { caseDb } from './caseDb.js';
import { STANDARD_DOCUMENTS } from './caseDocuments.js';
import type { CaseRow, CaseScope } from './caseGate.js';
import { dateOfBirthProblem, participantRoleProblem, statusChangeProblem } from './caseRules.js';

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

export async function createCase(services: AppServices, audit: RequestAudit, body: CreateCaseBody): Promise<CaseRow> {
  const { actor } = audit;
  const logCreate = (outcome: 'denied' | 'failure', what: string) =>
    audit.log({ event: 'create', caseId: null, outcome, what });
  if (actor.kind !== 'professional' || !actor.role || !CASE_CREATOR_ROLES.includes(actor.role)) {
    await logCreate('denied', 'only professionals of the registering roles register cases');
    throw new Forbidden(`cases are registered by: ${CASE_CREATOR_ROLES.join(', ')}`);
  }
  const now = services.clock();
  const dobProblem = dateOfBirthProblem(body.youngPerson.dateOfBirth, now);
  if (dobProblem) {
    await logCreate('failure', dobProblem);
    throw new Invalid(dobProblem, 'invalid_date_of_birth');
  }
  const db = caseDb(services.db);
  let scientistId: string | null = actor.role === 'gedragswetenschapper' ? actor.userId : null;
  if (body.responsibleScientistId) {
    const scientist = await db
      .selectFrom('users')
      .select(['id', 'role', 'kind', 'disabled'])
      .where('id', '=', body.responsibleScientistId)
      .executeTakeFirst();
    if (
      !scientist ||
      scientist.disabled ||
      scientist.kind !== 'professional' ||
      scientist.role !== 'gedragswetenschapper'
    ) {
      await logCreate('failure', 'responsible scientist is not an active gedragswetenschapper');
      throw new Invalid(
        'responsibleScientistId must be an active gedragswetenschapper',
        'invalid_responsible_scientist',
      );
    }
    scientistId = scientist.id;
  }
  const at = now.toISOString();
  const row: CaseRow = {
    id: randomUUID(),
    young_person_name: body.youngPerson.name,
    date_of_birth: body.youngPerson.dateOfBirth,
    municipality: body.youngPerson.municipality,
    region: body.region,
    status: 'aanmelding',
    responsible_scientist_id: scientistId,
    parents_consent: 0,
    created_at: at,
    closed_at: null,
    retention_until: null,
    registered_by: body.registeredBy ?? null,
    problem_categories: JSON.stringify(body.problemCategories ?? []),
    attends_school: body.attendsSchool === undefined ? null : body.attendsSchool ? 1 : 0,
    destroyed_at: null,
    created_by: actor.userId,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('cases').values(row).execute();
    const participants = [{ user_id: actor.userId, role: actor.role as Role }];
    if (scientistId && scientistId !== actor.userId)
      participants.push({ user_id: scientistId, role: 'gedragswetenschapper' });
    await trx
      .insertInto('participants')
      .values(participants.map((p) => ({ ...p, case_id: row.id, added_at: at, added_by: actor.userId })))
      .execute();
    await trx
      .insertInto('case_documents')
      .values(
        STANDARD_DOCUMENTS.map((type) => ({ doc_id: documentId(row.id, type), case_id: row.id, type, created_at: at })),
      )
      .execute();
  });
  await audit.log({ event: 'create', caseId: row.id, outcome: 'success', caseRole: actor.role });
  return row;
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
}

export async function removeParticipant(services: AppServices, scope: CaseScope, userId: string): Promise<void> {
  const db = caseDb(services.db);
  const what = `participant ${userId}`;
  const present = await db
    .selectFrom('participants')
    .select(['user_id', 'role'])
    .where('case_id', '=', scope.caseId)
    .execute();
  const target = present.find((p) => p.user_id === userId);
  if (!target)
    return fail(scope, 'update', new NotFound('this user is not on the case', 'participant_not_found'), what);
  const professionalsLeft = present.filter((p) => p.user_id !== userId && CASE_PROFESSIONALS.includes(p.role as Role));
  if (professionalsLeft.length === 0) {
    const error = new Conflict('a case keeps at least one professional who works on it', 'last_professional');
    return fail(scope, 'update', error, what);
  }
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('participants').where('case_id', '=', scope.caseId).where('user_id', '=', userId).execute();
    if (scope.row.responsible_scientist_id === userId) {
      await trx.updateTable('cases').set({ responsible_scientist_id: null }).where('id', '=', scope.caseId).execute();
    }
  });
  // Their open documents must close now, not at their next reconnect.
  await recheckLiveAccess(services, scope.caseId);
  await scope.log('update', 'success', `participant removed: ${userId} (${target.role})`);
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
