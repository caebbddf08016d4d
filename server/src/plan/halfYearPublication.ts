/**
 * The half-year check's counts published through complementary suppression (issue 17 follow-up): one
 * system of equations over every region and every municipality, so that no count 1–4 can be derived —
 * not within a line (passing = total − failing), not between a check's line and the overall total, and
 * not by subtracting a region's line from the sum of its municipalities' lines (a RET chair and the
 * municipalities comparing notes). Pure: facts in, a publication per scope out; halfYearCounts.ts reads
 * the facts.
 *
 * Figure ids per scope S (a region 'R:<region>', a municipality within a region 'RM:<region>|<name>',
 * and — only when a municipality's cases lie in more than one region — 'M:<name>' over those):
 *   S#total, S#passing, S#failing            — the overall line (total = passing + failing)
 *   S#<check>|passing, S#<check>|failing      — per check; its total is S#total (the same cases)
 *   S#moves|<reason>                          — moves near 18 per reason (their sum is never a figure)
 * and a region's (or a multi-region municipality's) figure is the sum of the same figure of its parts.
 */
import { HALF_YEAR_CHECKS, type HalfYearCheck, type HalfYearCounts, MOVE_REASONS } from '@samenspraak/shared';
import { type CountEquation, type Publication, suppressSystem } from '../domain/complementarySuppression.js';
import { SMALL_COUNT_THRESHOLD } from '../domain/smallCounts.js';

export interface HalfYearFact {
  region: string;
  municipality: string;
  failing: readonly HalfYearCheck[];
}
export interface MoveFact {
  region: string;
  municipality: string;
  /** null: recorded before a reason was asked ('zonder_reden'). */
  reason: string | null;
}

export const MOVE_ROWS = [...MOVE_REASONS, 'zonder_reden'] as const;

const LINE_FIGURES = [
  'total',
  'passing',
  'failing',
  ...HALF_YEAR_CHECKS.flatMap((c) => [`${c}|passing`, `${c}|failing`]),
  ...MOVE_ROWS.map((r) => `moves|${r}`),
];

export interface HalfYearPublication {
  /** The published counts for a scope (a region, a municipality, or a municipality within a region). */
  counts(scope: { region: string | null; municipality: string | null }): HalfYearCounts;
  /** Every figure's status, for tests (ids as above). */
  status: ReadonlyMap<string, Publication>;
}

