/** Date and time inputs to and from ISO instants, shared by the escalation and meeting forms. */

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
