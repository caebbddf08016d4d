/**
 * The clocks of domain brief §5, pure over case data with the moment as a parameter:
 *  - the explanatory analysis is due 6 weeks after the request;
 *  - a future plan is required from the 16th birthday and checked by the municipality every half year;
 *  - West-Friesland (004 actie 4), only where the region uses the rule: 2 weeks after a measure without
 *    help the GI contacts the local team; after 6 weeks without fitting help the GI escalates to the
 *    RET's regional doorbraakaanpak (not the DBT);
 *  - three months of help without progress calls for an analysis.
 * Each clock that applies yields a notice; a clock whose condition is met yields none.
 * Days, months and birthdays are counted on the Amsterdam calendar (`legalDates.ts` in shared): the
 * 16th birthday starts at local midnight, and 6 weeks keep the local time of day across DST.
 */
import {
  addAmsterdamDays,
  addAmsterdamMonths,
  birthdayStartsAt,
  type NoticeView,
  wholeDaysUntil,
} from '@samenspraak/shared';

export type NoticeKind =
  | 'analysis-due'
  | 'future-plan-required'
  | 'future-plan-half-year-check'
  | 'measure-escalation'
  | 'no-progress-analysis';

export interface Notice extends NoticeView {
  kind: NoticeKind;
}

export interface ClockFacts {
  caseId: string;
  /** YYYY-MM-DD */
  dateOfBirth: string;
  /**
   * When the analysis was requested ("analyse aangevraagd", recorded on the analysis page); until that is
   * recorded, the case registration (every case here asks for an analysis; a forgotten button must not
   * silence the deadline).
   */
  requestedAt: Date;
  /** The analysis was signed off, which stops the clock (null: not yet). Recorded by the sign-off. */
  analysisCompletedAt: Date | null;
  /** The case has a future plan document. */
  hasFuturePlan: boolean;
  /** Start of a child-protection measure, if any. */
  measureStartedAt: Date | null;
  /** Start of fitting help after the measure, if it started. */
  helpStartedAt: Date | null;
  /** The last recorded progress in the help (or the start of help when none was recorded). */
  lastProgressAt: Date | null;
  /** When the future plan was last checked (half-year check); absent or null: not recorded. */
  futurePlanCheckedAt?: Date | null;
  closed: boolean;
  /** The region's West-Friesland rule (its days), or absent/null where the region does not use it. */
  westFriesland?: { contactDays: number; escalationDays: number } | null;
}

export const SIX_WEEKS_DAYS = 42;
/** Within this many days before a due date a notice is a warning rather than information. */
export const WARNING_DAYS = 7;

/** Local calendar days in Amsterdam, same local time of day (a DST day is 23 or 25 hours). */
export const addDays = addAmsterdamDays;

/** Calendar months in Amsterdam; the 31st plus one month clamps to the month's last day. */
export const addMonths = addAmsterdamMonths;

/** The moment someone turns `years`: local midnight in Amsterdam on the birthday. */
const birthday = birthdayStartsAt;

/** Whole local days left until `due` (negative once past); due on the instant itself counts as 0 and overdue. */
export const daysLeft = wholeDaysUntil;

export function isOverdue(due: Date, now: Date): boolean {
  return now.getTime() >= due.getTime();
}

function notice(kind: NoticeKind, caseId: string, due: Date, now: Date, urgentWhenOverdue = true): Notice {
  const overdue = isOverdue(due, now);
  const severity = overdue
    ? urgentWhenOverdue
      ? 'urgent'
      : 'warning'
    : daysLeft(due, now) < WARNING_DAYS
      ? 'warning'
      : 'info';
  return { kind, caseId, dueAt: due.toISOString(), overdue, severity };
}

export function analysisDueAt(requestedAt: Date): Date {
  return addDays(requestedAt, SIX_WEEKS_DAYS);
}

export function analysisClock(f: ClockFacts, now: Date): Notice | null {
  if (f.analysisCompletedAt) return null;
  return notice('analysis-due', f.caseId, analysisDueAt(f.requestedAt), now);
}

/**
 * The half-year check runs every 6 months from the 16th birthday for every young person aged 16+:
 * the next check date after `now` (or the 16th birthday itself when that is still ahead).
 */
