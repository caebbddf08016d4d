/**
 * The future plan's records: read the plan of a case, write a domain, confirm a BIG5 item, name the
 * supporter, record a move. Every write first checks who may write which field (planRules.ts), logs
 * the outcome and stamps the plan's `updated_at` (the half-year check's "updated in the last six months").
 */
import crypto from 'node:crypto';
import {
  BIG5_ITEMS,
  type Big5Body,
  type Big5Item,
  type Big5Status,
  type Funder,
  type FuturePlanRecord,
  type FuturePlanView,
  type MoveBody,
  type MoveReason,
  PLAN_DIRECTORS,
  PLAN_DOMAINS,
  PLAN_MOVE_RECORDERS,
  type PlanDomain,
  type PlanDomainBody,
  type PlanDomainView,
  type SupporterBody,
  type SupporterKind,
} from '@samenspraak/shared';
import type { CaseScope } from '../cases/caseGate.js';
import type { AppDb } from '../db/database.js';
import { Conflict, Forbidden, Invalid } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { type FuturePlanDomainsTable, planDb } from './planDb.js';
import {
  allBig5Stable,
  type DomainFacts,
  deriveBig5,
  domainDescribed,
  eighteenOn,
  fieldsNotAllowed,
  halfYearCheck,
  mayWrite,
  moveNearEighteen,
  moveNeedsReason,
  type PlanFacts,
} from './planRules.js';

const PROFESSIONAL_VIEW_ROLES = new Set([
  'gedragswetenschapper',
  'lokaal-team',
  'jeugdbeschermer',
  'jeugdhulpaanbieder',
  'onderwijsconsulent',
  'procesregisseur',
  'ben-adviseur',
]);

function emptyDomain(domain: PlanDomain): PlanDomainView {
  return {
    domain,
    situation: '',
    goal: '',
    service: '',
    funderNow: null,
    funderFrom18: null,
    switchArrangedOn: null,
    switchContact: '',
    youthComment: '',
    updatedAt: null,
    updatedByName: null,
  };
}

function domainView(r: FuturePlanDomainsTable): PlanDomainView {
  return {
    domain: r.domain as PlanDomain,
    situation: r.situation,
    goal: r.goal,
    service: r.service,
    funderNow: r.funder_now as Funder | null,
    funderFrom18: r.funder_from_18 as Funder | null,
    switchArrangedOn: r.switch_arranged_on,
    switchContact: r.switch_contact,
    youthComment: r.youth_comment,
    updatedAt: r.updated_at,
    updatedByName: r.updated_by_name,
  };
}

export function domainFacts(d: PlanDomainView | FuturePlanDomainsTable): DomainFacts {
  const v = 'case_id' in d ? domainView(d) : d;
  return {
    domain: v.domain,
    situation: v.situation,
    goal: v.goal,
    funderNow: v.funderNow,
    funderFrom18: v.funderFrom18,
    switchArrangedOn: v.switchArrangedOn,
    switchContact: v.switchContact,
  };
}

/**
 * The plan's records of one case as stored: the domains, BIG5, supporter and moves. `stored` is false
 * when nothing was ever written (the export then says so instead of listing empty domains).
 */
async function loadPlan(
  services: Pick<AppServices, 'db'>,
  caseId: string,
  dateOfBirth: string,
): Promise<{ record: FuturePlanRecord; facts: PlanFacts | null; stored: boolean }> {
  const db = planDb(services.db);
  const [plan, rows, big5Rows, moves] = await Promise.all([
    db.selectFrom('future_plans').selectAll().where('case_id', '=', caseId).executeTakeFirst(),
    db.selectFrom('future_plan_domains').selectAll().where('case_id', '=', caseId).execute(),
    db.selectFrom('future_plan_big5').selectAll().where('case_id', '=', caseId).execute(),
    db.selectFrom('future_plan_moves').selectAll().where('case_id', '=', caseId).orderBy('moved_on').execute(),
  ]);
  const byId = new Map(rows.map((r) => [r.domain, domainView(r)]));
  const domains = PLAN_DOMAINS.map((id) => byId.get(id) ?? emptyDomain(id));
  const derived = deriveBig5(domains.map(domainFacts));
  const confirmedBy = new Map(big5Rows.map((r) => [r.item, r]));
  const big5 = BIG5_ITEMS.map((item) => {
    const c = confirmedBy.get(item);
    return {
      item,
      derived: derived[item],
      confirmed: (c?.status as Big5Status | undefined) ?? null,
      confirmedByName: c?.confirmed_by_name ?? null,
      confirmedAt: c?.confirmed_at ?? null,
    };
  });
  const shown = Object.fromEntries(big5.map((b) => [b.item, b.confirmed ?? b.derived])) as Record<Big5Item, Big5Status>;
  const facts: PlanFacts | null = plan
    ? { updatedAt: new Date(plan.updated_at), domains: rows.map(domainFacts) }
    : null;
  const record: FuturePlanRecord = {
    caseId,
    eighteenOn: eighteenOn(dateOfBirth),
    supporterKind: (plan?.supporter_kind as SupporterKind | null | undefined) ?? null,
    supporterName: plan?.supporter_name ?? '',
    updatedAt: plan?.updated_at ?? null,
    domains,
    big5,
    allStable: allBig5Stable(shown),
    moves: moves.map((m) => ({
      id: m.id,
      movedOn: m.moved_on,
      newAddressKind: m.new_address_kind,
      reason: m.reason as MoveReason | null,
      explanation: m.explanation,
      nearEighteen: m.near_eighteen === 1,
      recordedByName: m.recorded_by_name,
      recordedAt: m.recorded_at,
    })),
  };
  const stored = plan !== undefined || rows.length > 0 || big5Rows.length > 0 || moves.length > 0;
  return { record, facts, stored };
}

