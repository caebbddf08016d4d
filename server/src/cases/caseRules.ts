/** Pure rules of the case commands (no database, no clock of their own), so they are easy to test and read. */
import {
  CASE_STATUSES,
  type CaseStatus,
  CLIENT_ROLES,
  CLOSED_STATUS,
  isRegion,
  PARTICIPANT_PROFESSIONAL_ROLES,
  type Role,
} from '@samenspraak/shared';
import { ageOn, amsterdamDate } from '../domain/age.js';

/** Youth care ends at 23 at the latest (extended care); older people are not registered as new cases. */
export const MAX_AGE_AT_REGISTRATION = 22;

/** null when the date of birth is plausible for a new case today, else what is wrong. */
export function dateOfBirthProblem(dateOfBirth: string, now: Date): string | null {
  if (dateOfBirth > amsterdamDate(now)) return 'the date of birth lies in the future';
  if (ageOn(dateOfBirth, now) > MAX_AGE_AT_REGISTRATION) return `youth care ends at 23: the young person is too old`;
  return null;
}

/**
 * The RET process runs forward one step at a time; it may step back one (e.g. monitoring shows the
 * plan does not work and a new joint analysis is needed), scale down (close) from any step, and a
 * closed case may be reopened as a new registration.
 */
export function statusChangeProblem(from: CaseStatus, to: CaseStatus): string | null {
  if (from === to) return `the case already has status ${to}`;
  if (to === CLOSED_STATUS) return null;
  if (from === CLOSED_STATUS)
    return to === 'aanmelding' ? null : 'a closed case reopens as a new registration (aanmelding)';
  const step = CASE_STATUSES.indexOf(to) - CASE_STATUSES.indexOf(from);
  return Math.abs(step) === 1 ? null : `from ${from} the case can go to the next or previous step, or be closed`;
}

/** Who may take which role on a case: a professional only in their organisation role; clients in theirs. */
export function participantRoleProblem(user: { kind: string; role: string | null }, role: Role): string | null {
  if (user.kind === 'professional') {
    if (!user.role || !PARTICIPANT_PROFESSIONAL_ROLES.includes(user.role as Role)) {
      return 'this account has no professional role that takes part in cases';
    }
    if (user.role !== role) return `a professional takes part in their own role (${user.role})`;
    // Directors join only through a breakthrough-session invitation, whose access ends with the follow-up.
    if (role === 'dbt-lid') return 'a DBT member is added by inviting them to a breakthrough session';
    return null;
  }
  if (user.kind === 'client') {
    // A JIM is chosen by the young person and may be someone from their own network, without an organisation.
    const clientRoles: readonly Role[] = [...CLIENT_ROLES, 'clientondersteuner'];
    return clientRoles.includes(role) ? null : `a client account can be ${clientRoles.join(', ')}`;
  }
  return 'unknown kind of account';
}

/** A name as the duplicate check compares it: no accents, case or extra spaces ("José  de Vries" = "jose de vries"). */
export function normalisedName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Same young person: same normalised name and municipality, same date of birth. */
export function sameYoungPerson(
  a: { name: string; dateOfBirth: string; municipality: string },
  b: { name: string; dateOfBirth: string; municipality: string },
): boolean {
  return (
    a.dateOfBirth === b.dateOfBirth &&
    normalisedName(a.name) === normalisedName(b.name) &&
    normalisedName(a.municipality) === normalisedName(b.municipality)
  );
}

/**
 * Who registered the case as the RET monitor counts it (REGISTRANTS), when the form did not say: a
 * parent's or the school's question counts as theirs (so parents show in the monitor, domain brief §6),
 * a professional's as the registering professional's organisation kind.
 */
export function registrantOf(requester: string | undefined, actorRole: Role): string {
  if (requester === 'ouder') return 'ouders';
  if (requester === 'onderwijs') return 'onderwijs';
  if (requester === 'jeugdige') return 'jeugdige';
  if (actorRole === 'jeugdbeschermer') return 'gi';
  if (actorRole === 'lokaal-team' || actorRole === 'jeugdhulpaanbieder') return actorRole;
  return 'anders';
}

/** A real calendar date as YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/**
 * Before the schema: the two mistakes a registration form most often makes get their own plain answer
 * (an unknown region, a date that is no date) instead of the general "not everything is filled in".
 */
export function registrationInputProblem(
  raw: unknown,
): { id: 'unknown_region' | 'invalid_date_of_birth'; message: string } | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { region, youngPerson } = raw as { region?: unknown; youngPerson?: { dateOfBirth?: unknown } };
  if (region !== undefined && !isRegion(region)) return { id: 'unknown_region', message: 'region: unknown region' };
  const dob = typeof youngPerson === 'object' && youngPerson !== null ? youngPerson.dateOfBirth : undefined;
  if (typeof dob === 'string' && !isCalendarDate(dob))
    return { id: 'invalid_date_of_birth', message: 'youngPerson.dateOfBirth: not a date (YYYY-MM-DD)' };
  return null;
}
