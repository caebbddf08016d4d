/** The clocks of domain brief §5 at their boundaries: the instant before, on and after each due date. */
import { describe, expect, it } from 'vitest';
import {
  addMonths,
  analysisClock,
  caseClocks,
  daysLeft,
  futurePlanClocks,
  measureClock,
  nextHalfYearCheck,
  progressClock,
  westFrieslandClock,
  westFrieslandState,
} from '../../src/domain/clocks.js';
import { facts } from '../support/clockFacts.js';

const at = (iso: string) => new Date(iso);
const ms = (d: Date, delta: number) => new Date(d.getTime() + delta);

describe('analysis within 6 weeks of the request', () => {
  // 11:00 in winter time + 42 local days = 11:00 in summer time (issue 13: was 10:00 UTC, a UTC day count).
  const due = at('2026-04-12T09:00:00Z');
  it('is due exactly 42 days after the request', () => {
    expect(analysisClock(facts(), at('2026-03-01T10:00:00Z'))?.dueAt).toBe(due.toISOString());
  });
  it('counts days left and turns overdue on the due instant, not a millisecond before', () => {
    expect(daysLeft(due, at('2026-03-01T10:00:00Z'))).toBe(42);
    expect(analysisClock(facts(), ms(due, -1))?.overdue).toBe(false);
    expect(analysisClock(facts(), due)?.overdue).toBe(true);
    expect(daysLeft(due, ms(due, 86_400_000))).toBe(-1);
  });
  it('severity: info, warning in the last week, urgent when overdue', () => {
    expect(analysisClock(facts(), at('2026-04-01T10:00:00Z'))?.severity).toBe('info');
    expect(analysisClock(facts(), at('2026-04-06T10:00:01Z'))?.severity).toBe('warning');
    expect(analysisClock(facts(), due)?.severity).toBe('urgent');
  });
  it('stops once the analysis is completed', () => {
    expect(analysisClock(facts({ analysisCompletedAt: at('2026-04-01T00:00:00Z') }), due)).toBeNull();
  });
});

describe('future plan from 16 and the half-year check', () => {
  // Local midnight of 10 May 2028 (summer time); half a year before and after it, winter time (issue 13:
  // these were UTC midnights, so the birthday began at 02:00 local time).
  const sixteen = at('2028-05-09T22:00:00Z');
  it('says nothing more than half a year before the 16th birthday', () => {
    expect(futurePlanClocks(facts(), at('2027-11-09T22:59:59Z'))).toEqual([]);
  });
  it('announces the requirement in the half year before the birthday', () => {
    const [n] = futurePlanClocks(facts(), at('2027-11-09T23:00:00Z'));
    expect(n).toMatchObject({ kind: 'future-plan-required', dueAt: sixteen.toISOString(), overdue: false });
  });
  it('is overdue from the 16th birthday without a plan, with the next half-year check', () => {
    const list = futurePlanClocks(facts(), sixteen);
    expect(list.map((n) => [n.kind, n.overdue])).toEqual([
      ['future-plan-required', true],
      ['future-plan-half-year-check', false],
    ]);
    expect(list[1]?.dueAt).toBe('2028-11-09T23:00:00.000Z');
  });
  it('the check recurs every 6 months from the 16th birthday', () => {
    expect(nextHalfYearCheck('2012-05-10', ms(sixteen, -1)).toISOString()).toBe(sixteen.toISOString());
    expect(nextHalfYearCheck('2012-05-10', at('2028-11-09T22:59:59Z')).toISOString()).toBe('2028-11-09T23:00:00.000Z');
    expect(nextHalfYearCheck('2012-05-10', at('2028-11-09T23:00:00Z')).toISOString()).toBe('2029-05-09T22:00:00.000Z');
  });
  it('a plan present ends the clock', () => {
    expect(futurePlanClocks(facts({ hasFuturePlan: true }), sixteen)).toEqual([]);
  });
  it('months clamp at the end of a month', () => {
    // Local midnight of 31 August (summer) + 6 months = local midnight of 28 February (winter).
    expect(addMonths(at('2026-08-30T22:00:00Z'), 6).toISOString()).toBe('2027-02-27T23:00:00.000Z');
  });
});

