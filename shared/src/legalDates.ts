/**
 * Dates with legal meaning, on the calendar of Europe/Amsterdam (domain brief §5 and §7), in one place
 * for server and client. A day, a birthday and a month are local: a child turns 16 at local midnight,
 * not at 01:00 or 02:00 (UTC midnight), and "6 weeks later" keeps the local time of day across a change
 * to or from summer time. Arithmetic is Temporal's (`@js-temporal/polyfill`), never fixed 24-hour days.
 *
 * Definitions:
 *  - **Birthday** (12, 16, 18): starts at 00:00 Europe/Amsterdam on that calendar date. Someone born on
 *    29 February turns a year older on 1 March in a non-leap year. No Dutch statute says so in words;
 *    it is the reading in Dutch practice ("juridisch gezien ben je als schrikkelkind pas op 1 maart een
 *    jaar ouder", de Volkskrant 29-02-2020) and it matches the German BGB §188(3): the year is complete
 *    only when 28 February has ended. We chose it so no one gains rights (or loses a parent's access)
 *    a day early.
 *  - **Days** (the 6-week clocks, a follow-up in days): the same local time of day, that many local
 *    calendar days later; a day with a DST change is 23 or 25 hours long.
 *  - **Months** (half-year check, 3 months without progress, 3-month destruction deadline, 20-year
 *    retention): the same local date and time that many months later; a date the month lacks clamps to
 *    its last day (31 August + 6 months = 28 February).
 *  - **A date given without a time** (YYYY-MM-DD) is the start of that day in Amsterdam.
 *  - A wall-clock time that does not exist (02:30 on the last Sunday of March) moves forward by the
 *    gap; an ambiguous one (02:30 on the last Sunday of October) is the earlier of the two.
 */
import { Temporal } from '@js-temporal/polyfill';

export const LEGAL_TIME_ZONE = 'Europe/Amsterdam';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

function plainDate(value: string, what = 'date'): Temporal.PlainDate {
  if (!DATE_ONLY.test(value)) throw new Error(`invalid ${what}: ${value} (expected YYYY-MM-DD)`);
  return Temporal.PlainDate.from(value, { overflow: 'reject' });
}

function local(at: Date): Temporal.ZonedDateTime {
  return Temporal.Instant.fromEpochMilliseconds(at.getTime()).toZonedDateTimeISO(LEGAL_TIME_ZONE);
}

const instant = (z: Temporal.ZonedDateTime): Date => new Date(z.epochMilliseconds);

/** The calendar date (YYYY-MM-DD) in Amsterdam at `at`. */
export function amsterdamDate(at: Date): string {
  return local(at).toPlainDate().toString();
}

/** The moment a calendar date (YYYY-MM-DD) begins in Amsterdam. */
export function startOfAmsterdamDay(date: string): Date {
  return instant(plainDate(date).toZonedDateTime({ timeZone: LEGAL_TIME_ZONE }));
}

/** The date someone born on `dateOfBirth` turns `years` (29 February → 1 March in a non-leap year). */
export function birthdayDate(dateOfBirth: string, years: number): string {
  const born = plainDate(dateOfBirth, 'date of birth');
  const sameDay = born.with({ year: born.year + years }, { overflow: 'constrain' });
  // Only 29 February can be missing in the target year: constrained to the 28th, the birthday is the day after.
  return (sameDay.day === born.day ? sameDay : sameDay.add({ days: 1 })).toString();
}

/** The moment someone turns `years`: 00:00 Amsterdam on the birthday. */
export function birthdayStartsAt(dateOfBirth: string, years: number): Date {
  return startOfAmsterdamDay(birthdayDate(dateOfBirth, years));
}

/** Age in whole years at `at`, by the Amsterdam calendar (a birthday counts from its local midnight). */
export function ageOn(dateOfBirth: string, at: Date): number {
  const born = plainDate(dateOfBirth, 'date of birth');
  const today = amsterdamDate(at);
  let age = Number(today.slice(0, 4)) - born.year;
  if (birthdayDate(dateOfBirth, age) > today) age -= 1;
  return age;
}

/** `days` local calendar days after `at`, at the same local time of day. */
export function addAmsterdamDays(at: Date, days: number): Date {
  return instant(local(at).add({ days }));
}

/** `months` calendar months after `at` in Amsterdam, same local time; a missing day clamps to the month's end. */
export function addAmsterdamMonths(at: Date, months: number): Date {
  return instant(local(at).add({ months }));
}

/**
 * Whole local days from `now` until `due`, rounded down (negative once past): the days a clock has
 * left. A DST day counts as one day, so 42 days after a request there are 42 days left at the request.
 */
export function wholeDaysUntil(due: Date, now: Date): number {
  const from = local(now);
  const to = local(due);
  let days = from.until(to, { largestUnit: 'days' }).days;
  if (Temporal.ZonedDateTime.compare(from.add({ days }), to) > 0) days -= 1;
  return days;
}

/** Years, months and days from one date to a later one, whole months first (all 0 when `to` is not later). */
export function calendarSpan(from: string, to: string): { years: number; months: number; days: number } {
  const span = plainDate(from).until(plainDate(to), { largestUnit: 'years' });
  if (span.sign <= 0) return { years: 0, months: 0, days: 0 };
  return { years: span.years, months: span.months, days: span.days };
}

/** Calendar days from one date (YYYY-MM-DD) to another; negative when `to` comes first. */
export function daysBetweenDates(from: string, to: string): number {
  return plainDate(from).until(plainDate(to), { largestUnit: 'days' }).days;
}
