/**
 * Complementary (secondary) suppression over a whole set of published count tables (issue 17, domain
 * brief §6). Pure: numbers in, a publication status per figure out.
 *
 * The model. Every figure is a variable with its true count. Figures are linked by equations
 * "total = part + part + …" (row sums, column sums, a total published in one table whose parts are in
 * another — such shared figures have ONE variable id, so the link is explicit). Some variables are never
 * published but are still counts of children: the complement of a "has problem X" cell (the total minus
 * the cell counts the cases without X). Those are 'implicit' and just as protected.
 *
 * The rule: no variable whose true count is 1–4 (published or implicit) may be derivable exactly from
 * what is published. The attacker we guard against knows every shown number, that '<5' means 1–4,
 * that 'hidden' means any count ≥ 0, and every equation. Two checks, iterated to a fixed point:
 *  1. linear: Gaussian elimination over the unknown variables of each connected component — an unknown
 *     is determined when its reduced row has no free variable (this covers every subtraction chain, and
 *     every other linear combination of published figures);
 *  2. bounds: interval propagation over the equations with the '<5' and ≥ 0 bounds (catches e.g. a
 *     total of 5 whose other part is '<5'... pinned by the bounds, not by linear algebra alone).
 * While a sensitive variable is revealed, one more shown figure in an equation with it is hidden
 * (cells before totals, non-zero before zero, smallest first), and everything is checked again.
 * Primary suppression is simply: a published count of 1–4 is shown as '<5'.
 */
import { SMALL_COUNT_THRESHOLD } from './smallCounts.js';

export type Publication = 'shown' | '<5' | 'hidden';

export interface CountEquation {
  total: string;
  parts: readonly string[];
}

export interface CountSystem {
  /** True count of every variable, published or implicit. */
  values: ReadonlyMap<string, number>;
  /** Variables that appear in the publication (cells and totals); the rest are implicit. */
  published: ReadonlySet<string>;
  equations: readonly CountEquation[];
  /** How bad it is to hide a figure (default 0): lower is hidden first, e.g. cells before totals. */
  priority?: ReadonlyMap<string, number>;
}

export const isSmall = (n: number): boolean => n > 0 && n < SMALL_COUNT_THRESHOLD;

interface Bounds {
  lo: number;
  hi: number;
}

/** Bounds an attacker reads for a variable in its published state. */
function boundsOf(value: number, status: Publication | 'implicit'): Bounds {
  if (status === 'shown') return { lo: value, hi: value };
  if (status === '<5') return { lo: 1, hi: SMALL_COUNT_THRESHOLD - 1 };
  return { lo: 0, hi: Number.POSITIVE_INFINITY };
}

/**
 * The unknown variables (not shown as a number) that are determined exactly by the linear equations
 * and the shown numbers. Exact (rational) arithmetic is not needed: coefficients stay small, and a
 * tolerance decides zero.
 */
export function linearlyDetermined(equations: readonly CountEquation[], unknown: ReadonlySet<string>): Set<string> {
  // Sparse Gauss–Jordan over the unknowns only (the shown figures move to the right-hand side, which
  // does not matter for whether something is determined). Rows are maps variable → coefficient.
  const rows: Array<Map<string, number>> = [];
  const rowsOf = new Map<string, Set<number>>();
  const touch = (v: string, r: number) => {
    const set = rowsOf.get(v) ?? new Set<number>();
    rowsOf.set(v, set);
    set.add(r);
  };
  for (const e of equations) {
    const row = new Map<string, number>();
    if (unknown.has(e.total)) row.set(e.total, 1);
    for (const p of e.parts) if (unknown.has(p)) row.set(p, (row.get(p) ?? 0) - 1);
    for (const [v, c] of row) if (c === 0) row.delete(v);
    if (row.size === 0) continue;
    const r = rows.length;
    rows.push(row);
    for (const v of row.keys()) touch(v, r);
  }
  const pivotOf = new Map<number, string>();
  const open = new Set(rows.keys());
  while (open.size > 0) {
    // The shortest open row first keeps fill-in small.
    let r = -1;
    for (const i of open)
      if (r < 0 || (rows[i] as Map<string, number>).size < (rows[r] as Map<string, number>).size) r = i;
    open.delete(r);
    const row = rows[r] as Map<string, number>;
    if (row.size === 0) continue;
    let pivot = '';
    for (const v of row.keys()) if (!pivot || (rowsOf.get(v)?.size ?? 0) < (rowsOf.get(pivot)?.size ?? 0)) pivot = v;
    const pv = row.get(pivot) as number;
    for (const [v, c] of row) row.set(v, c / pv);
    for (const i of [...(rowsOf.get(pivot) ?? [])]) {
      if (i === r) continue;
      const other = rows[i] as Map<string, number>;
      const f = other.get(pivot);
      if (f === undefined) continue;
      for (const [v, c] of row) {
        const next = (other.get(v) ?? 0) - f * c;
        if (Math.abs(next) < 1e-9) {
          other.delete(v);
          rowsOf.get(v)?.delete(i);
        } else {
          if (!other.has(v)) touch(v, i);
          other.set(v, next);
        }
      }
    }
    pivotOf.set(r, pivot);
  }
  const determined = new Set<string>();
  // In the reduced form a pivot row holds its pivot and free variables only: alone, it is determined.
  for (const [r, pivot] of pivotOf) if ((rows[r] as Map<string, number>).size === 1) determined.add(pivot);
  return determined;
}