describe('6 weeks after a child-protection measure', () => {
  const start = at('2026-03-02T00:00:00Z');
  // 01:00 in winter time + 42 local days = 01:00 in summer time (issue 13: was 00:00 UTC).
  const due = at('2026-04-12T23:00:00Z');
  it('runs only after a measure started', () => {
    expect(measureClock(facts(), due)).toBeNull();
  });
  it('prompts straight escalation on the due instant when no help started', () => {
    const f = facts({ measureStartedAt: start });
    expect(measureClock(f, ms(due, -1))).toMatchObject({ kind: 'measure-escalation', overdue: false });
    expect(westFrieslandState(f, ms(due, -1))).toBe('running');
    expect(measureClock(f, due)).toMatchObject({ overdue: true, severity: 'urgent' });
    expect(westFrieslandState(f, due)).toBe('overdue');
  });
  // Changed on purpose (004 actie 4 is one region's proposal, domain §5): no rule, no clock.
  it('004 actie 4: a region that does not use the West-Friesland rule has no measure clock', () => {
    const f = facts({ measureStartedAt: start, westFriesland: null });
    expect(measureClock(f, ms(due, 86_400_000))).toBeNull();
    expect(westFrieslandClock(f, ms(due, 86_400_000))).toBeNull();
    expect(westFrieslandState(f, ms(due, 86_400_000))).toBe('off');
  });
  it('004 actie 4: the GI contacts the local team after two weeks without help; its own days per region', () => {
    const f = facts({ measureStartedAt: start });
    const contact = at('2026-03-16T00:00:00Z');
    expect(westFrieslandClock(f, ms(contact, -1))).toMatchObject({ contactOverdue: false, escalationOverdue: false });
    expect(westFrieslandClock(f, contact)).toMatchObject({ contactOverdue: true, escalationOverdue: false });
    const own = facts({ measureStartedAt: start, westFriesland: { contactDays: 7, escalationDays: 28 } });
    expect(westFrieslandClock(own, at('2026-03-30T00:00:00Z'))).toMatchObject({ escalationOverdue: true });
    // Help that started after the contact moment but within the 6 weeks stops the clock.
    expect(
      westFrieslandClock(facts({ measureStartedAt: start, helpStartedAt: at('2026-03-20T00:00:00Z') }), due),
    ).toBeNull();
  });
  it('help started on time (also on the last instant) stops it; late help does not', () => {
    expect(measureClock(facts({ measureStartedAt: start, helpStartedAt: due }), ms(due, 1))).toBeNull();
    expect(measureClock(facts({ measureStartedAt: start, helpStartedAt: ms(due, 1) }), ms(due, 1))?.overdue).toBe(true);
  });
});

describe('three months of help without progress', () => {
  const help = at('2026-01-31T00:00:00Z');
  it('prompts an analysis three calendar months after the last progress', () => {
    const f = facts({ helpStartedAt: help });
    // 01:00 in winter time + 3 months = 01:00 in summer time (issue 13: was 00:00 UTC).
    expect(progressClock(f, at('2026-04-29T22:59:59Z'))).toMatchObject({
      overdue: false,
      dueAt: '2026-04-29T23:00:00.000Z',
    });
    expect(progressClock(f, at('2026-04-29T23:00:00Z'))).toMatchObject({ overdue: true, severity: 'warning' });
  });
  it('recorded progress restarts the clock; no help, no clock', () => {
    const f = facts({ helpStartedAt: help, lastProgressAt: at('2026-04-01T00:00:00Z') });
    expect(progressClock(f, at('2026-04-30T00:00:00Z'))?.overdue).toBe(false);
    expect(progressClock(facts(), at('2030-01-01T00:00:00Z'))).toBeNull();
  });
});

describe('caseClocks', () => {
  it('collects every applicable notice as { kind, caseId, dueAt, overdue, severity }', () => {
    const f = facts({ measureStartedAt: at('2026-03-02T00:00:00Z'), helpStartedAt: at('2026-05-01T00:00:00Z') });
    const list = caseClocks(f, at('2026-05-02T00:00:00Z'));
    expect(list.map((n) => n.kind)).toEqual(['analysis-due', 'measure-escalation', 'no-progress-analysis']);
    for (const n of list) expect(Object.keys(n).sort()).toEqual(['caseId', 'dueAt', 'kind', 'overdue', 'severity']);
  });
  it('a closed case has no running clocks', () => {
    expect(caseClocks(facts({ closed: true }), at('2030-01-01T00:00:00Z'))).toEqual([]);
  });
});
