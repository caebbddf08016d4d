/**
 * The escalation ladder of domain brief §5, pure: lokaal (local team / provider / GI) → ret (RET process
 * direction) → ben-nh → dbt (Doorbraakteam), and back down one level or closed.
 *  - upward one level at a time, by the roles that own that step — never a skip;
 *  - the DBT takes only cases with a signed-off explanatory analysis (domain §5, 003);
 *  - West-Friesland (004 actie 4), only where the region switched the rule on: 6 weeks after a measure
 *    without fitting help the GI escalates lokaal → ret as the RET's regional doorbraakaanpak (not the DBT);
 *  - a BEN-NH adviser may propose the RET process director's steps, not decide them;
 *  - leaving the DBT (down or closed) needs a breakthrough session with a recorded outcome and every
 *    commitment met or released with a reason: a case never "closes" at the DBT without them (§5).
 * Every step carries why (bottleneck), what was tried, who decided and the analysis as it was then.
 */
import type {
  CommitmentStatus,
  EscalationLevel,
  EscalationTarget,
  HttpErrorId,
  LadderState,
  LawOrBudget,
  Role,
} from '@samenspraak/shared';
import {
  DOORBRAAKAANPAK_DECIDERS,
  DOWN_DECIDERS,
  ESCALATION_LEVELS,
  PROPOSERS,
  UP_DECIDERS,
} from '@samenspraak/shared';

export type { LadderState } from '@samenspraak/shared';
export { DOORBRAAKAANPAK_DECIDERS, DOWN_DECIDERS, PROPOSERS, UP_DECIDERS } from '@samenspraak/shared';

/** The West-Friesland clock of a case: the region does not use the rule, it runs, or 6 weeks passed. */
export type WestFrieslandState = 'off' | 'running' | 'overdue';

export interface TransitionContext {
  from: LadderState;
  to: EscalationTarget;
  role: Role;
  /** The step is asked as the West-Friesland regional doorbraakaanpak. */
  doorbraakaanpak: boolean;
  westFriesland: WestFrieslandState;
  /** The case has a signed-off explanatory analysis. */
  analysisSignedOff: boolean;
  /** A session with an outcome and every commitment met or released (see dbtSettled). */
  dbtSettled: boolean;
}

export type TransitionDecision =
  | { allowed: true; direction: 'up' | 'down' | 'close'; doorbraakaanpak: boolean }
  /** `role`: someone else decides this step (403); `ladder`: the step itself is not possible now (409). */
  | { allowed: false; reason: string; code: 'role' | 'ladder'; mayPropose: boolean; errorId: HttpErrorId };

function rank(state: LadderState): number {
  // A closed case that escalates again starts from the bottom.
  return state === 'gesloten' ? 0 : ESCALATION_LEVELS.indexOf(state);
}

function refuse(
  reason: string,
  role: Role,
  deciders: readonly Role[],
  errorId: HttpErrorId = 'transition_refused',
): TransitionDecision {
  const code = deciders.length > 0 && !deciders.includes(role) ? 'role' : 'ladder';
  const mayPropose = code === 'role' && PROPOSERS.includes(role);
  return {
    allowed: false,
    reason: mayPropose ? `${reason}; a ${role} may propose it` : reason,
    code,
    mayPropose,
    errorId: code === 'role' ? 'forbidden' : errorId,
  };
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
    if (from === 'dbt' && !c.dbtSettled) {
      return refuse(
        'the DBT scales down only after a session with an outcome and every commitment met or released',
        role,
        [],
        'dbt_not_settled',
      );
    }
    return { allowed: true, direction: to === 'gesloten' ? 'close' : 'down', doorbraakaanpak: false };
  }
  if (rank(to) === rank(from)) return refuse('a closed escalation reopens by escalating to ret', role, []);
  const target = to as Exclude<EscalationLevel, 'lokaal'>;
  if (rank(to) - rank(from) > 1)
    return refuse(`escalation goes one level at a time (next: ${ESCALATION_LEVELS[rank(from) + 1]})`, role, []);
  if (c.doorbraakaanpak) {
    // 004 actie 4: "door GI direct opgeschaald naar uitvoering doorbraakaanpak" — run by the RET.
    if (target !== 'ret') return refuse('the regional doorbraakaanpak is a step from lokaal to the RET', role, []);
    if (!DOORBRAAKAANPAK_DECIDERS.includes(role))
      return refuse(`a ${role} may not start the doorbraakaanpak`, role, DOORBRAAKAANPAK_DECIDERS);
    if (c.westFriesland === 'off')
      return refuse("the case's region does not use the West-Friesland rule", role, [], 'west_friesland_rule_off');
    if (c.westFriesland !== 'overdue')
      return refuse(
        'the doorbraakaanpak only 6 weeks after the measure without help',
        role,
        [],
        'measure_clock_running',
      );
    return { allowed: true, direction: 'up', doorbraakaanpak: true };
  }
  const deciders = UP_DECIDERS[target];
  if (!deciders.includes(role)) return refuse(`a ${role} may not escalate to ${to}`, role, deciders);
  if (target === 'dbt' && !c.analysisSignedOff)
    return refuse('the DBT takes only cases with a signed-off analysis', role, [], 'analysis_not_signed_off');
  return { allowed: true, direction: 'up', doorbraakaanpak: false };
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
  | { ok: false; reason: string; code: 'role' | 'ladder' | 'input'; errorId: HttpErrorId };

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
  if (!decision.allowed) return { ok: false, reason: decision.reason, code: decision.code, errorId: decision.errorId };
  const missing = (reason: string): StepResult => ({ ok: false, reason, code: 'input', errorId: 'invalid_request' });
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
  /** Let go by the process director, with a reason (absent: not released). */
  releasedAt?: Date | null;
  releaseReason?: string | null;
}

export function commitmentStatus(c: Commitment, now: Date): CommitmentStatus {
  if (c.metAt) return 'met';
  if (c.releasedAt) return 'released';
  return now.getTime() >= c.dueAt.getTime() ? 'overdue' : 'open';
}

/** Commitments past their date and neither met nor released: the RET process director is alerted to these. */
export function overdueCommitments<C extends Commitment>(list: readonly C[], now: Date): C[] {
  return list.filter((c) => commitmentStatus(c, now) === 'overdue');
}

/** Met, or released with a reason: nothing more is asked of it. */
export function isSettled(c: Commitment): boolean {
  return c.metAt !== null || (c.releasedAt != null && !!c.releaseReason?.trim());
}

/**
 * Domain §5: a DBT case is scaled down only after a breakthrough session with a recorded outcome, with
 * commitments recorded and every one met or released with a reason. Zero sessions or zero commitments: no.
 */
export function dbtSettled(sessionsWithOutcome: number, list: readonly Commitment[]): boolean {
  return sessionsWithOutcome > 0 && list.length > 0 && list.every(isSettled);
}
