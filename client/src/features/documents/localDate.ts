import { lang } from '../../i18n';

/** The browser's calendar date of a moment, as YYYY-MM-DD (for dates people typed, such as an action's). */
export function localDate(now: Date): string {
  const y = now.getFullYear();
  const m = String(now.getMonth() + 1).padStart(2, '0');
  const d = String(now.getDate()).padStart(2, '0');
  return `${y}-${m}-${d}`;
}

/** A calendar date (YYYY-MM-DD) written out in the reader's language: "3 december 2026". */
export function formatCalendarDate(value: string): string {
  const [y, mo, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
