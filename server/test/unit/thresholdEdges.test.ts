/**
 * Every threshold of the domain rules just below, at and just above it (issue 12, "edge tests for
 * every threshold"): the clocks' due instants (6 weeks, 3 months, the 16th birthday, the half-year
 * check after a recorded check), the warning week, the ages of law (12, 16, 18, and 23 for a new
 * registration) at local midnight in Europe/Amsterdam (domain brief §7), and the end of a participation.
 */
import { describe, expect, it } from 'vitest';
import { dateOfBirthProblem, MAX_AGE_AT_REGISTRATION } from '../../src/cases/caseRules.js';
import { ageOn } from '../../src/domain/age.js';
import { ageBand, caseAccess, mayChangeParentsConsent } from '../../src/domain/caseAccess.js';
import {
  addDays,
  analysisClock,
  futurePlanClocks,
  measureClock,
  type Notice,
  progressClock,
  SIX_WEEKS_DAYS,
  WARNING_DAYS,
} from '../../src/domain/clocks.js';
import { facts } from '../support/clockFacts.js';

const at = (iso: string) => new Date(iso);
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);
const DAY = 86_400_000;

describe('each clock turns overdue exactly on its due instant', () => {
  // Issue 13: the due instants are Amsterdam local times; across a DST change they moved an hour from
  // the UTC day counts these expectations had (analysis, measure, half-year) and the 16th birthday
  // begins at local midnight (it was UTC midnight, 02:00 local).
  const halfYearChecked = at('2028-08-31T09:00:00Z');
  const clocks: Array<[string, (now: Date) => Notice | null | undefined, Date]> = [
    ['analysis: 42 days after the request', (now) => analysisClock(facts(), now), at('2026-04-12T09:00:00Z')],
    [
      'measure: 42 days after it started',
      (now) => measureClock(facts({ measureStartedAt: at('2026-03-02T08:30:00Z') }), now),
      at('2026-04-13T07:30:00Z'),
    ],
    [
      'no progress: 3 calendar months after the last progress',
      (now) =>
        progressClock(
          facts({ helpStartedAt: at('2025-01-01T00:00:00Z'), lastProgressAt: at('2026-05-31T12:00:00Z') }),
          now,
        ),
      at('2026-08-31T12:00:00Z'),
    ],
    [
      'future plan: the 16th birthday',
      (now) => futurePlanClocks(facts(), now).find((n) => n.kind === 'future-plan-required'),
      at('2028-05-09T22:00:00Z'),
    ],
    [
      'half-year check: 6 calendar months after the recorded check (end of month clamps)',
      (now) => futurePlanClocks(facts({ hasFuturePlan: true, futurePlanCheckedAt: halfYearChecked }), now)[0],
      at('2029-02-28T10:00:00Z'),
    ],
  ];
  it.each(clocks)('%s', (_name, clock, due) => {
    expect(clock(ms(due, -1))).toMatchObject({ dueAt: due.toISOString(), overdue: false });
    expect(clock(due)).toMatchObject({ dueAt: due.toISOString(), overdue: true });
    expect(clock(ms(due, 1))).toMatchObject({ dueAt: due.toISOString(), overdue: true });
  });

  it('6 weeks is 42 days', () => {
    expect(SIX_WEEKS_DAYS).toBe(42);
    expect(addDays(at('2026-03-01T10:00:00Z'), SIX_WEEKS_DAYS).toISOString()).toBe('2026-04-12T09:00:00.000Z');
  });

  it('help that starts on the measure’s due instant is in time, a millisecond later is not', () => {
    const start = at('2026-03-02T08:30:00Z');
    const due = addDays(start, 42);
    expect(measureClock(facts({ measureStartedAt: start, helpStartedAt: ms(due, -1) }), ms(due, 5))).toBeNull();
    expect(measureClock(facts({ measureStartedAt: start, helpStartedAt: due }), ms(due, 5))).toBeNull();
    expect(measureClock(facts({ measureStartedAt: start, helpStartedAt: ms(due, 1) }), ms(due, 5))?.overdue).toBe(true);
  });

  it('the recorded half-year check times nothing before the 16th birthday', () => {
    const sixteen = at('2028-05-09T22:00:00Z');
    const f = facts({ hasFuturePlan: true, futurePlanCheckedAt: at('2027-01-01T00:00:00Z') });
    expect(futurePlanClocks(f, ms(sixteen, -1))).toEqual([]);
    expect(futurePlanClocks(f, sixteen)).toHaveLength(1);
  });
});

