/**
 * `GET /api/start`: the person's start page (issue #18) — per case they may open now: what is waiting
 * for them, who is on the case, the next meeting. Ids and small facts only; the client words everything
 * in plain language (client/src/features/start/messages.ts).
 */
import { z } from 'zod';
import { RoleSchema } from './access.js';
import { DOCUMENT_TYPES } from './documents.js';

export const START_WAITING_KINDS = [
  /** Your own-words part of a document is still empty. */
  'own-words',
  /** A comment for you: someone replied to you or mentioned you (unread). */
  'comment',
  /** You are asked whether you agree with the analysis (no stance of yours, or it was on older text). */
  'endorsement',
  /** Another unread inbox item about this case. */
  'other',
] as const;
export const StartWaitingKindSchema = z.enum(START_WAITING_KINDS);
export type StartWaitingKind = z.infer<typeof StartWaitingKindSchema>;

export const StartWaitingSchema = z.object({
  kind: StartWaitingKindSchema,
  /** Where it is: a path in the app ('/zaken/<id>/analyse#sectie-hulpvraag_jeugdige'). */
  link: z.string(),
  /** The section it is about, when it is about one. */
  documentType: z.enum(DOCUMENT_TYPES).nullable(),
  sectionId: z.string().nullable(),
  /** The inbox item it comes from (null for the empty part or the asked endorsement). */
  inboxItemId: z.string().nullable(),
});
export type StartWaiting = z.infer<typeof StartWaitingSchema>;

export const StartPersonSchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: RoleSchema,
  organisation: z.string().nullable(),
  /** Holds procesregie on this case (keeps the overview, the person to call). */
  processDirector: z.boolean(),
  /** The person reading the start page. */
  isMe: z.boolean(),
});
export type StartPerson = z.infer<typeof StartPersonSchema>;

export const StartMeetingSchema = z.object({
  id: z.string(),
  /** ISO 8601. */
  scheduledAt: z.string(),
  status: z.string(),
  link: z.string(),
});
export type StartMeeting = z.infer<typeof StartMeetingSchema>;

export const StartCaseSchema = z.object({
  caseId: z.string(),
  /** The young person's first name. */
  firstName: z.string(),
  myRole: RoleSchema,
  /** My own-words part of the analysis, when I have one: a direct link to its anchor. */
  myPart: z.object({ link: z.string(), sectionId: z.string(), written: z.boolean() }).nullable(),
  waiting: z.array(StartWaitingSchema),
  team: z.array(StartPersonSchema),
  /** The next meeting not yet ended (scheduled or running), or null. */
  nextMeeting: StartMeetingSchema.nullable(),
});
export type StartCase = z.infer<typeof StartCaseSchema>;

export const StartViewSchema = z.object({
  /** The person's first name, to greet them. */
  firstName: z.string(),
  kind: z.enum(['professional', 'client']),
  cases: z.array(StartCaseSchema),
});
export type StartView = z.infer<typeof StartViewSchema>;

/** The anchor of a section on the document page (`#sectie-<sectionId>`, the section's element id): start page links jump to it. */
export function sectionAnchor(sectionId: string): string {
  return `sectie-${sectionId}`;
}
