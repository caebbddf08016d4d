/**
 * Dates with legal meaning on the Amsterdam calendar (issue 13): birthdays begin at local midnight in
 * winter (UTC+1) and summer time (UTC+2) and on the days the clocks change, 29 February birthdays fall on
 * 1 March in other years, and day and month counts keep the local date and time across a DST change.
 */
import {
  addAmsterdamDays,
  addAmsterdamMonths,
  ageOn,
  amsterdamDate,
  birthdayDate,
  birthdayStartsAt,
  daysBetweenDates,
  startOfAmsterdamDay,
  wholeDaysUntil,
} from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { analysisClock, futurePlanClocks, measureClock, nextHalfYearCheck } from '../../src/domain/clocks.js';
import { destructionDueBy, retentionUntil } from '../../src/retention/policy.js';
import { facts } from '../support/clockFacts.js';

const at = (iso: string) => new Date(iso);
const iso = (d: Date) => d.toISOString();
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);
const MINUTE = 60_000;

describe('a birthday begins at 00:00 in Amsterdam', () => {
  it.each([
    // [date of birth, years, the birthday's local midnight in UTC, what kind of day]
    ['2014-01-15', 16, '2030-01-14T23:00:00.000Z', 'winter time, UTC+1'],
    ['2014-07-01', 16, '2030-06-30T22:00:00.000Z', 'summer time, UTC+2'],
    ['2012-03-31', 18, '2030-03-30T23:00:00.000Z', 'the last Sunday of March 2030'],
    ['2014-03-29', 12, '2026-03-28T23:00:00.000Z', 'the last Sunday of March 2026 (clocks go forward at 02:00)'],
    ['2010-10-25', 16, '2026-10-24T22:00:00.000Z', 'the last Sunday of October 2026 (clocks go back at 03:00)'],
  ])('%s turns %i at %s (%s)', (dob, years, midnight) => {
    const start = at(midnight);
    expect(iso(birthdayStartsAt(dob, years))).toBe(midnight);
    expect(ageOn(dob, ms(start, -MINUTE))).toBe(years - 1); // 23:59 local the evening before
    expect(ageOn(dob, start)).toBe(years); // 00:00 local
    expect(ageOn(dob, ms(start, 30 * MINUTE))).toBe(years); // 00:30 local: still the day before in UTC
    expect(amsterdamDate(ms(start, -MINUTE))).not.toBe(amsterdamDate(start));
  });

  it('someone born on 29 February turns a year older on 1 March in a non-leap year', () => {
    expect(birthdayDate('2008-02-29', 16)).toBe('2024-02-29');
    expect(birthdayDate('2008-02-29', 18)).toBe('2026-03-01');
    expect(birthdayDate('2012-02-29', 12)).toBe('2024-02-29');
    expect(birthdayDate('2012-02-29', 13)).toBe('2025-03-01');
    const eighteen = at('2026-02-28T23:00:00Z'); // 1 March 2026, 00:00 local
    expect(iso(birthdayStartsAt('2008-02-29', 18))).toBe(iso(eighteen));
    expect(ageOn('2008-02-29', ms(eighteen, -MINUTE))).toBe(17); // 28 February, 23:59 local
    expect(ageOn('2008-02-29', eighteen)).toBe(18);
    // In a leap year the birthday is 29 February itself, from its local midnight.
    expect(ageOn('2008-02-29', at('2024-02-28T22:59:00Z'))).toBe(15);
    expect(ageOn('2008-02-29', at('2024-02-28T23:00:00Z'))).toBe(16);
  });

  it('the other birthdays keep their date; a date of birth must be a real YYYY-MM-DD date', () => {
    expect(birthdayDate('2010-03-15', 16)).toBe('2026-03-15');
    expect(birthdayDate('2010-12-31', 18)).toBe('2028-12-31');
    expect(() => ageOn('15-03-2010', at('2026-01-01T00:00:00Z'))).toThrow(/invalid date of birth/);
    expect(() => birthdayDate('2010-02-30', 16)).toThrow();
  });
});

