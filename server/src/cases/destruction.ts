/**
 * Destruction on request (domain brief §7): the young person, or the parents while they have access,
 * ask for the dossier to be destroyed; the process director or the behavioural scientist decides
 * within 3 months; a refusal needs a motivation (a substantial interest of another, a legal duty).
 * Executing an approved request is retention/executeDestructions.ts.
 */
import { randomUUID } from 'node:crypto';
import type { DestructionDecisionBody, DestructionRequestView } from '@samenspraak/shared';
import { Conflict, NotFound } from '../kernel/errors.js';
import { destructionDueBy } from '../retention/policy.js';
import type { AppServices } from '../services.js';
import { caseDb, type DestructionRequestRowTable } from './caseDb.js';
import type { CaseScope } from './caseGate.js';

export function presentRequest(r: DestructionRequestRowTable): DestructionRequestView {
  return {
    id: r.id,
    caseId: r.case_id,
    requestedAt: r.requested_at,
    dueBy: r.due_by,
    decision: r.decision === 'approved' || r.decision === 'refused' ? r.decision : null,
    decidedAt: r.decided_at,
    motivation: r.motivation,
    executedAt: r.executed_at,
  };
}

export async function listDestructionRequests(
  services: AppServices,
  caseId: string,
): Promise<DestructionRequestView[]> {
  const rows = await caseDb(services.db)
    .selectFrom('destruction_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
  return rows.map(presentRequest);
}

export async function requestDestruction(
  services: AppServices,
  scope: CaseScope,
  reason: string,
): Promise<DestructionRequestView> {
  const db = caseDb(services.db);
  const open = await db
    .selectFrom('destruction_requests')
    .select('id')
    .where('case_id', '=', scope.caseId)
    .where('decision', 'is', null)
    .executeTakeFirst();
  if (open) {
    await scope.log('create', 'failure', 'destruction request: one is already awaiting a decision');
    throw new Conflict('a destruction request for this case is already awaiting a decision', 'request_pending');
  }
  const row: DestructionRequestRowTable = {
    id: randomUUID(),
    case_id: scope.caseId,
    requested_by: scope.audit.actor.userId,
    requested_at: scope.now.toISOString(),
    reason,
    decision: null,
    decided_by: null,
    decided_at: null,
    due_by: destructionDueBy(scope.now).toISOString(),
    executed_at: null,
    motivation: null,
  };
  await db.insertInto('destruction_requests').values(row).execute();
  await scope.log('create', 'success', `destruction request ${row.id}`);
  return presentRequest(row);
}

export async function decideDestruction(
  services: AppServices,
  scope: CaseScope,
  requestId: string,
  body: DestructionDecisionBody,
): Promise<DestructionRequestView> {
  const db = caseDb(services.db);
  const what = `destruction request ${requestId}`;
  const request = await db
    .selectFrom('destruction_requests')
    .selectAll()
    .where('id', '=', requestId)
    .where('case_id', '=', scope.caseId)
    .executeTakeFirst();
  if (!request) {
    await scope.log('update', 'failure', `${what}: not found`);
    throw new NotFound('no such destruction request for this case', 'request_not_found');
  }
  if (request.decision !== null) {
    await scope.log('update', 'failure', `${what}: already decided`);
    throw new Conflict(`this request was already ${request.decision}`, 'already_decided');
  }
  const decided = {
    decision: body.decision,
    decided_by: scope.audit.actor.userId,
    decided_at: scope.now.toISOString(),
    motivation: body.motivation ?? null,
  };
  // The `decision is null` guard makes a concurrent second decision a no-op instead of an overwrite.
  const result = await db
    .updateTable('destruction_requests')
    .set(decided)
    .where('id', '=', requestId)
    .where('decision', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    await scope.log('update', 'failure', `${what}: already decided`);
    throw new Conflict('this request was decided meanwhile', 'already_decided');
  }
  await scope.log('update', 'success', `${what}: ${body.decision}`);
  return presentRequest({ ...request, ...decided });
}
