/**
 * The clocks of a case (domain brief §5) as people read them: "nog 12 dagen", "3 dagen te laat".
 * Pure, with the moment as a parameter, so it is tested without a browser.
 */
const DAY_MS = 86_400_000;

export type Countdown = { state: 'left'; days: number } | { state: 'today' } | { state: 'late'; days: number };

/** The calendar day of a moment in the browser's time zone, as a day number. */
function calendarDay(ms: number): number {
  const d = new Date(ms);
  return Math.round(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()) / DAY_MS);
}

/**
 * Calendar days until `dueAt` ("nog 1 dag" when it is due tomorrow, "vandaag" on the day itself), or
 * calendar days past it. `overdue` from the server wins when given: the server's clock decides whether
 * it is late, the browser only counts the days — so the count always matches the date shown beside it.
 */
export function countdown(dueAt: string, now: number, overdue?: boolean): Countdown {
  const due = Date.parse(dueAt);
  const late = overdue ?? now >= due;
  const days = calendarDay(due) - calendarDay(now);
  if (late) return { state: 'late', days: Math.max(0, -days) };
  return days <= 0 ? { state: 'today' } : { state: 'left', days };
}

export interface CountdownWords {
  daysLeft(n: number): string;
  dueToday: string;
  daysLate(n: number): string;
}

export function countdownText(c: Countdown, words: CountdownWords): string {
  if (c.state === 'late') return words.daysLate(c.days);
  if (c.state === 'today') return words.dueToday;
  return words.daysLeft(c.days);
}
