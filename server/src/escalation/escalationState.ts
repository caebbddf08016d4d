/**
 * Reading a case's escalation state for the pure rules: the steps so far, the commitments, the facts
 * the clocks run on, and the analysis snapshot a step carries along.
 */
import crypto from 'node:crypto';
import {
  type CommitmentView,
  documentId,
  type EscalationStepView,
  type EscalationTarget,
  type LawOrBudget,
} from '@samenspraak/shared';
import { readableAnalysisVersion, signedOffAnalysis } from '../decisions/signedOffAnalysis.js';
import { storedState } from '../documents/content.js';
import {
  type ClockFacts,
  caseClocks,
  type Notice,
  type WestFrieslandClock,
  westFrieslandClock,
  westFrieslandState,
} from '../domain/clocks.js';
import { planExists } from '../plan/futurePlans.js';
import { westFrieslandDays } from '../regions/regionSettings.js';
import type { AppServices } from '../services.js';
import { type EscalationCaseRow, escalationDb } from './escalationDb.js';
import {
  type Commitment,
  commitmentStatus,
  currentLevel,
  dbtSettled,
  type LadderState,
  type WestFrieslandState,
} from './ladder.js';

const date = (iso: string | null) => (iso ? new Date(iso) : null);

export async function loadSteps(services: AppServices, caseId: string): Promise<EscalationStepView[]> {
  const rows = await escalationDb(services.db)
    .selectFrom('escalation_steps')
    .select([
      'id',
      'from_level',
      'to_level',
      'bottleneck',
      'tried',
      'decided_by',
      'decided_by_role',
      'decided_at',
      'analysis_doc_id',
      'analysis_version',
      'analysis_version_id',
      'doorbraakaanpak',
    ])
    .where('case_id', '=', caseId)
    .orderBy('position')
    .execute();
  // The analysis each step carried, as readable text (one read per distinct version).
  const readable = new Map<string, Awaited<ReturnType<typeof readableAnalysisVersion>>>();
  for (const id of new Set(rows.map((r) => r.analysis_version_id).filter((v): v is string => !!v)))
    readable.set(id, await readableAnalysisVersion(services.db, caseId, id));
  return rows.map((r) => ({
    id: r.id,
    from: r.from_level as LadderState,
    to: r.to_level as EscalationTarget,
    bottleneck: r.bottleneck,
    tried: r.tried,
    decidedBy: r.decided_by,
    decidedByRole: r.decided_by_role,
    decidedAt: r.decided_at,
    analysisSnapshot:
      r.analysis_doc_id && r.analysis_version ? { documentId: r.analysis_doc_id, version: r.analysis_version } : null,
    analysisVersion: (r.analysis_version_id && readable.get(r.analysis_version_id)) || null,
    doorbraakaanpak: r.doorbraakaanpak === 1,
  }));
}

export type CommitmentRecord = Commitment & { sessionId: string | null; authorId: string; caseId: string };

export async function loadCommitments(services: AppServices, caseIds: readonly string[]): Promise<CommitmentRecord[]> {
  if (caseIds.length === 0) return [];
  const rows = await escalationDb(services.db)
    .selectFrom('commitments')
    .selectAll()
    .where('case_id', 'in', caseIds)
    .orderBy('due_at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    sessionId: r.session_id,
    authorId: r.author_id,
    organisation: r.organisation,
    what: r.what,
    lawOrBudget: r.law_or_budget as LawOrBudget,
    dueAt: new Date(r.due_at),
    metAt: date(r.met_at),
    releasedAt: date(r.released_at),
    releaseReason: r.release_reason,
  }));
}

export function presentCommitment(c: CommitmentRecord, now: Date): CommitmentView {
  return {
    id: c.id,
    sessionId: c.sessionId,
    organisation: c.organisation,
    what: c.what,
    lawOrBudget: c.lawOrBudget,
    dueAt: c.dueAt.toISOString(),
    status: commitmentStatus(c, now),
    authorId: c.authorId,
    releaseReason: c.releaseReason ?? null,
  };
}

export async function loadCaseRow(services: AppServices, caseId: string): Promise<EscalationCaseRow> {
  return escalationDb(services.db).selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
}

export async function clockFacts(services: AppServices, row: EscalationCaseRow): Promise<ClockFacts> {
  return {
    caseId: row.id,
    dateOfBirth: row.date_of_birth,
    // The recorded request starts the 6-week clock; until it is recorded, the case registration does.
    requestedAt: new Date(row.analysis_requested_at ?? row.created_at),
    analysisCompletedAt: date(row.analysis_completed_at),
    // A plan by content (a life domain with situation and goal), not any text in the document.
    hasFuturePlan: await planExists(services, row.id),
    measureStartedAt: date(row.measure_started_at),
    helpStartedAt: date(row.help_started_at),
    lastProgressAt: date(row.last_progress_at),
    futurePlanCheckedAt: date(row.future_plan_checked_at),
    closed: row.closed_at !== null || row.destroyed_at !== null,
    westFriesland: await westFrieslandDays(services.db, row.region),
  };
}

export interface CaseEscalationState {
  row: EscalationCaseRow;
  level: LadderState;
  steps: EscalationStepView[];
  commitments: CommitmentRecord[];
  facts: ClockFacts;
  notices: Notice[];
  westFriesland: WestFrieslandState;
  westFrieslandClock: WestFrieslandClock | null;
  analysisSignedOff: boolean;
  /** A breakthrough session with an outcome, and every commitment met or released (domain §5). */
  dbtSettled: boolean;
}

/** How many breakthrough sessions of the case have a recorded outcome. */
async function sessionsWithOutcome(services: AppServices, caseId: string): Promise<number> {
  const rows = await escalationDb(services.db)
    .selectFrom('breakthrough_sessions')
    .select('id')
    .where('case_id', '=', caseId)
    .where('outcome', 'is not', null)
    .execute();
  return rows.length;
}

export async function loadState(services: AppServices, caseId: string, now: Date): Promise<CaseEscalationState> {
  const row = await loadCaseRow(services, caseId);
  const steps = await loadSteps(services, caseId);
  const commitments = await loadCommitments(services, [caseId]);
  const facts = await clockFacts(services, row);
  return {
    row,
    level: currentLevel(steps),
    steps,
    commitments,
    facts,
    notices: caseClocks(facts, now),
    westFriesland: westFrieslandState(facts, now),
    westFrieslandClock: westFrieslandClock(facts, now),
    analysisSignedOff: (await signedOffAnalysis(services.db, caseId)) !== null,
    dbtSettled: dbtSettled(await sessionsWithOutcome(services, caseId), commitments),
  };
}

/** The analysis as it is now (the whole Yjs state, base64) and a version marker: a hash of that state. */
export async function snapshotAnalysis(
  services: AppServices,
  caseId: string,
): Promise<{ documentId: string; version: string; state: string }> {
  const docId = documentId(caseId, 'analysis');
  const state = await storedState(services, docId);
  const version = crypto.createHash('sha256').update(state).digest('hex').slice(0, 16);
  return { documentId: docId, version, state: Buffer.from(state).toString('base64') };
}
