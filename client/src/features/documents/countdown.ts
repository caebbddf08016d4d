/**
 * The countdown to the 18th birthday on the future plan: from then funding moves from the Jeugdwet to
 * the Wmo, Zvw, Wlz or Participatiewet. Calendar arithmetic on dates (YYYY-MM-DD) by the shared rules
 * of `legalDates.ts` (the server's): "today" is passed in, the Amsterdam date for the countdown, since
 * the birthday begins at local midnight in Amsterdam wherever the person looking is.
 */
import { birthdayDate, calendarSpan, daysBetweenDates } from '@samenspraak/shared';

export { localDate } from './localDate';
export { calendarSpan };

export interface Countdown {
  /** The 18th birthday, YYYY-MM-DD (29 February counts from 1 March in a non-leap year, as on the server). */
  birthday: string;
  /** Whole days from today until the birthday; 0 on the day itself, negative after it. */
  days: number;
  /** The same span in calendar units (all 0 on or after the birthday). */
  years: number;
  months: number;
  remainingDays: number;
  phase: 'before' | 'today' | 'after';
}

/** The day someone born on `dateOfBirth` turns `years` (29 February → 1 March in a non-leap year). */
export const birthdayAt = birthdayDate;

export function countdownTo18(dateOfBirth: string, today: string): Countdown {
  const birthday = birthdayAt(dateOfBirth, 18);
  const days = daysBetweenDates(today, birthday);
  const span = calendarSpan(today, birthday);
  return {
    birthday,
    days,
    years: span.years,
    months: span.months,
    remainingDays: span.days,
    phase: days > 0 ? 'before' : days === 0 ? 'today' : 'after',
  };
}
