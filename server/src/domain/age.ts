/**
 * Ages of law (12, 16, 18) change at local midnight in Europe/Amsterdam (domain brief §7), not at UTC
 * midnight: otherwise a parent without consent keeps access to a 16-year-old's case for an hour or two
 * after the birthday has begun.
 */
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date (YYYY-MM-DD) in Europe/Amsterdam at `now`. */
export function amsterdamDate(now: Date): string {
  const parts = AMSTERDAM_DAY.formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Age from a date of birth (YYYY-MM-DD) at a given moment, in whole years, by the Amsterdam calendar. */
export function ageOn(dateOfBirth: string, now: Date): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) throw new Error(`invalid date of birth: ${dateOfBirth}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const [nowY, nowMo, nowD] = amsterdamDate(now).split('-').map(Number) as [number, number, number];
  let age = nowY - y;
  if (nowMo < mo || (nowMo === mo && nowD < d)) age -= 1;
  return age;
}

/** The day someone reaches `years` (29 February birthdays count from 1 March in non-leap years). */
export function birthday(dateOfBirth: string, years: number): Date {
  const [y, mo, d] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const candidate = new Date(Date.UTC(y + years, mo - 1, d));
  return candidate;
}
