/**
 * The RET monitor (domain brief §6, issue 17): a set of count tables, every label from a fixed list
 * (never free text), every count either a number, '<5' (1–4) or 'hidden' (withheld so that no '<5' can
 * be worked out; CSV writes it as 'x'). Which figures are withheld is decided over all tables together
 * (server/src/domain/complementarySuppression.ts); a figure that appears in several tables (the total
 * of a year, the total of a registrant) carries the same `id` everywhere, so anyone can see they are one.
 */
import { z } from 'zod';
import type { Role } from './access.js';
import { PROBLEM_CATEGORIES, type ProblemCategory, REGISTRANTS } from './caseSchemas.js';
import { SuppressedCountSchema } from './escalationSchemas.js';

/** Who sees the monitor: the RET chair and BEN-NH adviser of a region, a municipality for itself. */
export const MONITOR_REGION_ROLES: readonly Role[] = ['procesregisseur', 'ben-adviseur'];
export const MONITOR_MUNICIPALITY_ROLES: readonly Role[] = ['gemeente'];

export const PROBLEM_CATEGORY_LABELS: Readonly<Record<ProblemCategory, string>> = {
  schoolverzuim: '(Dreigend) schoolverzuim',
  gedrag: 'Gedragsproblemen',
  hechting: 'Hechtingsproblemen',
  trauma: 'Trauma',
  autisme: 'Autisme',
  lvb: 'Licht verstandelijke beperking (LVB)',
  psychisch: 'Psychische problemen',
  eetproblemen: 'Eetproblemen',
  verslaving: 'Verslaving',
  onveiligheid: 'Onveiligheid',
  gezin: 'Spanningen in het gezin',
  'dreigende-uithuisplaatsing': 'Dreigende uithuisplaatsing',
  overig: 'Overig',
};

export const REGISTRANT_LABELS: Readonly<Record<string, string>> = {
  gi: 'Gecertificeerde instelling (GI)',
  'lokaal-team': 'Lokaal team',
  jeugdhulpaanbieder: 'Jeugdhulpaanbieder',
  ouders: 'Ouders',
  jeugdige: 'Jeugdige zelf',
  onderwijs: 'Onderwijs',
  anders: 'Anders',
  onbekend: 'Onbekend',
};

/** The tables, their row keys and the Dutch words for every key; the columns are years unless said. */
export const MONITOR_TABLES = {
  aanmelders: {
    title: 'Aanmeldingen per aanmelder',
    unit: 'casussen',
    rows: [...REGISTRANTS, 'onbekend'],
    labels: REGISTRANT_LABELS,
  },
  vraag: {
    title: 'Soort vraag',
    unit: 'casussen',
    rows: ['consultatie-advies', 'procesregie', 'onbekend'],
    labels: { 'consultatie-advies': 'Consultatie en advies', procesregie: 'Procesregie', onbekend: 'Onbekend' },
  },
  problemen: {
    title: 'Soort problematiek (een casus kan meer soorten hebben)',
    unit: 'casussen',
    rows: [...PROBLEM_CATEGORIES],
    labels: PROBLEM_CATEGORY_LABELS,
  },
  school: {
    title: 'Schoolgang naar aanmelder',
    unit: 'casussen',
    rows: [...REGISTRANTS, 'onbekend'],
    labels: REGISTRANT_LABELS,
    /** Columns are not years here. */
    columns: ['ja', 'nee', 'onbekend'],
    columnLabels: { ja: 'Gaat naar school', nee: 'Gaat niet naar school', onbekend: 'Onbekend' },
  },
  analyse: {
    title: 'Verklarende analyse en doorlooptijd',
    unit: 'casussen',
    rows: ['binnen-6-weken', '6-tot-12-weken', 'na-12-weken', 'geen'],
    labels: {
      'binnen-6-weken': 'Analyse binnen 6 weken',
      '6-tot-12-weken': 'Analyse in 6 tot 12 weken',
      'na-12-weken': 'Analyse na meer dan 12 weken',
      geen: '(Nog) geen analyse',
    },
  },
  escalatie: {
    title: 'Hoogste trede: RET, BEN-NH of Doorbraakteam',
    unit: 'casussen',
    rows: ['ret', 'ben-nh', 'dbt'],
    labels: { ret: 'Alleen RET', 'ben-nh': 'BEN-NH betrokken', dbt: 'Verwezen naar het Doorbraakteam' },
  },
  maatregel: {
    title: 'Jeugdigen met een maatregel en de wachttijd op passende hulp',
    unit: 'casussen',
    rows: ['geen-maatregel', 'hulp-binnen-3-maanden', 'hulp-na-3-maanden', 'wacht-korter', 'wacht-langer'],
    labels: {
      'geen-maatregel': 'Geen maatregel',
      'hulp-binnen-3-maanden': 'Passende hulp binnen 3 maanden',
      'hulp-na-3-maanden': 'Passende hulp na meer dan 3 maanden',
      'wacht-korter': 'Wacht nog, korter dan 3 maanden',
      'wacht-langer': 'Wacht langer dan 3 maanden',
    },
  },
  toezeggingen: {
    title: 'Toezeggingen van het Doorbraakteam',
    unit: 'toezeggingen',
    rows: ['open', 'verlopen', 'nagekomen', 'losgelaten'],
    labels: { open: 'Open, op tijd', verlopen: 'Open en verlopen', nagekomen: 'Nagekomen', losgelaten: 'Losgelaten' },
  },
  plaatsingen: {
    title: 'Plaatsingsbesluiten en de verklarende analyse',
    unit: 'besluiten',
    rows: ['volgt-analyse', 'wijkt-af'],
    labels: { 'volgt-analyse': 'Volgt de analyse', 'wijkt-af': 'Wijkt af (met reden)' },
  },
} as const satisfies Record<
  string,
  {
    title: string;
    unit: string;
    rows: readonly string[];
    labels: Readonly<Record<string, string>>;
    columns?: readonly string[];
    columnLabels?: Readonly<Record<string, string>>;
  }
