/**
 * Retention and destruction periods (domain brief §7), in one place.
 *  - a youth-care dossier is kept at least 20 years after it is closed (Jeugdwet, since 2020);
 *  - a destruction request is decided and executed within 3 months.
 * Both count calendar months on the Amsterdam calendar, from the moment of closing or of the request,
 * to the same local time; a day the month lacks (31 → 30, 29 February) clamps to the month's last day.
 */
import { addAmsterdamMonths } from '@samenspraak/shared';

export const RETENTION_YEARS = 20;
export const DESTRUCTION_DEADLINE_MONTHS = 3;

export function retentionUntil(closedAt: Date): Date {
  return addAmsterdamMonths(closedAt, RETENTION_YEARS * 12);
}

export function destructionDueBy(requestedAt: Date): Date {
  return addAmsterdamMonths(requestedAt, DESTRUCTION_DEADLINE_MONTHS);
}