/**
 * For each linearly determined unknown in `targets`, the shown figures of one derivation of it: the
 * same elimination as linearlyDetermined, carrying the shown figures along (never as pivots), so a
 * determined unknown's reduced row reads "target = Σ c·shown". Hiding one of those breaks that
 * derivation; the next round finds another if there is one.
 */
export function derivationSupport(
  equations: readonly CountEquation[],
  unknown: ReadonlySet<string>,
  targets: ReadonlySet<string>,
): Map<string, string[]> {
  const rows: Array<{ u: Map<string, number>; s: Map<string, number> }> = [];
  const rowsOf = new Map<string, Set<number>>();
  const touch = (v: string, r: number) => {
    const set = rowsOf.get(v) ?? new Set<number>();
    rowsOf.set(v, set);
    set.add(r);
  };
  const addTo = (m: Map<string, number>, v: string, c: number) => m.set(v, (m.get(v) ?? 0) + c);
  for (const e of equations) {
    const u = new Map<string, number>();
    const s = new Map<string, number>();
    addTo(unknown.has(e.total) ? u : s, e.total, 1);
    for (const p of e.parts) addTo(unknown.has(p) ? u : s, p, -1);
    for (const m of [u, s]) for (const [v, c] of m) if (c === 0) m.delete(v);
    if (u.size === 0) continue;
    const r = rows.length;
    rows.push({ u, s });
    for (const v of u.keys()) touch(v, r);
  }
  const pivotOf = new Map<number, string>();
  const open = new Set(rows.keys());
  const rowAt = (i: number) => rows[i] as { u: Map<string, number>; s: Map<string, number> };
  while (open.size > 0) {
    let r = -1;
    for (const i of open) if (r < 0 || rowAt(i).u.size < rowAt(r).u.size) r = i;
    open.delete(r);
    const row = rowAt(r);
    if (row.u.size === 0) continue;
    let pivot = '';
    for (const v of row.u.keys()) if (!pivot || (rowsOf.get(v)?.size ?? 0) < (rowsOf.get(pivot)?.size ?? 0)) pivot = v;
    const pv = row.u.get(pivot) as number;
    for (const m of [row.u, row.s]) for (const [v, c] of m) m.set(v, c / pv);
    for (const i of [...(rowsOf.get(pivot) ?? [])]) {
      if (i === r) continue;
      const other = rowAt(i);
      const f = other.u.get(pivot);
      if (f === undefined) continue;
      for (const [v, c] of row.u) {
        const next = (other.u.get(v) ?? 0) - f * c;
        if (Math.abs(next) < 1e-9) {
          other.u.delete(v);
          rowsOf.get(v)?.delete(i);
        } else {
          if (!other.u.has(v)) touch(v, i);
          other.u.set(v, next);
        }
      }
      for (const [v, c] of row.s) {
        const next = (other.s.get(v) ?? 0) - f * c;
        if (Math.abs(next) < 1e-9) other.s.delete(v);
        else other.s.set(v, next);
      }
    }
    pivotOf.set(r, pivot);
  }
  const support = new Map<string, string[]>();
  for (const [r, pivot] of pivotOf)
    if (targets.has(pivot) && rowAt(r).u.size === 1) support.set(pivot, [...rowAt(r).s.keys()]);
  return support;
}

