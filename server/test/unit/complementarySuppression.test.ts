/**
 * Complementary suppression (issue 17): every rule on small systems, then the monitor's own tables for
 * random and adversarial data, attacked by an attacker written apart from the suppression code
 * (support/monitorAttack.ts): subtraction chains over every published relation and interval bounds.
 */
import { MONITOR_TABLES, type MonitorTable } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/admin/commands/demoRegion.js';
import {
  type CountSystem,
  linearlyDetermined,
  revealedSmallCounts,
  suppressSystem,
} from '../../src/domain/complementarySuppression.js';
import { buildScopedMonitor, type MonitorFacts } from '../../src/escalation/monitorTables.js';
import { attackOf, derivedSmallCounts } from '../support/monitorAttack.js';

function system(
  values: Record<string, number>,
  equations: Array<[string, string[]]>,
  published?: string[],
): CountSystem {
  return {
    values: new Map(Object.entries(values)),
    published: new Set(published ?? Object.keys(values)),
    equations: equations.map(([total, parts]) => ({ total, parts })),
  };
}
const statusOf = (s: CountSystem) => Object.fromEntries(suppressSystem(s));

describe('primary suppression', () => {
  it('shows 0 and 5 and more; 1–4 is "<5"', () => {
    const s = system({ a: 0, b: 1, c: 4, d: 5, e: 12 }, []);
    expect(statusOf(s)).toEqual({ a: 'shown', b: '<5', c: '<5', d: 'shown', e: 'shown' });
  });

  it('refuses what is not a count, and equations that do not add up', () => {
    expect(() => suppressSystem(system({ a: -1 }, []))).toThrow(RangeError);
    expect(() => suppressSystem(system({ a: 1.5 }, []))).toThrow(RangeError);
    expect(() => suppressSystem(system({ t: 5, a: 2, b: 2 }, [['t', ['a', 'b']]]))).toThrow(/sum/);
  });
});

describe('complementary suppression in one line', () => {
  it('hides one more cell when total − the other cells gives the small one', () => {
    const s = system({ t: 13, a: 3, b: 10 }, [['t', ['a', 'b']]]);
    const st = statusOf(s);
    expect(st.a).toBe('<5');
    expect(st.b === 'hidden' || st.t === 'hidden').toBe(true);
    expect(revealedSmallCounts(s, suppressSystem(s))).toEqual([]);
  });

  it('hides a cell before the total (cells are cheaper), the smallest non-zero first', () => {
    const s = system({ t: 33, a: 3, b: 10, c: 20, z: 0 }, [['t', ['a', 'b', 'c', 'z']]]);
    s.priority = new Map([['t', 1]]);
    expect(statusOf(s)).toEqual({ t: 'shown', a: '<5', b: 'hidden', c: 'shown', z: 'shown' });
  });

  it('two small cells protect each other when no bound pins them', () => {
    const s = system({ t: 17, a: 2, b: 3, c: 12 }, [['t', ['a', 'b', 'c']]]);
    expect(statusOf(s)).toEqual({ t: 'shown', a: '<5', b: '<5', c: 'shown' });
  });

  it('bounds: total 5 with two "<5" cells … (1+4, 2+3) is not pinned, but total 2 with "<5" and 0-hidden would be', () => {
    const s = system({ t: 5, a: 1, b: 4 }, [['t', ['a', 'b']]]);
    expect(revealedSmallCounts(s, suppressSystem(s))).toEqual([]);
    // Total 8 = '<5' + '<5' pins both to 4: the bound attack sees it, so one more is hidden.
    const pinned = system({ t: 8, a: 4, b: 4 }, [['t', ['a', 'b']]]);
    const primaryOnly = new Map([
      ['t', 'shown' as const],
      ['a', '<5' as const],
      ['b', '<5' as const],
    ]);
    expect(revealedSmallCounts(pinned, primaryOnly)).toEqual(['a', 'b']);
    // A '<5' marker turned 'hidden' costs the reader less than the total: one marker goes, the total stays.
    const st = statusOf(pinned);
    expect(st.t).toBe('shown');
    expect([st.a, st.b].sort()).toEqual(['<5', 'hidden']);
    expect(revealedSmallCounts(pinned, suppressSystem(pinned))).toEqual([]);
  });

  it('a line of "<5" markers pinned by its total: one marker becomes hidden, the total stays', () => {
    // Five cases, each in its own cell: every cell is "<5", the total 5 with 1,1,1,1,1 — the bounds
    // (each ≥ 1, five cells) pin every cell to 1; hiding one marker (≥ 0) lets the others be 1 or 2.
    const s = system({ t: 5, a: 1, b: 1, c: 1, d: 1, e: 1 }, [['t', ['a', 'b', 'c', 'd', 'e']]]);
    const st = statusOf(s);
    expect(st.t).toBe('shown');
    expect(Object.values(st).filter((v) => v === 'hidden')).toHaveLength(1);
    expect(revealedSmallCounts(s, suppressSystem(s))).toEqual([]);
  });
});