export function publishHalfYearSystem(
  facts: readonly HalfYearFact[],
  moves: readonly MoveFact[],
  /** Tests only: primary suppression alone, to show the attack finds what the system prevents. */
  options: { primaryOnly?: boolean } = {},
): HalfYearPublication {
  const regionsOf = new Map<string, Set<string>>();
  for (const f of [...facts, ...moves]) {
    const set = regionsOf.get(f.municipality) ?? new Set<string>();
    set.add(f.region);
    regionsOf.set(f.municipality, set);
  }
  const municipalitiesOf = new Map<string, Set<string>>();
  for (const [m, rs] of regionsOf)
    for (const r of rs) municipalitiesOf.set(r, (municipalitiesOf.get(r) ?? new Set()).add(m));
  const inRegion = (r: string, m: string) => `RM:${r}|${m}`;
  /** A municipality's own scope: its part in its one region, or the sum over its regions. */
  const ofMunicipality = (m: string) => {
    const rs = [...(regionsOf.get(m) ?? [])];
    return rs.length === 1 ? inRegion(rs[0] as string, m) : `M:${m}`;
  };

  const values = new Map<string, number>();
  const published = new Set<string>();
  const priority = new Map<string, number>();
  const equations: CountEquation[] = [];
  const declare = (scope: string, level: 'municipality' | 'region') => {
    for (const f of LINE_FIGURES) {
      const id = `${scope}#${f}`;
      values.set(id, 0);
      published.add(id);
      const isTotal = f === 'total';
      // A municipality's figures are hidden before the region's, cells before totals, the region's total last.
      priority.set(id, level === 'region' ? (isTotal ? 4 : 2) : isTotal ? 1 : 0);
    }
    equations.push({ total: `${scope}#total`, parts: [`${scope}#passing`, `${scope}#failing`] });
    for (const c of HALF_YEAR_CHECKS)
      equations.push({ total: `${scope}#total`, parts: [`${scope}#${c}|passing`, `${scope}#${c}|failing`] });
  };
  const sumOf = (total: string, parts: readonly string[]) => {
    for (const f of LINE_FIGURES) equations.push({ total: `${total}#${f}`, parts: parts.map((p) => `${p}#${f}`) });
  };
  for (const [r, ms] of municipalitiesOf) {
    declare(`R:${r}`, 'region');
    for (const m of ms) declare(inRegion(r, m), 'municipality');
    // Also with one municipality: the region's line and that municipality's line are then one figure.
    sumOf(
      `R:${r}`,
      [...ms].map((m) => inRegion(r, m)),
    );
  }
  for (const [m, rs] of regionsOf)
    if (rs.size > 1) {
      declare(`M:${m}`, 'municipality');
      sumOf(
        `M:${m}`,
        [...rs].map((r) => inRegion(r, m)),
      );
    }
  // Count each fact in its region-municipality part, its region, and its multi-region municipality.
  const scopesOf = (f: { region: string; municipality: string }) => {
    const out = [inRegion(f.region, f.municipality), `R:${f.region}`];
    if ((regionsOf.get(f.municipality)?.size ?? 0) > 1) out.push(`M:${f.municipality}`);
    return out;
  };
  const add = (id: string) => values.set(id, (values.get(id) as number) + 1);
  for (const f of facts)
    for (const s of scopesOf(f)) {
      add(`${s}#total`);
      add(`${s}#${f.failing.length > 0 ? 'failing' : 'passing'}`);
      for (const c of HALF_YEAR_CHECKS) add(`${s}#${c}|${f.failing.includes(c) ? 'failing' : 'passing'}`);
    }
  for (const mv of moves) {
    const row = mv.reason && (MOVE_ROWS as readonly string[]).includes(mv.reason) ? mv.reason : 'zonder_reden';
    for (const s of scopesOf(mv)) add(`${s}#moves|${row}`);
  }

  const status: Map<string, Publication> = options.primaryOnly
    ? new Map(
        [...published].map((v): [string, Publication] => {
          const n = values.get(v) as number;
          return [v, n > 0 && n < SMALL_COUNT_THRESHOLD ? '<5' : 'shown'];
        }),
      )
    : suppressSystem({ values, published, equations, priority });
  const fig = (id: string) => {
    const s = status.get(id);
    if (s === undefined) return 0; // a scope without any case: nothing to count
    return s === 'shown' ? (values.get(id) as number) : s;
  };
  const lineOf = (scope: string, prefix = '') => ({
    total: fig(`${scope}#total`),
    passing: fig(`${scope}#${prefix}passing`),
    failing: fig(`${scope}#${prefix}failing`),
  });
  const sorted = (xs: Iterable<string>) => [...xs].sort((a, b) => a.localeCompare(b, 'nl'));

  return {
    status,
    counts(scope) {
      const { region, municipality } = scope;
      let own: string;
      let perMunicipality: HalfYearCounts['perMunicipality'];
      let perRegion: HalfYearCounts['perRegion'];
      if (region && municipality) {
        own = inRegion(region, municipality);
        const has = municipalitiesOf.get(region)?.has(municipality) ?? false;
        perMunicipality = has ? [{ municipality, ...lineOf(own) }] : [];
        perRegion = has ? [{ region, ...lineOf(own) }] : [];
      } else if (region) {
        own = `R:${region}`;
        const ms = municipalitiesOf.get(region);
        perMunicipality = sorted(ms ?? []).map((m) => ({ municipality: m, ...lineOf(inRegion(region, m)) }));
        perRegion = ms ? [{ region, ...lineOf(own) }] : [];
      } else if (municipality) {
        own = ofMunicipality(municipality);
        const rs = regionsOf.get(municipality);
        perMunicipality = rs ? [{ municipality, ...lineOf(own) }] : [];
        perRegion = sorted(rs ?? []).map((r) => ({ region: r, ...lineOf(inRegion(r, municipality)) }));
      } else {
        throw new RangeError('the half-year counts are published for a region or a municipality');
      }
      return {
        scope,
        overall: lineOf(own),
        perCheck: Object.fromEntries(
          HALF_YEAR_CHECKS.map((c) => [c, lineOf(own, `${c}|`)]),
        ) as HalfYearCounts['perCheck'],
        perMunicipality,
        perRegion,
        movesNearEighteen: Object.fromEntries(MOVE_ROWS.map((r) => [r, fig(`${own}#moves|${r}`)])),
        suppressedBelow: SMALL_COUNT_THRESHOLD,
      };
    },
  };
}
