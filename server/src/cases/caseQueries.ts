/** Reads of cases: what the routes present. The callers have been through the gate (caseGate.ts). */
import {
  type AccessLogView,
  type CaseDetail,
  type CaseParticipantView,
  type CaseRecord,
  type CaseStatus,
  type CaseSummary,
  DOCUMENT_TYPES,
  type DocumentType,
  INVITED_ROLES,
  type Permission,
  type Role,
} from '@samenspraak/shared';
import type { RequestAudit } from '../audit/caseAudit.js';
import { ageOn } from '../domain/age.js';
import { effectiveSections, participationEnded } from '../domain/caseAccess.js';
import { invitableRoles } from '../domain/invitations.js';
import type { AppServices } from '../services.js';
import { caseDb } from './caseDb.js';
import { accessTo, type CaseRow, type CaseScope } from './caseGate.js';
import { inviterOf } from './casePolicies.js';
import { ownWordsContext } from './ownWordsParts.js';

export function firstName(fullName: string): string {
  return fullName.trim().split(/\s+/)[0] ?? '';
}

export function parseCategories(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * The actor's cases (through participation), with whether they may open each one today. A
 * participation that ended (a director's, after the follow-up) no longer lists the case at all.
 */
export async function listMyCases(services: AppServices, userId: string): Promise<CaseSummary[]> {
  const now = services.clock();
  const rows = await caseDb(services.db)
    .selectFrom('participants')
    .innerJoin('cases', 'cases.id', 'participants.case_id')
    .selectAll('cases')
    .select(['participants.role as my_role', 'participants.access_until as access_until'])
    .where('participants.user_id', '=', userId)
    .where('cases.destroyed_at', 'is', null)
    .orderBy('cases.created_at')
    .orderBy('cases.id')
    .execute();
  const current = rows.filter((r) => !participationEnded(r.access_until, now));
  return current.map(({ my_role, access_until, ...row }) => ({
    id: row.id,
    firstName: firstName(row.young_person_name),
    age: ageOn(row.date_of_birth, now),
    region: row.region,
    status: row.status as CaseStatus,
    myRole: my_role as Role,
    hasAccess: accessTo(row, my_role as Role, now, access_until).allowed,
  }));
}

/**
 * The case list is a search over dossiers: one 'search' entry for the request, listing every case it
 * showed (so each young person sees who had their case in a list); an empty result is logged too.
 */
export async function searchMyCases(services: AppServices, audit: RequestAudit): Promise<CaseSummary[]> {
  const cases = await listMyCases(services, audit.actor.userId);
  if (cases.length === 0) await audit.log({ event: 'search', caseId: null, outcome: 'success', what: 'no cases' });
  else if (cases.length === 1)
    await audit.log({ event: 'search', caseId: cases[0]!.id, outcome: 'success', caseRole: cases[0]!.myRole });
  else await audit.log({ event: 'search', caseId: null, caseIds: cases.map((c) => c.id), outcome: 'success' });
  return cases;
}

export async function listParticipants(services: AppServices, caseId: string): Promise<CaseParticipantView[]> {
  const rows = await services.db
    .selectFrom('participants')
    .innerJoin('users', 'users.id', 'participants.user_id')
    .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
    .select(['participants.user_id', 'participants.role', 'users.name', 'organisations.name as organisation'])
    .where('participants.case_id', '=', caseId)
    .orderBy('participants.added_at')
    .orderBy('participants.user_id')
    .execute();
  return rows.map((r) => ({ userId: r.user_id, name: r.name, role: r.role as Role, organisation: r.organisation }));
}

export function presentCase(row: CaseRow, now: Date): CaseRecord {
  return {
    id: row.id,
    youngPerson: {
      name: row.young_person_name,
      dateOfBirth: row.date_of_birth,
      age: ageOn(row.date_of_birth, now),
      municipality: row.municipality,
    },
    region: row.region,
    status: row.status as CaseStatus,
    responsibleScientistId: row.responsible_scientist_id,
    parentsConsent: row.parents_consent === 1,
    createdAt: row.created_at,
    closedAt: row.closed_at,
    retentionUntil: row.retention_until,
    registeredBy: row.registered_by,
    requester: (row.requester ?? null) as CaseRecord['requester'],
    question: row.question ?? null,
    processDirectorId: row.process_director_id ?? null,
    problemCategories: parseCategories(row.problem_categories),
    attendsSchool: row.attends_school === null ? null : row.attends_school === 1,
    questionKind: (row.question_kind ?? null) as CaseRecord['questionKind'],
  };
}

export async function caseDetail(services: AppServices, scope: CaseScope): Promise<CaseDetail> {
  const me = { caseId: scope.caseId, userId: scope.audit.actor.userId };
  const sections = Object.fromEntries(
    await Promise.all(
      DOCUMENT_TYPES.map(async (type) => [
        type,
        effectiveSections(
          scope.facts,
          type,
          scope.role,
          scope.now,
          await ownWordsContext(services.db, me, type, scope.now),
        ),
      ]),
    ),
  ) as Record<DocumentType, Record<string, Permission>>;
  return {
    ...presentCase(scope.row, scope.now),
    participants: await listParticipants(services, scope.caseId),
    myRole: scope.role,
    mayInvite: invitableRoles(inviterOf(scope)).filter((r) => (INVITED_ROLES as readonly Role[]).includes(r)),
    effectiveSections: sections,
  };
}

/** The young person's view of who opened their dossier: no addresses, ids or hashes. */
export async function accessLogView(
  services: AppServices,
  caseId: string,
  limit = 1000,
  hide?: (e: { user_id: string | null; user_role: string | null }) => boolean,
): Promise<AccessLogView[]> {
  const all = await services.accessLog.forCase(caseId, limit);
  // A parent does not see the young person's own activity from 12 unless allowed (rights/logPrivacy.ts).
  const entries = hide ? all.filter((e) => !hide(e)) : all;
  return entries.map((e) => ({
    at: e.at,
    name: e.user_name,
    role: e.user_role,
    event: e.event,
    outcome: e.outcome,
    what: e.detail,
  }));
}
