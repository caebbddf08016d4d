/**
 * `demo-region --cases 400 [--seed 17]`: synthetic RET cases across the nine regions, shaped like the
 * 2024 figures of the RET monitor (`003`): 213 cases, Amsterdam-Amstelland 58 … Haarlemmermeer 3; the GI
 * registers 34%, parents stay few; 27% does not attend school (local teams 34%, providers 41%, GI 18%);
 * BEN-NH joins 14%, the DBT takes about 4%. Spread over the last four years with growth, with analyses
 * (and how long they took), escalation steps, DBT commitments (met, open, overdue) and placement
 * decisions (most follow the analysis). Names are plainly fake ("Demo-jeugdige 0001"). Deterministic for
 * a seed and a clock, and callable from tests (`generateDemoRegion`), so the monitor shows real numbers.
 * The rows are written straight into the tables the monitor reads; no documents, no accounts.
 */
import { parseArgs } from 'node:util';
import { REGIONS, type Region } from '@samenspraak/shared';
import type { Config } from '../../config.js';
import type { AppDb } from '../../db/database.js';
import { decisionsDb } from '../../decisions/decisionsDb.js';
import { escalationDb } from '../../escalation/escalationDb.js';
import { openConfiguredDatabase } from './configuredDatabase.js';

/** Cases per RET region in 2024 (`003`); Zuid-Kennemerland and IJmond's 26 split 16/10. */
const REGION_WEIGHTS: Record<Region, number> = {
  'Amsterdam-Amstelland': 58,
  'Gooi en Vechtstreek': 16,
  Haarlemmermeer: 3,
  'Kop van Noord-Holland': 16,
  'Alkmaar (Noord-Kennemerland)': 23,
  'West-Friesland': 44,
  'Zaanstreek-Waterland': 27,
  'Zuid-Kennemerland': 16,
  IJmond: 10,
};

/** A few municipalities per region (public names; the children are not). */
export const DEMO_MUNICIPALITIES: Record<Region, readonly string[]> = {
  'Amsterdam-Amstelland': ['Amsterdam', 'Amstelveen', 'Diemen', 'Ouder-Amstel'],
  'Gooi en Vechtstreek': ['Hilversum', 'Gooise Meren', 'Huizen'],
  Haarlemmermeer: ['Haarlemmermeer'],
  'Kop van Noord-Holland': ['Den Helder', 'Schagen', 'Hollands Kroon'],
  'Alkmaar (Noord-Kennemerland)': ['Alkmaar', 'Dijk en Waard', 'Bergen'],
  'West-Friesland': ['Hoorn', 'Enkhuizen', 'Medemblik', 'Koggenland'],
  'Zaanstreek-Waterland': ['Zaanstad', 'Purmerend', 'Edam-Volendam'],
  'Zuid-Kennemerland': ['Haarlem', 'Zandvoort', 'Bloemendaal'],
  IJmond: ['Velsen', 'Beverwijk', 'Heemskerk'],
};

type Weights<T extends string> = ReadonlyArray<readonly [T, number]>;
const REGISTRANT_WEIGHTS: Weights<string> = [
  ['gi', 34],
  ['lokaal-team', 24],
  ['jeugdhulpaanbieder', 20],
  ['onderwijs', 9],
  ['ouders', 6],
  ['jeugdige', 3],
  ['anders', 4],
];
/** Share NOT attending school, by registrant (`003`: local teams 34%, providers 41%, GI 18%, overall 27%). */
const NO_SCHOOL: Record<string, number> = { 'lokaal-team': 0.34, jeugdhulpaanbieder: 0.41, gi: 0.18 };
/** Problems more likely by registrant (`003`: local teams cognitive and overloaded parents; GI and providers behaviour and attachment). */
const PROBLEMS_BY_REGISTRANT: Record<string, readonly string[]> = {
  'lokaal-team': ['lvb', 'gezin', 'schoolverzuim'],
  gi: ['gedrag', 'hechting', 'onveiligheid', 'dreigende-uithuisplaatsing'],
  jeugdhulpaanbieder: ['gedrag', 'hechting', 'trauma', 'psychisch'],
  onderwijs: ['schoolverzuim', 'autisme', 'gedrag'],
};
const OTHER_PROBLEMS = ['trauma', 'autisme', 'psychisch', 'eetproblemen', 'verslaving', 'overig'];

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T extends string>(rnd: () => number, weights: Weights<T>): T {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let x = rnd() * total;
  for (const [v, w] of weights) {
    x -= w;
    if (x < 0) return v;
  }
  return (weights[weights.length - 1] as readonly [T, number])[0];
}

const DAY = 24 * 3600 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();

export interface DemoRegionOptions {
  cases: number;
  seed?: number;
  /** "Now": cases fall in this year and the three before it, none after now. */
  now: Date;
  /** Only these regions (tests); default all nine, weighted as in 2024. */
  regions?: readonly Region[];
}

