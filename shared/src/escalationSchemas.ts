/**
 * Escalation, breakthrough sessions and commitments (domain brief §5): the ladder's vocabulary and the
 * zod schemas of the /api/cases/:id/escalation… bodies. The server validates with these; the client
 * shows the same levels and laws.
 */
import { z } from 'zod';
import type { Role } from './access.js';
import { AnalysisVersionViewSchema } from './decisionSchemas.js';

/** The ladder, bottom to top: local team / provider / GI → RET → BEN-NH → Doorbraakteam. */
export const ESCALATION_LEVELS = ['lokaal', 'ret', 'ben-nh', 'dbt'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];
/** A step may also close the escalation (scaled down after the commitments are met). */
export const ESCALATION_TARGETS = [...ESCALATION_LEVELS, 'gesloten'] as const;
export type EscalationTarget = (typeof ESCALATION_TARGETS)[number];

/** Under which law or budget a director commits resources. */
export const LAWS_OR_BUDGETS = ['Jeugdwet', 'Wmo', 'Zvw', 'Wlz', 'Participatiewet', 'onderwijs', 'other'] as const;
export type LawOrBudget = (typeof LAWS_OR_BUDGETS)[number];

/** Where a case stands: a level, or closed (also the state before a case ever escalated is `lokaal`). */
export type LadderState = EscalationLevel | 'gesloten';

/**
 * Who takes which step on the ladder, one table for both sides: the server decides with it
 * (server/src/escalation/ladder.ts), the client offers only the steps it allows.
 */
export const UP_DECIDERS: Record<Exclude<EscalationLevel, 'lokaal'>, readonly Role[]> = {
  ret: ['jeugdbeschermer', 'lokaal-team', 'jeugdhulpaanbieder', 'procesregisseur'],
  'ben-nh': ['procesregisseur'],
  dbt: ['procesregisseur'],
};
/**
 * West-Friesland (004 actie 4), where the region switched it on: 6 weeks after a measure without fitting
 * help the GI escalates to the RET's regional doorbraakaanpak (lokaal → ret, flagged). Never a skip.
 */
export const DOORBRAAKAANPAK_DECIDERS: readonly Role[] = ['jeugdbeschermer'];
/** Down the ladder and closing is the RET process direction's step 4 (scaling down / closing). */
export const DOWN_DECIDERS: readonly Role[] = ['procesregisseur'];
/** May propose a step they may not decide. */
export const PROPOSERS: readonly Role[] = ['ben-adviseur'];

/** `released`: the process director let the commitment go, with a recorded reason. */
export const COMMITMENT_STATUSES = ['open', 'met', 'overdue', 'released'] as const;
export type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

const text = (what: string) =>
  z
    .string({ message: `${what} is required` })
    .trim()
    .min(1, `${what} is required`)
    .max(4000);
const id = z.string().min(1).max(100);
/** A moment with offset, e.g. 2026-03-01T10:00:00Z. */
const instant = z.iso.datetime({ offset: true, message: 'expected an ISO date-time, e.g. 2026-03-01T10:00:00Z' });

export const EscalateBodySchema = z.strictObject({
  to: z.enum(ESCALATION_TARGETS, { message: `to must be one of ${ESCALATION_TARGETS.join(', ')}` }),
  bottleneck: text('bottleneck'),
  tried: text('tried'),
  /** lokaal → ret as the regional doorbraakaanpak of the West-Friesland rule (by the GI, where the region uses it). */
  doorbraakaanpak: z.boolean().optional(),
});
export type EscalateBody = z.infer<typeof EscalateBodySchema>;

export const BreakthroughSessionBodySchema = z.strictObject({
  scheduledAt: instant,
  /** How long after the session the directors follow the case up (and keep access). */
  followUpDays: z.number().int().min(1).max(365),
});
export type BreakthroughSessionBody = z.infer<typeof BreakthroughSessionBodySchema>;

/** `POST /api/cases/:id/commitments/:cid/release`: let a commitment go, with the reason. */
export const CommitmentReleaseBodySchema = z.strictObject({ reason: text('reason') });
/** `POST /api/cases/:id/breakthrough-sessions/:sid/outcome`: what the session came to. */
export const SessionOutcomeBodySchema = z.strictObject({ outcome: text('outcome') });

export const InvitationBodySchema = z.strictObject({ userId: id });

export const CommitmentBodySchema = z.strictObject({
  organisation: text('organisation').max(200),
  what: text('what'),
  lawOrBudget: z.enum(LAWS_OR_BUDGETS, { message: `lawOrBudget must be one of ${LAWS_OR_BUDGETS.join(', ')}` }),
  dueAt: instant,
});
export type CommitmentBody = z.infer<typeof CommitmentBodySchema>;

