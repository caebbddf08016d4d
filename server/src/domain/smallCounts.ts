/**
 * Small counts in published aggregates (domain brief §6): no count between 1 and 4 may be readable, not
 * in a cell, and not by subtracting the other cells of a line from its published total.
 *
 * Decisions:
 *  - 0 is shown: "no case" names no child, and hiding zeros would make every sparse table unreadable.
 *  - 1–4 is shown as '<5' (primary suppression).
 *  - A line whose cells add up to a published total (the total of cases) gets complementary
 *    suppression: more cells are shown as 'hidden', a marker that says nothing about the size (it may
 *    be 0, small or large). Zeros may be hidden too; the marker is the same.
 *  - A line that cannot be protected that way (e.g. five cells of 1 with the total 5) is withheld:
 *    every cell 'hidden'.
 *
 * The invariant (tested exhaustively in server/test/unit/smallCounts.test.ts): for every published line,
 * every entry that is not shown as a number — cell or total — can take at least two values that agree
 * with everything published: the numbers shown, the total, '<5' meaning 1–4, 'hidden' meaning any whole
 * number ≥ 0, and the cells adding up to the total. Several lines that share one total stay safe
 * together, because they are coupled only through that total. Not covered: differences between two
 * monitors read at different moments (one new case changes a total by one).
 */
import type { SuppressedCount } from '@samenspraak/shared';

/** Counts from 1 up to (not including) this number are never shown. */
export const SMALL_COUNT_THRESHOLD = 5;

/** A count with no published relation to other counts: 0 shown, 1–4 as '<5', the rest as it is. */
export function suppressCount(n: number): SuppressedCount {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`a count is a whole number ≥ 0, got ${n}`);
  return n > 0 && n < SMALL_COUNT_THRESHOLD ? '<5' : n;
}

/** The whole numbers an entry may be, as an attacker reads its published form. */
interface Range {
  lo: number;
  hi: number;
}

function rangeOf(shown: SuppressedCount): Range {
  if (shown === '<5') return { lo: 1, hi: SMALL_COUNT_THRESHOLD - 1 };
  if (shown === 'hidden') return { lo: 0, hi: Number.POSITIVE_INFINITY };
  return { lo: shown, hi: shown };
}

const isNumber = (v: SuppressedCount): v is number => typeof v === 'number';

/**
 * Whether some entry of the line "cells add up to total" that is not shown as a number is pinned to
 * one value. For one equation over whole-number ranges, the values an entry can take form exactly the
 * interval [its range] ∩ [total − others' maxima, total − others' minima], so this check is exact.
 */
export function lineRevealsHiddenCount(cells: readonly SuppressedCount[], total: SuppressedCount): boolean {
  const ranges = cells.map(rangeOf);
  const t = rangeOf(total);
  const sumOf = (skip: number, side: 'lo' | 'hi') => ranges.reduce((s, r, i) => (i === skip ? s : s + r[side]), 0);
  // A '<5' total is pinned only when a hidden cell is pinned too (its cells can never be a shown 1–4),
  // so checking the cells covers it.
  return cells.some((shown, i) => {
    if (isNumber(shown)) return false;
    const r = ranges[i] as Range;
    const lo = Math.max(r.lo, t.lo - sumOf(i, 'hi'));
    const hi = Math.min(r.hi, t.hi - sumOf(i, 'lo'));
    return lo === hi;
  });
}

/**
 * Publishes a line of counts that add up to `total` (the total is published as `suppressCount(total)`
 * by the caller). Complementary cells are taken smallest first, so as little as possible is hidden.
 */
export function suppressLine(cells: Readonly<Record<string, number>>, total: number): Record<string, SuppressedCount> {
  const entries = Object.entries(cells);
  const sum = entries.reduce((s, [, n]) => s + n, 0);
  if (sum !== total) throw new RangeError(`the cells add up to ${sum}, not to the total ${total}`);
  const shown = new Map<string, SuppressedCount>(entries.map(([k, n]) => [k, suppressCount(n)]));
  const publishedTotal = suppressCount(total);
  const unsafe = () => lineRevealsHiddenCount([...shown.values()], publishedTotal);
  while (unsafe()) {
    const candidates = entries
      .filter(([k]) => isNumber(shown.get(k) as SuppressedCount))
      // Non-zero cells first: hiding a zero never helps when all hidden cells are 1s.
      .sort(([ka, a], [kb, b]) => Number(a === 0) - Number(b === 0) || a - b || ka.localeCompare(kb));
    const next = candidates[0];
    if (!next) {
      for (const k of shown.keys()) shown.set(k, 'hidden');
      break;
    }
    shown.set(next[0], 'hidden');
  }
  return Object.fromEntries(shown);
}
