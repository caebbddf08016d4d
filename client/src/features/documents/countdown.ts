/**
 * The countdown to the 18th birthday on the future plan: from then funding moves from the Jeugdwet to
 * the Wmo, Zvw, Wlz or Participatiewet. Pure calendar arithmetic on dates (YYYY-MM-DD); "today" is the
 * local calendar date of the person looking, passed in.
 */

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

const DAY_MS = 86_400_000;

function parseDate(value: string): { y: number; m: number; d: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new Error(`not a date (YYYY-MM-DD): ${value}`);
  return { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
}

function iso(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The local calendar date of a moment, as YYYY-MM-DD. */
export function localDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** The day someone born on `dateOfBirth` turns `years` (Date.UTC rolls 29 February over to 1 March). */
export function birthdayAt(dateOfBirth: string, years: number): string {
  const { y, m, d } = parseDate(dateOfBirth);
  return iso(new Date(Date.UTC(y + years, m - 1, d)));
}

function daysBetween(from: string, to: string): number {
  const a = parseDate(from);
  const b = parseDate(to);
  return Math.round((Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) / DAY_MS);
}

/** Adds whole months, clamping the day to the end of a shorter month (31 January + 1 month = 28/29 February). */
function addMonths(date: string, months: number): string {
  const { y, m, d } = parseDate(date);
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  return iso(new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay))));
}

/** Years, months and days from `from` to `to` (`to` after `from`), counting whole months first. */
export function calendarSpan(from: string, to: string): { years: number; months: number; days: number } {
  if (daysBetween(from, to) <= 0) return { years: 0, months: 0, days: 0 };
  const a = parseDate(from);
  const b = parseDate(to);
  let months = (b.y - a.y) * 12 + (b.m - a.m);
  if (addMonths(from, months) > to) months -= 1;
  const days = daysBetween(addMonths(from, months), to);
  return { years: Math.floor(months / 12), months: months % 12, days };
}

export function countdownTo18(dateOfBirth: string, today: string): Countdown {
  const birthday = birthdayAt(dateOfBirth, 18);
  const days = daysBetween(today, birthday);
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
