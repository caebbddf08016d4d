/**
 * The structured part of the future plan (toekomstplan, domain brief §4): per life domain the situation,
 * goal, service and who pays now and from 18 with the switch arranged; the BIG5; the supporter; moves.
 * Server records (server/src/plan/), beside the collaborative document whose domain sections keep the
 * actions (who, by when). One list of funders, BIG5 items and move reasons for server and client.
 */
import { z } from 'zod';
import type { Role } from './access.js';
import { LIFE_DOMAINS } from './documents.js';

export const PLAN_DOMAINS = LIFE_DOMAINS.map(([id]) => id) as readonly PlanDomain[];
export type PlanDomain = (typeof LIFE_DOMAINS)[number][0];
export const PlanDomainSchema = z.enum(LIFE_DOMAINS.map(([id]) => id) as [PlanDomain, ...PlanDomain[]]);

/**
 * Who pays: the Jeugdwet until 18; from 18 the Wmo (municipal support), Zvw (health insurance), Wlz
 * (long-term care), Participatiewet (income, work), or extended youth care (Jeugdwet) to 21 (foster care)
 * or 23 (gezinshuis); education by the schools' partnership; 'geen' when nothing is paid for.
 */
export const FUNDERS = [
  'Jeugdwet',
  'Wmo',
  'Zvw',
  'Wlz',
  'Participatiewet',
  'verlengde-jeugdhulp-21',
  'verlengde-jeugdhulp-23',
  'onderwijs',
  'geen',
] as const;
export type Funder = (typeof FUNDERS)[number];
export const FunderSchema = z.enum(FUNDERS);

/** Extended youth care stays under the Jeugdwet with the same municipality: no new funder to engage. */
export const EXTENDED_YOUTH_CARE: readonly Funder[] = ['verlengde-jeugdhulp-21', 'verlengde-jeugdhulp-23'];

/** The BIG5 (VNG): a young person is let go only when all five are stable. */
export const BIG5_ITEMS = ['steun', 'wonen', 'werkSchool', 'inkomen', 'zorg'] as const;
export type Big5Item = (typeof BIG5_ITEMS)[number];
export const BIG5_STATUSES = ['stabiel', 'nog_niet', 'nvt'] as const;
export type Big5Status = (typeof BIG5_STATUSES)[number];

/** Which life domains a BIG5 item is derived from. */
export const BIG5_DOMAINS: Record<Big5Item, readonly PlanDomain[]> = {
  steun: ['netwerk'],
  wonen: ['wonen'],
  werkSchool: ['onderwijs', 'werk'],
  inkomen: ['inkomen'],
  zorg: ['zorg'],
};

/** The young person's supporter from 16 (domain brief §4). */
export const SUPPORTER_KINDS = ['jim', 'clientondersteuner', 'jeugdregisseur', 'resourcegroep'] as const;
export type SupporterKind = (typeof SUPPORTER_KINDS)[number];

/**
 * Why someone moved. A change of funding at 18 is never a reason to move (domain brief §4), so it is
 * not on the list; a move within MOVE_WINDOW_MONTHS of the 18th birthday needs a reason.
 */
export const MOVE_REASONS = ['eigen_keuze', 'zorgbehoefte', 'veiligheid', 'opleiding_werk', 'anders'] as const;
export type MoveReason = (typeof MOVE_REASONS)[number];
export const MOVE_WINDOW_MONTHS = 6;

/**
 * Who writes what (server: plan/planRules.ts; client: which fields are inputs).
 *  - the director (regie): the local team from 16, with the GI when there is a measure — funders, the
 *    switch, the BIG5 confirmation, the supporter;
 *  - the professionals who draft the plan with the young person — situation, goal, service;
 *  - the young person — their own comment on each domain (their picture of the future is the own-words
 *    section of the document).
 */
export const PLAN_DIRECTORS: readonly Role[] = ['lokaal-team', 'jeugdbeschermer'];
export const PLAN_DRAFTERS: readonly Role[] = [
  'lokaal-team',
  'jeugdbeschermer',
  'jeugdhulpaanbieder',
  'gedragswetenschapper',
  'onderwijsconsulent',
  'procesregisseur',
];
export const PLAN_MOVE_RECORDERS: readonly Role[] = PLAN_DRAFTERS;

const text = (max: number) => z.string().trim().max(max);
const date = z.iso.date({ message: 'expected a date (2026-03-01)' });

export const PlanDomainViewSchema = z.object({
  domain: PlanDomainSchema,
  situation: z.string(),
  goal: z.string(),
  service: z.string(),
  funderNow: FunderSchema.nullable(),
  funderFrom18: FunderSchema.nullable(),
  switchArrangedOn: z.string().nullable(),
  switchContact: z.string(),
  youthComment: z.string(),
  updatedAt: z.string().nullable(),
  updatedByName: z.string().nullable(),
});
export type PlanDomainView = z.infer<typeof PlanDomainViewSchema>;

/** A change to one domain: only the fields given are written (each by the roles allowed to). */
export const PlanDomainBodySchema = z
  .object({
    situation: text(4000),
    goal: text(4000),
    service: text(1000),
    funderNow: FunderSchema.nullable(),
    funderFrom18: FunderSchema.nullable(),
    switchArrangedOn: date.nullable(),
    switchContact: text(200),
    youthComment: text(4000),
  })
  .partial()
  .strict();
export type PlanDomainBody = z.infer<typeof PlanDomainBodySchema>;

