/**
 * The attacker of the monitor's small-count protection, written independently of the suppression code:
 * it reads only what is published (the tables of a region and of all its municipalities, as if a RET chair
 * and every municipality compared notes) and the structure anyone can see (rows add up to row totals,
 * columns to column totals where the rows partition the units, a total with the same id is the same
 * figure, the region is the sum of its municipalities, and "cases without a problem" = cases − cases with).
 * It then derives what it can:
 *  1. subtraction chains: an equation with exactly one figure not known gives that figure; repeat;
 *  2. bounds: '<5' is 1–4, a hidden figure is ≥ 0; interval propagation over every equation, repeat.
 * Anything pinned to one value in 1–4 that was not shown as that number is a disclosure.
 */
import type { HalfYearCountLine, HalfYearCounts, MonitorTable, SuppressedCount } from '@samenspraak/shared';

interface Eq {
  total: string;
  parts: string[];
}

export interface Attack {
  equations: Eq[];
  shown: Map<string, SuppressedCount>;
}

function tableEquations(scope: string, t: MonitorTable, eqs: Eq[], shown: Map<string, SuppressedCount>) {
  const id = (x: string) => `${scope}#${x}`;
  const cell = (r: number, c: number) => id(`${t.id}|${t.rows[r]}|${t.columns[c]}`);
  t.rows.forEach((_, r) => {
    t.columns.forEach((_, c) => {
      shown.set(cell(r, c), t.cells[r]?.[c] as SuppressedCount);
    });
    shown.set(id(t.rowTotalIds[r] as string), t.rowTotals[r] as SuppressedCount);
    eqs.push({ total: id(t.rowTotalIds[r] as string), parts: t.columns.map((_, c) => cell(r, c)) });
  });
  shown.set(id(t.grandTotalId), t.grandTotal);
  if (t.partition && t.columnTotals) {
    t.columns.forEach((_, c) => {
      shown.set(id(t.columnTotalIds[c] as string), t.columnTotals?.[c] as SuppressedCount);
      eqs.push({ total: id(t.columnTotalIds[c] as string), parts: t.rows.map((_, r) => cell(r, c)) });
    });
    eqs.push({ total: id(t.grandTotalId), parts: t.rowTotalIds.map(id) });
    eqs.push({ total: id(t.grandTotalId), parts: t.columnTotalIds.map(id) });
  } else {
    // Overlapping rows: each row with its complement ("without") makes the population.
    t.rows.forEach((row, r) => {
      t.columns.forEach((col, c) => {
        eqs.push({ total: id(t.columnTotalIds[c] as string), parts: [cell(r, c), id(`zonder|${row}|${col}`)] });
      });
      eqs.push({ total: id(t.grandTotalId), parts: [id(t.rowTotalIds[r] as string), id(`zonder|${row}|*`)] });
      eqs.push({ total: id(`zonder|${row}|*`), parts: t.columns.map((col) => id(`zonder|${row}|${col}`)) });
    });
  }
}

/** Everything a reader of these publications knows: scope 'R' is the region, the others its municipalities. */
export function attackOf(publications: Map<string, MonitorTable[]>): Attack {
  const equations: Eq[] = [];
  const shown = new Map<string, SuppressedCount>();
  for (const [scope, tables] of publications) for (const t of tables) tableEquations(scope, t, equations, shown);
  const municipalities = [...publications.keys()].filter((s) => s !== 'R');
  if (publications.has('R') && municipalities.length > 0) {
    const figures = new Set<string>();
    for (const e of equations) for (const v of [e.total, ...e.parts]) if (v.startsWith('R#')) figures.add(v.slice(2));
    for (const f of figures) equations.push({ total: `R#${f}`, parts: municipalities.map((m) => `${m}#${f}`) });
  }
  return { equations, shown };
}

