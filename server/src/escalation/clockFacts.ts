/**
 * The facts the clocks run on that registration does not record (domain brief §5): when a
 * child-protection measure started, when fitting help started, the last progress, when the analysis
 * was completed and when the future plan was last checked. Each fact has the roles that know it.
 */
import {
  CLOCK_FACTS,
  type ClockFactName,
  type ClockFactsBody,
  type ClockFactsUpdateResponse,
  type ClockFactsView,
  type Role,
  startOfAmsterdamDay,
} from '@samenspraak/shared';
import type { CaseScope, GateRule } from '../cases/caseGate.js';
import { caseClocks } from '../domain/clocks.js';
import { Conflict, Forbidden, Invalid } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { type EscalationCaseRow, escalationDb } from './escalationDb.js';
import { clockFacts, loadCaseRow } from './escalationState.js';

/** Who records each fact: the GI its measure, those giving help its start and progress, and so on. */
export const CLOCK_FACT_ROLES: Record<ClockFactName, readonly Role[]> = {
  measureStartedAt: ['jeugdbeschermer', 'procesregisseur'],
  helpStartedAt: ['jeugdbeschermer', 'jeugdhulpaanbieder', 'lokaal-team', 'procesregisseur'],
  lastProgressAt: ['jeugdbeschermer', 'jeugdhulpaanbieder', 'lokaal-team', 'gedragswetenschapper', 'procesregisseur'],
  // Recorded by the sign-off of the analysis (endorsements/signOff.ts), never typed by hand.
  analysisCompletedAt: [],
  futurePlanCheckedAt: ['lokaal-team', 'procesregisseur'],
};

const COLUMN: Record<ClockFactName, keyof EscalationCaseRow & `${string}_at`> = {
  measureStartedAt: 'measure_started_at',
  helpStartedAt: 'help_started_at',
  lastProgressAt: 'last_progress_at',
  analysisCompletedAt: 'analysis_completed_at',
  futurePlanCheckedAt: 'future_plan_checked_at',
};

export const CLOCK_FACTS_POLICY: GateRule = {
  event: 'update',
  roles: [...new Set(Object.values(CLOCK_FACT_ROLES).flat())],
  what: 'clock facts',
};

/** A date (YYYY-MM-DD) is the start of that day in Amsterdam; a moment is kept as given, in UTC. */
function instantOf(value: string): string {
  return (/^\d{4}-\d{2}-\d{2}$/.test(value) ? startOfAmsterdamDay(value) : new Date(value)).toISOString();
}

export function presentFacts(row: EscalationCaseRow): ClockFactsView {
  return Object.fromEntries(CLOCK_FACTS.map((f) => [f, row[COLUMN[f]] ?? null])) as ClockFactsView;
}

export async function setClockFacts(
  services: AppServices,
  scope: CaseScope,
  body: ClockFactsBody,
): Promise<ClockFactsUpdateResponse> {
  const given = CLOCK_FACTS.filter((f) => body[f] !== undefined);
  const notMine = given.filter((f) => !CLOCK_FACT_ROLES[f].includes(scope.role));
  if (notMine.length > 0) {
    await scope.log('update', 'denied', `clock facts ${notMine.join(', ')}`);
    throw new Forbidden(`a ${scope.role} does not record ${notMine.join(', ')}`);
  }
  if (scope.facts.closed) {
    await scope.log('update', 'failure', 'clock facts: case closed');
    throw new Conflict('the case is closed; its clocks no longer run', 'case_closed');
  }
  const values: Partial<Record<ClockFactName, string | null>> = {};
  for (const f of given) {
    const raw = body[f];
    const at = raw ? instantOf(raw) : null;
    if (at && at > scope.now.toISOString()) {
      throw new Invalid(`${f}: lies in the future`);
    }
    values[f] = at;
  }
  await escalationDb(services.db)
    .updateTable('cases')
    .set(Object.fromEntries(given.map((f) => [COLUMN[f], values[f] ?? null])))
    .where('id', '=', scope.caseId)
    .execute();
  await scope.log('update', 'success', `clock facts ${given.join(', ')}`);
  const row = await loadCaseRow(services, scope.caseId);
  return { facts: presentFacts(row), notices: caseClocks(await clockFacts(services, row), scope.now) };
}