/** A moment (ISO date-time with offset) or a calendar date (YYYY-MM-DD, taken as midnight UTC). */
const momentOrDate = z.union([instant, z.iso.date()], {
  message: 'expected an ISO date-time (2026-03-01T10:00:00Z) or a date (2026-03-01)',
});

/** The facts the clocks run on; each may be set, or cleared with null. */
export const CLOCK_FACTS = [
  'measureStartedAt',
  'helpStartedAt',
  'lastProgressAt',
  'analysisCompletedAt',
  'futurePlanCheckedAt',
] as const;
export type ClockFactName = (typeof CLOCK_FACTS)[number];

/** PUT /api/cases/:caseId/clock-facts — at least one fact; none may lie in the future. */
export const ClockFactsBodySchema = z
  .strictObject({
    measureStartedAt: momentOrDate.nullable().optional(),
    helpStartedAt: momentOrDate.nullable().optional(),
    lastProgressAt: momentOrDate.nullable().optional(),
    analysisCompletedAt: momentOrDate.nullable().optional(),
    futurePlanCheckedAt: momentOrDate.nullable().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), {
    message: `give at least one of ${CLOCK_FACTS.join(', ')}`,
  });
export type ClockFactsBody = z.infer<typeof ClockFactsBodySchema>;

/** The clock facts of a case as stored (ISO instants or null). */
export type ClockFactsView = Record<ClockFactName, string | null>;

const ladderState = z.enum([...ESCALATION_LEVELS, 'gesloten']);

export const NoticeViewSchema = z.object({
  kind: z.string(),
  caseId: z.string(),
  dueAt: z.string(),
  overdue: z.boolean(),
  severity: z.enum(['info', 'warning', 'urgent']),
  /** For an overdue commitment: which one. */
  commitmentId: z.string().optional(),
});
export type NoticeView = z.infer<typeof NoticeViewSchema>;

export const EscalationStepViewSchema = z.object({
  id: z.string(),
  from: ladderState,
  to: z.enum(ESCALATION_TARGETS),
  bottleneck: z.string(),
  tried: z.string(),
  decidedBy: z.string(),
  decidedByRole: z.string(),
  decidedAt: z.string(),
  analysisSnapshot: z.object({ documentId: z.string(), version: z.string() }).nullable(),
  /** The signed-off analysis version the step carried, readable (steps before migration 0019: null). */
  analysisVersion: AnalysisVersionViewSchema.nullable(),
  /** lokaal → ret as the West-Friesland regional doorbraakaanpak. */
  doorbraakaanpak: z.boolean(),
});
export type EscalationStepView = z.infer<typeof EscalationStepViewSchema>;

export const CommitmentViewSchema = z.object({
  id: z.string(),
  sessionId: z.string().nullable(),
  organisation: z.string(),
  what: z.string(),
  lawOrBudget: z.enum(LAWS_OR_BUDGETS),
  dueAt: z.string(),
  status: z.enum(COMMITMENT_STATUSES),
  authorId: z.string(),
  releaseReason: z.string().nullable(),
});
export type CommitmentView = z.infer<typeof CommitmentViewSchema>;

/** A breakthrough session of the DBT; its invitations when the server lists them. */
export const BreakthroughSessionViewSchema = z.object({
  id: z.string(),
  scheduledAt: z.string(),
  endsAt: z.string(),
  followUpUntil: z.string(),
  /** What the session came to; null until the process director records it after the session. */
  outcome: z.string().nullable().optional(),
  invitations: z.array(z.object({ userId: z.string(), invitedAt: z.string().optional() })).optional(),
});
export type BreakthroughSessionView = z.infer<typeof BreakthroughSessionViewSchema>;