export const Big5ViewSchema = z.object({
  item: z.enum(BIG5_ITEMS),
  derived: z.enum(BIG5_STATUSES),
  confirmed: z.enum(BIG5_STATUSES).nullable(),
  confirmedByName: z.string().nullable(),
  confirmedAt: z.string().nullable(),
});
export type Big5View = z.infer<typeof Big5ViewSchema>;

export const Big5BodySchema = z.object({ item: z.enum(BIG5_ITEMS), status: z.enum(BIG5_STATUSES) }).strict();
export type Big5Body = z.infer<typeof Big5BodySchema>;

export const SupporterBodySchema = z.object({ kind: z.enum(SUPPORTER_KINDS).nullable(), name: text(200) }).strict();
export type SupporterBody = z.infer<typeof SupporterBodySchema>;

export const MoveBodySchema = z
  .object({
    movedOn: date,
    newAddressKind: text(200),
    reason: z.enum(MOVE_REASONS).nullable(),
    explanation: text(2000),
  })
  .partial({ reason: true, explanation: true, newAddressKind: true })
  .strict();
export type MoveBody = z.infer<typeof MoveBodySchema>;

export const MoveViewSchema = z.object({
  id: z.string(),
  movedOn: z.string(),
  newAddressKind: z.string(),
  reason: z.enum(MOVE_REASONS).nullable(),
  explanation: z.string(),
  nearEighteen: z.boolean(),
  recordedByName: z.string(),
  recordedAt: z.string(),
});
export type MoveView = z.infer<typeof MoveViewSchema>;

/** The three checks of the municipality's half-year check (domain brief §4), computed from content. */
export const HALF_YEAR_CHECKS = ['planExists', 'newFunderEngaged', 'updatedRecently'] as const;
/** Who reads the half-year check's counts: the policy officer (own municipality), the RET and BEN (region). */
export const HALF_YEAR_COUNTS_ROLES = ['gemeente', 'procesregisseur', 'ben-adviseur'] as const;
export type HalfYearCheck = (typeof HALF_YEAR_CHECKS)[number];

export const HalfYearResultSchema = z.object({
  /** The young person is 16 or over (and the case open): the check applies. */
  applies: z.boolean(),
  passing: z.boolean(),
  checks: z.record(z.enum(HALF_YEAR_CHECKS), z.boolean()),
  /** Domains whose funding changes at 18 and whose new funder is not engaged (date and contact). */
  domainsNotEngaged: z.array(PlanDomainSchema),
});
export type HalfYearResult = z.infer<typeof HalfYearResultSchema>;

export const FuturePlanViewSchema = z.object({
  caseId: z.string(),
  /** When the young person turns 18 (YYYY-MM-DD). */
  eighteenOn: z.string(),
  supporterKind: z.enum(SUPPORTER_KINDS).nullable(),
  supporterName: z.string(),
  updatedAt: z.string().nullable(),
  domains: z.array(PlanDomainViewSchema),
  big5: z.array(Big5ViewSchema),
  allStable: z.boolean(),
  moves: z.array(MoveViewSchema),
  /** Only for professionals on the case; null for the young person and parents. */
  halfYearCheck: HalfYearResultSchema.nullable(),
  /** What the reader may write, so the client shows inputs only where the server will accept them. */
  mayWrite: z.object({ director: z.boolean(), drafter: z.boolean(), youth: z.boolean() }),
});
export type FuturePlanView = z.infer<typeof FuturePlanViewSchema>;
/** The plan's records as the case export holds them (shared/src/caseExportSchemas.ts): no check, no write rights. */
export const FuturePlanRecordSchema = FuturePlanViewSchema.omit({ halfYearCheck: true, mayWrite: true });
export type FuturePlanRecord = z.infer<typeof FuturePlanRecordSchema>;
export const FuturePlanResponseSchema = z.object({ plan: FuturePlanViewSchema });

/** Counts only, never content: per check, per municipality, per region. */
const CountLineSchema = z.object({
  total: z.union([z.number(), z.literal('<5'), z.literal('hidden')]),
  passing: z.union([z.number(), z.literal('<5'), z.literal('hidden')]),
  failing: z.union([z.number(), z.literal('<5'), z.literal('hidden')]),
});
export type HalfYearCountLine = z.infer<typeof CountLineSchema>;
export const HalfYearCountsSchema = z.object({
  scope: z.object({ region: z.string().nullable(), municipality: z.string().nullable() }),
  overall: CountLineSchema,
  perCheck: z.record(z.enum(HALF_YEAR_CHECKS), CountLineSchema),
  perMunicipality: z.array(CountLineSchema.extend({ municipality: z.string() })),
  perRegion: z.array(CountLineSchema.extend({ region: z.string() })),
  /** Moves recorded within 6 months of the 18th birthday, per reason. */
  movesNearEighteen: z.record(z.string(), z.union([z.number(), z.literal('<5'), z.literal('hidden')])),
  suppressedBelow: z.number(),
});
export type HalfYearCounts = z.infer<typeof HalfYearCountsSchema>;
export const HalfYearCountsResponseSchema = z.object({ counts: HalfYearCountsSchema });

/** The failing half-year checks of the cases the professional is on (content stays on the case). */
export const HalfYearFailingResponseSchema = z.object({
  cases: z.array(
    z.object({
      caseId: z.string(),
      youngPersonName: z.string(),
      failing: z.array(z.enum(HALF_YEAR_CHECKS)),
      domainsNotEngaged: z.array(PlanDomainSchema),
    }),
  ),
});
export type HalfYearFailingResponse = z.infer<typeof HalfYearFailingResponseSchema>;