describe('across tables and what is never published', () => {
  it('a total published in one table and its parts in another cannot be subtracted', () => {
    // Table A: registrants (gi 3, team 9) → total 12; table B: the same total by school (ja 7, nee 5).
    const s = system({ n: 12, gi: 3, team: 9, ja: 7, nee: 5 }, [
      ['n', ['gi', 'team']],
      ['n', ['ja', 'nee']],
    ]);
    const st = statusOf(s);
    expect(st.gi).toBe('<5');
    expect(revealedSmallCounts(s, suppressSystem(s))).toEqual([]);
    // Hiding 'team' suffices (n stays, ja/nee do not involve gi).
    expect(st.team).toBe('hidden');
    expect(st.n).toBe('shown');
  });

  it('a chain of subtractions through two tables is found and cut', () => {
    // r1 = a + b, r2 = c + d, a + c = k1, b + d = k2 (a 2×2 table): hiding only a lets a = r1 − b.
    const s = system({ r1: 10, r2: 20, k1: 13, k2: 17, t: 30, a: 3, b: 7, c: 10, d: 10 }, [
      ['r1', ['a', 'b']],
      ['r2', ['c', 'd']],
      ['k1', ['a', 'c']],
      ['k2', ['b', 'd']],
      ['t', ['r1', 'r2']],
      ['t', ['k1', 'k2']],
    ]);
    const status = suppressSystem(s);
    expect(revealedSmallCounts(s, status)).toEqual([]);
    // The classic pattern: four cells of a rectangle hidden (a, b, c, d), the margins stay.
    expect([...status].filter(([, v]) => v !== 'shown').length).toBeGreaterThanOrEqual(4);
  });

  it('an unpublished complement (total − cell) is protected like a cell', () => {
    // 20 cases, 17 with a problem: 3 without it would be 20 − 17.
    const s = system({ n: 20, withX: 17, withoutX: 3 }, [['n', ['withX', 'withoutX']]], ['n', 'withX']);
    const status = suppressSystem(s);
    expect(revealedSmallCounts(s, status)).toEqual([]);
    expect(status.get('withX')).toBe('hidden');
  });

  it('the linear check sees combinations no single equation shows', () => {
    // x = (a + b) − (b + c) + c: with a+b, b+c published and c known, a follows.
    const eqs = [
      { total: 's1', parts: ['a', 'b'] },
      { total: 's2', parts: ['b', 'c'] },
    ];
    expect([...linearlyDetermined(eqs, new Set(['a', 'b']))].sort()).toEqual(['a', 'b']);
    expect([...linearlyDetermined(eqs, new Set(['a', 'b', 'c']))]).toEqual([]);
  });
});

// ---- the monitor's own tables -------------------------------------------------------------------

const YEARS = ['2022', '2023', '2024', '2025', '2026'];
const ROWS = (t: keyof typeof MONITOR_TABLES) => MONITOR_TABLES[t].rows as readonly string[];

function randomFacts(seed: number, n: number, municipalities: readonly string[], skew = 1): MonitorFacts {
  const rnd = seededRandom(seed);
  // Skewed picks: most mass on the first rows, so many cells are 1–4 (the hard case).
  const any = <T>(list: readonly T[]): T =>
    list[Math.min(list.length - 1, Math.floor(rnd() ** skew * list.length))] as T;
  const cases = Array.from({ length: n }, () => ({
    municipality: any(municipalities),
    year: any(YEARS),
    registrant: any(ROWS('aanmelders')),
    questionKind: any(ROWS('vraag')),
    problems: ROWS('problemen').filter(() => rnd() < 0.3),
    school: any(['ja', 'nee', 'onbekend'] as const),
    analysis: any(ROWS('analyse')),
    escalation: any(ROWS('escalatie')),
    measure: any(ROWS('maatregel')),
  }));
  const units = (rows: readonly string[], k: number) =>
    Array.from({ length: k }, () => ({ municipality: any(municipalities), year: any(YEARS), row: any(rows) }));
  return {
    cases,
    commitments: units(ROWS('toezeggingen'), Math.floor(n / 8)),
    placements: units(ROWS('plaatsingen'), Math.floor(n / 6)),
  };
}

