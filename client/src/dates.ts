/** Dates as people read them: in the page's language (Dutch by default) and the browser's time zone. */
import { lang } from './i18n';

const locale = () => (lang === 'en' ? 'en-GB' : 'nl-NL');

/** "3 maart 2026" (a YYYY-MM-DD date is read as that calendar day). */
export function formatDate(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(locale(), { day: 'numeric', month: 'long', year: 'numeric' });
}

/** "3 maart 2026 om 10:00" */
export function formatMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale(), { dateStyle: 'long', timeStyle: 'short' });
}

/** "3 mrt 2026, 10:05" */
export function shortMoment(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(locale(), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** "23 nov, 06:24" in the current year, "23 nov 2025, 06:24" otherwise: short enough for a table cell. */
export function compactMoment(iso: string, now = new Date()): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const sameYear = d.getFullYear() === now.getFullYear();
  const date = d.toLocaleDateString(locale(), {
    day: 'numeric',
    month: 'short',
    ...(sameYear ? {} : { year: 'numeric' }),
  });
  const time = d.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' });
  return `${date}, ${time}`;
}
