/**
 * Naming (and ending) the professional who records someone's own-words part "zoals verteld door" them
 * (002 Bijlage 1, domain §3 and §7). The rule is pure (shared recorderNaming); this checks it on the
 * server, writes the record with its access-log entry in one transaction, and re-checks live document
 * connections so the recorder can write at once (and nobody else can).
 */
import {
  CASE_PROFESSIONALS,
  type OwnWordsPart,
  type OwnWordsPartsResponse,
  type Role,
  recorderNaming,
} from '@samenspraak/shared';
import { recheckLiveAccess } from '../cases/caseCommands.js';
import { caseDb } from '../cases/caseDb.js';
import type { CaseScope } from '../cases/caseGate.js';
import { loadOwnWordsParts, ownWordsDb } from '../cases/ownWordsParts.js';
import { ageOn } from '../domain/age.js';
import { ageBand } from '../domain/caseAccess.js';
import { Forbidden, Invalid, NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';

const under12 = (scope: CaseScope) => ageBand(ageOn(scope.facts.dateOfBirth, scope.now)) === 'under12';

export async function ownWordsPartsView(services: AppServices, scope: CaseScope): Promise<OwnWordsPartsResponse> {
  return { parts: await loadOwnWordsParts(services.db, scope.caseId, scope.now), childUnder12: under12(scope) };
}

async function partOf(services: AppServices, scope: CaseScope, root: string): Promise<OwnWordsPart> {
  const parts = await loadOwnWordsParts(services.db, scope.caseId, scope.now);
  const part = parts.find((p) => p.root === root);
  if (!part) throw new NotFound(`no own-words part ${root} on this case`, 'own_words_part_unknown');
  return part;
}

function checkNaming(scope: CaseScope, part: OwnWordsPart) {
  const actor = { userId: scope.audit.actor.userId, role: scope.role };
  const verdict = recorderNaming(part, actor, under12(scope), CASE_PROFESSIONALS);
  if (!verdict.allowed) throw new Forbidden(`may not name a recorder for ${part.root}`, 'recorder_not_allowed');
  return verdict;
}

export async function nameRecorder(
  services: AppServices,
  scope: CaseScope,
  root: string,
  recorderId: string,
): Promise<void> {
  const part = await partOf(services, scope, root);
  const verdict = checkNaming(scope, part);
  const recorder = await caseDb(services.db)
    .selectFrom('participants')
    .select('role')
    .where('case_id', '=', scope.caseId)
    .where('user_id', '=', recorderId)
    .executeTakeFirst();
  if (!recorder || !CASE_PROFESSIONALS.includes(recorder.role as Role)) {
    throw new Invalid(`recorder ${recorderId} is not a professional on the case`, 'recorder_not_professional');
  }
  const now = scope.now.toISOString();
  await ownWordsDb(services.db)
    .transaction()
    .execute(async (trx) => {
      await trx
        .deleteFrom('own_words_recorders')
        .where('case_id', '=', scope.caseId)
        .where('part', '=', root)
        .execute();
      await trx
        .insertInto('own_words_recorders')
        .values({
          case_id: scope.caseId,
          part: root,
          recorder_id: recorderId,
          on_request: verdict.onRequest ? 1 : 0,
          named_by: scope.audit.actor.userId,
          named_at: now,
        })
        .execute();
    });
  await scope.log('update', 'success', `analysis: ${root} recorded by ${recorderId} (zoals verteld)`);
  // Before answering: the recorder's live connection may write at once, and a former recorder no longer.
  await recheckLiveAccess(services, scope.caseId);
  services.caseEvents.changed({ caseId: scope.caseId, kind: 'case' });
}

/** Ends recording: the person (or, under 12, a professional on the case) or the recorder themself. */
export async function endRecorder(services: AppServices, scope: CaseScope, root: string): Promise<void> {
  const part = await partOf(services, scope, root);
  if (part.recorder?.userId !== scope.audit.actor.userId) checkNaming(scope, part);
  await ownWordsDb(services.db)
    .deleteFrom('own_words_recorders')
    .where('case_id', '=', scope.caseId)
    .where('part', '=', root)
    .execute();
  await scope.log('update', 'success', `analysis: ${root} no longer recorded by a professional`);
  // Before answering: the recorder's live connection may write at once, and a former recorder no longer.
  await recheckLiveAccess(services, scope.caseId);
  services.caseEvents.changed({ caseId: scope.caseId, kind: 'case' });
}