describe('the warning week before a due date', () => {
  const due = at('2026-04-12T09:00:00Z');
  it(`is information with ${WARNING_DAYS} whole days left, a warning from a millisecond later`, () => {
    expect(WARNING_DAYS).toBe(7);
    expect(analysisClock(facts(), ms(due, -7 * DAY - 1))?.severity).toBe('info');
    expect(analysisClock(facts(), ms(due, -7 * DAY))?.severity).toBe('info');
    expect(analysisClock(facts(), ms(due, -7 * DAY + 1))?.severity).toBe('warning');
    expect(analysisClock(facts(), ms(due, -1))?.severity).toBe('warning');
    expect(analysisClock(facts(), due)?.severity).toBe('urgent');
  });
});

describe('ages of law fall at local midnight in Europe/Amsterdam', () => {
  // 15 March: winter time (UTC+1), local midnight is 23:00 UTC the day before.
  const winterMidnight = at('2026-03-14T23:00:00Z');
  // 1 July: summer time (UTC+2), local midnight is 22:00 UTC the day before.
  const summerMidnight = at('2026-06-30T22:00:00Z');

  it('counts a birthday from local midnight, in winter and in summer time', () => {
    expect(ageOn('2010-03-15', ms(winterMidnight, -1))).toBe(15);
    expect(ageOn('2010-03-15', winterMidnight)).toBe(16);
    expect(ageOn('2010-03-15', ms(winterMidnight, 1))).toBe(16);
    expect(ageOn('2010-07-01', ms(summerMidnight, -1))).toBe(15);
    expect(ageOn('2010-07-01', summerMidnight)).toBe(16);
  });

  it('12: the young person gets access on the birthday, not a moment before', () => {
    expect(
      caseAccess(
        { dateOfBirth: '2014-03-15', parentsConsent: false, closed: false },
        'jeugdige',
        ms(winterMidnight, -1),
      ).allowed,
    ).toBe(false);
    expect(
      caseAccess({ dateOfBirth: '2014-03-15', parentsConsent: false, closed: false }, 'jeugdige', winterMidnight)
        .allowed,
    ).toBe(true);
  });

  it('16: parents without consent lose access at local midnight; the young person decides from then', () => {
    const f = { dateOfBirth: '2010-03-15', parentsConsent: false, closed: false };
    expect(caseAccess(f, 'ouder', ms(winterMidnight, -1)).allowed).toBe(true);
    expect(caseAccess(f, 'ouder', winterMidnight).allowed).toBe(false);
    expect(caseAccess({ ...f, parentsConsent: true }, 'ouder', winterMidnight).allowed).toBe(true);
    expect(mayChangeParentsConsent(f, 'jeugdige', ms(winterMidnight, -1))).toBe(false);
    expect(mayChangeParentsConsent(f, 'jeugdige', winterMidnight)).toBe(true);
  });

  it('18: adult from the birthday; parents still need consent', () => {
    expect([17, 18, 19].map(ageBand)).toEqual(['16to17', 'adult', 'adult']);
    expect(ageOn('2008-03-15', ms(winterMidnight, -1))).toBe(17);
    expect(ageOn('2008-03-15', winterMidnight)).toBe(18);
    const f = { dateOfBirth: '2008-03-15', parentsConsent: false, closed: false };
    expect(caseAccess(f, 'ouder', winterMidnight).allowed).toBe(false);
    expect(caseAccess({ ...f, parentsConsent: true }, 'ouder', winterMidnight).allowed).toBe(true);
  });

  it('23: a new registration is refused from the 23rd birthday, and for a birth date after today', () => {
    expect(MAX_AGE_AT_REGISTRATION).toBe(22);
    expect(dateOfBirthProblem('2003-03-15', ms(winterMidnight, -1))).toBeNull();
    expect(dateOfBirthProblem('2003-03-15', winterMidnight)).toMatch(/too old/);
    // Born today in Amsterdam (while it is still the day before in UTC) is not in the future.
    expect(dateOfBirthProblem('2026-03-15', winterMidnight)).toBeNull();
    expect(dateOfBirthProblem('2026-03-16', winterMidnight)).toMatch(/future/);
  });
});

describe('a participation that ends', () => {
  const until = '2026-04-01T12:00:00.000Z';
  const f = { dateOfBirth: '2010-01-01', parentsConsent: false, closed: false, accessUntil: until };
  it('gives access until the instant, not on it or after', () => {
    expect(caseAccess(f, 'dbt-lid', ms(at(until), -1)).allowed).toBe(true);
    expect(caseAccess(f, 'dbt-lid', at(until)).allowed).toBe(false);
    expect(caseAccess(f, 'dbt-lid', ms(at(until), 1)).allowed).toBe(false);
  });
});
