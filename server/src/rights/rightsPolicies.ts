/**
 * The gate rules of the rights routes: the case gate (participation, age, consent) first, then who
 * holds the right at the young person's age (shared `holdsRight`), refused with a Dutch reason.
 */
import { ageOn, holdsRight, PROCESS_DIRECTION_ROLES, type RightId } from '@samenspraak/shared';
import type { LogEvent } from '../audit/accessLog.js';
import type { CaseScope, GateRule } from '../cases/caseGate.js';

export function ageOf(scope: CaseScope): number {
  return ageOn(scope.facts.dateOfBirth, scope.now);
}

export function holds(scope: CaseScope, right: RightId): boolean {
  return holdsRight(right, scope.role, ageOf(scope));
}

/** The rule of using `right`: only its holder; a refusal is logged with the right's name. */
export function rightRule(right: RightId, event: LogEvent, what: string): GateRule {
  return {
    event,
    what,
    refusalId: 'right_not_holder',
    check: (s) => (holds(s, right) ? null : `the ${right} right is not held by a ${s.role} at ${ageOf(s)}`),
  };
}

/** Those who answer correction and destruction requests: the process director's roles on the case. */
export function decides(scope: CaseScope): boolean {
  return PROCESS_DIRECTION_ROLES.includes(scope.role);
}

export const RIGHTS_POLICIES = {
  /** Everyone on the case reads what was asked and said (statements are shown to all who read the text). */
  overview: { event: 'read', what: 'rights' },
  statement: rightRule('statement', 'create', 'own statement'),
  correction: rightRule('correction', 'create', 'correction request'),
  decideCorrection: {
    event: 'update',
    what: 'correction decision',
    check: (s) => (decides(s) ? null : `a ${s.role} does not answer correction requests`),
  },
  logPrivacy: rightRule('logPrivacy', 'consent', 'own activity for parents'),
} satisfies Record<string, GateRule>;