/** Figures not shown as a number whose value 1–4 the attacker derives exactly, with that value. */
export function derivedSmallCounts(attack: Attack): Map<string, number> {
  const known = new Map<string, number>();
  for (const [v, s] of attack.shown) if (typeof s === 'number') known.set(v, s);
  const notShown = (v: string) => typeof attack.shown.get(v) !== 'number';
  // 1. Subtraction chains.
  for (let changed = true; changed; ) {
    changed = false;
    for (const e of attack.equations) {
      const vars = [e.total, ...e.parts];
      const open = vars.filter((v) => !known.has(v));
      if (open.length !== 1) continue;
      const v = open[0] as string;
      const partsSum = e.parts.reduce((s, p) => s + (p === v ? 0 : (known.get(p) as number)), 0);
      known.set(v, v === e.total ? partsSum : (known.get(e.total) as number) - partsSum);
      changed = true;
    }
  }
  const revealed = new Map<string, number>();
  for (const [v, n] of known) if (notShown(v) && n >= 1 && n <= 4) revealed.set(v, n);
  // 2. Bounds.
  const lo = new Map<string, number>();
  const hi = new Map<string, number>();
  const all = new Set(attack.equations.flatMap((e) => [e.total, ...e.parts]));
  for (const v of all) {
    const s = attack.shown.get(v);
    const k = known.get(v);
    if (k !== undefined) lo.set(v, k), hi.set(v, k);
    else if (s === '<5') lo.set(v, 1), hi.set(v, 4);
    else lo.set(v, 0), hi.set(v, Number.POSITIVE_INFINITY);
  }
  const L = (v: string) => lo.get(v) as number;
  const H = (v: string) => hi.get(v) as number;
  for (let round = 0, changed = true; changed && round < 500; round += 1) {
    changed = false;
    for (const e of attack.equations) {
      const sLo = e.parts.reduce((s, p) => s + L(p), 0);
      const finiteHi = e.parts.reduce((s, p) => s + (Number.isFinite(H(p)) ? H(p) : 0), 0);
      const infinite = e.parts.filter((p) => !Number.isFinite(H(p))).length;
      const sHi = infinite > 0 ? Number.POSITIVE_INFINITY : finiteHi;
      if (sLo > L(e.total)) lo.set(e.total, sLo), (changed = true);
      if (sHi < H(e.total)) hi.set(e.total, sHi), (changed = true);
      for (const p of e.parts) {
        // The others' maximum: infinite unless p is the only unbounded part.
        const othersHi = Number.isFinite(H(p))
          ? infinite > 0
            ? Number.POSITIVE_INFINITY
            : finiteHi - H(p)
          : infinite > 1
            ? Number.POSITIVE_INFINITY
            : finiteHi;
        const nlo = L(e.total) - othersHi;
        const nhi = H(e.total) - (sLo - L(p));
        if (nlo > L(p)) lo.set(p, nlo), (changed = true);
        if (nhi < H(p)) hi.set(p, nhi), (changed = true);
      }
    }
  }
  for (const v of all) if (notShown(v) && L(v) === H(v) && L(v) >= 1 && L(v) <= 4) revealed.set(v, L(v));
  return revealed;
}

/**
 * The same attacker on the half-year check's counts (plan/halfYearCounts.ts): the publications of a
 * region ('R:<region>') and of each of its municipalities ('M:<name>'), read together. What anyone can
 * see: every line is total = passing + failing; every check's line has the overall total; a region's
 * line, check lines and moves are the sums of its municipalities'; the region's per-municipality lines
 * are those municipalities' own overall lines.
 */
export function halfYearAttackOf(publications: Map<string, HalfYearCounts>): Attack {
  const equations: Eq[] = [];
  const shown = new Map<string, SuppressedCount>();
  const put = (id: string, v: SuppressedCount) => {
    const before = shown.get(id);
    // The same figure in two publications: a number wins over a marker (the attacker keeps the best).
    if (before === undefined || typeof v === 'number') shown.set(id, v);
  };
  const line = (id: string, l: HalfYearCountLine, totalId = `${id}|total`) => {
    put(totalId, l.total);
    put(`${id}|passing`, l.passing);
    put(`${id}|failing`, l.failing);
    equations.push({ total: totalId, parts: [`${id}|passing`, `${id}|failing`] });
  };
  const regionParts = new Map<string, string[]>();
  for (const [scope, c] of publications) {
    line(`${scope}#overall`, c.overall);
    for (const [check, l] of Object.entries(c.perCheck)) line(`${scope}#${check}`, l, `${scope}#overall|total`);
    for (const [reason, v] of Object.entries(c.movesNearEighteen)) put(`${scope}#moves|${reason}`, v);
    if (scope.startsWith('R:')) {
      regionParts.set(
        scope,
        c.perMunicipality.map((m) => `M:${m.municipality}`),
      );
      for (const m of c.perMunicipality) line(`M:${m.municipality}#overall`, m);
      for (const r of c.perRegion) line(`${scope}#overall`, r);
    }
  }
  for (const [region, parts] of regionParts) {
    if (parts.length === 0) continue;
    const region_ = publications.get(region) as HalfYearCounts;
    const ids = [
      'overall|total',
      'overall|passing',
      'overall|failing',
      ...Object.keys(region_.perCheck).flatMap((c) => [`${c}|passing`, `${c}|failing`]),
      ...Object.keys(region_.movesNearEighteen).map((r) => `moves|${r}`),
    ];
    for (const f of ids) {
      equations.push({ total: `${region}#${f}`, parts: parts.map((p) => `${p}#${f}`) });
      for (const p of parts) if (!shown.has(`${p}#${f}`)) shown.set(`${p}#${f}`, 'hidden');
    }
  }
  return { equations, shown };
}