/** Interval propagation to a fixed point: the variables (not shown) whose bounds meet. */
export function boundPinned(
  equations: readonly CountEquation[],
  bounds: Map<string, Bounds>,
  unknown: ReadonlySet<string>,
): Set<string> {
  const b = new Map([...bounds].map(([k, v]) => [k, { ...v }]));
  const get = (v: string) => b.get(v) as Bounds;
  for (let round = 0, changed = true; changed && round < 200; round += 1) {
    changed = false;
    for (const e of equations) {
      const parts = e.parts.map(get);
      const sumLo = parts.reduce((s, p) => s + p.lo, 0);
      const finiteHi = parts.reduce((s, p) => s + (Number.isFinite(p.hi) ? p.hi : 0), 0);
      const infinite = parts.filter((p) => !Number.isFinite(p.hi)).length;
      const sumHi = infinite > 0 ? Number.POSITIVE_INFINITY : finiteHi;
      const t = get(e.total);
      if (sumLo > t.lo) (t.lo = sumLo), (changed = true);
      if (sumHi < t.hi) (t.hi = sumHi), (changed = true);
      for (const p of parts) {
        // The others' maximum: unbounded unless p is the only unbounded part (∞ − ∞ is not a number).
        const othersHi = Number.isFinite(p.hi) ? sumHi - p.hi : infinite > 1 ? Number.POSITIVE_INFINITY : finiteHi;
        const lo = t.lo - othersHi;
        const hi = t.hi - (sumLo - p.lo);
        if (lo > p.lo) (p.lo = lo), (changed = true);
        if (hi < p.hi) (p.hi = hi), (changed = true);
      }
    }
  }
  return new Set([...unknown].filter((v) => get(v).lo === get(v).hi));
}

/** The sensitive variables (count 1–4) an attacker can pin down from this publication. */
export function revealedSmallCounts(system: CountSystem, status: ReadonlyMap<string, Publication>): string[] {
  const all = new Set<string>([...system.values.keys()]);
  const statusOf = (v: string): Publication | 'implicit' => status.get(v) ?? 'implicit';
  const unknown = new Set([...all].filter((v) => statusOf(v) !== 'shown'));
  const bounds = new Map([...all].map((v) => [v, boundsOf(system.values.get(v) ?? 0, statusOf(v))]));
  const linear = linearlyDetermined(system.equations, unknown);
  const pinned = boundPinned(system.equations, bounds, unknown);
  return [...unknown].filter((v) => isSmall(system.values.get(v) ?? 0) && (linear.has(v) || pinned.has(v))).sort();
}

/**
 * Primary + complementary suppression of the whole system at once. Returns the status of every
 * published variable. A sensitive figure that cannot be protected (it is determined by equations
 * alone with nothing left to hide) makes everything linked to it hidden.
 */
