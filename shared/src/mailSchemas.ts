/**
 * Mail kinds. A mail never carries care data (no names, case content or diagnoses): its subject and
 * text are fixed per kind, and it holds one link into the app. The texts live with the outbox worker.
 */
import { z } from 'zod';

export const MAIL_KINDS = [
  /** "There is something new for you in Samenspraak" — one item in the inbox (immediately). */
  'inbox-new',
  /** The daily digest: "There are N new things for you" (a count, nothing else). */
  'inbox-digest',
  /** A new professional account: the link to choose a password and enrol the authenticator app. */
  'account-activation',
  /** A password-reset link (single use, 30 minutes). */
  'password-reset',
  /** A receipt for a consultation request ("we received your request"). */
  'consultation-receipt',
] as const;
export const MailKindSchema = z.enum(MAIL_KINDS);
export type MailKind = z.infer<typeof MailKindSchema>;

/** How a person wants to hear of new inbox items by mail. */
export const MAIL_PREFERENCES = ['immediate', 'daily', 'off'] as const;
export const MailPreferenceSchema = z.enum(MAIL_PREFERENCES);
export type MailPreference = z.infer<typeof MailPreferenceSchema>;

/** Where a mail stands in the outbox. */
export const MAIL_STATUSES = ['pending', 'sent', 'failed'] as const;
export const MailStatusSchema = z.enum(MAIL_STATUSES);
export type MailStatus = z.infer<typeof MailStatusSchema>;

/** One mail on the functioneel beheerder's page (GET /api/admin/mails). */
export const OutboxMailSchema = z.object({
  id: z.string(),
  to: z.string(),
  kind: MailKindSchema,
  createdAt: z.string(),
  status: MailStatusSchema,
  sentAt: z.string().nullable(),
  failedAt: z.string().nullable(),
  attempts: z.number().int(),
  /** When the next try is due (pending mails only). */
  nextAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  /** With the local-folder transport: the mail's text (fixed words and a link; never care data). */
  text: z.string().nullable(),
  /** With the local-folder transport: the file in the mail folder, once written. */
  file: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof OutboxMailSchema>;

export const MailsResponseSchema = z.object({
  /** 'smtp' (SMTP_URL) or 'folder' (no SMTP_URL: mails are written to a local folder). */
  transport: z.enum(['smtp', 'folder']),
  /** The local folder's path (transport 'folder'), else null. */
  folder: z.string().nullable(),
  counts: z.object({ pending: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
  /** The newest mails first (at most 200). */
  mails: z.array(OutboxMailSchema),
});
export type MailsResponse = z.infer<typeof MailsResponseSchema>;
