/**
 * The inbox: what needs a person, newest first, read or unread, live. An item names what it is about
 * (kind + ids); the client words it. Items of a case the person can no longer see are not shown.
 */
import { z } from 'zod';
import { MailPreferenceSchema } from './mailSchemas.js';

export const INBOX_KINDS = [
  /** A case invited you (team member added, or the case you were invited to is ready). */
  'case-added',
  /** A director was invited to a breakthrough session, or anyone to a case meeting. */
  'session-invitation',
  /** A section of your own words is waiting for you (analysis requested, new part for you). */
  'own-words-waiting',
  /** A commitment you made or follow up is due soon or overdue. */
  'commitment-due',
  /** A clock of a case you work on is about to run out (6 weeks analysis, …). */
  'clock-running-out',
  /** Someone replied to your comment. */
  'comment-reply',
  /** Someone mentioned you. */
  'mention',
  /** A section you endorsed changed: your endorsement was given on an earlier version; look again. */
  'endorsement-outdated',
  /** The analysis is asked to be updated (milestone or transition) — for its named owner. */
  'analysis-update-requested',
  /** The case moved on the escalation ladder (RET, BEN-NH, DBT) — in plain words for the family too. */
  'escalation-changed',
  /** A young person or parent wrote in their own-words part of the analysis — for its responsible professionals. */
  'own-words-written',
  /** A young person or parent added their own statement to the file — for the case's responsible professionals. */
  'own-statement-added',
  /** A young person or parent asked for a correction (answer within a month) — for those who answer it. */
  'correction-requested',
] as const;
export const InboxKindSchema = z.enum(INBOX_KINDS);
export type InboxKind = z.infer<typeof InboxKindSchema>;

/** What a feature adds (server side: `addToInbox` in server/src/inbox). */
export interface NewInboxItem {
  userId: string;
  caseId: string | null;
  kind: InboxKind;
  /**
   * Unique per person: the same thing is added once (e.g. `reply:<commentId>`,
   * `endorsement-outdated:<documentId>:<version>`). A second add with the same key does nothing.
   */
  key: string;
  /** A path in the app that opens what the item is about (starts with '/'). */
  link: string;
  /** Ids and small words the client needs to word the item (no free text of others). */
  params?: Record<string, string>;
}

/** One item as `GET /api/inbox` lists it. */
export const InboxItemViewSchema = z.object({
  id: z.string(),
  kind: InboxKindSchema,
  /** The case it is about (null: about no single case). */
  caseId: z.string().nullable(),
  /** The young person's first name on that case, so the list can say which case (null without a case). */
  caseName: z.string().nullable(),
  /** Where the item leads in the app (a path starting with '/'). */
  link: z.string(),
  /** Ids and small words to word the item (no free text of others). */
  params: z.record(z.string(), z.string()),
  /** ISO 8601. */
  createdAt: z.string(),
  /** ISO 8601, null while unread. */
  readAt: z.string().nullable(),
});
export type InboxItemView = z.infer<typeof InboxItemViewSchema>;

/** At most this many items are listed (newest first); the unread count covers them all. */
export const INBOX_PAGE_SIZE = 100;

export const InboxResponseSchema = z.object({
  items: z.array(InboxItemViewSchema),
  /** Unread items the person may still see (what the bell counts). */
  unread: z.number().int().nonnegative(),
});
export type InboxResponse = z.infer<typeof InboxResponseSchema>;

export const InboxReadResponseSchema = z.object({ unread: z.number().int().nonnegative() });
export type InboxReadResponse = z.infer<typeof InboxReadResponseSchema>;

/** `GET/PUT /api/me/mail-preference`: how the person hears of new items by e-mail. */
export const MailPreferenceBodySchema = z.object({ preference: MailPreferenceSchema }).strict();
export type MailPreferenceBody = z.infer<typeof MailPreferenceBodySchema>;

export const MailPreferenceResponseSchema = z.object({
  preference: MailPreferenceSchema,
  /** False while the person never chose (the default of their kind applies: professional daily, client off). */
  chosen: z.boolean(),
  /** Whether an e-mail address is known; without one no mail is sent whatever the preference. */
  hasEmail: z.boolean(),
});
export type MailPreferenceResponse = z.infer<typeof MailPreferenceResponseSchema>;

/** Socket event `inbox:changed` to the person's room: re-read `GET /api/inbox` (ids only, no content). */
export interface InboxChanged {
  /** Why: items were added, or items were marked read (on another device or tab). */
  reason: 'added' | 'read';
}
