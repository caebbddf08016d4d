/**
 * "Pas op de plaats" (002): the risks of slowing down are weighed and borne jointly. A record lists the
 * risks and which sides bear each; each of the four sides (provider, parents, GI, youth mental health)
 * agrees through a person of that side. A record is never edited: a new weighing is a new record.
 */
import crypto from 'node:crypto';
import type { JointRiskBody, JointRiskView, RiskParty } from '@samenspraak/shared';
import type { CaseScope } from '../cases/caseGate.js';
import { Conflict, Forbidden, notFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { agreedByAll, mayAgreeFor } from './decisionRules.js';
import { decisionsDb } from './decisionsDb.js';

export async function listJointRisks(services: AppServices, caseId: string): Promise<JointRiskView[]> {
  const db = decisionsDb(services.db);
  const records = await db
    .selectFrom('joint_risk_records')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at', 'desc')
    .execute();
  const agreements = await db.selectFrom('joint_risk_agreements').selectAll().where('case_id', '=', caseId).execute();
  return records.map((r) => {
    const mine = agreements
      .filter((a) => a.record_id === r.id)
      .map((a) => ({ party: a.party as RiskParty, name: a.user_name, role: a.user_role, agreedAt: a.agreed_at }));
    return {
      id: r.id,
      risks: JSON.parse(r.risks) as JointRiskView['risks'],
      createdBy: r.created_by_name,
      createdAt: r.created_at,
      agreements: mine,
      agreedByAll: agreedByAll(mine.map((a) => a.party)),
    };
  });
}

async function one(services: AppServices, caseId: string, id: string): Promise<JointRiskView> {
  const found = (await listJointRisks(services, caseId)).find((r) => r.id === id);
  if (!found) throw notFound('joint risk record');
  return found;
}

export async function createJointRisk(services: AppServices, scope: CaseScope, body: JointRiskBody) {
  const id = crypto.randomUUID();
  await decisionsDb(services.db)
    .insertInto('joint_risk_records')
    .values({
      id,
      case_id: scope.caseId,
      risks: JSON.stringify(body.risks.map((r) => ({ risk: r.risk, bornBy: [...new Set(r.bornBy)] }))),
      created_by: scope.audit.actor.userId,
      created_by_name: scope.audit.actor.name,
      created_at: scope.now.toISOString(),
    })
    .execute();
  await scope.log('create', 'success', `joint risk record ${id}`);
  return one(services, scope.caseId, id);
}

export async function agreeJointRisk(services: AppServices, scope: CaseScope, recordId: string, party: RiskParty) {
  const db = decisionsDb(services.db);
  const record = await db
    .selectFrom('joint_risk_records')
    .select('id')
    .where('id', '=', recordId)
    .where('case_id', '=', scope.caseId)
    .executeTakeFirst();
  const fail = async (error: Error, outcome: 'denied' | 'failure') => {
    await scope.log('update', outcome, `joint risk agreement: ${error.message}`);
    throw error;
  };
  if (!record) return fail(notFound('joint risk record'), 'failure');
  if (!mayAgreeFor(party, scope.role))
    return fail(new Forbidden(`a ${scope.role} does not agree for ${party}`, 'party_mismatch'), 'denied');
  const existing = await db
    .selectFrom('joint_risk_agreements')
    .select(['party', 'user_id'])
    .where('record_id', '=', recordId)
    .execute();
  if (existing.some((a) => a.party === party))
    return fail(new Conflict(`${party} already agreed`, 'conflict'), 'failure');
  if (existing.some((a) => a.user_id === scope.audit.actor.userId))
    return fail(new Conflict('one person agrees for one side only', 'party_mismatch'), 'failure');
  await db
    .insertInto('joint_risk_agreements')
    .values({
      record_id: recordId,
      case_id: scope.caseId,
      party,
      user_id: scope.audit.actor.userId,
      user_name: scope.audit.actor.name,
      user_role: scope.role,
      agreed_at: scope.now.toISOString(),
    })
    .execute();
  await scope.log('update', 'success', `joint risk agreement ${recordId} ${party}`);
  return one(services, scope.caseId, recordId);
}
