import { amsterdamDate } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { birthdayAt, calendarSpan, countdownTo18, localDate } from './countdown';

describe('countdown to the 18th birthday', () => {
  it('counts the days and calendar parts until the birthday', () => {
    expect(countdownTo18('2008-06-15', '2026-01-10')).toEqual({
      birthday: '2026-06-15',
      days: 156,
      years: 0,
      months: 5,
      remainingDays: 5,
      phase: 'before',
    });
    expect(countdownTo18('2009-09-30', '2026-03-01')).toMatchObject({ years: 1, months: 6, remainingDays: 29 });
  });

  it('is one day on the day before, zero on the day itself, and past after', () => {
    expect(countdownTo18('2008-06-15', '2026-06-14')).toMatchObject({ days: 1, remainingDays: 1, phase: 'before' });
    expect(countdownTo18('2008-06-15', '2026-06-15')).toMatchObject({
      days: 0,
      years: 0,
      months: 0,
      remainingDays: 0,
      phase: 'today',
    });
    expect(countdownTo18('2008-06-15', '2026-06-16')).toMatchObject({ days: -1, phase: 'after' });
  });

  it('counts exactly one year and whole months without leftover days', () => {
    expect(countdownTo18('2008-06-15', '2025-06-15')).toMatchObject({ years: 1, months: 0, remainingDays: 0 });
    expect(countdownTo18('2008-06-15', '2026-05-15')).toMatchObject({ years: 0, months: 1, remainingDays: 0 });
  });

  it('lets a 29 February birthday count from 1 March in a non-leap year (as the server does)', () => {
    expect(birthdayAt('2008-02-29', 18)).toBe('2026-03-01');
    expect(countdownTo18('2008-02-29', '2026-02-28')).toMatchObject({ days: 1, phase: 'before' });
    expect(countdownTo18('2008-02-29', '2026-03-01')).toMatchObject({ phase: 'today' });
    expect(birthdayAt('2012-02-29', 18)).toBe('2030-03-01');
    expect(birthdayAt('2012-02-29', 16)).toBe('2028-02-29');
  });

  it('handles month ends and year ends', () => {
    expect(calendarSpan('2026-01-31', '2026-03-01')).toEqual({ years: 0, months: 1, days: 1 });
    expect(calendarSpan('2025-12-31', '2026-01-01')).toEqual({ years: 0, months: 0, days: 1 });
    expect(calendarSpan('2026-03-01', '2026-03-01')).toEqual({ years: 0, months: 0, days: 0 });
    expect(countdownTo18('2008-01-01', '2025-12-31')).toMatchObject({ days: 1, phase: 'before' });
  });

  it('takes the local calendar date, not the UTC one', () => {
    const lateEvening = new Date(2026, 2, 14, 23, 30); // local time
    expect(localDate(lateEvening)).toBe('2026-03-14');
  });

  it('counts from the Amsterdam date the page passes in: the birthday begins at local midnight', () => {
    // 15 June 2026, 00:30 summer time, is still 14 June in UTC.
    expect(countdownTo18('2008-06-15', amsterdamDate(new Date('2026-06-14T22:30:00Z')))).toMatchObject({
      days: 0,
      phase: 'today',
    });
    expect(countdownTo18('2008-06-15', amsterdamDate(new Date('2026-06-14T21:59:00Z')))).toMatchObject({
      days: 1,
      phase: 'before',
    });
  });

  it('refuses something that is not a date', () => {
    expect(() => countdownTo18('15-06-2008', '2026-01-01')).toThrow();
  });
});
