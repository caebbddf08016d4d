/**
 * The sign-off of the explanatory analysis (002 h1: "gedragen", "binnen 6 weken", "mijlpalen en
 * overgangen"): what the behavioural scientist still lacks before signing off, the facts recorded for it
 * (why no young person or parent endorsed; that education was consulted), the 6-week clock and the
 * requests to update the analysis at milestones and transitions. Written once for server and client.
 */
import { z } from 'zod';
import { RecordedPersonSchema } from './documentContracts.js';

/** Why the sign-off rule says no (each an error id with Dutch words in errorWords.ts). */
export const SIGN_OFF_REFUSALS = [
  'signoff_required_empty',
  'signoff_not_endorsed',
  'signoff_child_view_missing',
  'signoff_education_missing',
] as const;
export type SignOffRefusal = (typeof SIGN_OFF_REFUSALS)[number];

/** Facts a professional records for the sign-off. */
export const SIGN_OFF_FACT_KINDS = ['no-endorsement-reason', 'education-consulted'] as const;
export type SignOffFactKind = (typeof SIGN_OFF_FACT_KINDS)[number];

/**
 * PUT /api/documents/:documentId/sign-off-facts — one fact (a new one supersedes the current of its kind).
 * `no-endorsement-reason`: why the young person and parents do not endorse (e.g. "Noor is 9"), and
 * that a professional wrote down the child's view (`childViewRecorded`). `education-consulted`: who of
 * education was consulted, and when (YYYY-MM-DD).
 */
export const SignOffFactSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('no-endorsement-reason'),
    words: z.string().trim().min(1, 'the reason is empty').max(2000),
    childViewRecorded: z.boolean(),
  }),
  z.object({
    kind: z.literal('education-consulted'),
    words: z.string().trim().min(1, 'say who was consulted').max(2000),
    consultedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a date YYYY-MM-DD'),
  }),
]);
export type SignOffFactBody = z.infer<typeof SignOffFactSchema>;

export const SignOffFactViewSchema = z.object({
  kind: z.enum(SIGN_OFF_FACT_KINDS),
  words: z.string(),
  childViewRecorded: z.boolean(),
  consultedOn: z.string().nullable(),
  recordedBy: RecordedPersonSchema,
  recordedAt: z.string(),
});
export type SignOffFactView = z.infer<typeof SignOffFactViewSchema>;

/** Why the named owner is asked to update the analysis. */
export const ANALYSIS_UPDATE_REASONS = [
  'changed-after-sign-off',
  'new-placement',
  'turned-16',
  'turned-18',
  'new-provider',
] as const;
export type AnalysisUpdateReason = (typeof ANALYSIS_UPDATE_REASONS)[number];

export const AnalysisUpdateRequestSchema = z.object({
  reason: z.enum(ANALYSIS_UPDATE_REASONS),
  requestedAt: z.string(),
});

/** The 6-week clock: from the request (or the case registration until a request is recorded). */
export const AnalysisClockSchema = z.object({
  /** The recorded request; null: not recorded, the clock runs from the case registration. */
  requestedAt: z.string().nullable(),
  startedAt: z.string(),
  dueAt: z.string(),
  /** Set by the sign-off: the clock stopped then. */
  stoppedAt: z.string().nullable(),
});
export type AnalysisClockView = z.infer<typeof AnalysisClockSchema>;

/** GET /api/documents/:documentId/sign-off — what a sign-off now needs, and where the analysis stands. */
export const SignOffStatusSchema = z.object({
  /** The content hash of the document as the reader can read it: what they endorse or sign off. */
  currentHash: z.string(),
  /** Empty: the rule allows a sign-off now. */
  missing: z.array(z.enum(SIGN_OFF_REFUSALS)),
  /** The required sections that are still empty (ids). */
  emptySections: z.array(z.string()),
  facts: z.array(SignOffFactViewSchema),
  /** The last sign-off: which version, when, the content hash it pinned. */
  signedOff: z.object({ versionId: z.string(), signedOffAt: z.string(), hash: z.string() }).nullable(),
  /** Open requests to update the analysis (cleared by the next sign-off). */
  updateRequests: z.array(AnalysisUpdateRequestSchema),
  clock: AnalysisClockSchema.nullable(),
});
export type SignOffStatus = z.infer<typeof SignOffStatusSchema>;

/** POST /api/documents/:documentId/analysis-request (201): the clock as it now runs. */
export const AnalysisRequestResponseSchema = z.object({ clock: AnalysisClockSchema });
export type AnalysisRequestResponse = z.infer<typeof AnalysisRequestResponseSchema>;

/** PUT …/sign-off-facts */
export const SignOffFactResponseSchema = z.object({ fact: SignOffFactViewSchema });
export type SignOffFactResponse = z.infer<typeof SignOffFactResponseSchema>;
