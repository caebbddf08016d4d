/**
 * The escalation ladder of domain brief §5, pure: lokaal (local team / provider / GI) → ret (RET process
 * direction) → ben-nh → dbt (Doorbraakteam), and back down one level or closed.
 *  - upward one level at a time, by the roles that own that step; the only skip is the GI's straight
 *    escalation to the breakthrough approach when fitting help has not started 6 weeks after a
 *    child-protection measure (West-Friesland, action 4);
 *  - a BEN-NH adviser may propose the RET process director's steps, not decide them;
 *  - leaving the DBT (down or closed) needs every commitment met: that is what scaling down means.
 * Every step carries why (bottleneck), what was tried, who decided and the analysis as it was then.
 */
import type {
  CommitmentStatus,
  EscalationLevel,
  EscalationTarget,
  LadderState,
  LawOrBudget,
  Role,
} from '@samenspraak/shared';
import {
  DOWN_DECIDERS,
  ESCALATION_LEVELS,
  PROPOSERS,
  STRAIGHT_TO_DBT_DECIDERS,
  UP_DECIDERS,
} from '@samenspraak/shared';

export type { LadderState } from '@samenspraak/shared';
export { DOWN_DECIDERS, PROPOSERS, STRAIGHT_TO_DBT_DECIDERS, UP_DECIDERS } from '@samenspraak/shared';

export interface TransitionContext {
  from: LadderState;
  to: EscalationTarget;
  role: Role;
  /** Fitting help did not start within 6 weeks of a child-protection measure (see clocks.ts). */
  measureClockOverdue: boolean;
  /** Every commitment of the breakthrough sessions is met (see mayScaleDown). */
  commitmentsMet: boolean;
}

export type TransitionDecision =
  | { allowed: true; direction: 'up' | 'down' | 'close'; shortcut: boolean }
  /** `role`: someone else decides this step (403); `ladder`: the step itself is not possible now (409). */
  | { allowed: false; reason: string; code: 'role' | 'ladder'; mayPropose: boolean };

function rank(state: LadderState): number {
  // A closed case that escalates again starts from the bottom.
  return state === 'gesloten' ? 0 : ESCALATION_LEVELS.indexOf(state);
}

function refuse(reason: string, role: Role, deciders: readonly Role[]): TransitionDecision {
  const code = deciders.length > 0 && !deciders.includes(role) ? 'role' : 'ladder';
  const mayPropose = code === 'role' && PROPOSERS.includes(role);
  return { allowed: false, reason: mayPropose ? `${reason}; a ${role} may propose it` : reason, code, mayPropose };
}

export function decideTransition(c: TransitionContext): TransitionDecision {
  const { from, to, role } = c;
  if (from === to) return refuse(`the case is already at ${to}`, role, []);
  if (to === 'gesloten' || rank(to) < rank(from)) {
    if (from === 'gesloten') return refuse('a closed escalation cannot go down', role, []);
    if (to !== 'gesloten' && rank(from) - rank(to) > 1) {
      return refuse(
        `de-escalation goes one level at a time (from ${from} to ${ESCALATION_LEVELS[rank(from) - 1]})`,
        role,
        [],
      );
    }
    if (!DOWN_DECIDERS.includes(role)) return refuse(`a ${role} may not de-escalate or close`, role, DOWN_DECIDERS);
    if (from === 'dbt' && !c.commitmentsMet) {
      return refuse('the case may be scaled down only when every commitment is met', role, []);
    }
    return { allowed: true, direction: to === 'gesloten' ? 'close' : 'down', shortcut: false };
  }
  if (rank(to) === rank(from)) return refuse('a closed escalation reopens by escalating to ret', role, []);
  const target = to as Exclude<EscalationLevel, 'lokaal'>;
  const steps = rank(to) - rank(from);
  if (steps > 1) {
    const shortcut = target === 'dbt' && rank(from) === 0;
    if (!shortcut)
      return refuse(`escalation goes one level at a time (next: ${ESCALATION_LEVELS[rank(from) + 1]})`, role, []);
    if (!c.measureClockOverdue) {
      return refuse(
        'straight to the breakthrough approach only when fitting help has not started 6 weeks after a child-protection measure',
        role,
        [],
      );
    }
    if (!STRAIGHT_TO_DBT_DECIDERS.includes(role)) {
      return refuse(`a ${role} may not take the doorbraakaanpak shortcut`, role, STRAIGHT_TO_DBT_DECIDERS);
    }
    return { allowed: true, direction: 'up', shortcut: true };
  }
  const deciders = UP_DECIDERS[target];
  if (!deciders.includes(role)) return refuse(`a ${role} may not escalate to ${to}`, role, deciders);
  return { allowed: true, direction: 'up', shortcut: false };
}

/** The analysis as it was when the step was decided: which document and which version of it. */
export interface AnalysisSnapshotRef {
  documentId: string;
  version: string;
}

export interface EscalationStep {
  from: LadderState;
  to: EscalationTarget;
  bottleneck: string;
  tried: string;
  decidedBy: string;
  decidedAt: Date;
  analysis: AnalysisSnapshotRef | null;
}

export type StepResult =
  | { ok: true; step: EscalationStep }
  | { ok: false; reason: string; code: 'role' | 'ladder' | 'input' };

/** A complete step, or why not: the why, the what-was-tried and the decider are never optional. */
export function buildStep(
  c: TransitionContext,
  input: {
    bottleneck: string;
    tried: string;
    decidedBy: string;
    decidedAt: Date;
    analysis: AnalysisSnapshotRef | null;
  },
): StepResult {
  const decision = decideTransition(c);
  if (!decision.allowed) return { ok: false, reason: decision.reason, code: decision.code };
  const missing = (reason: string): StepResult => ({ ok: false, reason, code: 'input' });
  if (!input.bottleneck.trim()) return missing('a step records the bottleneck');
  if (!input.tried.trim()) return missing('a step records what was tried');
  if (!input.decidedBy) return missing('a step records who decided');
  // Going up carries the analysis along (§5); scaling down may happen without one.
  if (decision.direction === 'up' && !input.analysis) return missing('an escalation carries the current analysis');
  return { ok: true, step: { from: c.from, to: c.to, ...input } };
}

/** The current level from the steps in order; no steps means the case is handled locally. */
export function currentLevel(steps: readonly { to: EscalationTarget }[]): LadderState {
  return steps.length === 0 ? 'lokaal' : (steps[steps.length - 1] as { to: EscalationTarget }).to;
}

export interface Commitment {
  id: string;
  organisation: string;
  what: string;
  lawOrBudget: LawOrBudget;
  dueAt: Date;
  metAt: Date | null;
}

export function commitmentStatus(c: Commitment, now: Date): CommitmentStatus {
  if (c.metAt) return 'met';
  return now.getTime() >= c.dueAt.getTime() ? 'overdue' : 'open';
}

/** Commitments past their date and not met: the RET process director is alerted to these. */
export function overdueCommitments<C extends Commitment>(list: readonly C[], now: Date): C[] {
  return list.filter((c) => commitmentStatus(c, now) === 'overdue');
}

/** The case may be scaled down once every commitment is met (none recorded counts as nothing open). */
export function mayScaleDown(list: readonly Commitment[]): boolean {
  return list.every((c) => c.metAt !== null);
}
