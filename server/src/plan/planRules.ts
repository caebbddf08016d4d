/**
 * The future plan's rules (domain brief §4), pure over plan content with the moment as a parameter:
 *  - whether a domain's funding changes at 18 and whether the new funder is engaged (date + named contact);
 *  - the BIG5 derived from the domains;
 *  - the municipality's half-year check from content: a plan exists, every switch at 18 is engaged, the
 *    plan changed in the last six months — for every young person of 16 or over;
 *  - a move within six months of the 18th birthday needs a reason;
 *  - who writes which field.
 * Months and birthdays count on the Amsterdam calendar (shared legalDates.ts).
 */
import {
  addAmsterdamMonths,
  BIG5_DOMAINS,
  BIG5_ITEMS,
  type Big5Item,
  type Big5Status,
  birthdayDate,
  birthdayStartsAt,
  EXTENDED_YOUTH_CARE,
  type Funder,
  HALF_YEAR_CHECKS,
  type HalfYearCheck,
  type HalfYearResult,
  MOVE_WINDOW_MONTHS,
  PLAN_DIRECTORS,
  PLAN_DRAFTERS,
  type PlanDomain,
  type PlanDomainBody,
  type Role,
  startOfAmsterdamDay,
} from '@samenspraak/shared';

/** The content the rules read of one domain. */
export interface DomainFacts {
  domain: PlanDomain;
  situation: string;
  goal: string;
  funderNow: Funder | null;
  funderFrom18: Funder | null;
  switchArrangedOn: string | null;
  switchContact: string;
}

export interface PlanFacts {
  updatedAt: Date;
  domains: readonly DomainFacts[];
}

const filled = (s: string | null | undefined) => typeof s === 'string' && s.trim().length > 0;

/**
 * Whether the domain's funding changes at 18: a new funder is named that differs from today's, or the
 * Jeugdwet pays today and nothing is named for after 18 (the Jeugdwet stops; not knowing who pays next
 * is the gap the check is for). Extended youth care (to 21/23) stays with the Jeugdwet and the same
 * municipality: no new funder to engage.
 */
export function fundingChangesAt18(d: Pick<DomainFacts, 'funderNow' | 'funderFrom18'>): boolean {
  if (d.funderFrom18 === null) return d.funderNow === 'Jeugdwet';
  // The Jeugdwet stops at 18; past 18 it pays only as extended youth care (its own entries).
  if (d.funderFrom18 === 'Jeugdwet') return true;
  if (EXTENDED_YOUTH_CARE.includes(d.funderFrom18)) return false;
  if (d.funderFrom18 === 'geen') return false;
  return d.funderFrom18 !== d.funderNow;
}

/** The new funder is engaged: a funder named, a date the switch was arranged, and a named contact there. */
export function newFunderEngaged(d: DomainFacts): boolean {
  if (!fundingChangesAt18(d)) return true;
  return (
    d.funderFrom18 !== null && d.funderFrom18 !== 'Jeugdwet' && filled(d.switchArrangedOn) && filled(d.switchContact)
  );
}

/** A domain is described when it has a current situation and a goal. */
export function domainDescribed(d: Pick<DomainFacts, 'situation' | 'goal'>): boolean {
  return filled(d.situation) && filled(d.goal);
}

/**
 * A BIG5 item from its domains: 'stabiel' when every domain it rests on is described and its funding
 * past 18 is arranged; 'nog_niet' otherwise (also when no domain is written yet). 'nvt' is never derived:
 * only the local team says an item does not apply.
 */
export function deriveBig5(domains: readonly DomainFacts[]): Record<Big5Item, Big5Status> {
  const byId = new Map(domains.map((d) => [d.domain, d]));
  return Object.fromEntries(
    BIG5_ITEMS.map((item) => {
      const mine = BIG5_DOMAINS[item].map((id) => byId.get(id));
      const stable = mine.every((d) => d !== undefined && domainDescribed(d) && newFunderEngaged(d));
      return [item, stable ? 'stabiel' : 'nog_niet'];
    }),
  ) as Record<Big5Item, Big5Status>;
}

/** "Let go only when all five are stable" (shown, not enforced): 'nvt' counts as not in the way. */
export function allBig5Stable(statuses: Readonly<Record<Big5Item, Big5Status>>): boolean {
  return BIG5_ITEMS.every((i) => statuses[i] === 'stabiel' || statuses[i] === 'nvt');
}

