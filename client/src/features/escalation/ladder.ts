/**
 * The escalation ladder as the client shows it: which steps a person can take from here, so the form
 * only offers steps that can work. The server decides (server/src/escalation/ladder.ts) with the same
 * tables (shared/src/escalationSchemas.ts); a refusal from the server is always shown as it comes.
 */
import {
  type CommitmentView,
  DOORBRAAKAANPAK_DECIDERS,
  DOWN_DECIDERS,
  ESCALATION_LEVELS,
  type EscalationLevel,
  type EscalationStepView,
  type EscalationTarget,
  type LadderState,
  type NoticeView,
  PROPOSERS,
  type Role,
  UP_DECIDERS,
} from '@samenspraak/shared';

export type { LadderState } from '@samenspraak/shared';

export function rank(state: LadderState): number {
  return state === 'gesloten' ? 0 : ESCALATION_LEVELS.indexOf(state);
}

export type Direction = 'up' | 'down' | 'close' | 'doorbraakaanpak';

export interface LadderChoice {
  to: EscalationTarget;
  direction: Direction;
  /** The person may decide it. */
  allowed: boolean;
  /** Why not (a key into the messages), when not allowed. */
  blockedBy?: 'role' | 'commitments' | 'analysis';
  /** The person may propose it to the process director (BEN-NH adviser). */
  mayPropose?: boolean;
}

/** The value of a choice in the form: two choices can lead to the RET (up, or the doorbraakaanpak). */
export const choiceKey = (c: Pick<LadderChoice, 'direction' | 'to'>) => `${c.direction}:${c.to}`;

/**
 * The steps from `level`: one up (to the DBT only with a signed-off analysis), the West-Friesland
 * doorbraakaanpak to the RET (only where the region uses it and its 6 weeks ran out: the measure clock
 * exists only then), one down and closing. Steps the role may not decide are listed with `allowed: false`.
 */
export function ladderChoices(
  level: LadderState,
  role: Role,
  facts: { measureClockOverdue: boolean; mayScaleDown: boolean; analysisSignedOff: boolean },
): LadderChoice[] {
  const r = rank(level);
  const choices: LadderChoice[] = [];
  const next = ESCALATION_LEVELS[r + 1] as Exclude<EscalationLevel, 'lokaal'> | undefined;
  if (next) {
    const deciders = UP_DECIDERS[next];
    const mayDecide = deciders.includes(role);
    const needsAnalysis = next === 'dbt' && !facts.analysisSignedOff;
    choices.push({
      to: next,
      direction: 'up',
      allowed: mayDecide && !needsAnalysis,
      ...(!mayDecide
        ? { blockedBy: 'role' as const, mayPropose: PROPOSERS.includes(role) }
        : needsAnalysis
          ? { blockedBy: 'analysis' as const }
          : {}),
    });
  }
  if (r === 0 && facts.measureClockOverdue) {
    const allowed = DOORBRAAKAANPAK_DECIDERS.includes(role);
    choices.push({
      to: 'ret',
      direction: 'doorbraakaanpak',
      allowed,
      ...(allowed ? {} : { blockedBy: 'role' as const, mayPropose: PROPOSERS.includes(role) }),
    });
  }
  if (level !== 'gesloten' && r > 0) {
    const down = ESCALATION_LEVELS[r - 1] as EscalationLevel;
    const mayDecide = DOWN_DECIDERS.includes(role);
    const needsCommitments = level === 'dbt' && !facts.mayScaleDown;
    for (const [to, direction] of [
      [down, 'down'],
      ['gesloten', 'close'],
    ] as const) {
      choices.push({
        to,
        direction,
        allowed: mayDecide && !needsCommitments,
        ...(!mayDecide
          ? { blockedBy: 'role' as const, mayPropose: PROPOSERS.includes(role) }
          : needsCommitments
            ? { blockedBy: 'commitments' as const }
            : {}),
      });
    }
  }
  return choices;
}

/** The measure clock ran out: fitting help did not start within 6 weeks of a child-protection measure. */
export function measureClockOverdue(notices: readonly NoticeView[]): boolean {
  return notices.some((n) => n.kind === 'measure-escalation' && n.overdue);
}

/** The step that brought the case to its current DBT stay (the latest step up to `dbt`). */
export function latestStepTo(history: readonly EscalationStepView[], to: EscalationTarget): EscalationStepView | null {
  for (let i = history.length - 1; i >= 0; i--) {
    const step = history[i];
    if (step?.to === to) return step;
  }
  return null;
}

/** Commitments: overdue first, then open by date, then met, then released. */
export function sortCommitments(list: readonly CommitmentView[]): CommitmentView[] {
  const order = { overdue: 0, open: 1, met: 2, released: 3 } as const;
  return [...list].sort((a, b) => order[a.status] - order[b.status] || a.dueAt.localeCompare(b.dueAt));
}

/**
 * The server's refusal in plain words: known reasons translated, the server's own text kept as detail.
 * Returns a key of the messages' `refusals` table, or null for an unknown reason.
 */
export function refusalKey(status: number, id: string, message: string): string | null {
  const text = message.toLowerCase();
  if (id === 'dbt_not_settled') return 'commitmentsOpen';
  if (text.includes('one level at a time')) return 'oneLevel';
  if (text.includes('straight to the breakthrough approach')) return 'shortcutClock';
  if (text.includes('already at')) return 'alreadyThere';
  if (text.includes('escalated meanwhile')) return 'meanwhile';
  if (text.includes('needs the case to be escalated to the dbt')) return 'notAtDbt';
  if (text.includes('only a director invited')) return 'notInvited';
  if (text.includes('only an active professional with role dbt-lid')) return 'notADirector';
  if (text.includes('already takes part')) return 'alreadyParticipant';
  if (text.includes('already met')) return 'alreadyMet';
  if (text.includes('may propose')) return 'mayPropose';
  if (status === 403 || id === 'forbidden') return 'forbidden';
  if (status === 404) return 'notFound';
  if (id === 'invalid_request') return 'invalid';
  return null;
}