export interface DemoRegionSummary {
  cases: number;
  perRegion: Record<string, number>;
  commitments: number;
  placements: number;
}

/**
 * Writes `options.cases` synthetic cases (ids "demo-region-<seed>-<n>", so a second run with another
 * seed adds, and the same seed twice is refused by the primary key rather than doubling).
 */
export async function generateDemoRegion(db: AppDb, options: DemoRegionOptions): Promise<DemoRegionSummary> {
  const seed = options.seed ?? 17;
  const rnd = seededRandom(seed);
  const now = options.now.getTime();
  const thisYear = options.now.getUTCFullYear();
  const regions = options.regions ?? REGIONS;
  const regionWeights: Weights<Region> = regions.map((r) => [r, REGION_WEIGHTS[r]] as const);
  // Growth over the years (`003`: more than in 2023): 2 : 3 : 4 : 4 for the four years up to now.
  const yearWeights: Weights<string> = [
    [String(thisYear - 3), 2],
    [String(thisYear - 2), 3],
    [String(thisYear - 1), 4],
    [String(thisYear), 4],
  ];
  const edb = escalationDb(db);
  const ddb = decisionsDb(db);
  const summary: DemoRegionSummary = { cases: 0, perRegion: {}, commitments: 0, placements: 0 };
  for (let i = 0; i < options.cases; i += 1) {
    const id = `demo-region-${seed}-${String(i + 1).padStart(4, '0')}`;
    const region = pick(rnd, regionWeights);
    const municipalities = DEMO_MUNICIPALITIES[region];
    const municipality = municipalities[Math.floor(rnd() * municipalities.length)] as string;
    const year = Number(pick(rnd, yearWeights));
    const yearStart = Date.UTC(year, 0, 1);
    const yearEnd = Math.min(Date.UTC(year + 1, 0, 1) - DAY, now - DAY);
    const created = yearStart + Math.floor(rnd() * Math.max(1, yearEnd - yearStart));
    const registrant = pick(rnd, REGISTRANT_WEIGHTS);
    const noSchool = rnd() < (NO_SCHOOL[registrant] ?? 0.27);
    const problems = new Set<string>();
    for (const p of PROBLEMS_BY_REGISTRANT[registrant] ?? []) if (rnd() < 0.45) problems.add(p);
    for (const p of OTHER_PROBLEMS) if (rnd() < 0.1) problems.add(p);
    if (noSchool && rnd() < 0.7) problems.add('schoolverzuim');
    if (problems.size === 0) problems.add('overig');
    const questionKind = rnd() < (registrant === 'gi' ? 0.35 : 0.5) ? 'consultatie-advies' : 'procesregie';
    // The analysis: more often made for the GI's cases (`003`), took 3–18 weeks.
    const age = now - created;
    const analysisMade = rnd() < (registrant === 'gi' ? 0.75 : 0.55) && age > 21 * DAY;
    const analysisTook = (3 + Math.floor(rnd() * 15)) * 7 * DAY;
    const completed = analysisMade && created + analysisTook < now ? created + analysisTook : null;
    // A child-protection measure mostly when the GI registered; help started, late, or not yet.
    const measure = registrant === 'gi' ? rnd() < 0.8 : rnd() < 0.1;
    const measureStart = measure ? created - Math.floor(rnd() * 60) * DAY : null;
    const helpAfter =
      rnd() < 0.6 ? (14 + Math.floor(rnd() * 70)) * DAY : rnd() < 0.5 ? (100 + Math.floor(rnd() * 100)) * DAY : null;
    const helpStart =
      measureStart !== null && helpAfter !== null && measureStart + helpAfter < now ? measureStart + helpAfter : null;
    const level = rnd();
    const dbt = completed !== null && level < 0.045;
    const ben = dbt || level < 0.14;
    const closed = year < thisYear - 1 && rnd() < 0.7;
    await edb
      .insertInto('cases')
      .values({
        id,
        young_person_name: `Demo-jeugdige ${String(i + 1).padStart(4, '0')}`,
        date_of_birth: iso(created - (8 + Math.floor(rnd() * 10)) * 365 * DAY - Math.floor(rnd() * 300) * DAY).slice(
          0,
          10,
        ),
        municipality,
        region,
        status: closed ? 'afgeschaald' : completed ? 'monitoring' : 'analyse_en_planvorming',
        responsible_scientist_id: null,
        parents_consent: 0,
        created_at: iso(created),
        closed_at: closed ? iso(Math.min(now - DAY, created + 200 * DAY)) : null,
        retention_until: null,
        registered_by: registrant,
        problem_categories: JSON.stringify([...problems]),
        attends_school: noSchool ? 0 : rnd() < 0.08 ? null : 1,
        destroyed_at: null,
        created_by: null,
        requester: null,
        question: null,
        process_director_id: null,
        question_kind: questionKind,
        analysis_requested_at: iso(created),
        analysis_completed_at: completed === null ? null : iso(completed),
        measure_started_at: measureStart === null ? null : iso(measureStart),
        help_started_at: helpStart === null ? null : iso(helpStart),
        last_progress_at: null,
        future_plan_checked_at: null,
      } as never)
      .execute();
    summary.cases += 1;
    summary.perRegion[region] = (summary.perRegion[region] ?? 0) + 1;
    const steps: Array<[string, string]> = [['lokaal', 'ret']];
    if (ben) steps.push(['ret', 'ben-nh']);
    if (dbt) steps.push(['ben-nh', 'dbt']);
    let at = created + 7 * DAY;
    for (const [position, [from, to]] of steps.entries()) {
      at = Math.min(now - DAY, at + 20 * DAY);
      await edb
        .insertInto('escalation_steps')
        .values({
          id: `${id}-step-${position}`,
          case_id: id,
          position,
          from_level: from,
          to_level: to,
          bottleneck: 'Demogegevens: geen passende hulp beschikbaar.',
          tried: 'Demogegevens.',
          decided_by: 'demo-region',
          decided_by_role: 'procesregisseur',
          decided_at: iso(at),
          analysis_doc_id: null,
          analysis_version: null,
          analysis_snapshot: null,
          analysis_version_id: null,
          doorbraakaanpak: 0,
        })
        .execute();
    }
    if (dbt) {
      const n = 2 + Math.floor(rnd() * 3);
      for (let k = 0; k < n; k += 1) {
        const due = at + (30 + Math.floor(rnd() * 120)) * DAY;
        const met = due < now && rnd() < 0.6 ? Math.min(now - DAY, due - 5 * DAY) : null;
        const released = met === null && rnd() < 0.1 ? now - DAY : null;
        await edb
          .insertInto('commitments')
          .values({
            id: `${id}-commitment-${k}`,
            case_id: id,
            session_id: null,
            author_id: 'demo-region',
            organisation: 'Demo-organisatie',
            what: 'Demogegevens: een passende plek.',
            law_or_budget: 'Jeugdwet',
            due_at: iso(due),
            met_at: met === null ? null : iso(met),
            met_by: met === null ? null : 'demo-region',
            created_at: iso(at),
            released_at: released === null ? null : iso(released),
            released_by: released === null ? null : 'demo-region',
            release_reason: released === null ? null : 'Demogegevens.',
          })
          .execute();
        summary.commitments += 1;
      }
    }
    if (completed !== null && rnd() < 0.3) {
      const follows = rnd() < 0.8;
      const decided = Math.min(now - DAY, completed + (7 + Math.floor(rnd() * 40)) * DAY);
      await ddb
        .insertInto('placement_decisions')
        .values({
          id: `${id}-placement`,
          case_id: id,
          kind: 'uithuisplaatsing',
          decision: 'Demogegevens: plaatsing in een kleinschalige woonvoorziening.',
          follows_analysis: follows ? 1 : 0,
          departure_reason: follows ? null : 'Demogegevens: geen plek beschikbaar.',
          gz_psycholoog_id: null,
          gz_psycholoog_name: null,
          analysis_version_id: `${id}-analysis`,
          analysis_version_name: 'Demo-analyse',
          analysis_signed_off_at: iso(completed),
          decided_by: 'demo-region',
          decided_by_name: 'Demo procesregisseur',
          decided_by_role: 'procesregisseur',
          decided_at: iso(decided),
        })
        .execute();
      summary.placements += 1;
    }
  }
  return summary;
}

