/** Age from a date of birth (YYYY-MM-DD) at a given moment, in whole years, by the calendar. */
export function ageOn(dateOfBirth: string, now: Date): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  if (!m) throw new Error(`invalid date of birth: ${dateOfBirth}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const nowY = now.getUTCFullYear();
  const nowMo = now.getUTCMonth() + 1;
  const nowD = now.getUTCDate();
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
