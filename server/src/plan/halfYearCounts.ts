/**
 * The municipality's half-year check over many cases: counts only (per check, per municipality, per
 * region) for the policy officer and the RET/BEN, and — for a professional — the failing cases they are
 * on. Counts are computed from content by planRules.ts; published counts go through complementary
 * suppression over all regions and municipalities at once (halfYearPublication.ts).
 */
import {
  CASE_PROFESSIONALS,
  HALF_YEAR_CHECKS,
  type HalfYearCheck,
  type HalfYearCounts,
  type HalfYearFailingResponse,
  MOVE_REASONS,
  type Role,
} from '@samenspraak/shared';
import type { AppServices } from '../services.js';
import { domainFacts } from './futurePlans.js';
import { type MoveFact, publishHalfYearSystem } from './halfYearPublication.js';
import { planDb } from './planDb.js';
import { failingChecks, halfYearCheck, type PlanFacts } from './planRules.js';

export interface CountLine {
  total: number;
  passing: number;
  failing: number;
}

export interface RawHalfYearCounts {
  overall: CountLine;
  perCheck: Record<HalfYearCheck, CountLine>;
  perMunicipality: (CountLine & { municipality: string })[];
  perRegion: (CountLine & { region: string })[];
  /** Moves within 6 months of the 18th birthday, per reason ('zonder_reden': recorded before the rule). */
  movesNearEighteen: Record<string, number>;
}

interface Checked {
  caseId: string;
  name: string;
  municipality: string;
  region: string;
  failing: HalfYearCheck[];
  domainsNotEngaged: string[];
}

/** Every open case of 16+ in scope with its half-year check. */
async function checkedCases(
  services: AppServices,
  scope: { region?: string | null; municipality?: string | null; caseIds?: readonly string[] },
  now: Date,
): Promise<Checked[]> {
  const db = planDb(services.db);
  let q = db
    .selectFrom('cases')
    .select(['id', 'young_person_name', 'date_of_birth', 'municipality', 'region', 'closed_at'])
    .where('destroyed_at', 'is', null)
    .where('closed_at', 'is', null);
  if (scope.region) q = q.where('region', '=', scope.region);
  if (scope.municipality) q = q.where('municipality', '=', scope.municipality);
  if (scope.caseIds) {
    if (scope.caseIds.length === 0) return [];
    q = q.where('id', 'in', [...scope.caseIds]);
  }
  const cases = await q.execute();
  if (cases.length === 0) return [];
  const [plans, domains] = await Promise.all([
    db.selectFrom('future_plans').select(['case_id', 'updated_at']).execute(),
    db.selectFrom('future_plan_domains').selectAll().execute(),
  ]);
  const planAt = new Map(plans.map((p) => [p.case_id, p.updated_at]));
  const domainsOf = new Map<string, typeof domains>();
  for (const d of domains) domainsOf.set(d.case_id, [...(domainsOf.get(d.case_id) ?? []), d]);
  const out: Checked[] = [];
  for (const c of cases) {
    const at = planAt.get(c.id);
    const plan: PlanFacts | null = at
      ? { updatedAt: new Date(at), domains: (domainsOf.get(c.id) ?? []).map(domainFacts) }
      : null;
    const result = halfYearCheck({ dateOfBirth: c.date_of_birth, closed: c.closed_at !== null, plan }, now);
    if (!result.applies) continue;
    out.push({
      caseId: c.id,
      name: c.young_person_name,
      municipality: c.municipality,
      region: c.region,
      failing: failingChecks(result),
      domainsNotEngaged: result.domainsNotEngaged,
    });
  }
  return out;
}

function line(list: readonly Checked[], failed: (c: Checked) => boolean): CountLine {
  const failing = list.filter(failed).length;
  return { total: list.length, passing: list.length - failing, failing };
}

function grouped<K extends 'municipality' | 'region'>(list: readonly Checked[], key: K) {
  const groups = new Map<string, Checked[]>();
  for (const c of list) groups.set(c[key], [...(groups.get(c[key]) ?? []), c]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'nl'))
    .map(([name, cs]) => ({ [key]: name, ...line(cs, (c) => c.failing.length > 0) }) as CountLine & Record<K, string>);
}

