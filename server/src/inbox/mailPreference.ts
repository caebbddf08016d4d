/**
 * Whether and how a person hears of their inbox by e-mail. Pure. The issue: "Per person: immediately,
 * daily digest, or off (the professional's default: daily; the young person chooses)" — so a client
 * (young person or parent) gets no mail until they choose one themselves.
 */
import { MAIL_PREFERENCES, type MailPreference } from '@samenspraak/shared';

export function defaultMailPreference(kind: string): MailPreference {
  return kind === 'professional' ? 'daily' : 'off';
}

/** The stored choice, or the default of the person's kind while they never chose (or it is unknown). */
export function effectiveMailPreference(kind: string, stored: string | null | undefined): MailPreference {
  return (MAIL_PREFERENCES as readonly string[]).includes(stored ?? '')
    ? (stored as MailPreference)
    : defaultMailPreference(kind);
}

/** A mail can be queued only to someone with an address and an active account. */
export function mailAddress(user: { email?: string | null; disabled: number }): string | null {
  const email = user.email?.trim();
  return email && user.disabled === 0 ? email : null;
}
