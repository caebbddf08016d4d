/**
 * The RET monitor (domain brief §6, issue 17): counts over the cases of one region, or of one
 * municipality — never a name, an id or case content. Labels come only from fixed lists: a stored value
 * outside a list counts as 'overig' / 'onbekend', never as itself (older free text may hold a name).
 * The tables and their suppression are in monitorTables.ts (pure); this file reads the facts and
 * decides who sees which scope:
 *   - the RET chair (procesregisseur) and the BEN-NH adviser: their own region (users.region);
 *   - a municipality (gemeente): only its own municipality (users.municipality).
 * Anything else is refused (403), and the refusal is logged like the read.
 */
import { createHash } from 'node:crypto';
import {
  isRegion,
  MONITOR_MUNICIPALITY_ROLES,
  MONITOR_REGION_ROLES,
  MONITOR_TABLES,
  type MonitorView,
  PROBLEM_CATEGORIES,
  type ProblemCategory,
  QUESTION_KINDS,
  REGISTRANTS,
  type Role,
} from '@samenspraak/shared';
import { decisionsDb } from '../decisions/decisionsDb.js';
import { SMALL_COUNT_THRESHOLD } from '../domain/smallCounts.js';
import { Forbidden } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { escalationDb } from './escalationDb.js';
import {
  buildScopedMonitor,
  type MonitorCaseFact,
  type MonitorFacts,
  municipalityKey,
  type ScopedMonitor,
} from './monitorTables.js';

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

const DAY = 24 * 3600 * 1000;
const days = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / DAY;
/** Three calendar months, as the West-Friesland proposal counts (`004`): 91 days is close enough for a count. */
const THREE_MONTHS_DAYS = 91;

/** How long the analysis took, from its request (or the registration) to its sign-off. */
export function analysisRow(requested: string, completed: string | null): string {
  if (!completed) return 'geen';
  const d = days(requested, completed);
  return d <= 42 ? 'binnen-6-weken' : d <= 84 ? '6-tot-12-weken' : 'na-12-weken';
}

/** A child-protection measure and the wait for fitting help (`004`: more than 3 months is counted). */
export function measureRow(measureStarted: string | null, helpStarted: string | null, now: Date): string {
  if (!measureStarted) return 'geen-maatregel';
  if (helpStarted)
    return days(measureStarted, helpStarted) <= THREE_MONTHS_DAYS ? 'hulp-binnen-3-maanden' : 'hulp-na-3-maanden';
  return days(measureStarted, now.toISOString()) <= THREE_MONTHS_DAYS ? 'wacht-korter' : 'wacht-langer';
}

/** How many years the monitor shows: the current one and the four before it. */
export const MONITOR_YEARS = 5;

export interface MonitorRequestScope {
  region: string;
  /** Set for a municipality's view: the municipality as its account names it. */
  municipality: string | null;
}

/**
 * The scope a person may see, or a refusal. `asked` is what the request names (?region=, ?municipality=);
 * asking for another region or municipality than one's own is refused, never silently narrowed.
 */
export function monitorScopeFor(
  user: { role: Role | null; region: string | null; municipality: string | null },
  asked: { region?: string; municipality?: string },
): MonitorRequestScope {
  const role = user.role;
  if (role && MONITOR_REGION_ROLES.includes(role)) {
    if (!user.region || !isRegion(user.region)) throw new Forbidden('this account has no region', 'no_region');
    if (asked.region !== undefined && asked.region !== user.region)
      throw new Forbidden('the monitor of another region', 'monitor_scope_forbidden');
    if (asked.municipality !== undefined)
      throw new Forbidden('a region role sees the region, not a municipality', 'monitor_scope_forbidden');
    return { region: user.region, municipality: null };
  }
  if (role && MONITOR_MUNICIPALITY_ROLES.includes(role)) {
    if (!user.municipality) throw new Forbidden('this account has no municipality', 'no_municipality');
    if (asked.municipality !== undefined && municipalityKey(asked.municipality) !== municipalityKey(user.municipality))
      throw new Forbidden('the monitor of another municipality', 'monitor_scope_forbidden');
    if (asked.region !== undefined)
      throw new Forbidden('a municipality sees its own figures, not a region', 'monitor_scope_forbidden');
    return { region: user.region ?? '', municipality: user.municipality };
  }
  throw new Forbidden('the monitor is for the RET, BEN-NH and the municipality');
}

