/**
 * The RET monitor's tables from facts (pure; monitor.ts reads the facts from the database). One region
 * and each of its municipalities are published from ONE system of equations, so that a figure of the
 * region minus the figures of its municipalities (a RET chair and a municipality comparing notes) reveals
 * no small count either: every figure of the region is the sum of the same figure of its municipalities.
 *
 * Figure ids (shared across tables where the figure is the same):
 *   casussen, casussen|<year>            — cases registered (per year); column totals of every case table
 *   aanmelder|<registrant>               — row total of 'aanmelders' and of 'school'
 *   <table>|<row>|<col>, <table>|<row>|* — cells and the other row totals
 *   school|*|<attendance>                — column totals of 'school'
 *   zonder|<category>|<year or *>        — implicit: cases WITHOUT a problem category (never published,
 *                                          but total minus cell would reveal it, so it is protected)
 *   toezeggingen[|<year>], besluiten[|<year>] — the totals of the two tables that count other units
 * In the system every id is prefixed with its scope ('R' for the region, 'M:<municipality>').
 */
import {
  MONITOR_TABLES,
  type MonitorTable,
  type MonitorTableId,
  monitorColumnLabel,
  monitorRowLabel,
  type SuppressedCount,
} from '@samenspraak/shared';
import { type CountEquation, isSmall, type Publication, suppressSystem } from '../domain/complementarySuppression.js';
import { SMALL_COUNT_THRESHOLD } from '../domain/smallCounts.js';

export interface MonitorCaseFact {
  municipality: string;
  year: string;
  registrant: string;
  questionKind: string;
  problems: readonly string[];
  school: 'ja' | 'nee' | 'onbekend';
  analysis: string;
  escalation: string;
  measure: string;
}
/** One DBT commitment or one placement decision: the year it belongs to and its state. */
export interface MonitorUnitFact {
  municipality: string;
  year: string;
  row: string;
}
export interface MonitorFacts {
  cases: readonly MonitorCaseFact[];
  commitments: readonly MonitorUnitFact[];
  placements: readonly MonitorUnitFact[];
}

/** The key a municipality is known by (free text on the case: compared trimmed and case-insensitive). */
export const municipalityKey = (name: string): string => name.trim().toLocaleLowerCase('nl');

interface TableShape {
  id: MonitorTableId;
  columns: readonly string[];
  partition: boolean;
  cellId: (row: string, col: string) => string;
  rowTotalId: (row: string) => string;
  columnTotalId: (col: string) => string;
  grandTotalId: string;
  /** Each fact of the unit adds 1 to these (row, column) cells. */
  cellsOf: (facts: MonitorFacts) => Array<[string, string]>;
}

const YEARLY_CASES = (id: MonitorTableId, field: keyof MonitorCaseFact, years: readonly string[]): TableShape => ({
  id,
  columns: years,
  partition: true,
  cellId: (r, c) => `${id}|${r}|${c}`,
  rowTotalId: (r) => (id === 'aanmelders' ? `aanmelder|${r}` : `${id}|${r}|*`),
  columnTotalId: (c) => `casussen|${c}`,
  grandTotalId: 'casussen',
  cellsOf: (f) => f.cases.map((c) => [c[field] as string, c.year]),
});

function shapes(years: readonly string[]): TableShape[] {
  const units = (
    id: 'toezeggingen' | 'plaatsingen',
    unit: string,
    pick: (f: MonitorFacts) => readonly MonitorUnitFact[],
  ) =>
    ({
      id,
      columns: years,
      partition: true,
      cellId: (r, c) => `${id}|${r}|${c}`,
      rowTotalId: (r) => `${id}|${r}|*`,
      columnTotalId: (c) => `${unit}|${c}`,
      grandTotalId: unit,
      cellsOf: (f) => pick(f).map((u) => [u.row, u.year]),
    }) satisfies TableShape;
  return [
    YEARLY_CASES('aanmelders', 'registrant', years),
    YEARLY_CASES('vraag', 'questionKind', years),
    {
      id: 'problemen',
      columns: years,
      partition: false,
      cellId: (r, c) => `problemen|${r}|${c}`,
      rowTotalId: (r) => `problemen|${r}|*`,
      columnTotalId: (c) => `casussen|${c}`,
      grandTotalId: 'casussen',
      cellsOf: (f) => f.cases.flatMap((c) => [...new Set(c.problems)].map((p): [string, string] => [p, c.year])),
    },
    {
      id: 'school',
      columns: MONITOR_TABLES.school.columns,
      partition: true,
      cellId: (r, c) => `school|${r}|${c}`,
      rowTotalId: (r) => `aanmelder|${r}`,
      columnTotalId: (c) => `school|*|${c}`,
      grandTotalId: 'casussen',
      cellsOf: (f) => f.cases.map((c) => [c.registrant, c.school]),
    },
    YEARLY_CASES('analyse', 'analysis', years),
    YEARLY_CASES('escalatie', 'escalation', years),
    YEARLY_CASES('maatregel', 'measure', years),
    units('toezeggingen', 'toezeggingen', (f) => f.commitments),
    units('plaatsingen', 'besluiten', (f) => f.placements),
  ];
}

