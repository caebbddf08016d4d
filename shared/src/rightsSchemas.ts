/**
 * The rights of the young person and parents on their dossier (`/api/cases/:id/rights…`), typed once:
 * who holds which right at which age (domain brief §7), the legal terms as dates, and the wire shapes
 * of an own statement (Jeugdwet 7.3.8), a correction request (AVG art. 16) and the log-privacy setting.
 *
 * Who holds a right (the gate has already decided that the person may see the case at all):
 *  - under 12 the parents act for the child (the young person has no access yet);
 *  - 12–15 the young person and the parents both (they decide together: each may ask, the professional
 *    hears both);
 *  - from 16 the young person alone; a parent who still has access (by the young person's consent) may
 *    read and add their own statement, but asks nothing on the young person's behalf.
 * Two rights are the young person's alone at any age they have access: the complete export from 12
 * (before 12 the parents download it), and who sees their own activity in the access log.
 */
import { z } from 'zod';
import { RoleSchema } from './access.js';
import { DestructionRequestViewSchema } from './caseSchemas.js';
import { addAmsterdamMonths } from './legalDates.js';

export const RIGHTS = ['accessLog', 'export', 'statement', 'correction', 'destruction', 'logPrivacy'] as const;
export type RightId = (typeof RIGHTS)[number];

/** Whether a person in `role` on a case of a young person aged `age` holds `right` (see the header). */
export function holdsRight(right: RightId, role: string, age: number): boolean {
  const young = role === 'jeugdige' && age >= 12;
  const parent = role === 'ouder';
  switch (right) {
    case 'accessLog':
    case 'statement':
      return young || parent;
    case 'export':
      return young || (parent && age < 12);
    case 'correction':
    case 'destruction':
      return young || (parent && age < 16);
    case 'logPrivacy':
      return young;
  }
}

/** The age from which a parent no longer sees the young person's own activity unless allowed. */
export const OWN_ACTIVITY_PRIVATE_FROM_AGE = 12;

/**
 * Legal terms as dates, on the Amsterdam calendar (legalDates.ts):
 *  - a correction request is answered within one month (AVG art. 12(3));
 *  - a destruction request is decided and carried out within three months (WGBO 7:455, Jeugdwet 7.3.9);
 *  - a request for a copy is answered at once here (the download), within one month at the latest.
 */
export const CORRECTION_ANSWER_MONTHS = 1;
export const DESTRUCTION_ANSWER_MONTHS = 3;

export function correctionDueBy(requestedAt: Date): Date {
  return addAmsterdamMonths(requestedAt, CORRECTION_ANSWER_MONTHS);
}

const DocumentRefSchema = z.enum(['analysis', 'futurePlan']);
const sectionId = z.string().trim().min(1).max(100);
/** The disputed text, copied from the document (optional: a statement may be about a whole section). */
const passage = z.string().trim().max(1000).optional();

/** POST /api/cases/:id/statements */
export const StatementBodySchema = z.strictObject({
  document: DocumentRefSchema,
  section: sectionId,
  passage,
  text: z.string().trim().min(1).max(5000),
});
export type StatementBody = z.infer<typeof StatementBodySchema>;

const PersonSchema = z.object({ userId: z.string(), name: z.string(), role: RoleSchema });

export const StatementViewSchema = z.object({
  id: z.string(),
  document: DocumentRefSchema,
  section: z.string(),
  passage: z.string().nullable(),
  text: z.string(),
  author: PersonSchema,
  createdAt: z.string(),
});
export type StatementView = z.infer<typeof StatementViewSchema>;

/** POST /api/cases/:id/corrections */
export const CorrectionBodySchema = z.strictObject({
  document: DocumentRefSchema,
  section: sectionId,
  passage,
  /** What is wrong, and what it should say. */
  what: z.string().trim().min(1).max(2000),
  why: z.string().trim().min(1).max(2000),
});
export type CorrectionBody = z.infer<typeof CorrectionBodySchema>;

/** POST /api/cases/:id/corrections/:cid/decision: accepted or declined, always with the reason. */
export const CorrectionDecisionBodySchema = z.strictObject({
  decision: z.enum(['accepted', 'declined']),
  answer: z.string().trim().min(1).max(2000),
});
export type CorrectionDecisionBody = z.infer<typeof CorrectionDecisionBodySchema>;

export const CorrectionViewSchema = z.object({
  id: z.string(),
  document: DocumentRefSchema,
  section: z.string(),
  passage: z.string().nullable(),
  what: z.string(),
  why: z.string(),
  requestedBy: PersonSchema,
  requestedAt: z.string(),
  dueBy: z.string(),
  decision: z.enum(['accepted', 'declined']).nullable(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  answer: z.string().nullable(),
});
export type CorrectionView = z.infer<typeof CorrectionViewSchema>;

/** PUT /api/cases/:id/rights/log-privacy */
export const LogPrivacyBodySchema = z.strictObject({ parentsSeeMyActivity: z.boolean() });
export type LogPrivacyBody = z.infer<typeof LogPrivacyBodySchema>;

/** GET /api/cases/:id/rights: what this person may do, and everything that was asked on the case. */
export const RightsOverviewSchema = z.object({
  myRole: RoleSchema,
  age: z.number(),
  rights: z.record(z.enum(RIGHTS), z.boolean()),
  /** Whether the parents see the young person's own activity in the access log (from 12: only if allowed). */
  parentsSeeMyActivity: z.boolean(),
  /** Whether the professional reading this answers correction and destruction requests. */
  decides: z.boolean(),
  statements: z.array(StatementViewSchema),
  corrections: z.array(CorrectionViewSchema),
  destructionRequests: z.array(DestructionRequestViewSchema),
  /** If asked now: the answer dates. */
  terms: z.object({ correctionBy: z.string(), destructionBy: z.string() }),
});
export type RightsOverview = z.infer<typeof RightsOverviewSchema>;

export const StatementResponseSchema = z.object({ statement: StatementViewSchema });
export const StatementsResponseSchema = z.object({ statements: z.array(StatementViewSchema) });
export type StatementsResponse = z.infer<typeof StatementsResponseSchema>;
export const CorrectionResponseSchema = z.object({ correction: CorrectionViewSchema });
export const LogPrivacyResponseSchema = z.object({ parentsSeeMyActivity: z.boolean() });