/** The plan of one case as its reader may see it (the half-year check only for professionals). */
export async function readPlan(services: AppServices, scope: CaseScope): Promise<FuturePlanView> {
  const { record, facts } = await loadPlan(services, scope.caseId, scope.row.date_of_birth);
  const professional = PROFESSIONAL_VIEW_ROLES.has(scope.role);
  return {
    ...record,
    halfYearCheck: professional
      ? halfYearCheck(
          { dateOfBirth: scope.row.date_of_birth, closed: scope.row.closed_at !== null, plan: facts },
          scope.now,
        )
      : null,
    mayWrite: mayWrite(scope.role),
  };
}

/**
 * The plan's records for the case export (the young person's right to see everything about them):
 * null when no record was ever written. Without the half-year check (a municipal measure, not about them)
 * and without write rights (the export has no reader).
 */
export async function exportPlan(
  services: Pick<AppServices, 'db'>,
  caseId: string,
  dateOfBirth: string,
): Promise<FuturePlanRecord | null> {
  const { record, stored } = await loadPlan(services, caseId, dateOfBirth);
  return stored ? record : null;
}

/** Creates the plan's record if needed and stamps when and by whom it last changed. */
async function touchPlan(
  db: AppDb,
  scope: CaseScope,
  patch: { supporter_kind?: string | null; supporter_name?: string } = {},
) {
  const p = planDb(db);
  const at = scope.now.toISOString();
  const existing = await p
    .selectFrom('future_plans')
    .select('case_id')
    .where('case_id', '=', scope.caseId)
    .executeTakeFirst();
  if (existing) {
    await p
      .updateTable('future_plans')
      .set({ ...patch, updated_at: at, updated_by: scope.audit.actor.userId })
      .where('case_id', '=', scope.caseId)
      .execute();
  } else {
    await p
      .insertInto('future_plans')
      .values({
        case_id: scope.caseId,
        supporter_kind: patch.supporter_kind ?? null,
        supporter_name: patch.supporter_name ?? '',
        updated_at: at,
        updated_by: scope.audit.actor.userId,
      })
      .execute();
  }
}

function refuseClosed(scope: CaseScope) {
  if (scope.facts.closed) throw new Conflict('the case is closed', 'case_closed');
}

export async function writeDomain(
  services: AppServices,
  scope: CaseScope,
  domain: PlanDomain,
  body: PlanDomainBody,
): Promise<void> {
  const notAllowed = fieldsNotAllowed(scope.role, body);
  if (notAllowed.length > 0) {
    await scope.log('update', 'denied', `future plan domain ${domain}: ${notAllowed.join(', ')}`);
    throw new Forbidden(`a ${scope.role} does not write ${notAllowed.join(', ')}`, 'plan_field_forbidden');
  }
  if (Object.keys(body).length === 0) throw new Invalid('nothing to change');
  refuseClosed(scope);
  const at = scope.now.toISOString();
  const columns = {
    ...(body.situation !== undefined ? { situation: body.situation } : {}),
    ...(body.goal !== undefined ? { goal: body.goal } : {}),
    ...(body.service !== undefined ? { service: body.service } : {}),
    ...(body.funderNow !== undefined ? { funder_now: body.funderNow } : {}),
    ...(body.funderFrom18 !== undefined ? { funder_from_18: body.funderFrom18 } : {}),
    ...(body.switchArrangedOn !== undefined ? { switch_arranged_on: body.switchArrangedOn } : {}),
    ...(body.switchContact !== undefined ? { switch_contact: body.switchContact } : {}),
    ...(body.youthComment !== undefined ? { youth_comment: body.youthComment } : {}),
    updated_at: at,
    updated_by_name: scope.audit.actor.name,
  };
  await services.db.transaction().execute(async (trx) => {
    const db = planDb(trx as unknown as AppDb);
    const existing = await db
      .selectFrom('future_plan_domains')
      .select('domain')
      .where('case_id', '=', scope.caseId)
      .where('domain', '=', domain)
      .executeTakeFirst();
    if (existing) {
      await db
        .updateTable('future_plan_domains')
        .set(columns)
        .where('case_id', '=', scope.caseId)
        .where('domain', '=', domain)
        .execute();
    } else {
      await db
        .insertInto('future_plan_domains')
        .values({
          ...emptyRow(scope.caseId, domain),
          ...columns,
        })
        .execute();
    }
    await touchPlan(trx as unknown as AppDb, scope);
  });
  await scope.log('update', 'success', `future plan domain ${domain}: ${Object.keys(body).join(', ')}`);
}

