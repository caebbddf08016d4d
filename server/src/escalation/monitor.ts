/**
 * The RET monitor (domain brief §6): counts over all cases for the municipality and the RET — never a
 * name, an id or case content. Labels come only from fixed lists (regions, registrants, problem
 * categories): a stored value outside a list is counted as 'overig' / 'onbekend', never shown as itself,
 * since older free text may hold a child's name. Small counts follow `domain/smallCounts.ts`: 1–4 is
 * "<5", and the lines that add up to the published total get complementary suppression, so no "<5" can
 * be recomputed from the total (a region with two DBT cases in a year is one phone call from a name).
 */
import type { MonitorView } from '@samenspraak/shared';
import {
  PROBLEM_CATEGORIES,
  type ProblemCategory,
  REGIONS,
  REGISTRANTS,
  type SuppressedCount,
} from '@samenspraak/shared';
import { decisionsDb } from '../decisions/decisionsDb.js';
import { ageOn } from '../domain/age.js';
import { caseClocks } from '../domain/clocks.js';
import { SMALL_COUNT_THRESHOLD, suppressCount, suppressLine } from '../domain/smallCounts.js';
import type { AppServices } from '../services.js';
import { escalationDb } from './escalationDb.js';
import { clockFacts } from './escalationState.js';

type Counts = Record<string, number>;

/** Counts with every key of `keys` present (0 when none), so a zero can be hidden as well as shown. */
function zeros(keys: readonly string[]): Counts {
  return Object.fromEntries(keys.map((k) => [k, 0]));
}

function bump(counts: Counts, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function suppressAll(counts: Counts): Record<string, SuppressedCount> {
  return Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, suppressCount(n)]));
}

const oneOf = <T extends string>(list: readonly T[], value: unknown): value is T =>
  typeof value === 'string' && (list as readonly string[]).includes(value);

/** The case's categories mapped onto the fixed list; anything else, once, as 'overig'. */
export function problemCategoriesOf(json: string): Set<ProblemCategory> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return new Set();
  }
  if (!Array.isArray(parsed)) return new Set();
  return new Set(parsed.map((p) => (oneOf(PROBLEM_CATEGORIES, p) ? p : 'overig')));
}

export async function buildMonitor(services: AppServices): Promise<MonitorView> {
  const now = services.clock();
  const db = escalationDb(services.db);
  const cases = await db.selectFrom('cases').selectAll().where('destroyed_at', 'is', null).execute();
  const reached = await db.selectFrom('escalation_steps').select(['case_id', 'to_level']).distinct().execute();
  const reachedLevel = (level: string) => new Set(reached.filter((r) => r.to_level === level).map((r) => r.case_id));
  const ben = reachedLevel('ben-nh');
  const dbt = reachedLevel('dbt');

  const perRegionYear: Counts = {};
  const registeredBy: Counts = zeros([...REGISTRANTS, 'onbekend']);
  const problems: Counts = zeros(PROBLEM_CATEGORIES);
  const school: Counts = zeros(['ja', 'nee', 'onbekend']);
  const benNh: Counts = {};
  const dbtReferrals: Counts = {};
  const overdueClocks: Counts = {};
  const halfYear: Counts = {};
  for (const c of cases) {
    const year = c.created_at.slice(0, 4);
    bump(perRegionYear, `${oneOf(REGIONS, c.region) ? c.region : 'onbekend'} ${year}`);
    bump(registeredBy, oneOf(REGISTRANTS, c.registered_by) ? c.registered_by : 'onbekend');
    for (const p of problemCategoriesOf(c.problem_categories)) bump(problems, p);
    bump(school, c.attends_school === null ? 'onbekend' : c.attends_school === 1 ? 'ja' : 'nee');
    if (ben.has(c.id)) bump(benNh, year);
    if (dbt.has(c.id)) bump(dbtReferrals, year);
    const facts = await clockFacts(services, c);
    for (const n of caseClocks(facts, now)) if (n.overdue) bump(overdueClocks, n.kind);
    // The half-year check: every open case of a young person aged 16+ — is there a future plan?
    if (!facts.closed && ageOn(c.date_of_birth, now) >= 16)
      bump(halfYear, facts.hasFuturePlan ? 'metPlan' : 'zonderPlan');
  }
  // Binding advice (002): how many placement decisions followed the analysis and how many departed from it.
  const placements: Counts = {};
  const live = new Set(cases.map((c) => c.id));
  const decisions = await decisionsDb(services.db)
    .selectFrom('placement_decisions')
    .select(['case_id', 'decided_at', 'follows_analysis'])
    .execute();
  for (const d of decisions)
    if (live.has(d.case_id))
      bump(placements, `${d.decided_at.slice(0, 4)} ${d.follows_analysis === 1 ? 'volgt analyse' : 'wijkt af'}`);
  return {
    generatedAt: now.toISOString(),
    suppressedBelow: SMALL_COUNT_THRESHOLD,
    total: suppressCount(cases.length),
    // These three lines add up to the total, so they are suppressed as lines.
    casesPerRegionAndYear: suppressLine(perRegionYear, cases.length),
    registeredBy: suppressLine(registeredBy, cases.length),
    attendsSchool: suppressLine(school, cases.length),
    // A case can have several categories (and overdue clocks): no sum to subtract from.
    problemCategories: suppressAll(problems),
    benNhInvolvementPerYear: suppressAll(benNh),
    dbtReferralsPerYear: suppressAll(dbtReferrals),
    overdueClocks: suppressAll(overdueClocks),
    futurePlanHalfYearCheck: suppressAll(halfYear),
    placementDecisionsPerYear: suppressAll(placements),
  };
}