export const DEMO_REGION_USAGE = `  demo-region Create synthetic RET cases for the monitor (never in production).
          --cases <n>            how many (default 400, at most 5000)
          --seed <n>             the same seed gives the same cases (default 17)
`;

export async function demoRegionCommand(argv: string[], io: { config: Config; out: (text: string) => void }) {
  const { values } = parseArgs({
    args: argv,
    options: { cases: { type: 'string', default: '400' }, seed: { type: 'string', default: '17' } },
    strict: true,
  });
  const cases = Number(values.cases);
  const seed = Number(values.seed);
  if (!Number.isInteger(cases) || cases < 1 || cases > 5000)
    throw new Error('--cases must be a whole number from 1 to 5000');
  if (!Number.isInteger(seed)) throw new Error('--seed must be a whole number');
  if (io.config.production) throw new Error('demo-region refuses to run with NODE_ENV=production');
  const app = await openConfiguredDatabase(io.config);
  try {
    const summary = await generateDemoRegion(app.db, { cases, seed, now: new Date() });
    io.out(
      `${summary.cases} demo cases (${Object.entries(summary.perRegion)
        .map(([r, n]) => `${r} ${n}`)
        .join(', ')}), ${summary.commitments} DBT commitments, ${summary.placements} placement decisions.\n`,
    );
  } finally {
    await app.close();
  }
}
