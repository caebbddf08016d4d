/** The case facts the clocks read, for unit tests: a request on 1 March 2026, nothing else yet. */
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
    ...over,
  };
}
