/** Pure rules of the case commands (no database, no clock of their own), so they are easy to test and read. */
import {
  CASE_STATUSES,
  type CaseStatus,
  CLIENT_ROLES,
  CLOSED_STATUS,
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