export const HALF_YEAR_MONTHS = 6;

/** The half-year check applies from the 16th birthday, on an open case. */
export function halfYearCheckApplies(dateOfBirth: string, closed: boolean, now: Date): boolean {
  return !closed && now.getTime() >= birthdayStartsAt(dateOfBirth, 16).getTime();
}

/**
 * The municipality's half-year check (domain brief §4), from content:
 *  - planExists: a plan with at least one life domain described (situation and goal) — any text is not a plan;
 *  - newFunderEngaged: every domain whose funding changes at 18 has the new funder engaged;
 *  - updatedRecently: the plan changed within the last six months.
 * Without a plan the other two fail as well: nothing is arranged and nothing was updated.
 */
export function halfYearCheck(
  input: { dateOfBirth: string; closed: boolean; plan: PlanFacts | null },
  now: Date,
): HalfYearResult {
  const applies = halfYearCheckApplies(input.dateOfBirth, input.closed, now);
  const plan = input.plan;
  const exists = plan?.domains.some(domainDescribed) ?? false;
  const notEngaged = plan ? plan.domains.filter((d) => !newFunderEngaged(d)).map((d) => d.domain) : [];
  const recent = plan !== null && plan.updatedAt.getTime() > addAmsterdamMonths(now, -HALF_YEAR_MONTHS).getTime();
  const checks: Record<HalfYearCheck, boolean> = {
    planExists: exists,
    newFunderEngaged: exists && notEngaged.length === 0,
    updatedRecently: exists && recent,
  };
  return {
    applies,
    passing: HALF_YEAR_CHECKS.every((c) => checks[c]),
    checks,
    domainsNotEngaged: notEngaged,
  };
}

/** The checks that fail (empty when passing). */
export function failingChecks(result: HalfYearResult): HalfYearCheck[] {
  return HALF_YEAR_CHECKS.filter((c) => !result.checks[c]);
}

/**
 * A move on `movedOn` (YYYY-MM-DD) lies near the 18th birthday: within MOVE_WINDOW_MONTHS before or after
 * (Amsterdam calendar, the window's ends included).
 */
export function moveNearEighteen(dateOfBirth: string, movedOn: string): boolean {
  const eighteen = birthdayStartsAt(dateOfBirth, 18);
  const at = startOfAmsterdamDay(movedOn).getTime();
  const from = addAmsterdamMonths(eighteen, -MOVE_WINDOW_MONTHS).getTime();
  const to = addAmsterdamMonths(eighteen, MOVE_WINDOW_MONTHS).getTime();
  return at >= from && at <= to;
}

/** Near 18 a move needs a reason from the list and an explanation in words; otherwise nothing is asked. */
export function moveNeedsReason(
  dateOfBirth: string,
  move: { movedOn: string; reason?: string | null; explanation?: string },
): boolean {
  if (!moveNearEighteen(dateOfBirth, move.movedOn)) return false;
  return !move.reason || !filled(move.explanation);
}

export const eighteenOn = (dateOfBirth: string) => birthdayDate(dateOfBirth, 18);

type DomainField = keyof PlanDomainBody;
/** Who writes each field of a domain. */
export const DOMAIN_FIELD_WRITERS: Record<DomainField, 'director' | 'drafter' | 'youth'> = {
  situation: 'drafter',
  goal: 'drafter',
  service: 'drafter',
  funderNow: 'director',
  funderFrom18: 'director',
  switchArrangedOn: 'director',
  switchContact: 'director',
  youthComment: 'youth',
};

export function mayWrite(role: Role): { director: boolean; drafter: boolean; youth: boolean } {
  return {
    director: PLAN_DIRECTORS.includes(role),
    drafter: PLAN_DRAFTERS.includes(role),
    youth: role === 'jeugdige',
  };
}

/** The fields of a change the role may not write (empty: all allowed). */
export function fieldsNotAllowed(role: Role, body: PlanDomainBody): DomainField[] {
  const may = mayWrite(role);
  return (Object.keys(body) as DomainField[]).filter((f) => !may[DOMAIN_FIELD_WRITERS[f]]);
}
