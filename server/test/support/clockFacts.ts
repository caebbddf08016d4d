/**
 * The case facts the clocks read, for unit tests: a request on 1 March 2026, nothing else yet, in a
 * region that uses the West-Friesland rule with its own days (14 / 42) — so the measure clock runs; the
 * default of every other region (rule off, no measure clock) is tested with `westFriesland: null`.
 */
import type { ClockFacts } from '../../src/domain/clocks.js';

export function facts(over: Partial<ClockFacts> = {}): ClockFacts {
  return {
    caseId: 'c1',
    dateOfBirth: '2012-05-10',
    requestedAt: new Date('2026-03-01T10:00:00Z'),
    analysisCompletedAt: null,
    hasFuturePlan: false,
    measureStartedAt: null,
    helpStartedAt: null,
    lastProgressAt: null,
    closed: false,
    westFriesland: { contactDays: 14, escalationDays: 42 },
    ...over,
  };
}