/** The facts of one region (all its municipalities): what the tables are counted from. */
export async function monitorFacts(services: AppServices, region: string, now: Date): Promise<MonitorFacts> {
  const db = escalationDb(services.db);
  const rows = await db
    .selectFrom('cases')
    .selectAll()
    .where('destroyed_at', 'is', null)
    .where('region', '=', region)
    .execute();
  const ids = rows.map((c) => c.id);
  const municipalityOf = new Map(rows.map((c) => [c.id, c.municipality]));
  const reached = ids.length
    ? await db
        .selectFrom('escalation_steps')
        .select(['case_id', 'to_level'])
        .distinct()
        .where('case_id', 'in', ids)
        .execute()
    : [];
  const levels = new Map<string, Set<string>>();
  for (const r of reached) levels.set(r.case_id, (levels.get(r.case_id) ?? new Set()).add(r.to_level));
  const cases: MonitorCaseFact[] = rows.map((c) => {
    const lv = levels.get(c.id) ?? new Set();
    return {
      municipality: c.municipality,
      year: c.created_at.slice(0, 4),
      registrant: oneOf(REGISTRANTS, c.registered_by) ? c.registered_by : 'onbekend',
      questionKind: oneOf(QUESTION_KINDS, c.question_kind) ? c.question_kind : 'onbekend',
      problems: [...problemCategoriesOf(c.problem_categories)],
      school: c.attends_school === null ? 'onbekend' : c.attends_school === 1 ? 'ja' : 'nee',
      analysis: analysisRow(c.analysis_requested_at ?? c.created_at, c.analysis_completed_at),
      escalation: lv.has('dbt') ? 'dbt' : lv.has('ben-nh') ? 'ben-nh' : 'ret',
      measure: measureRow(c.measure_started_at, c.help_started_at, now),
    };
  });
  const commitments = ids.length
    ? (
        await db
          .selectFrom('commitments')
          .select(['case_id', 'created_at', 'due_at', 'met_at', 'released_at'])
          .where('case_id', 'in', ids)
          .execute()
      ).map((c) => ({
        municipality: municipalityOf.get(c.case_id) as string,
        year: c.created_at.slice(0, 4),
        row: c.met_at ? 'nagekomen' : c.released_at ? 'losgelaten' : c.due_at < now.toISOString() ? 'verlopen' : 'open',
      }))
    : [];
  const placements = ids.length
    ? (
        await decisionsDb(services.db)
          .selectFrom('placement_decisions')
          .select(['case_id', 'decided_at', 'follows_analysis'])
          .where('case_id', 'in', ids)
          .execute()
      ).map((d) => ({
        municipality: municipalityOf.get(d.case_id) as string,
        year: d.decided_at.slice(0, 4),
        row: d.follows_analysis === 1 ? 'volgt-analyse' : 'wijkt-af',
      }))
    : [];
  return { cases, commitments, placements };
}

export function monitorYears(now: Date): string[] {
  const y = now.getUTCFullYear();
  return Array.from({ length: MONITOR_YEARS }, (_, i) => String(y - MONITOR_YEARS + 1 + i));
}

/** Facts outside the shown years are left out (older cases are not counted, nor are their units). */
function withinYears(facts: MonitorFacts, years: readonly string[]): MonitorFacts {
  const ok = (y: string) => years.includes(y);
  return {
    cases: facts.cases.filter((c) => ok(c.year)),
    commitments: facts.commitments.filter((c) => ok(c.year)),
    placements: facts.placements.filter((c) => ok(c.year)),
  };
}

export async function buildMonitor(services: AppServices, scope: MonitorRequestScope): Promise<MonitorView> {
  const now = services.clock();
  const years = monitorYears(now);
  let region = scope.region;
  if (scope.municipality && !isRegion(region)) {
    // A municipality account without a region: the region its cases are registered in.
    const row = await escalationDb(services.db)
      .selectFrom('cases')
      .select('region')
      .where('destroyed_at', 'is', null)
      .where('municipality', '=', scope.municipality)
      .executeTakeFirst();
    region = row?.region ?? '';
  }
  const facts = withinYears(await monitorFacts(services, region, now), years);
  const scoped = cachedScopedMonitor(facts, years);
  const tables = scope.municipality
    ? (scoped.municipalities.get(municipalityKey(scope.municipality)) ?? buildScopedMonitor(EMPTY, years).region)
    : scoped.region;
  return {
    generatedAt: now.toISOString(),
    suppressedBelow: SMALL_COUNT_THRESHOLD,
    scope: { kind: scope.municipality ? 'gemeente' : 'regio', region, municipality: scope.municipality },
    years,
    tables,
  };
}

/**
 * Suppression of a region takes a few seconds; the same facts give the same tables, so the last few
 * results are kept (keyed by a hash of the facts: a new case, a new year or a changed fact misses).
 */
const CACHE = new Map<string, ScopedMonitor>();
function cachedScopedMonitor(facts: MonitorFacts, years: readonly string[]): ScopedMonitor {
  const key = createHash('sha256')
    .update(JSON.stringify([years, facts]))
    .digest('hex');
  const hit = CACHE.get(key);
  if (hit) return hit;
  const built = buildScopedMonitor(facts, years);
  CACHE.set(key, built);
  while (CACHE.size > 16) CACHE.delete(CACHE.keys().next().value as string);
  return built;
}

const EMPTY: MonitorFacts = { cases: [], commitments: [], placements: [] };

export { MONITOR_TABLES };
