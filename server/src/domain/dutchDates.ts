/** Dates as people in Noord-Holland read them: day-month-year, on the local calendar. */

const DAY = new Intl.DateTimeFormat('nl-NL', {
  timeZone: 'Europe/Amsterdam',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** 23-11-2026: the day of `at` in Europe/Amsterdam. */
export function dutchDay(at: Date): string {
  return DAY.format(at);
}

/** YYYY-MM-DD → DD-MM-YYYY (a calendar date has no time zone). */
export function dutchDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${d}-${m}-${y}`;
}
