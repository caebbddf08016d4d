/**
 * The decisions the explanatory analysis binds (002 h1 and "Pas op de plaats"), a region's own settings,
 * and what the young person and parents see of an escalation: the wire contracts, typed once.
 */
import { z } from 'zod';
import type { Role } from './access.js';
import { REGIONS } from './caseSchemas.js';

const text = (what: string, max = 4000) =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(max);

// ---- Region settings -------------------------------------------------------------------------------

/** Defaults: an analysis is "recent" for 6 months; the West-Friesland rule (004 actie 4) is off. */
export const REGION_DEFAULTS = {
  analysisRecentMonths: 6,
  westFrieslandRule: false,
  wfContactDays: 14,
  wfEscalationDays: 42,
} as const;

export const RegionSettingsViewSchema = z.object({
  region: z.enum(REGIONS),
  analysisRecentMonths: z.number().int(),
  westFrieslandRule: z.boolean(),
  wfContactDays: z.number().int(),
  wfEscalationDays: z.number().int(),
  updatedAt: z.string().nullable(),
});
export type RegionSettingsView = z.infer<typeof RegionSettingsViewSchema>;

export const RegionSettingsBodySchema = z
  .strictObject({
    analysisRecentMonths: z.number().int().min(1, 'at least 1 month').max(24, 'at most 24 months').optional(),
    westFrieslandRule: z.boolean().optional(),
    wfContactDays: z.number().int().min(1).max(60).optional(),
    wfEscalationDays: z.number().int().min(7).max(180).optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), { message: 'give at least one setting' })
  .refine(
    (b) => b.wfContactDays === undefined || b.wfEscalationDays === undefined || b.wfContactDays < b.wfEscalationDays,
    {
      message: 'the contact moment comes before the escalation moment',
    },
  );
export type RegionSettingsBody = z.infer<typeof RegionSettingsBodySchema>;
/** `GET|PUT /api/regions/:region/settings` */
export const RegionSettingsResponseSchema = z.object({ settings: RegionSettingsViewSchema });
export type RegionSettingsResponse = z.infer<typeof RegionSettingsResponseSchema>;

// ---- Placement decisions ---------------------------------------------------------------------------

export const PLACEMENT_KINDS = ['uithuisplaatsing', 'gesloten-plaatsing'] as const;
export type PlacementKind = (typeof PLACEMENT_KINDS)[number];

/**
 * Who records a placement decision (domain §2): the GI's child-protection worker and behavioural expert
 * (the GI is responsible that an analysis underlies it) and the RET process director (RET placement).
 */
export const PLACEMENT_DECIDERS: readonly Role[] = ['jeugdbeschermer', 'gedragswetenschapper', 'procesregisseur'];

export const PlacementDecisionBodySchema = z.strictObject({
  kind: z.enum(PLACEMENT_KINDS, { message: `kind must be one of ${PLACEMENT_KINDS.join(', ')}` }),
  /** What is decided, in plain words. */
  decision: text('decision'),
  /** Does the decision follow the analysis (binding advice)? */
  followsAnalysis: z.boolean({ message: 'followsAnalysis must be true or false' }),
  /** Required when the decision departs from the analysis. */
  departureReason: z.string().trim().max(4000).optional(),
  /** Required for a closed placement: the independent GZ psychologist who judges the request. */
  gzPsycholoogId: z.string().min(1).max(100).optional(),
});
export type PlacementDecisionBody = z.infer<typeof PlacementDecisionBodySchema>;

/** The analysis version a decision or an escalation step rests on, readable: not an id. */
export const AnalysisVersionViewSchema = z.object({
  versionId: z.string(),
  name: z.string(),
  signedOffAt: z.string(),
  signedOffBy: z.string(),
  sections: z.array(z.object({ title: z.string(), text: z.string() })),
});
export type AnalysisVersionView = z.infer<typeof AnalysisVersionViewSchema>;

export const PlacementDecisionViewSchema = z.object({
  id: z.string(),
  kind: z.enum(PLACEMENT_KINDS),
  decision: z.string(),
  followsAnalysis: z.boolean(),
  departureReason: z.string().nullable(),
  gzPsycholoog: z.object({ id: z.string(), name: z.string() }).nullable(),
  analysis: z.object({ versionId: z.string(), name: z.string(), signedOffAt: z.string() }),
  decidedBy: z.string(),
  decidedByRole: z.string(),
  decidedAt: z.string(),
});
export type PlacementDecisionView = z.infer<typeof PlacementDecisionViewSchema>;
export const PlacementDecisionResponseSchema = z.object({ decision: PlacementDecisionViewSchema });
export const PlacementDecisionsResponseSchema = z.object({ decisions: z.array(PlacementDecisionViewSchema) });
export type PlacementDecisionsResponse = z.infer<typeof PlacementDecisionsResponseSchema>;

