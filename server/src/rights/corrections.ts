/**
 * Correction requests (AVG art. 16): the young person (or a parent while the child is under 16) says what
 * is wrong and why; the process director or the behavioural scientist accepts or declines it with a
 * reason within one month (AVG art. 12(3), `correctionDueBy`). Accepting is a promise to change the text
 * in the document, which the professional then does there (the change is logged like any other edit).
 */
import { randomUUID } from 'node:crypto';
import {
  type CorrectionBody,
  type CorrectionDecisionBody,
  type CorrectionView,
  correctionDueBy,
  documentId,
  type Role,
} from '@samenspraak/shared';
import type { CaseScope } from '../cases/caseGate.js';
import type { AppDb } from '../db/database.js';
import { noteRightsRequest } from '../inbox/rightsRequested.js';
import { Conflict, NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { type CorrectionRequestsTable, rightsDb } from './rightsDb.js';
import { checkReadableSection } from './sectionRef.js';

function present(r: CorrectionRequestsTable): CorrectionView {
  return {
    id: r.id,
    document: r.document === 'futurePlan' ? 'futurePlan' : 'analysis',
    section: r.section,
    passage: r.passage,
    what: r.what,
    why: r.why,
    requestedBy: { userId: r.requested_by, name: r.requester_name, role: r.requester_role as Role },
    requestedAt: r.requested_at,
    dueBy: r.due_by,
    decision: r.decision === 'accepted' || r.decision === 'declined' ? r.decision : null,
    decidedBy: r.decided_by_name,
    decidedAt: r.decided_at,
    answer: r.answer,
  };
}

export async function listCorrections(services: AppServices, caseId: string): Promise<CorrectionView[]> {
  const rows = await rightsDb(services.db)
    .selectFrom('correction_requests')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('requested_at')
    .orderBy('id')
    .execute();
  return rows.map(present);
}

export async function requestCorrection(
  services: AppServices,
  scope: CaseScope,
  body: CorrectionBody,
): Promise<CorrectionView> {
  await checkReadableSection(services, scope, body.document, body.section, 'correction request');
  const row: CorrectionRequestsTable = {
    id: randomUUID(),
    case_id: scope.caseId,
    document: body.document,
    section: body.section,
    passage: body.passage ? body.passage : null,
    what: body.what,
    why: body.why,
    requested_by: scope.audit.actor.userId,
    requester_name: scope.audit.actor.name,
    requester_role: scope.role,
    requested_at: scope.now.toISOString(),
    due_by: correctionDueBy(scope.now).toISOString(),
    decision: null,
    decided_by: null,
    decided_by_name: null,
    decided_at: null,
    answer: null,
  };
  // The request and the inbox items of those who answer it together (inbox/rightsRequested.ts).
  await services.db.transaction().execute(async (trx) => {
    await rightsDb(trx as unknown as AppDb)
      .insertInto('correction_requests')
      .values(row)
      .execute();
    await noteRightsRequest(
      trx as unknown as AppDb,
      {
        kind: 'correction-requested',
        caseId: scope.caseId,
        id: row.id,
        document: body.document,
        section: body.section,
        byUserId: row.requested_by,
        byRole: scope.role,
        dueBy: row.due_by,
      },
      scope.now,
    );
  });
  await scope.log('create', 'success', `${documentId(scope.caseId, body.document)} correction request ${row.id}`);
  services.caseEvents.changed({ caseId: scope.caseId, kind: 'rights' });
  return present(row);
}

export async function decideCorrection(
  services: AppServices,
  scope: CaseScope,
  correctionId: string,
  body: CorrectionDecisionBody,
): Promise<CorrectionView> {
  const db = rightsDb(services.db);
  const what = `correction request ${correctionId}`;
  const found = await db
    .selectFrom('correction_requests')
    .selectAll()
    .where('id', '=', correctionId)
    .where('case_id', '=', scope.caseId)
    .executeTakeFirst();
  if (!found) {
    await scope.log('update', 'failure', `${what}: not found`);
    throw new NotFound('no such correction request for this case', 'request_not_found');
  }
  const decided = {
    decision: body.decision,
    decided_by: scope.audit.actor.userId,
    decided_by_name: scope.audit.actor.name,
    decided_at: scope.now.toISOString(),
    answer: body.answer,
  };
  // `decision is null`: a second answer (another tab, another professional) never overwrites the first.
  const result = await db
    .updateTable('correction_requests')
    .set(decided)
    .where('id', '=', correctionId)
    .where('decision', 'is', null)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) {
    await scope.log('update', 'failure', `${what}: already decided`);
    throw new Conflict('this correction request was already answered', 'already_decided');
  }
  await scope.log('update', 'success', `${what}: ${body.decision}`);
  services.caseEvents.changed({ caseId: scope.caseId, kind: 'rights' });
  return present({ ...found, ...decided });
}