function emptyRow(caseId: string, domain: PlanDomain): FuturePlanDomainsTable {
  return {
    case_id: caseId,
    domain,
    situation: '',
    goal: '',
    service: '',
    funder_now: null,
    funder_from_18: null,
    switch_arranged_on: null,
    switch_contact: '',
    youth_comment: '',
    updated_at: '',
    updated_by_name: '',
  };
}

export async function confirmBig5(services: AppServices, scope: CaseScope, body: Big5Body): Promise<void> {
  if (!PLAN_DIRECTORS.includes(scope.role)) {
    await scope.log('update', 'denied', `future plan BIG5 ${body.item}`);
    throw new Forbidden('only the local team (with the GI) confirms the BIG5', 'plan_field_forbidden');
  }
  refuseClosed(scope);
  const at = scope.now.toISOString();
  await services.db.transaction().execute(async (trx) => {
    const db = planDb(trx as unknown as AppDb);
    await db.deleteFrom('future_plan_big5').where('case_id', '=', scope.caseId).where('item', '=', body.item).execute();
    await db
      .insertInto('future_plan_big5')
      .values({
        case_id: scope.caseId,
        item: body.item,
        status: body.status,
        confirmed_by_name: scope.audit.actor.name,
        confirmed_at: at,
      })
      .execute();
    await touchPlan(trx as unknown as AppDb, scope);
  });
  await scope.log('update', 'success', `future plan BIG5 ${body.item}`);
}

export async function setSupporter(services: AppServices, scope: CaseScope, body: SupporterBody): Promise<void> {
  // The young person chooses their supporter; the director writes it down with them.
  if (!PLAN_DIRECTORS.includes(scope.role) && scope.role !== 'jeugdige') {
    await scope.log('update', 'denied', 'future plan supporter');
    throw new Forbidden('the director or the young person names the supporter', 'plan_field_forbidden');
  }
  refuseClosed(scope);
  await touchPlan(services.db, scope, { supporter_kind: body.kind, supporter_name: body.name });
  await scope.log('update', 'success', 'future plan supporter');
}

export async function recordMove(services: AppServices, scope: CaseScope, body: MoveBody): Promise<string> {
  if (!PLAN_MOVE_RECORDERS.includes(scope.role)) {
    await scope.log('create', 'denied', 'future plan move');
    throw new Forbidden('professionals who draft the plan record a move', 'plan_field_forbidden');
  }
  refuseClosed(scope);
  const dob = scope.row.date_of_birth;
  if (moveNeedsReason(dob, body)) {
    await scope.log('create', 'failure', 'future plan move: reason missing near 18');
    throw new Invalid('a move near the 18th birthday needs a reason and an explanation', 'move_reason_required');
  }
  const id = crypto.randomUUID();
  await services.db.transaction().execute(async (trx) => {
    await planDb(trx as unknown as AppDb)
      .insertInto('future_plan_moves')
      .values({
        id,
        case_id: scope.caseId,
        moved_on: body.movedOn,
        new_address_kind: body.newAddressKind ?? '',
        reason: body.reason ?? null,
        explanation: body.explanation ?? '',
        near_eighteen: moveNearEighteen(dob, body.movedOn) ? 1 : 0,
        recorded_by_name: scope.audit.actor.name,
        recorded_at: scope.now.toISOString(),
      })
      .execute();
    await touchPlan(trx as unknown as AppDb, scope);
  });
  await scope.log('create', 'success', 'future plan move');
  return id;
}

/** Destruction of a case: the plan's records are case content. */
export async function deleteCasePlan(db: AppDb, caseId: string): Promise<void> {
  const p = planDb(db);
  await p.deleteFrom('future_plan_domains').where('case_id', '=', caseId).execute();
  await p.deleteFrom('future_plan_big5').where('case_id', '=', caseId).execute();
  await p.deleteFrom('future_plan_moves').where('case_id', '=', caseId).execute();
  await p.deleteFrom('future_plans').where('case_id', '=', caseId).execute();
}

/** The case has a future plan by content: at least one life domain with situation and goal (planRules). */
export async function planExists(services: Pick<AppServices, 'db'>, caseId: string): Promise<boolean> {
  const rows = await planDb(services.db)
    .selectFrom('future_plan_domains')
    .select(['situation', 'goal'])
    .where('case_id', '=', caseId)
    .execute();
  return rows.some(domainDescribed);
}
