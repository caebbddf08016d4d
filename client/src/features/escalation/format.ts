/** Dates as people read them (Dutch by default), shared by the escalation, meeting and notification views. */
import { lang } from '../../i18n';

const locale = () => (lang === 'en' ? 'en-GB' : 'nl-NL');

/** "3 maart 2026" */
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

/** A date input (YYYY-MM-DD) as the end of that day in the browser's time zone, as an ISO instant. */
export function endOfDayIso(date: string): string {
  return new Date(`${date}T23:59:59`).toISOString();
}

/** A datetime-local input (YYYY-MM-DDTHH:mm) as an ISO instant. */
export function localInputToIso(value: string): string {
  return new Date(value).toISOString();
}

/** An instant as the value of a datetime-local input, in the browser's time zone. */
export function isoToLocalInput(iso: string): string {
  const d = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
