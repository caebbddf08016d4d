/**
 * Retention and destruction periods (domain brief §7), in one place.
 *  - a youth-care dossier is kept at least 20 years after it is closed (Jeugdwet, since 2020);
 *  - a destruction request is decided and executed within 3 months.
 */
export const RETENTION_YEARS = 20;
export const DESTRUCTION_DEADLINE_MONTHS = 3;

/** Calendar arithmetic in UTC; a day that does not exist (31 → 30, 29 Feb) clamps to the month's last day. */
export function addMonthsUtc(from: Date, months: number): Date {
  const y = from.getUTCFullYear();
  const m = from.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  const d = Math.min(from.getUTCDate(), lastDay);
  return new Date(
    Date.UTC(y, m, d, from.getUTCHours(), from.getUTCMinutes(), from.getUTCSeconds(), from.getUTCMilliseconds()),
  );
}

export function retentionUntil(closedAt: Date): Date {
  return addMonthsUtc(closedAt, RETENTION_YEARS * 12);
}

export function destructionDueBy(requestedAt: Date): Date {
  return addMonthsUtc(requestedAt, DESTRUCTION_DEADLINE_MONTHS);
}
