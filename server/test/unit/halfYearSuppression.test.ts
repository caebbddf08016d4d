/**
 * The half-year check's counts (issue 17 follow-up) are published through the same complementary
 * suppression as the monitor: a region and its municipalities as one system. Attacked by the
 * independent attacker (support/monitorAttack.ts): subtraction chains and bounds over what a RET chair
 * and every municipality of the region read together.
 */
import { HALF_YEAR_CHECKS, type HalfYearCheck, type HalfYearCounts, MOVE_REASONS } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../src/admin/commands/demoRegion.js';
import { type HalfYearFact, type MoveFact, publishHalfYearSystem } from '../../src/plan/halfYearPublication.js';
import { derivedSmallCounts, halfYearAttackOf } from '../support/monitorAttack.js';

const REGION = 'Alkmaar (Noord-Kennemerland)';

function randomFacts(seed: number, n: number, municipalities: readonly string[], region = REGION) {
  const rnd = seededRandom(seed);
  const facts: HalfYearFact[] = [];
  const moves: MoveFact[] = [];
  for (let i = 0; i < n; i += 1) {
    // Skewed: the first municipality is big, the last one small.
    const m = municipalities[Math.min(municipalities.length - 1, Math.floor(rnd() ** 1.6 * municipalities.length))];
    const failing = HALF_YEAR_CHECKS.filter(() => rnd() < 0.25) as HalfYearCheck[];
    facts.push({ region, municipality: m as string, failing });
    if (rnd() < 0.2)
      moves.push({ region, municipality: m as string, reason: rnd() < 0.1 ? null : (MOVE_REASONS[i % 5] as string) });
  }
  return { facts, moves };
}

function publications(facts: readonly HalfYearFact[], moves: readonly MoveFact[], primaryOnly = false) {
  const p = publishHalfYearSystem(facts, moves, { primaryOnly });
  const pubs = new Map<string, HalfYearCounts>();
  pubs.set(`R:${REGION}`, p.counts({ region: REGION, municipality: null }));
  for (const m of new Set(facts.map((f) => f.municipality)))
    pubs.set(`M:${m}`, p.counts({ region: null, municipality: m }));
  return pubs;
}

const MUNICIPALITIES = ['Alkmaar', 'Dijk en Waard', 'Bergen'];

describe('half-year counts: one system for the region and its municipalities', () => {
  it('line by line alone is not enough: the attacker finds small counts with primary suppression only', () => {
    const { facts, moves } = randomFacts(3, 40, MUNICIPALITIES);
    expect(derivedSmallCounts(halfYearAttackOf(publications(facts, moves, true))).size).toBeGreaterThan(0);
  });

  it.each([1, 2, 3, 4, 5, 6, 7, 8])('random region (seed %i): no count 1–4 can be derived', (seed) => {
    const { facts, moves } = randomFacts(seed, 10 + seed * 9, MUNICIPALITIES);
    expect([...derivedSmallCounts(halfYearAttackOf(publications(facts, moves)))]).toEqual([]);
  });

  it('passing = total − failing, and a region minus its other municipalities, reveal nothing', () => {
    // Bergen has 6 cases of which 1 fails: its line alone would show 6 = 5 + '<5'.
    const facts: HalfYearFact[] = [
      ...Array.from({ length: 30 }, (_, i) => ({
        region: REGION,
        municipality: 'Alkmaar',
        failing: (i < 8 ? ['planExists'] : []) as HalfYearCheck[],
      })),
      ...Array.from({ length: 6 }, (_, i) => ({
        region: REGION,
        municipality: 'Bergen',
        failing: (i < 1 ? ['updatedRecently'] : []) as HalfYearCheck[],
      })),
    ];
    const pubs = publications(facts, []);
    const bergen = pubs.get('M:Bergen') as HalfYearCounts;
    expect(bergen.overall.failing).toBe('<5');
    expect(bergen.overall.passing === 'hidden' || bergen.overall.total === 'hidden').toBe(true);
    // The region's headline stays: 36 young people, municipality figures go first.
    expect((pubs.get(`R:${REGION}`) as HalfYearCounts).overall.total).toBe(36);
    expect([...derivedSmallCounts(halfYearAttackOf(pubs))]).toEqual([]);
  });

  it('a municipality in two regions: its own figures are the sum of both parts, still safe', () => {
    const a = randomFacts(11, 30, ['Alkmaar', 'Bergen']);
    const b = randomFacts(12, 20, ['Bergen', 'Heiloo'], 'West-Friesland');
    const p = publishHalfYearSystem([...a.facts, ...b.facts], [...a.moves, ...b.moves]);
    const bergen = p.counts({ region: null, municipality: 'Bergen' });
    expect(bergen.perRegion.map((r) => r.region)).toEqual([REGION, 'West-Friesland']);
    const pubs = new Map<string, HalfYearCounts>([
      [`R:${REGION}`, p.counts({ region: REGION, municipality: null })],
      ['M:Alkmaar', p.counts({ region: null, municipality: 'Alkmaar' })],
      ['M:Bergen', p.counts({ region: REGION, municipality: 'Bergen' })],
    ]);
    expect([...derivedSmallCounts(halfYearAttackOf(pubs))]).toEqual([]);
  });

  it('no case at all: zeros, nothing hidden', () => {
    const c = publishHalfYearSystem([], []).counts({ region: REGION, municipality: null });
    expect(c.overall).toEqual({ total: 0, passing: 0, failing: 0 });
    expect(c.perMunicipality).toEqual([]);
  });
});
