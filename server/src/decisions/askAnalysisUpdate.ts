/**
 * A new placement is a milestone: the analysis is asked to be updated (002: "benutten/actualiseren van
 * een reeds gemaakte"). The one call site the lead can repoint to the sign-off feature's
 * `requestAnalysisUpdate(trx, caseId, reason, now)`; on its own it puts an 'analysis-update-requested'
 * item in the inbox of the case's responsible behavioural scientist (or, when none is named, of every
 * behavioural scientist on the case), inside the caller's transaction.
 */
import type { Kysely } from 'kysely';
import { addToInbox } from '../inbox/inbox.js';
import { decisionsDb } from './decisionsDb.js';

export async function askAnalysisUpdate(
  trx: Kysely<never>,
  caseId: string,
  reason: { kind: 'placement'; decisionId: string },
  now: Date,
): Promise<void> {
  const db = decisionsDb(trx);
  const row = await db
    .selectFrom('cases')
    .select('responsible_scientist_id')
    .where('id', '=', caseId)
    .executeTakeFirst();
  const scientists = row?.responsible_scientist_id
    ? [row.responsible_scientist_id]
    : (
        await db
          .selectFrom('participants')
          .select('user_id')
          .where('case_id', '=', caseId)
          .where('role', '=', 'gedragswetenschapper')
          .execute()
      ).map((p) => p.user_id);
  await addToInbox(
    trx,
    scientists.map((userId) => ({
      userId,
      caseId,
      kind: 'analysis-update-requested' as const,
      key: `analysis-update:${reason.kind}:${reason.decisionId}`,
      link: `/zaken/${encodeURIComponent(caseId)}/analyse`,
      params: { reason: reason.kind },
    })),
    now,
  );
}
