/**
 * An attacker's view of published lines of counts, worked out by brute force over sets (independent of
 * the interval reasoning in `domain/smallCounts.ts`): for lines whose cells add up to one shared total,
 * which entries that are not shown as a number can take only one value?
 *
 * What the attacker knows: every number shown, '<5' means 1–4, 'hidden' means any whole number ≥ 0,
 * and the cells of every line add up to the total. Cells are never more than the total, so the search
 * is finite.
 */
import type { SuppressedCount } from '@samenspraak/shared';

type Line = Readonly<Record<string, SuppressedCount>>;

function domain(shown: SuppressedCount, max: number): number[] {
  if (shown === '<5') return [1, 2, 3, 4].filter((v) => v <= max);
  if (shown === 'hidden') return Array.from({ length: max + 1 }, (_, v) => v);
  return shown <= max ? [shown] : [];
}

/** The sums that the cells other than `skip` can make (up to `max`). */
function sumsOf(domains: readonly number[][], skip: number, max: number): boolean[] {
  let reach = Array.from({ length: max + 1 }, (_, s) => s === 0);
  domains.forEach((d, i) => {
    if (i === skip) return;
    const next = Array.from({ length: max + 1 }, () => false);
    reach.forEach((ok, s) => {
      if (!ok) return;
      for (const v of d) if (s + v <= max) next[s + v] = true;
    });
    reach = next;
  });
  return reach;
}

/** Every value each entry can take: per line and cell, and the total under the key `total`. */
export function possibleValues(
  lines: readonly Line[],
  total: SuppressedCount,
): { total: Set<number>; lines: Map<string, Set<number>>[] } {
  const maxTotal = total === '<5' ? 4 : total === 'hidden' ? 200 : total;
  const result = { total: new Set<number>(), lines: lines.map(() => new Map<string, Set<number>>()) };
  for (const t of domain(total, maxTotal)) {
    const perLine = lines.map((line) => {
      const keys = Object.keys(line);
      const domains = keys.map((k) => domain(line[k] as SuppressedCount, t));
      const values = new Map<string, Set<number>>();
      keys.forEach((k, i) => {
        const rest = sumsOf(domains, i, t);
        values.set(k, new Set((domains[i] as number[]).filter((v) => rest[t - v] === true)));
      });
      // A line with no cells is consistent only with a total of 0.
      const feasible = keys.length === 0 ? t === 0 : [...values.values()].every((s) => s.size > 0);
      return { feasible, values };
    });
    if (!perLine.every((l) => l.feasible)) continue;
    result.total.add(t);
    perLine.forEach((l, i) => {
      for (const [k, vs] of l.values) {
        const into = result.lines[i] as Map<string, Set<number>>;
        const set = into.get(k) ?? new Set<number>();
        for (const v of vs) set.add(v);
        into.set(k, set);
      }
    });
  }
  return result;
}

/** Entries not shown as a number that the published lines pin to one value ("line 0: onbekend = 1"). */
export function revealedCounts(lines: readonly Line[], total: SuppressedCount): string[] {
  const found = possibleValues(lines, total);
  const out: string[] = [];
  if (typeof total !== 'number' && found.total.size === 1) out.push(`total = ${[...found.total][0]}`);
  lines.forEach((line, i) => {
    for (const [k, shown] of Object.entries(line)) {
      if (typeof shown === 'number') continue;
      const values = found.lines[i]?.get(k) ?? new Set<number>();
      if (values.size === 1) out.push(`line ${i}: ${k} = ${[...values][0]}`);
    }
  });
  return out;
}