/** Every figure's true count and the equations between them, for one scope (ids unprefixed). */
function scopeFigures(facts: MonitorFacts, years: readonly string[]) {
  const values = new Map<string, number>();
  const published = new Set<string>();
  const totals = new Set<string>();
  const equations: CountEquation[] = [];
  const add = (id: string, n = 0) => values.set(id, (values.get(id) ?? 0) + n);
  for (const s of shapes(years)) {
    const rows = MONITOR_TABLES[s.id].rows as readonly string[];
    for (const r of rows) for (const c of s.columns) add(s.cellId(r, c)), published.add(s.cellId(r, c));
    for (const [r, c] of s.cellsOf(facts)) {
      // Facts outside the fixed lists or years are not counted anywhere (monitor.ts maps them first).
      if (!rows.includes(r) || !s.columns.includes(c)) throw new RangeError(`${s.id}: no row ${r} / column ${c}`);
      add(s.cellId(r, c), 1);
    }
    for (const r of rows) {
      const parts = s.columns.map((c) => s.cellId(r, c));
      values.set(
        s.rowTotalId(r),
        parts.reduce((sum, p) => sum + (values.get(p) as number), 0),
      );
      equations.push({ total: s.rowTotalId(r), parts });
      published.add(s.rowTotalId(r));
      totals.add(s.rowTotalId(r));
    }
    const grand =
      s.id === 'problemen' ? facts.cases.length : rows.reduce((n, r) => n + (values.get(s.rowTotalId(r)) as number), 0);
    values.set(s.grandTotalId, grand);
    published.add(s.grandTotalId);
    totals.add(s.grandTotalId);
    for (const c of s.columns) {
      const colId = s.columnTotalId(c);
      if (s.partition) {
        const parts = rows.map((r) => s.cellId(r, c));
        values.set(
          colId,
          parts.reduce((sum, p) => sum + (values.get(p) as number), 0),
        );
        equations.push({ total: colId, parts });
        published.add(colId);
        totals.add(colId);
      }
    }
    if (s.partition) {
      equations.push({ total: s.grandTotalId, parts: rows.map((r) => s.rowTotalId(r)) });
      equations.push({ total: s.grandTotalId, parts: s.columns.map((c) => s.columnTotalId(c)) });
    }
  }
  // Problems: a case is in several rows, so only "with" and "without" add up — the without is implicit.
  for (const r of MONITOR_TABLES.problemen.rows) {
    for (const y of years) {
      const cell = `problemen|${r}|${y}`;
      const without = `zonder|${r}|${y}`;
      values.set(without, (values.get(`casussen|${y}`) as number) - (values.get(cell) as number));
      equations.push({ total: `casussen|${y}`, parts: [cell, without] });
    }
    const without = `zonder|${r}|*`;
    values.set(without, facts.cases.length - (values.get(`problemen|${r}|*`) as number));
    equations.push({ total: 'casussen', parts: [`problemen|${r}|*`, without] });
    equations.push({ total: without, parts: years.map((y) => `zonder|${r}|${y}`) });
  }
  return { values, published, totals, equations };
}

export interface ScopedMonitor {
  /** Tables of the region, and per municipality key the tables of that municipality. */
  region: MonitorTable[];
  municipalities: Map<string, MonitorTable[]>;
}

/**
 * The region's tables and its municipalities' tables, suppressed together. `facts` are the region's;
 * each fact's municipality decides which municipality it also counts for.
 */