/**
 * The half-year check's counts for a region and/or municipality (both absent: everywhere). Raw numbers
 * for the server's own use (the monitor publishes them through `publishHalfYearCounts`).
 */
export async function halfYearCheckCounts(
  services: AppServices,
  scope: { region?: string | null; municipality?: string | null } = {},
  now: Date = services.clock(),
): Promise<RawHalfYearCounts> {
  const list = await checkedCases(services, scope, now);
  const perCheck = Object.fromEntries(
    HALF_YEAR_CHECKS.map((check) => [check, line(list, (c) => c.failing.includes(check))]),
  ) as Record<HalfYearCheck, CountLine>;
  return {
    overall: line(list, (c) => c.failing.length > 0),
    perCheck,
    perMunicipality: grouped(list, 'municipality'),
    perRegion: grouped(list, 'region'),
    movesNearEighteen: await movesNearEighteenCounts(services, scope),
  };
}

/** Moves recorded within 6 months of the 18th birthday, per reason, in the scope (for the monitor). */
export async function movesNearEighteenCounts(
  services: AppServices,
  scope: { region?: string | null; municipality?: string | null } = {},
): Promise<Record<string, number>> {
  let q = planDb(services.db)
    .selectFrom('future_plan_moves')
    .innerJoin('cases', 'cases.id', 'future_plan_moves.case_id')
    .select(['future_plan_moves.reason as reason'])
    .where('future_plan_moves.near_eighteen', '=', 1)
    .where('cases.destroyed_at', 'is', null);
  if (scope.region) q = q.where('cases.region', '=', scope.region);
  if (scope.municipality) q = q.where('cases.municipality', '=', scope.municipality);
  const rows = await q.execute();
  const counts: Record<string, number> = Object.fromEntries([...MOVE_REASONS, 'zonder_reden'].map((r) => [r, 0]));
  for (const r of rows) {
    const k = r.reason ?? 'zonder_reden';
    counts[k] = (counts[k] ?? 0) + 1;
  }
  return counts;
}

/**
 * The published counts for a scope: computed from every open case of 16+ and every move near 18
 * everywhere, suppressed as ONE system (halfYearPublication.ts), so that a region's publication and its
 * municipalities' publications together reveal no count 1–4.
 */
export async function publishedHalfYearCounts(
  services: AppServices,
  scope: { region: string | null; municipality: string | null },
  now: Date = services.clock(),
): Promise<HalfYearCounts> {
  const [list, moves] = await Promise.all([checkedCases(services, {}, now), moveFacts(services)]);
  return publishHalfYearSystem(list, moves).counts(scope);
}

async function moveFacts(services: AppServices): Promise<MoveFact[]> {
  return planDb(services.db)
    .selectFrom('future_plan_moves')
    .innerJoin('cases', 'cases.id', 'future_plan_moves.case_id')
    .select(['future_plan_moves.reason as reason', 'cases.region as region', 'cases.municipality as municipality'])
    .where('future_plan_moves.near_eighteen', '=', 1)
    .where('cases.destroyed_at', 'is', null)
    .execute();
}

/** The failing half-year checks of the open cases of 16+ that `userId` takes part in as a professional. */
export async function failingCasesOf(
  services: AppServices,
  userId: string,
  now: Date = services.clock(),
): Promise<HalfYearFailingResponse['cases']> {
  const rows = await planDb(services.db)
    .selectFrom('participants')
    .select(['case_id', 'role', 'access_until'])
    .where('user_id', '=', userId)
    .execute();
  const caseIds = rows
    .filter((r) => CASE_PROFESSIONALS.includes(r.role as Role))
    .filter((r) => !r.access_until || r.access_until > now.toISOString())
    .map((r) => r.case_id);
  const list = await checkedCases(services, { caseIds }, now);
  return list
    .filter((c) => c.failing.length > 0)
    .map((c) => ({
      caseId: c.caseId,
      youngPersonName: c.name,
      failing: c.failing,
      domainsNotEngaged: c.domainsNotEngaged as HalfYearFailingResponse['cases'][number]['domainsNotEngaged'],
    }));
}
