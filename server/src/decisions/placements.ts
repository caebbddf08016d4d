/**
 * Placement decisions (uithuisplaatsing, gesloten plaatsing): checked against the case's signed-off
 * analysis and the region's "recent" months, stored with the analysis version they rest on, a new
 * placement asks for an update of the analysis — all in one transaction, or nothing.
 */
import crypto from 'node:crypto';
import type { PlacementDecisionBody, PlacementDecisionView, PlacementKind } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import type { CaseScope } from '../cases/caseGate.js';
import { Conflict, Invalid } from '../kernel/errors.js';
import { regionSettings } from '../regions/regionSettings.js';
import type { AppServices } from '../services.js';
import { askAnalysisUpdate } from './askAnalysisUpdate.js';
import { checkPlacement } from './decisionRules.js';
import { decisionsDb, type PlacementDecisionsTable } from './decisionsDb.js';
import { signedOffAnalysis } from './signedOffAnalysis.js';

/** The named GZ psychologist: an active professional with role gz-psycholoog, on the case in that role. */
async function gzPsycholoog(services: AppServices, caseId: string, userId: string | undefined, now: Date) {
  if (!userId) return null;
  const row = await decisionsDb(services.db)
    .selectFrom('participants')
    .innerJoin('users', 'users.id', 'participants.user_id')
    .select(['users.id', 'users.name', 'users.role', 'users.disabled', 'participants.access_until'])
    .where('participants.case_id', '=', caseId)
    .where('participants.user_id', '=', userId)
    .where('participants.role', '=', 'gz-psycholoog')
    .executeTakeFirst();
  if (row?.role !== 'gz-psycholoog' || row.disabled) return null;
  if (row.access_until && Date.parse(row.access_until) <= now.getTime()) return null;
  return { id: row.id, name: row.name };
}

export function presentPlacement(r: PlacementDecisionsTable): PlacementDecisionView {
  return {
    id: r.id,
    kind: r.kind as PlacementKind,
    decision: r.decision,
    followsAnalysis: r.follows_analysis === 1,
    departureReason: r.departure_reason,
    gzPsycholoog: r.gz_psycholoog_id ? { id: r.gz_psycholoog_id, name: r.gz_psycholoog_name ?? '' } : null,
    analysis: {
      versionId: r.analysis_version_id,
      name: r.analysis_version_name,
      signedOffAt: r.analysis_signed_off_at,
    },
    decidedBy: r.decided_by_name,
    decidedByRole: r.decided_by_role,
    decidedAt: r.decided_at,
  };
}

export async function recordPlacement(
  services: AppServices,
  scope: CaseScope,
  body: PlacementDecisionBody,
): Promise<PlacementDecisionView> {
  const signedOff = await signedOffAnalysis(services.db, scope.caseId);
  const settings = await regionSettings(services.db, scope.row.region);
  const gz = await gzPsycholoog(services, scope.caseId, body.gzPsycholoogId, scope.now);
  const refusal = checkPlacement({
    kind: body.kind,
    followsAnalysis: body.followsAnalysis,
    departureReason: body.departureReason,
    gzPsycholoogId: body.gzPsycholoogId,
    gzPsycholoogValid: gz !== null,
    signedOffAt: signedOff ? new Date(signedOff.signedOffAt) : null,
    recentMonths: settings.analysisRecentMonths,
    now: scope.now,
  });
  if (refusal || !signedOff) {
    const error =
      refusal?.kind === 'invalid'
        ? new Invalid(refusal.reason, refusal.id)
        : new Conflict(refusal?.reason ?? 'no signed-off analysis', refusal?.id ?? 'analysis_not_signed_off');
    await scope.log('create', 'failure', `placement decision refused: ${error.id}`);
    throw error;
  }
  const row: PlacementDecisionsTable = {
    id: crypto.randomUUID(),
    case_id: scope.caseId,
    kind: body.kind,
    decision: body.decision,
    follows_analysis: body.followsAnalysis ? 1 : 0,
    departure_reason: body.followsAnalysis ? null : (body.departureReason?.trim() ?? null),
    gz_psycholoog_id: gz?.id ?? null,
    gz_psycholoog_name: gz?.name ?? null,
    analysis_version_id: signedOff.versionId,
    analysis_version_name: signedOff.name,
    analysis_signed_off_at: signedOff.signedOffAt,
    decided_by: scope.audit.actor.userId,
    decided_by_name: scope.audit.actor.name,
    decided_by_role: scope.role,
    decided_at: scope.now.toISOString(),
  };
  await services.db.transaction().execute(async (trx) => {
    await decisionsDb(trx as unknown as Kysely<never>)
      .insertInto('placement_decisions')
      .values(row)
      .execute();
    await askAnalysisUpdate(trx, scope.caseId, { kind: 'placement', decisionId: row.id }, scope.now);
  });
  await scope.log('create', 'success', `placement decision ${row.id}`);
  return presentPlacement(row);
}

export async function listPlacements(services: AppServices, caseId: string): Promise<PlacementDecisionView[]> {
  const rows = await decisionsDb(services.db)
    .selectFrom('placement_decisions')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('decided_at', 'desc')
    .execute();
  return rows.map(presentPlacement);
}