>;
export type MonitorTableId = keyof typeof MONITOR_TABLES;
export const MONITOR_TABLE_IDS = Object.keys(MONITOR_TABLES) as MonitorTableId[];

/** The Dutch label of a row key (or the key when the list does not know it: never free text, keys are fixed). */
export function monitorRowLabel(table: MonitorTableId, key: string): string {
  return (MONITOR_TABLES[table].labels as Record<string, string>)[key] ?? key;
}
export function monitorColumnLabel(table: MonitorTableId, key: string): string {
  const def = MONITOR_TABLES[table] as { columnLabels?: Record<string, string> };
  return def.columnLabels?.[key] ?? key;
}

/**
 * One published table. `cells[r][c]`; `rowTotals[r]` is the sum over the columns; `columnTotals[c]` the sum
 * over the rows — null where rows overlap (problems: a case can have several, so no column sum).
 * `*Ids` name the figure each total is, shared across tables (e.g. "casussen|2024").
 */
export const MonitorTableSchema = z.object({
  id: z.string(),
  title: z.string(),
  unit: z.string(),
  rows: z.array(z.string()),
  rowLabels: z.array(z.string()),
  columns: z.array(z.string()),
  columnLabels: z.array(z.string()),
  cells: z.array(z.array(SuppressedCountSchema)),
  rowTotals: z.array(SuppressedCountSchema),
  rowTotalIds: z.array(z.string()),
  columnTotals: z.array(SuppressedCountSchema).nullable(),
  columnTotalIds: z.array(z.string()),
  grandTotal: SuppressedCountSchema,
  grandTotalId: z.string(),
  /** True when each counted unit is in exactly one row (the column totals add up); false for problems. */
  partition: z.boolean(),
});
export type MonitorTable = z.infer<typeof MonitorTableSchema>;

export const MonitorScopeSchema = z.object({
  kind: z.enum(['regio', 'gemeente']),
  region: z.string(),
  municipality: z.string().nullable(),
});
export type MonitorScope = z.infer<typeof MonitorScopeSchema>;

export const MonitorViewSchema = z.object({
  generatedAt: z.string(),
  suppressedBelow: z.number(),
  scope: MonitorScopeSchema,
  years: z.array(z.string()),
  tables: z.array(MonitorTableSchema),
});
export type MonitorView = z.infer<typeof MonitorViewSchema>;
/** `GET /api/monitor[?municipality=…]` */
export const MonitorResponseSchema = z.object({ monitor: MonitorViewSchema });
export type MonitorResponse = z.infer<typeof MonitorResponseSchema>;
