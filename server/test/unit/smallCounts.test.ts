/**
 * Small-count suppression (domain/smallCounts.ts): the threshold at its edges, and the invariant —
 * no entry that is not shown as a number can be pinned to one value from what is published — checked
 * by an independent brute-force attacker (support/smallCountOracle.ts) on every small line and on
 * random lines and sets of lines sharing one total.
 */
import type { SuppressedCount } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import {
  lineRevealsHiddenCount,
  SMALL_COUNT_THRESHOLD,
  suppressCount,
  suppressLine,
} from '../../src/domain/smallCounts.js';
import { intBelow, mulberry32, type Rng, seedFrom } from '../support/prng.js';
import { revealedCounts } from '../support/smallCountOracle.js';

const seed = seedFrom('SMALL_COUNTS_SEED');

/** Cells named a, b, c, … */
const line = (values: readonly number[]): Record<string, number> =>
  Object.fromEntries(values.map((v, i) => [String.fromCharCode(97 + i), v]));
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/** What is published is true: numbers are exact, '<5' only on 1–4, and no 1–4 is ever a number. */
function expectTruthful(cells: Record<string, number>, shown: Record<string, SuppressedCount>): void {
  expect(Object.keys(shown).sort()).toEqual(Object.keys(cells).sort());
  for (const [k, n] of Object.entries(cells)) {
    const s = shown[k];
    if (typeof s === 'number') expect(s).toBe(n);
    if (s === '<5') expect(n >= 1 && n <= 4).toBe(true);
    if (n >= 1 && n <= 4) expect(typeof s).not.toBe('number');
  }
}

function expectProtected(values: readonly number[]): void {
  const cells = line(values);
  const total = sum(values);
  const shown = suppressLine(cells, total);
  expectTruthful(cells, shown);
  expect(revealedCounts([shown], suppressCount(total)), `line ${values.join(',')} → ${JSON.stringify(shown)}`).toEqual(
    [],
  );
}

describe('the threshold', () => {
  it('is 5: 0 is shown, 1 to 4 is "<5", 5 and up are shown', () => {
    expect(SMALL_COUNT_THRESHOLD).toBe(5);
    expect(suppressCount(0)).toBe(0);
    expect(suppressCount(1)).toBe('<5');
    expect(suppressCount(4)).toBe('<5');
    expect(suppressCount(5)).toBe(5);
    expect(suppressCount(6)).toBe(6);
  });

  it('refuses what is not a count', () => {
    expect(() => suppressCount(-1)).toThrow(RangeError);
    expect(() => suppressCount(2.5)).toThrow(RangeError);
    expect(() => suppressLine({ a: 1 }, 2)).toThrow(/add up/);
  });

  it('in a line: 4 beside a total hides a neighbour, 5 and 0 do not need to', () => {
    expect(suppressLine({ a: 5, b: 5 }, 10)).toEqual({ a: 5, b: 5 });
    expect(suppressLine({ a: 0, b: 7 }, 7)).toEqual({ a: 0, b: 7 });
    // 4 alone would be 10 − 6: its smallest neighbour is hidden with it.
    expect(suppressLine({ a: 4, b: 6, c: 9 }, 19)).toEqual({ a: '<5', b: 'hidden', c: 9 });
    // As little as possible is hidden: a zero stays shown when hiding a non-zero neighbour suffices.
    expect(suppressLine({ a: 1, b: 6, c: 0, d: 8 }, 15)).toEqual({ a: '<5', b: 'hidden', c: 0, d: 8 });
    // Two cells of 4 and a total of 8 would pin both (the most two "<5" can be): a zero is hidden too.
    expect(suppressLine({ a: 4, b: 4, c: 0 }, 8)).toEqual({ a: '<5', b: '<5', c: 'hidden' });
    // Five cells of 1 with the total 5 cannot be protected cell by cell: the line is withheld.
    expect(suppressLine({ a: 1, b: 1, c: 1, d: 1, e: 1 }, 5)).toEqual({
      a: 'hidden',
      b: 'hidden',
      c: 'hidden',
      d: 'hidden',
      e: 'hidden',
    });
  });

  it('with a total below 5 the total itself is "<5" and the line stays safe', () => {
    expectProtected([4]);
    expectProtected([1, 1, 1, 1]);
    expectProtected([2, 0, 1]);
    expect(suppressLine({ a: 4 }, 4)).toEqual({ a: '<5' });
  });
});

describe('no suppressed count can be recovered', () => {
  it('on every line of up to 4 cells with counts 0 to 8', () => {
    let checked = 0;
    const visit = (prefix: number[]) => {
      if (prefix.length > 0) {
        expectProtected(prefix);
        checked += 1;
      }
      if (prefix.length === 4) return;
      for (let v = 0; v <= 8; v += 1) visit([...prefix, v]);
    };
    visit([]);
    expect(checked).toBe(9 + 81 + 729 + 6561);
  });

  const randomCount = (rng: Rng) => (rng() < 0.6 ? intBelow(rng, 5) : 5 + intBelow(rng, 20));

  it(`on random longer lines (seed ${seed})`, () => {
    const rng = mulberry32(seed);
    for (let i = 0; i < 1500; i += 1) {
      expectProtected(Array.from({ length: 1 + intBelow(rng, 9) }, () => randomCount(rng)));
    }
  });

  it(`on several lines that share one total, as the monitor publishes them (seed ${seed})`, () => {
    const rng = mulberry32(seed ^ 0x5eed);
    for (let i = 0; i < 800; i += 1) {
      const total = intBelow(rng, 16);
      const lines = Array.from({ length: 2 + intBelow(rng, 2) }, () => {
        // A random split of the same cases over 1–6 keys.
        const values = Array.from({ length: 1 + intBelow(rng, 6) }, () => 0);
        for (let c = 0; c < total; c += 1) {
          const at = intBelow(rng, values.length);
          values[at] = (values[at] ?? 0) + 1;
        }
        return suppressLine(line(values), total);
      });
      expect(revealedCounts(lines, suppressCount(total)), JSON.stringify({ total, lines })).toEqual([]);
    }
  });

  it(`the line check agrees with the brute-force attacker on any truthful marking (seed ${seed})`, () => {
    const rng = mulberry32(seed ^ 0xc0ffee);
    for (let i = 0; i < 3000; i += 1) {
      const values = Array.from({ length: 1 + intBelow(rng, 5) }, () => randomCount(rng));
      const shown: SuppressedCount[] = values.map((v) => {
        if (v >= 1 && v <= 4) return rng() < 0.8 ? '<5' : 'hidden';
        return rng() < 0.3 ? 'hidden' : v;
      });
      const total = suppressCount(sum(values));
      const attacker = revealedCounts([Object.fromEntries(shown.map((s, j) => [`c${j}`, s]))], total);
      expect(lineRevealsHiddenCount(shown, total), JSON.stringify({ values, shown })).toBe(attacker.length > 0);
    }
  });
});