// ---- Pas op de plaats: the joint risk record --------------------------------------------------------

/** The four sides that weigh and bear the risks jointly (002 "Pas op de plaats"). */
export const RISK_PARTIES = ['aanbieder', 'ouders', 'gi', 'jeugd-ggz'] as const;
export type RiskParty = (typeof RISK_PARTIES)[number];

/** Who may agree on behalf of a side, by role on the case. */
export const RISK_PARTY_ROLES: Readonly<Record<RiskParty, readonly Role[]>> = {
  aanbieder: ['jeugdhulpaanbieder'],
  ouders: ['ouder'],
  gi: ['jeugdbeschermer'],
  // Youth mental health (jeugd-GGZ): its behavioural scientist or its care professional on the case.
  'jeugd-ggz': ['gedragswetenschapper', 'jeugdhulpaanbieder'],
};

const party = z.enum(RISK_PARTIES, { message: `party must be one of ${RISK_PARTIES.join(', ')}` });

export const JointRiskBodySchema = z.strictObject({
  risks: z
    .array(
      z.strictObject({
        risk: text('risk', 1000),
        bornBy: z.array(party).min(1, 'name who bears the risk').max(RISK_PARTIES.length),
      }),
    )
    .min(1, 'name at least one risk')
    .max(30),
});
export type JointRiskBody = z.infer<typeof JointRiskBodySchema>;
export const JointRiskAgreementBodySchema = z.strictObject({ party });

export const JointRiskViewSchema = z.object({
  id: z.string(),
  risks: z.array(z.object({ risk: z.string(), bornBy: z.array(party) })),
  createdBy: z.string(),
  createdAt: z.string(),
  agreements: z.array(z.object({ party, name: z.string(), role: z.string(), agreedAt: z.string() })),
  /** Every one of the four sides agreed. */
  agreedByAll: z.boolean(),
});
export type JointRiskView = z.infer<typeof JointRiskViewSchema>;
export const JointRiskResponseSchema = z.object({ record: JointRiskViewSchema });
export const JointRisksResponseSchema = z.object({ records: z.array(JointRiskViewSchema) });
export type JointRisksResponse = z.infer<typeof JointRisksResponseSchema>;

// ---- West-Friesland: GI and local team disagree, help starts anyway -----------------------------------

export const HelpDisagreementBodySchema = z.strictObject({
  /** Which help starts anyway. */
  helpStarted: text('helpStarted', 1000),
  giView: text('giView'),
  localTeamView: text('localTeamView'),
});
export type HelpDisagreementBody = z.infer<typeof HelpDisagreementBodySchema>;
export const HelpDisagreementViewSchema = z.object({
  id: z.string(),
  helpStarted: z.string(),
  giView: z.string(),
  localTeamView: z.string(),
  recordedBy: z.string(),
  recordedAt: z.string(),
});
export const HelpDisagreementResponseSchema = z.object({ disagreement: HelpDisagreementViewSchema });
export const HelpDisagreementsResponseSchema = z.object({ disagreements: z.array(HelpDisagreementViewSchema) });
export type HelpDisagreementsResponse = z.infer<typeof HelpDisagreementsResponseSchema>;

// ---- What the young person and parents see of an escalation -------------------------------------------

export const PLAIN_COMMITMENT_STATES = ['open', 'met', 'overdue', 'released'] as const;

/** `GET /api/cases/:id/escalation/plain`: organisations and plain facts only, no names of people. */
export const PlainEscalationResponseSchema = z.object({
  level: z.enum(['lokaal', 'ret', 'ben-nh', 'dbt', 'gesloten']),
  steps: z.array(
    z.object({
      to: z.enum(['lokaal', 'ret', 'ben-nh', 'dbt', 'gesloten']),
      at: z.string(),
      why: z.string(),
      doorbraakaanpak: z.boolean(),
    }),
  ),
  commitments: z.array(
    z.object({
      organisation: z.string(),
      what: z.string(),
      dueAt: z.string(),
      status: z.enum(PLAIN_COMMITMENT_STATES),
      releaseReason: z.string().nullable(),
    }),
  ),
});
export type PlainEscalationResponse = z.infer<typeof PlainEscalationResponseSchema>;
