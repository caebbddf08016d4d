/**
 * The inbox: what needs a person, newest first, read or unread, live. An item names what it is about
 * (kind + ids); the client words it. Items of a case the person can no longer see are not shown.
 */
import { z } from 'zod';

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
