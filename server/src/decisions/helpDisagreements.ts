/**
 * West-Friesland (004 actie 4): "Bij verschil van mening wordt hulp ingezet en achteraf geëvalueerd met
 * de contactpersonen van gebiedsteam en GI." A disagreement between GI and local team does not stop the
 * help: it is recorded on the case (which help starts, each side's view) and listed for the evaluation.
 */
import crypto from 'node:crypto';
import type { HelpDisagreementBody } from '@samenspraak/shared';
import type { CaseScope } from '../cases/caseGate.js';
import type { AppServices } from '../services.js';
import { decisionsDb } from './decisionsDb.js';

export async function listDisagreements(services: AppServices, caseId: string) {
  const rows = await decisionsDb(services.db)
    .selectFrom('help_disagreements')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('recorded_at', 'desc')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    helpStarted: r.help_started,
    giView: r.gi_view,
    localTeamView: r.local_team_view,
    recordedBy: r.recorded_by_name,
    recordedAt: r.recorded_at,
  }));
}

export async function recordDisagreement(services: AppServices, scope: CaseScope, body: HelpDisagreementBody) {
  const row = {
    id: crypto.randomUUID(),
    case_id: scope.caseId,
    help_started: body.helpStarted,
    gi_view: body.giView,
    local_team_view: body.localTeamView,
    recorded_by: scope.audit.actor.userId,
    recorded_by_name: scope.audit.actor.name,
    recorded_at: scope.now.toISOString(),
  };
  await decisionsDb(services.db).insertInto('help_disagreements').values(row).execute();
  await scope.log('create', 'success', `help disagreement ${row.id}`);
  return {
    id: row.id,
    helpStarted: row.help_started,
    giView: row.gi_view,
    localTeamView: row.local_team_view,
    recordedBy: row.recorded_by_name,
    recordedAt: row.recorded_at,
  };
}
