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
