/**
 * A new placement is a milestone and a transition: the analysis is asked to be updated (002: "benutten/
 * actualiseren van een reeds gemaakte"; domain brief §3 "who updates it at milestones and transitions").
 * The sign-off feature keeps the open request ("update gevraagd", cleared by the next sign-off) and puts
 * an 'analysis-update-requested' item in the named owner's inbox, inside the caller's transaction.
 */
import { requestAnalysisUpdate } from '../endorsements/analysisState.js';

export async function askAnalysisUpdate(
  trx: Parameters<typeof requestAnalysisUpdate>[0],
  caseId: string,
  reason: { kind: 'placement'; decisionId: string },
  now: Date,
): Promise<void> {
  await requestAnalysisUpdate(trx, caseId, 'new-placement', now, `${reason.kind}:${reason.decisionId}`);
}
