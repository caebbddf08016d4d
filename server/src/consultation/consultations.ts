/**
 * The consultation queue: the public submit, and the RET side (list, open, answer, turn into a case).
 * Contact details are personal data: only the procesregisseur of the request's region reads them, one
 * request at a time, and each read is in the access log (event 'read', no case, the receipt as what).
 * A request of another region answers 404, as if it did not exist.
 */
import { randomUUID } from 'node:crypto';
import type {
  ConsultationAnswerBody,
  ConsultationRequestBody,
  ConsultationSummary,
  ConsultationView,
  CreateCaseBody,
} from '@samenspraak/shared';
import type { RequestAudit } from '../audit/caseAudit.js';
import { createCase } from '../cases/registration.js';
import { Conflict, Forbidden, Invalid, NotFound } from '../kernel/errors.js';
import { enqueueMail } from '../mail/outbox.js';
import type { AppServices } from '../services.js';
import { type ConsultationsTable, consultationDb } from './consultationDb.js';
import { contactProblem, receiptNumber } from './consultationRules.js';

export function summaryOf(r: ConsultationsTable): ConsultationSummary {
  return {
    id: r.id,
    receipt: r.receipt,
    asker: r.asker as ConsultationSummary['asker'],
    region: r.region,
    createdAt: r.created_at,
    state: r.state as ConsultationSummary['state'],
  };
}

export function viewOf(r: ConsultationsTable): ConsultationView {
  return {
    ...summaryOf(r),
    name: r.name,
    phone: r.phone,
    email: r.email,
    question: r.question,
    answer: r.answer,
    outcome: r.outcome as ConsultationView['outcome'],
    closedAt: r.closed_at,
    caseId: r.case_id,
  };
}

/** Stores a public request in its region's queue; a receipt mail is queued in the same transaction. */
export async function submitConsultation(
  services: AppServices,
  body: ConsultationRequestBody,
  remoteAddress: string,
): Promise<string> {
  const problem = contactProblem(body.phone, body.email);
  if (problem) throw new Invalid('phone or email: missing or not valid', problem);
  const now = services.clock();
  const row: ConsultationsTable = {
    id: randomUUID(),
    receipt: receiptNumber(),
    region: body.region,
    asker: body.asker,
    name: body.name,
    phone: body.phone?.trim() || null,
    email: body.email?.trim() || null,
    question: body.question,
    created_at: now.toISOString(),
    state: 'open',
    answer: null,
    outcome: null,
    closed_at: null,
    closed_by: null,
    case_id: null,
  };
  await consultationDb(services.db)
    .transaction()
    .execute(async (trx) => {
      await trx.insertInto('consultations').values(row).execute();
      if (row.email) {
        // The receipt mail says only "we received your request": no name, no question.
        await enqueueMail(
          trx as never,
          {
            idempotencyKey: `consultation:${row.id}`,
            userId: null,
            to: row.email,
            kind: 'consultation-receipt',
            link: '/consultatie',
          },
          now,
        );
      }
    });
  await services.accessLog.append({
    event: 'create',
    caseId: null,
    actor: { userId: null, name: null, role: `consultatie (${body.asker})`, responsible: null },
    source: `${remoteAddress || 'unknown'} http`,
    outcome: 'success',
    detail: `POST /api/consultations consultation ${row.receipt} (${row.region})`,
  });
  return row.receipt;
}

/** The procesregisseur's region (read fresh: an account moved to another region sees the new queue only). */
export async function retRegionOf(services: AppServices, audit: RequestAudit, what: string): Promise<string | null> {
  const { actor } = audit;
  if (actor.kind !== 'professional' || actor.role !== 'procesregisseur') {
    await audit.log({ event: 'read', caseId: null, outcome: 'denied', what });
    throw new Forbidden('only the RET procesregisseur of the region handles consultation requests');
  }
  const user = await consultationDb(services.db)
    .selectFrom('users')
    .select('region')
    .where('id', '=', actor.userId)
    .executeTakeFirst();
  return user?.region ?? null;
}

