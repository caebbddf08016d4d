/**
 * Following a breakthrough session up (domain §5): the process director records what the session came
 * to, once it has taken place, and may let a commitment go — with a reason, visible to the participants
 * and the family. Only then can the DBT scale down (ladder.ts dbtSettled).
 */

import type { CaseScope } from '../cases/caseGate.js';
import { Conflict, type DomainError, Forbidden, notFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { escalationDb } from './escalationDb.js';

async function refuse(scope: CaseScope, error: DomainError): Promise<never> {
  await scope.log('update', error instanceof Forbidden ? 'denied' : 'failure', error.message);
  throw error;
}

export async function recordSessionOutcome(
  services: AppServices,
  scope: CaseScope,
  sessionId: string,
  outcome: string,
) {
  const db = escalationDb(services.db);
  const session = await db
    .selectFrom('breakthrough_sessions')
    .select(['id', 'scheduled_at'])
    .where('id', '=', sessionId)
    .where('case_id', '=', scope.caseId)
    .executeTakeFirst();
  if (!session) {
    await scope.log('update', 'failure', 'session outcome: unknown session');
    throw notFound('breakthrough session');
  }
  if (scope.now.getTime() < Date.parse(session.scheduled_at))
    return refuse(scope, new Conflict('the session has not taken place yet', 'session_not_held'));
  await db
    .updateTable('breakthrough_sessions')
    .set({ outcome, outcome_at: scope.now.toISOString(), outcome_by: scope.audit.actor.userId })
    .where('id', '=', sessionId)
    .execute();
  await scope.log('update', 'success', `session outcome ${sessionId}`);
  return { id: sessionId, outcome };
}

export async function releaseCommitment(services: AppServices, scope: CaseScope, commitmentId: string, reason: string) {
  const db = escalationDb(services.db);
  const row = await db
    .selectFrom('commitments')
    .select(['id', 'met_at', 'released_at'])
    .where('id', '=', commitmentId)
    .where('case_id', '=', scope.caseId)
    .executeTakeFirst();
  if (!row) {
    await scope.log('update', 'failure', 'commitment release: unknown commitment');
    throw notFound('commitment');
  }
  if (row.met_at || row.released_at)
    return refuse(scope, new Conflict('the commitment is already met or released', 'commitment_settled'));
  await db
    .updateTable('commitments')
    .set({ released_at: scope.now.toISOString(), released_by: scope.audit.actor.userId, release_reason: reason })
    .where('id', '=', commitmentId)
    .where('met_at', 'is', null)
    .where('released_at', 'is', null)
    .execute();
  await scope.log('update', 'success', `commitment released ${commitmentId}`);
  return { id: commitmentId, status: 'released' as const, releaseReason: reason };
}