describe('days and months on the local calendar', () => {
  it('a date without a time is its local midnight, also on the days the clocks change', () => {
    expect(iso(startOfAmsterdamDay('2026-01-15'))).toBe('2026-01-14T23:00:00.000Z');
    expect(iso(startOfAmsterdamDay('2026-07-15'))).toBe('2026-07-14T22:00:00.000Z');
    expect(iso(startOfAmsterdamDay('2026-03-29'))).toBe('2026-03-28T23:00:00.000Z');
    expect(iso(startOfAmsterdamDay('2026-10-25'))).toBe('2026-10-24T22:00:00.000Z');
  });

  it('6 weeks across the spring change: same local time, 42 local days, one hour less in UTC', () => {
    const request = at('2026-03-20T09:00:00Z'); // 10:00 winter time
    expect(iso(addAmsterdamDays(request, 42))).toBe('2026-05-01T08:00:00.000Z'); // 10:00 summer time
    expect(wholeDaysUntil(addAmsterdamDays(request, 42), request)).toBe(42);
  });

  it('6 weeks across the autumn change: same local time, one hour more in UTC', () => {
    const request = at('2026-10-01T08:00:00Z'); // 10:00 summer time
    expect(iso(addAmsterdamDays(request, 42))).toBe('2026-11-12T09:00:00.000Z'); // 10:00 winter time
  });

  it('late in the evening the due date stays on the right calendar day (24-hour days would not)', () => {
    const request = at('2026-03-20T22:30:00Z'); // 20 March, 23:30 winter time
    const due = addAmsterdamDays(request, 42);
    expect(amsterdamDate(due)).toBe('2026-05-01');
    expect(iso(due)).toBe('2026-05-01T21:30:00.000Z'); // 23:30 summer time
    // The old UTC count (42 × 24 hours) lands on 2 May, 00:30 local: a day late.
    expect(amsterdamDate(new Date(request.getTime() + 42 * 86_400_000))).toBe('2026-05-02');
  });

  it('a wall-clock time the change skips moves forward; one it repeats is the earlier of the two', () => {
    // 28 March 02:30 + 1 day: 02:30 does not exist on 29 March 2026, it becomes 03:30 summer time.
    expect(iso(addAmsterdamDays(at('2026-03-28T01:30:00Z'), 1))).toBe('2026-03-29T01:30:00.000Z');
    // 24 October 02:30 + 1 day: 02:30 happens twice on 25 October 2026; the first (summer time) counts.
    expect(iso(addAmsterdamDays(at('2026-10-24T00:30:00Z'), 1))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('half a year across a change keeps the local date and time, clamping to the end of a month', () => {
    const aug31 = startOfAmsterdamDay('2026-08-31');
    expect(iso(addAmsterdamMonths(aug31, 6))).toBe(iso(startOfAmsterdamDay('2027-02-28')));
    const mar31 = startOfAmsterdamDay('2026-03-31');
    expect(iso(addAmsterdamMonths(mar31, 6))).toBe(iso(startOfAmsterdamDay('2026-09-30')));
  });

  it('counts whole local days left, rounding down, negative once past', () => {
    const due = at('2026-04-12T09:00:00Z');
    expect(wholeDaysUntil(due, at('2026-03-01T10:00:00Z'))).toBe(42); // 41 days and 23 hours in UTC
    expect(wholeDaysUntil(due, ms(due, -1))).toBe(0);
    expect(wholeDaysUntil(due, due)).toBe(0);
    expect(wholeDaysUntil(due, ms(due, 1))).toBe(-1);
    expect(daysBetweenDates('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetweenDates('2026-03-30', '2026-03-28')).toBe(-2);
  });
});

describe('the clocks and the retention dates use the local calendar', () => {
  it('the future plan is required from the 16th birthday at local midnight, with the half-year check', () => {
    const f = facts({ dateOfBirth: '2012-09-15' }); // 16 on 15 September 2028, summer time
    const sixteen = at('2028-09-14T22:00:00Z');
    expect(futurePlanClocks(f, ms(sixteen, -MINUTE)).map((n) => n.overdue)).toEqual([false]);
    const [required, check] = futurePlanClocks(f, sixteen);
    expect(required).toMatchObject({ kind: 'future-plan-required', dueAt: iso(sixteen), overdue: true });
    // 15 March 2029, 00:00 winter time: the check moved back over the autumn change.
    expect(check).toMatchObject({ kind: 'future-plan-half-year-check', dueAt: '2029-03-14T23:00:00.000Z' });
    expect(iso(nextHalfYearCheck('2012-09-15', sixteen))).toBe('2029-03-14T23:00:00.000Z');
  });

  it('the 6-week clocks of a request and a measure late on a winter evening end on the local day', () => {
    const requestedAt = at('2026-03-02T22:45:00Z'); // 2 March, 23:45 winter time
    expect(analysisClock(facts({ requestedAt }), requestedAt)?.dueAt).toBe('2026-04-13T21:45:00.000Z');
    const measureStartedAt = startOfAmsterdamDay('2026-03-02');
    const due = at('2026-04-12T22:00:00Z'); // 13 April, 00:00 summer time
    expect(measureClock(facts({ measureStartedAt }), ms(due, -1))).toMatchObject({ dueAt: iso(due), overdue: false });
    expect(measureClock(facts({ measureStartedAt }), due)?.overdue).toBe(true);
  });

  it('retention and the destruction deadline count months on the local calendar', () => {
    // Requested on 31 March, 00:30 summer time: 3 months later is 30 June (UTC would say 1 July, 00:30).
    expect(iso(destructionDueBy(at('2026-03-30T22:30:00Z')))).toBe('2026-06-29T22:30:00.000Z');
    // Closed on 1 February, 00:30 local (31 January in UTC): kept until 1 February 2046, 00:30 local.
    expect(iso(retentionUntil(at('2026-01-31T23:30:00Z')))).toBe('2046-01-31T23:30:00.000Z');
    // Closed on 31 August 2028, 00:30 summer time: 20 years later is again 31 August, 00:30 local.
    expect(iso(retentionUntil(at('2028-08-30T22:30:00Z')))).toBe('2048-08-30T22:30:00.000Z');
  });
});