export function buildScopedMonitor(
  facts: MonitorFacts,
  years: readonly string[],
  /** Tests only: primary suppression alone, to show the attack finds what complementary suppression prevents. */
  options: { primaryOnly?: boolean } = {},
): ScopedMonitor {
  const byMunicipality = new Map<string, MonitorFacts>();
  const bucket = (m: string) => {
    const key = municipalityKey(m);
    let f = byMunicipality.get(key);
    if (!f) {
      f = { cases: [], commitments: [], placements: [] };
      byMunicipality.set(key, f);
    }
    return f as { cases: MonitorCaseFact[]; commitments: MonitorUnitFact[]; placements: MonitorUnitFact[] };
  };
  for (const c of facts.cases) bucket(c.municipality).cases.push(c);
  for (const c of facts.commitments) bucket(c.municipality).commitments.push(c);
  for (const p of facts.placements) bucket(p.municipality).placements.push(p);

  const scopes: Array<[string, MonitorFacts]> = [
    ['R', facts],
    ...[...byMunicipality].map(([k, f]): [string, MonitorFacts] => [`M:${k}`, f]),
  ];
  const values = new Map<string, number>();
  const published = new Set<string>();
  const priority = new Map<string, number>();
  const equations: CountEquation[] = [];
  const regionIds: string[] = [];
  for (const [scope, f] of scopes) {
    const s = scopeFigures(f, years);
    for (const [id, n] of s.values) {
      values.set(`${scope}#${id}`, n);
      // Hide a municipality's cell before its totals, and any municipality figure before the region's.
      // The region's headline totals (cases, commitments, decisions, per year) last of all.
      const headline = /^(casussen|toezeggingen|besluiten)(\|\d{4})?$/.test(id);
      priority.set(
        `${scope}#${id}`,
        (scope === 'R' ? 2 : 0) + (s.totals.has(id) ? 1 : 0) + (scope === 'R' && headline ? 1 : 0),
      );
      if (scope === 'R') regionIds.push(id);
    }
    for (const id of s.published) published.add(`${scope}#${id}`);
    for (const e of s.equations)
      equations.push({ total: `${scope}#${e.total}`, parts: e.parts.map((p) => `${scope}#${p}`) });
  }
  // Also with one municipality: its figures and the region's are then the same figures, suppressed once
  // (two systems with different priorities could hide different halves of one line).
  if (byMunicipality.size > 0)
    for (const id of regionIds)
      equations.push({ total: `R#${id}`, parts: [...byMunicipality.keys()].map((k) => `M:${k}#${id}`) });
  const status = options.primaryOnly
    ? new Map([...published].map((v): [string, Publication] => [v, isSmall(values.get(v) as number) ? '<5' : 'shown']))
    : suppressSystem({ values, published, equations, priority });
  const tablesOf = (scope: string) => publishTables(scope, years, values, status);
  return {
    region: tablesOf('R'),
    municipalities: new Map([...byMunicipality.keys()].map((k) => [k, tablesOf(`M:${k}`)])),
  };
}

function shown(n: number, s: Publication): SuppressedCount {
  return s === 'shown' ? n : s;
}

function publishTables(
  scope: string,
  years: readonly string[],
  values: ReadonlyMap<string, number>,
  status: ReadonlyMap<string, Publication>,
): MonitorTable[] {
  const fig = (id: string): SuppressedCount => {
    const key = `${scope}#${id}`;
    const s = status.get(key);
    if (s === undefined) throw new Error(`figure ${key} is not published`);
    return shown(values.get(key) as number, s);
  };
  return shapes(years).map((s) => {
    const def = MONITOR_TABLES[s.id];
    const rows = def.rows as readonly string[];
    return {
      id: s.id,
      title: def.title,
      unit: def.unit,
      rows: [...rows],
      rowLabels: rows.map((r) => monitorRowLabel(s.id, r)),
      columns: [...s.columns],
      columnLabels: s.columns.map((c) => monitorColumnLabel(s.id, c)),
      cells: rows.map((r) => s.columns.map((c) => fig(s.cellId(r, c)))),
      rowTotals: rows.map((r) => fig(s.rowTotalId(r))),
      rowTotalIds: rows.map((r) => s.rowTotalId(r)),
      columnTotals: s.partition ? s.columns.map((c) => fig(s.columnTotalId(c))) : null,
      columnTotalIds: s.columns.map((c) => s.columnTotalId(c)),
      grandTotal: fig(s.grandTotalId),
      grandTotalId: s.grandTotalId,
      partition: s.partition,
    };
  });
}

export { SMALL_COUNT_THRESHOLD };
