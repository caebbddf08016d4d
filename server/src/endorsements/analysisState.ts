/**
 * Where the explanatory analysis of a case stands (002 h1): when it was requested (the 6-week clock),
 * whether and which version was signed off (the clock stops), and the open requests to update it at
 * milestones and transitions ("wie de verantwoordelijkheid neemt dat de verklarende analyse wordt
 * bijgesteld … bij belangrijke mijlpalen/gebeurtenissen en transitiemomenten"), each put in the named
 * owner's inbox. Other features call `signedOffAnalysis` and `requestAnalysisUpdate`.
 */
import crypto from 'node:crypto';
import { type AnalysisUpdateReason, documentId, type NewInboxItem } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import type { CaseRowTable } from '../cases/caseDb.js';
import type { AppDb } from '../db/database.js';
import { addToInbox } from '../inbox/inbox.js';

export interface AnalysisUpdateRequestsTable {
  id: string;
  case_id: string;
  key: string;
  reason: string;
  requested_at: string;
  cleared_at: string | null;
}

/** The case columns this feature reads and writes (0005 and 0018). */
export interface AnalysisCaseRow extends CaseRowTable {
  analysis_completed_at: string | null;
  analysis_requested_at: string | null;
  analysis_requested_by: string | null;
}

interface AnalysisSchema {
  cases: AnalysisCaseRow;
  participants: { case_id: string; user_id: string; role: string; added_at: string };
  /** The columns of documents/documentVersions.ts this reads (not imported: that file imports endorsements). */
  document_versions: {
    id: string;
    document_id: string;
    kind: string;
    seq: number;
    created_at: string;
    content_hash: string | null;
  };
  analysis_update_requests: AnalysisUpdateRequestsTable;
}
/** Any Kysely — the app's, a feature's typed view, or a transaction of either (whatever its schema type). */
export type AnyKysely = Pick<Kysely<never>, 'isTransaction'>;
const asDb = (db: AnyKysely) => db as unknown as Kysely<AnalysisSchema>;

export interface SignedOffAnalysis {
  versionId: string;
  signedOffAt: string;
  /** The content hash (all sections) the sign-off pinned. */
  hash: string;
}

/** Is the analysis of the case signed off — which version, when, which content? Null: never. */
export async function signedOffAnalysis(db: AnyKysely, caseId: string): Promise<SignedOffAnalysis | null> {
  const row = await asDb(db)
    .selectFrom('document_versions')
    .select(['id', 'created_at', 'content_hash'])
    .where('document_id', '=', documentId(caseId, 'analysis'))
    .where('kind', '=', 'signed-off')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  if (!row) return null;
  return { versionId: row.id, signedOffAt: row.created_at, hash: row.content_hash ?? '' };
}

/** The named owner: the responsible behavioural scientist, else every behavioural scientist on the case. */
export async function analysisOwners(db: AnyKysely, caseId: string): Promise<string[]> {
  const row = await asDb(db)
    .selectFrom('cases')
    .select('responsible_scientist_id')
    .where('id', '=', caseId)
    .executeTakeFirst();
  if (row?.responsible_scientist_id) return [row.responsible_scientist_id];
  const scientists = await asDb(db)
    .selectFrom('participants')
    .select('user_id')
    .where('case_id', '=', caseId)
    .where('role', '=', 'gedragswetenschapper')
    .execute();
  return scientists.map((s) => s.user_id);
}

export const analysisLink = (caseId: string) => `/zaken/${encodeURIComponent(caseId)}/analyse`;

/**
 * Asks the named owner to update the analysis (new placement, 16th or 18th birthday, a new provider,
 * a change after sign-off): an open request (shown as "update gevraagd") and an inbox item. Call it
 * inside the transaction of the event. `key` makes it once per milestone (default: reason + moment).
 * Returns false when this milestone was asked for before.
 */
export async function requestAnalysisUpdate(
  trx: AnyKysely,
  caseId: string,
  reason: AnalysisUpdateReason,
  now: Date,
  key = `${reason}:${now.toISOString()}`,
): Promise<boolean> {
  const result = await asDb(trx)
    .insertInto('analysis_update_requests')
    .values({
      id: crypto.randomUUID(),
      case_id: caseId,
      key,
      reason,
      requested_at: now.toISOString(),
      cleared_at: null,
    })
    .onConflict((oc) => oc.columns(['case_id', 'key']).doNothing())
    .executeTakeFirst();
  if (Number(result.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
  const items: NewInboxItem[] = (await analysisOwners(trx, caseId)).map((userId) => ({
    userId,
    caseId,
    kind: 'analysis-update-requested',
    key: `analysis-update:${caseId}:${key}`,
    link: analysisLink(caseId),
    params: { reason },
  }));
  await addToInbox(asDb(trx), items, now);
  return true;
}

export async function openUpdateRequests(db: AppDb, caseId: string) {
  const rows = await asDb(db)
    .selectFrom('analysis_update_requests')
    .select(['reason', 'requested_at'])
    .where('case_id', '=', caseId)
    .where('cleared_at', 'is', null)
    .orderBy('requested_at')
    .execute();
  return rows.map((r) => ({ reason: r.reason as AnalysisUpdateReason, requestedAt: r.requested_at }));
}

/** A sign-off answers every open request, and stops the 6-week clock. */
export async function recordSignOff(trx: AppDb, caseId: string, now: Date): Promise<void> {
  const at = now.toISOString();
  await asDb(trx)
    .updateTable('analysis_update_requests')
    .set({ cleared_at: at })
    .where('case_id', '=', caseId)
    .where('cleared_at', 'is', null)
    .execute();
  await asDb(trx).updateTable('cases').set({ analysis_completed_at: at }).where('id', '=', caseId).execute();
}

export async function analysisCaseRow(db: AppDb, caseId: string): Promise<AnalysisCaseRow> {
  return asDb(db).selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
}

/** "Analyse aangevraagd": the 6-week clock starts now. Returns false when it was recorded before. */
export async function recordAnalysisRequested(db: AppDb, caseId: string, userId: string, now: Date): Promise<boolean> {
  const result = await asDb(db)
    .updateTable('cases')
    .set({ analysis_requested_at: now.toISOString(), analysis_requested_by: userId })
    .where('id', '=', caseId)
    .where('analysis_requested_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Cases with a signed-off analysis that are still open (for the milestone watch). */
export async function signedOffCases(db: AppDb): Promise<AnalysisCaseRow[]> {
  return asDb(db)
    .selectFrom('cases')
    .selectAll()
    .where('analysis_completed_at', 'is not', null)
    .where('closed_at', 'is', null)
    .where('destroyed_at', 'is', null)
    .execute();
}

export async function providersAddedSince(db: AppDb, caseId: string, since: string) {
  return asDb(db)
    .selectFrom('participants')
    .select(['user_id', 'added_at'])
    .where('case_id', '=', caseId)
    .where('role', '=', 'jeugdhulpaanbieder')
    .where('added_at', '>', since)
    .execute();
}

/** Destroying a case: its update requests go (the inbox items go with the inbox's own cleanup). */
export async function deleteCaseUpdateRequests(db: AppDb, caseId: string): Promise<void> {
  await asDb(db).deleteFrom('analysis_update_requests').where('case_id', '=', caseId).execute();
}