function publications(facts: MonitorFacts, primaryOnly = false): Map<string, MonitorTable[]> {
  const scoped = buildScopedMonitor(facts, YEARS, { primaryOnly });
  return new Map([
    ['R', scoped.region],
    ...[...scoped.municipalities].map(([k, t]): [string, MonitorTable[]] => [`M:${k}`, t]),
  ]);
}

const shownNumbers = (tables: MonitorTable[]) =>
  tables
    .flatMap((t) => [...t.cells.flat(), ...t.rowTotals, ...(t.columnTotals ?? []), t.grandTotal])
    .filter((v) => typeof v === 'number');

describe('the attack on the monitor tables', () => {
  it('finds small counts when only primary suppression is applied (the attacker works)', () => {
    const revealed = derivedSmallCounts(attackOf(publications(randomFacts(1, 60, ['A', 'B']), true)));
    expect(revealed.size).toBeGreaterThan(0);
  });

  it.each([
    ['one municipality, 40 cases', 2, 40, ['A'], 1],
    ['three municipalities, 120 cases', 3, 120, ['A', 'B', 'C'], 1],
    ['skewed: most cases in one cell, a municipality with a single case', 4, 80, ['A', 'A', 'A', 'A', 'B'], 3],
    ['very sparse: 7 cases over 4 municipalities', 5, 7, ['A', 'B', 'C', 'D'], 1],
    ['exactly 5 cases', 6, 5, ['A'], 1],
    ['one case', 7, 1, ['A'], 1],
  ] as const)('%s: no count 1–4 can be derived', (_, seed, n, munis, skew) => {
    const pubs = publications(randomFacts(seed, n, munis, skew));
    expect([...derivedSmallCounts(attackOf(pubs))]).toEqual([]);
  });

  it('random data, 12 seeds: no count 1–4 can be derived, by chains or by bounds', () => {
    for (let seed = 100; seed < 112; seed += 1) {
      const rnd = seededRandom(seed);
      const munis = ['A', 'B', 'C', 'D'].slice(0, 1 + Math.floor(rnd() * 4));
      const pubs = publications(randomFacts(seed, 10 + Math.floor(rnd() * 150), munis, 1 + rnd() * 2));
      expect([...derivedSmallCounts(attackOf(pubs))], `seed ${seed}`).toEqual([]);
    }
  });

  it('a region the size of West-Friesland in 2024 keeps most of its figures readable', () => {
    const pubs = publications(randomFacts(42, 176, ['Hoorn', 'Enkhuizen', 'Medemblik', 'Koggenland']));
    const region = pubs.get('R') as MonitorTable[];
    const all = region.flatMap((t) => [...t.cells.flat(), ...t.rowTotals, ...(t.columnTotals ?? []), t.grandTotal]);
    expect(shownNumbers(region).length / all.length).toBeGreaterThan(0.4);
    expect([...derivedSmallCounts(attackOf(pubs))]).toEqual([]);
  });

  it('labels are only the fixed lists, whatever the data says', () => {
    const facts = randomFacts(9, 30, ['A']);
    const pubs = publications(facts);
    for (const t of pubs.get('R') as MonitorTable[]) {
      const def = MONITOR_TABLES[t.id as keyof typeof MONITOR_TABLES];
      expect(t.rows).toEqual([...def.rows]);
      for (const label of t.rowLabels) expect(Object.values(def.labels)).toContain(label);
    }
    const bad = {
      ...facts,
      cases: [{ ...(facts.cases[0] as MonitorFacts['cases'][number]), registrant: 'Noor Jansen' }],
    };
    expect(() => buildScopedMonitor(bad, YEARS)).toThrow(RangeError);
  });
});