export function nextHalfYearCheck(dateOfBirth: string, now: Date): Date {
  const sixteen = birthday(dateOfBirth, 16);
  if (now.getTime() < sixteen.getTime()) return sixteen;
  let k = 1;
  while (addMonths(sixteen, 6 * k).getTime() <= now.getTime()) k += 1;
  return addMonths(sixteen, 6 * k);
}

export function futurePlanClocks(f: ClockFacts, now: Date): Notice[] {
  const sixteen = birthday(f.dateOfBirth, 16);
  if (f.hasFuturePlan) {
    // With a plan, a recorded check starts the next half year; without one recorded there is nothing to time.
    if (!f.futurePlanCheckedAt || now.getTime() < sixteen.getTime()) return [];
    return [notice('future-plan-half-year-check', f.caseId, addMonths(f.futurePlanCheckedAt, 6), now)];
  }
  if (now.getTime() < sixteen.getTime()) {
    // Announce the requirement in the half year before the 16th birthday, so the plan is ready on time.
    return addMonths(sixteen, -6).getTime() <= now.getTime()
      ? [notice('future-plan-required', f.caseId, sixteen, now)]
      : [];
  }
  return [
    notice('future-plan-required', f.caseId, sixteen, now),
    notice('future-plan-half-year-check', f.caseId, nextHalfYearCheck(f.dateOfBirth, now), now),
  ];
}

/**
 * West-Friesland (004 actie 4), where the region uses it: no fitting help 6 weeks (the region's days)
 * after the measure started — the GI escalates to the RET's regional doorbraakaanpak. No rule, no clock.
 */
export function measureClock(f: ClockFacts, now: Date): Notice | null {
  if (!f.measureStartedAt || !f.westFriesland) return null;
  const due = addDays(f.measureStartedAt, f.westFriesland.escalationDays);
  if (f.helpStartedAt && f.helpStartedAt.getTime() <= due.getTime()) return null;
  return notice('measure-escalation', f.caseId, due, now);
}

export interface WestFrieslandClock {
  /** "Gi neemt contact op met gebiedsteam als hulp na twee weken niet kan worden ingezet." */
  contactDueAt: Date;
  contactOverdue: boolean;
  /** "Lukt dit niet binnen zes weken, dan wordt door GI direct opgeschaald naar uitvoering doorbraakaanpak." */
  escalationDueAt: Date;
  escalationOverdue: boolean;
}

/** The rule's own clock: null where the region does not use it, no measure started, or help started in time. */
export function westFrieslandClock(f: ClockFacts, now: Date): WestFrieslandClock | null {
  if (!f.measureStartedAt || !f.westFriesland) return null;
  const contactDueAt = addDays(f.measureStartedAt, f.westFriesland.contactDays);
  const escalationDueAt = addDays(f.measureStartedAt, f.westFriesland.escalationDays);
  if (f.helpStartedAt && f.helpStartedAt.getTime() <= escalationDueAt.getTime()) return null;
  const started = (due: Date) => f.helpStartedAt !== null && f.helpStartedAt.getTime() <= due.getTime();
  return {
    contactDueAt,
    contactOverdue: !started(contactDueAt) && isOverdue(contactDueAt, now),
    escalationDueAt,
    escalationOverdue: isOverdue(escalationDueAt, now),
  };
}

/** 'off': the region does not use the rule (or no measure); 'overdue': the GI may start the doorbraakaanpak. */
export function westFrieslandState(f: ClockFacts, now: Date): 'off' | 'running' | 'overdue' {
  if (!f.westFriesland) return 'off';
  return westFrieslandClock(f, now)?.escalationOverdue ? 'overdue' : 'running';
}

/** Three months of help without progress: an analysis is called for (again). */
export function progressClock(f: ClockFacts, now: Date): Notice | null {
  const since = f.lastProgressAt ?? f.helpStartedAt;
  if (!since) return null;
  // The overdue state is a prompt to analyse, not a missed legal deadline: a warning, not urgent.
  return notice('no-progress-analysis', f.caseId, addMonths(since, 3), now, false);
}

/** All notices of one case; a closed case has no running clocks. */
export function caseClocks(f: ClockFacts, now: Date): Notice[] {
  if (f.closed) return [];
  const list = [analysisClock(f, now), ...futurePlanClocks(f, now), measureClock(f, now), progressClock(f, now)];
  return list.filter((n): n is Notice => n !== null);
}