/** `GET /api/cases/:id/escalation`: where the case is on the ladder and what that asks for. */
export const EscalationResponseSchema = z.object({
  level: ladderState,
  history: z.array(EscalationStepViewSchema),
  notices: z.array(NoticeViewSchema),
  commitments: z.array(CommitmentViewSchema),
  overdueCommitments: z.array(z.string()),
  mayScaleDown: z.boolean(),
  /** Breakthrough sessions of the case, latest first. */
  sessions: z.array(BreakthroughSessionViewSchema),
  /** A signed-off analysis exists (needed for the DBT and placement decisions). */
  analysisSignedOff: z.boolean(),
  /** The West-Friesland clock, when the case's region uses the rule and a measure started. */
  westFriesland: z
    .object({
      contactDueAt: z.string(),
      contactOverdue: z.boolean(),
      escalationDueAt: z.string(),
      escalationOverdue: z.boolean(),
    })
    .nullable(),
});
export type EscalationResponse = z.infer<typeof EscalationResponseSchema>;
/** `POST /api/cases/:id/breakthrough-sessions` (201) */
export const BreakthroughSessionResponseSchema = z.object({ session: BreakthroughSessionViewSchema });
export type BreakthroughSessionResponse = z.infer<typeof BreakthroughSessionResponseSchema>;
/** `POST /api/cases/:id/commitments` (201) */
export const CommitmentResponseSchema = z.object({ commitment: CommitmentViewSchema });
export type CommitmentResponse = z.infer<typeof CommitmentResponseSchema>;
/** `POST /api/cases/:id/escalation` (201): the step taken, with the analysis as it was then. */
export const EscalationStepResponseSchema = z.object({
  step: z.object({
    id: z.string(),
    from: ladderState,
    to: z.enum(ESCALATION_TARGETS),
    analysisSnapshot: z.object({ documentId: z.string(), version: z.string() }),
    doorbraakaanpak: z.boolean(),
  }),
});
export type EscalationStepResponse = z.infer<typeof EscalationStepResponseSchema>;
/** `POST /api/cases/:id/breakthrough-sessions/:sid/invitations` (201): the director's access until the follow-up ends. */
export const DirectorInvitationResponseSchema = z.object({
  invitation: z.object({
    sessionId: z.string(),
    userId: z.string(),
    role: z.literal('dbt-lid'),
    accessUntil: z.string(),
  }),
});
export type DirectorInvitationResponse = z.infer<typeof DirectorInvitationResponseSchema>;
/** `POST /api/cases/:id/commitments/:cid/release` */
export const CommitmentReleaseResponseSchema = z.object({
  commitment: z.object({ id: z.string(), status: z.literal('released'), releaseReason: z.string() }),
});
/** `POST /api/cases/:id/breakthrough-sessions/:sid/outcome` */
export const SessionOutcomeResponseSchema = z.object({ session: z.object({ id: z.string(), outcome: z.string() }) });
/** `POST /api/cases/:id/commitments/:cid/met` */
export const CommitmentMetResponseSchema = z.object({
  commitment: z.object({ id: z.string(), status: z.literal('met'), metAt: z.string().nullable() }),
});
export type CommitmentMetResponse = z.infer<typeof CommitmentMetResponseSchema>;
/** `GET /api/cases/:id/clock-facts` */
export const ClockFactsResponseSchema = z.object({
  facts: z.record(z.enum(CLOCK_FACTS), z.string().nullable()),
});
export type ClockFactsResponse = z.infer<typeof ClockFactsResponseSchema>;
/** `PUT /api/cases/:id/clock-facts`: the facts as now stored, and the case's clocks worked out again. */
export const ClockFactsUpdateResponseSchema = ClockFactsResponseSchema.extend({ notices: z.array(NoticeViewSchema) });
export type ClockFactsUpdateResponse = z.infer<typeof ClockFactsUpdateResponseSchema>;
/** `GET /api/notifications` */
export const NotificationsResponseSchema = z.object({ notifications: z.array(NoticeViewSchema) });
export type NotificationsResponse = z.infer<typeof NotificationsResponseSchema>;

/**
 * Counts only. 0 is shown; 1–4 is "<5" so that no child can be recognised; 'hidden' is a count withheld
 * so that no "<5" can be worked out from a total and the other cells (it may be any size, 0 included).
 */
export type SuppressedCount = number | '<5' | 'hidden';

export const SuppressedCountSchema = z.union([z.number(), z.literal('<5'), z.literal('hidden')]);
/** The RET monitor itself: shared/src/monitorSchemas.ts. */

/** A director with mandate a RET process director may invite to a breakthrough session. */
export const DirectoryEntrySchema = z.object({
  userId: z.string(),
  name: z.string(),
  organisation: z.string().nullable(),
});
export type DirectoryEntry = z.infer<typeof DirectoryEntrySchema>;
/** `GET /api/directory/dbt-members` */
export const DbtMembersResponseSchema = z.object({ members: z.array(DirectoryEntrySchema) });
export type DbtMembersResponse = z.infer<typeof DbtMembersResponseSchema>;

/** Who sees the RET monitor (aggregates only): the municipality, the RET's process director, the BEN-NH adviser. */
export const MONITOR_ROLES: readonly Role[] = ['gemeente', 'procesregisseur', 'ben-adviseur'];