export async function listConsultations(services: AppServices, audit: RequestAudit): Promise<ConsultationSummary[]> {
  const region = await retRegionOf(services, audit, 'consultations');
  const rows = region
    ? await consultationDb(services.db)
        .selectFrom('consultations')
        .selectAll()
        .where('region', '=', region)
        .orderBy('created_at', 'desc')
        .limit(200)
        .execute()
    : [];
  await audit.log({
    event: 'search',
    caseId: null,
    outcome: 'success',
    what: `consultations ${region ?? 'no region'}`,
  });
  return rows.map(summaryOf);
}

/** One request of the actor's region, or a logged 404. */
async function ownRequest(services: AppServices, audit: RequestAudit, id: string, event: 'read' | 'update') {
  const region = await retRegionOf(services, audit, `consultation ${id}`);
  const row = await consultationDb(services.db)
    .selectFrom('consultations')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row || !region || row.region !== region) {
    await audit.log({
      event,
      caseId: null,
      outcome: 'denied',
      what: `consultation ${row?.receipt ?? id}: not of this region`,
    });
    throw new NotFound('consultation not found');
  }
  return row;
}

export async function openConsultation(
  services: AppServices,
  audit: RequestAudit,
  id: string,
): Promise<ConsultationView> {
  const row = await ownRequest(services, audit, id, 'read');
  await audit.log({ event: 'read', caseId: null, outcome: 'success', what: `consultation ${row.receipt}` });
  return viewOf(row);
}

export async function answerConsultation(
  services: AppServices,
  audit: RequestAudit,
  id: string,
  body: ConsultationAnswerBody,
): Promise<ConsultationView> {
  const row = await ownRequest(services, audit, id, 'update');
  const at = services.clock().toISOString();
  const done = await consultationDb(services.db)
    .updateTable('consultations')
    .set({
      state: 'answered',
      answer: body.answer,
      outcome: body.outcome,
      closed_at: at,
      closed_by: audit.actor.userId,
    })
    .where('id', '=', id)
    .where('state', '=', 'open')
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) {
    await audit.log({ event: 'update', caseId: null, outcome: 'failure', what: `consultation ${row.receipt}: closed` });
    throw new Conflict('the request is already closed', 'consultation_closed');
  }
  await audit.log({
    event: 'update',
    caseId: null,
    outcome: 'success',
    what: `consultation ${row.receipt} answered (${body.outcome})`,
  });
  return viewOf({
    ...row,
    state: 'answered',
    answer: body.answer,
    outcome: body.outcome,
    closed_at: at,
    closed_by: audit.actor.userId,
  });
}

/** Registers a case from the request and marks the request converted, in one transaction. */
export async function convertConsultation(
  services: AppServices,
  audit: RequestAudit,
  id: string,
  body: CreateCaseBody,
): Promise<{ caseId: string; consultation: ConsultationView }> {
  const row = await ownRequest(services, audit, id, 'update');
  if (row.state !== 'open') {
    await audit.log({ event: 'update', caseId: null, outcome: 'failure', what: `consultation ${row.receipt}: closed` });
    throw new Conflict('the request is already closed', 'consultation_closed');
  }
  const at = services.clock().toISOString();
  const created = await createCase(services, audit, body, {
    within: async (trx, caseRow) => {
      const marked = await (trx as unknown as ReturnType<typeof consultationDb>)
        .updateTable('consultations')
        .set({ state: 'converted', case_id: caseRow.id, closed_at: at, closed_by: audit.actor.userId })
        .where('id', '=', id)
        .where('state', '=', 'open')
        .executeTakeFirst();
      // Someone else closed it meanwhile: the whole registration is undone.
      if (Number(marked.numUpdatedRows) !== 1)
        throw new Conflict('the request is already closed', 'consultation_closed');
    },
  });
  await audit.log({
    event: 'update',
    caseId: created.id,
    outcome: 'success',
    what: `consultation ${row.receipt} became this case`,
  });
  const consultation = viewOf({
    ...row,
    state: 'converted',
    case_id: created.id,
    closed_at: at,
    closed_by: audit.actor.userId,
  });
  return { caseId: created.id, consultation };
}
