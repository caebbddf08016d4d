/**
 * Registering a case (aanmelding): the young person, region, who asked and what for. One transaction
 * writes the case, its first participants and its two documents; the clocks run from its creation
 * (domain/clocks.ts). A young person who already has an open case (same normalised name, date of birth
 * and municipality) is refused with 409 and nothing is written.
 */
import { randomUUID } from 'node:crypto';
import {
  CASE_CREATOR_ROLES,
  type CreateCaseBody,
  CreateCaseBodySchema,
  documentId,
  PROCESS_DIRECTION_ROLES,
  type Role,
} from '@samenspraak/shared';
import type { Transaction } from 'kysely';
import type { RequestAudit } from '../audit/caseAudit.js';
import { parseBody } from '../http/validate.js';
import { Conflict, Forbidden, Invalid } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { type CaseSchema, caseDb } from './caseDb.js';
import { STANDARD_DOCUMENTS } from './caseDocuments.js';
import type { CaseRow } from './caseGate.js';
import { dateOfBirthProblem, registrantOf, registrationInputProblem, sameYoungPerson } from './caseRules.js';

/** The registration body, with its own refusals for an unknown region and a date that is no date. */
export function parseRegistration(raw: unknown): CreateCaseBody {
  const problem = registrationInputProblem(raw);
  if (problem) throw new Invalid(problem.message, problem.id);
  return parseBody(CreateCaseBodySchema, raw);
}

export interface CreateCaseOptions {
  /** Runs inside the registration's transaction (a consultation request marks itself converted). */
  within?: (trx: Transaction<CaseSchema>, row: CaseRow) => Promise<void>;
}

export async function createCase(
  services: AppServices,
  audit: RequestAudit,
  body: CreateCaseBody,
  options: CreateCaseOptions = {},
): Promise<CaseRow> {
  const { actor } = audit;
  const logCreate = (outcome: 'denied' | 'failure', what: string) =>
    audit.log({ event: 'create', caseId: null, outcome, what });
  if (actor.kind !== 'professional' || !actor.role || !CASE_CREATOR_ROLES.includes(actor.role)) {
    await logCreate('denied', 'only professionals of the registering roles register cases');
    throw new Forbidden(`cases are registered by: ${CASE_CREATOR_ROLES.join(', ')}`);
  }
  const now = services.clock();
  const dobProblem = dateOfBirthProblem(body.youngPerson.dateOfBirth, now);
  if (dobProblem) {
    await logCreate('failure', dobProblem);
    throw new Invalid(dobProblem, 'invalid_date_of_birth');
  }
  const db = caseDb(services.db);
  let scientistId: string | null = actor.role === 'gedragswetenschapper' ? actor.userId : null;
  if (body.responsibleScientistId) {
    const scientist = await db
      .selectFrom('users')
      .select(['id', 'role', 'kind', 'disabled'])
      .where('id', '=', body.responsibleScientistId)
      .executeTakeFirst();
    if (
      !scientist ||
      scientist.disabled ||
      scientist.kind !== 'professional' ||
      scientist.role !== 'gedragswetenschapper'
    ) {
      await logCreate('failure', 'responsible scientist is not an active gedragswetenschapper');
      throw new Invalid(
        'responsibleScientistId must be an active gedragswetenschapper',
        'invalid_responsible_scientist',
      );
    }
    scientistId = scientist.id;
  }
  const at = now.toISOString();
  // Procesregie starts with the registrant when they direct processes, else with the responsible scientist.
  const director = PROCESS_DIRECTION_ROLES.includes(actor.role) ? actor.userId : scientistId;
  const row: CaseRow = {
    id: randomUUID(),
    young_person_name: body.youngPerson.name,
    date_of_birth: body.youngPerson.dateOfBirth,
    municipality: body.youngPerson.municipality,
    region: body.region,
    status: 'aanmelding',
    responsible_scientist_id: scientistId,
    parents_consent: 0,
    created_at: at,
    closed_at: null,
    retention_until: null,
    registered_by: body.registeredBy ?? (body.requester ? registrantOf(body.requester, actor.role) : null),
    requester: body.requester ?? null,
    question: body.question || null,
    process_director_id: director,
    problem_categories: JSON.stringify(body.problemCategories ?? []),
    attends_school: body.attendsSchool === undefined ? null : body.attendsSchool ? 1 : 0,
    question_kind: body.questionKind ?? null,
    destroyed_at: null,
    created_by: actor.userId,
  };
  const duplicate = await db.transaction().execute(async (trx) => {
    // Inside the transaction, so two registrations of one young person at once cannot both pass.
    const open = await trx
      .selectFrom('cases')
      .select(['young_person_name', 'date_of_birth', 'municipality'])
      .where('date_of_birth', '=', row.date_of_birth)
      .where('closed_at', 'is', null)
      .where('destroyed_at', 'is', null)
      .execute();
    const young = { name: row.young_person_name, dateOfBirth: row.date_of_birth, municipality: row.municipality };
    if (
      open.some((c) =>
        sameYoungPerson(young, {
          name: c.young_person_name,
          dateOfBirth: c.date_of_birth,
          municipality: c.municipality,
        }),
      )
    )
      return true;
    await trx.insertInto('cases').values(row).execute();
    const participants = [{ user_id: actor.userId, role: actor.role as Role }];
    if (scientistId && scientistId !== actor.userId)
      participants.push({ user_id: scientistId, role: 'gedragswetenschapper' });
    await trx
      .insertInto('participants')
      .values(participants.map((p) => ({ ...p, case_id: row.id, added_at: at, added_by: actor.userId })))
      .execute();
    await trx
      .insertInto('case_documents')
      .values(
        STANDARD_DOCUMENTS.map((type) => ({ doc_id: documentId(row.id, type), case_id: row.id, type, created_at: at })),
      )
      .execute();
    await options.within?.(trx, row);
    return false;
  });
  if (duplicate) {
    // The other case is not named: the registrant may not be on it.
    await logCreate('failure', 'the young person already has an open case');
    throw new Conflict('this young person already has an open case', 'duplicate_young_person');
  }
  await audit.log({ event: 'create', caseId: row.id, outcome: 'success', caseRole: actor.role });
  return row;
}
