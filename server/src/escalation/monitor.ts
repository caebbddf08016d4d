/**
 * The RET monitor (domain brief §6): counts over all cases for the municipality and the RET — never a
 * name, an id or case content. Every count below 5 is shown as "<5" so that no child can be recognised
 * from a small cell (a region with two DBT cases in a year is one phone call away from a name).
 */
import type { SuppressedCount } from '@samenspraak/shared';
import { ageOn } from '../domain/age.js';
import { caseClocks } from '../domain/clocks.js';
import type { AppServices } from '../services.js';
import { escalationDb } from './escalationDb.js';
import { clockFacts } from './escalationState.js';

export const SUPPRESS_BELOW = 5;

export function suppress(n: number): SuppressedCount {
  return n < SUPPRESS_BELOW ? '<5' : n;
}

type Counts = Record<string, number>;

function bump(counts: Counts, key: string): void {
  counts[key] = (counts[key] ?? 0) + 1;
}

function suppressAll(counts: Counts): Record<string, SuppressedCount> {
  return Object.fromEntries(Object.entries(counts).map(([k, n]) => [k, suppress(n)]));
}

function parseCategories(json: string): string[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

export async function buildMonitor(services: AppServices) {
  const now = services.clock();
  const db = escalationDb(services.db);
  const cases = await db.selectFrom('cases').selectAll().where('destroyed_at', 'is', null).execute();
  const reached = await db.selectFrom('escalation_steps').select(['case_id', 'to_level']).distinct().execute();
  const reachedLevel = (level: string) => new Set(reached.filter((r) => r.to_level === level).map((r) => r.case_id));
  const ben = reachedLevel('ben-nh');
  const dbt = reachedLevel('dbt');

  const perRegionYear: Counts = {};
  const registeredBy: Counts = {};
  const problems: Counts = {};
  const school: Counts = {};
  const benNh: Counts = {};
  const dbtReferrals: Counts = {};
  const overdueClocks: Counts = {};
  const halfYear: Counts = {};
  for (const c of cases) {
    const year = c.created_at.slice(0, 4);
    bump(perRegionYear, `${c.region} ${year}`);
    bump(registeredBy, c.registered_by ?? 'onbekend');
    for (const p of new Set(parseCategories(c.problem_categories))) bump(problems, p);
    bump(school, c.attends_school === null ? 'onbekend' : c.attends_school === 1 ? 'ja' : 'nee');
    if (ben.has(c.id)) bump(benNh, year);
    if (dbt.has(c.id)) bump(dbtReferrals, year);
    const facts = await clockFacts(services, c);
    for (const n of caseClocks(facts, now)) if (n.overdue) bump(overdueClocks, n.kind);
    // The half-year check: every open case of a young person aged 16+ — is there a future plan?
    if (!facts.closed && ageOn(c.date_of_birth, now) >= 16)
      bump(halfYear, facts.hasFuturePlan ? 'metPlan' : 'zonderPlan');
  }
  return {
    generatedAt: now.toISOString(),
    suppressedBelow: SUPPRESS_BELOW,
    total: suppress(cases.length),
    casesPerRegionAndYear: suppressAll(perRegionYear),
    registeredBy: suppressAll(registeredBy),
    problemCategories: suppressAll(problems),
    attendsSchool: suppressAll(school),
    benNhInvolvementPerYear: suppressAll(benNh),
    dbtReferralsPerYear: suppressAll(dbtReferrals),
    overdueClocks: suppressAll(overdueClocks),
    futurePlanHalfYearCheck: suppressAll(halfYear),
  };
}