export function suppressSystem(system: CountSystem): Map<string, Publication> {
  const status = new Map<string, Publication>();
  for (const v of system.published) {
    const n = system.values.get(v);
    if (n === undefined || !Number.isInteger(n) || n < 0) throw new RangeError(`${v}: not a count (${n})`);
    status.set(v, isSmall(n) ? '<5' : 'shown');
  }
  const eqsOf = new Map<string, CountEquation[]>();
  for (const e of system.equations)
    for (const v of [e.total, ...e.parts]) {
      if (!system.values.has(v)) throw new RangeError(`equation names an unknown figure ${v}`);
      eqsOf.set(v, [...(eqsOf.get(v) ?? []), e]);
    }
  for (const e of system.equations) {
    const sum = e.parts.reduce((s, p) => s + (system.values.get(p) as number), 0);
    if (sum !== system.values.get(e.total)) throw new RangeError(`${e.total} is not the sum of its parts`);
  }
  const cost = (v: string): [number, number, number] => {
    const n = system.values.get(v) as number;
    return [system.priority?.get(v) ?? 0, n === 0 ? 1 : 0, n];
  };
  const cheaper = (a: string, b: string) => {
    const [x, y] = [cost(a), cost(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.localeCompare(b);
  };
  for (let guard = 0; guard < 10 * status.size + 10; guard += 1) {
    // One elimination per round gives both what is determined and a derivation of it.
    const unknown = new Set([...system.values.keys()].filter((v) => status.get(v) !== 'shown'));
    const small = new Set([...unknown].filter((v) => isSmall(system.values.get(v) ?? 0)));
    const support = derivationSupport(system.equations, unknown, small);
    const bounds = new Map(
      [...system.values.keys()].map((v) => [v, boundsOf(system.values.get(v) ?? 0, status.get(v) ?? 'implicit')]),
    );
    const pinned = boundPinned(system.equations, bounds, small);
    const revealed = [...small].filter((v) => support.has(v) || pinned.has(v)).sort();
    if (revealed.length === 0) return showDetermined(system, status);
    // One more hidden figure per revealed one in this round (an equation gets at most one), then check again.
    const touched = new Set<CountEquation>();
    const hiddenNow = new Set<string>();
    let hid = 0;
    // A linearly determined target: hide the cheapest shown figure of its derivation — a municipality's
    // cell far along the chain rather than the region's total next to the target.
    const handled = new Set<string>();
    for (const target of revealed) {
      const derivation = support.get(target);
      if (!derivation) continue;
      if (derivation.some((v) => hiddenNow.has(v))) {
        handled.add(target);
        continue;
      }
      const next = derivation.filter((v) => status.get(v) === 'shown').sort(cheaper)[0];
      if (next === undefined) continue;
      handled.add(target);
      status.set(next, 'hidden');
      hiddenNow.add(next);
      hid += 1;
      for (const e of eqsOf.get(next) ?? []) touched.add(e);
    }
    for (const target of revealed) {
      if (handled.has(target)) continue;
      const eqs = eqsOf.get(target) ?? [];
      if (eqs.some((e) => touched.has(e))) continue;
      const near = eqs.flatMap((e) => [e.total, ...e.parts]);
      // Shown figures in the target's equations; else a '<5' marker there (the marker itself says "at
      // least 1": four municipalities at '<5' under a region's '<5' are each 1), which becomes 'hidden';
      // else a shown figure further along the component's unknowns.
      // A '<5' marker turned 'hidden' costs the reader little, so it goes before a shown figure of the
      // same or a higher priority (a region's '<5' before the region's total); but a municipality's shown
      // cell goes before the region's marker.
      const rank = (v: string) => 2 * (system.priority?.get(v) ?? 0) + (status.get(v) === '<5' ? 0 : 1);
      let candidates = near.filter((v) => status.get(v) === 'shown' || status.get(v) === '<5');
      const best = Math.min(...candidates.map(rank));
      candidates = candidates.filter((v) => rank(v) === best);
      if (candidates.length === 0) {
        const seen = new Set([target]);
        const queue = [target];
        while (queue.length > 0 && candidates.length === 0) {
          const v = queue.shift() as string;
          for (const e of eqsOf.get(v) ?? [])
            for (const w of [e.total, ...e.parts]) {
              if (status.get(w) === 'shown') candidates.push(w);
              else if (!seen.has(w)) seen.add(w), queue.push(w);
            }
        }
      }
      const next = [...new Set(candidates)].sort(cheaper)[0];
      if (next === undefined) continue;
      status.set(next, 'hidden');
      hid += 1;
      for (const e of eqsOf.get(next) ?? []) touched.add(e);
    }
    if (hid === 0) throw new Error(`cannot protect ${revealed[0]}`);
  }
  throw new Error('complementary suppression did not reach a fixed point');
}

/**
 * A hidden figure that the shown figures determine anyway (e.g. failing = total 5 − passing 0) is
 * shown again: the reader learns nothing new, and sees a number instead of "hidden". Checked once more
 * against both attacks; if anything were revealed, the publication stays as it was.
 */
function showDetermined(system: CountSystem, status: Map<string, Publication>): Map<string, Publication> {
  const unknown = new Set([...system.values.keys()].filter((v) => status.get(v) !== 'shown'));
  const determined = linearlyDetermined(system.equations, unknown);
  const next = new Map(status);
  let changed = false;
  for (const v of determined)
    if (status.get(v) === 'hidden' && !isSmall(system.values.get(v) as number)) {
      next.set(v, 'shown');
      changed = true;
    }
  if (!changed || revealedSmallCounts(system, next).length > 0) return status;
  return next;
}
