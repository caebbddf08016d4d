/**
 * Who brings whom onto a case — THE table, for every way in: an invitation link for the young person or
 * a parent, adding an existing account as participant, a director's invitation to a breakthrough
 * session. Pure (no database, no clock): the commands ask it, the gate refuses what it refuses.
 *
 * The case's direction (the RET procesregisseur) builds the team; the behavioural scientist brings in
 * the contributing professionals the analysis needs; the young person and the parents are invited by
 * the professional who registered the case (who knows them), or by the procesregisseur. Nobody invites
 * a role above their own, and read-only participants (a DBT director) invite nobody.
 */
import { DOCUMENT_TYPES, documentPermission, type Role } from '@samenspraak/shared';

/** Professionals who contribute to the case under its direction. */
const CONTRIBUTORS = [
  'lokaal-team',
  'jeugdbeschermer',
  'jeugdhulpaanbieder',
  'onderwijsconsulent',
  'clientondersteuner',
] as const satisfies readonly Role[];

/** The people the case is about: invited by a link and code, bound to the case they were invited to. */
export const CLIENT_INVITEES = ['jeugdige', 'ouder'] as const satisfies readonly Role[];

/**
 * How much say a role has over the case (not over the content: that is the permission table). Used to
 * check the table below, never to decide on its own. Municipality and administrators are never on a case.
 */
export const CASE_RANK: Readonly<Record<Role, number>> = {
  procesregisseur: 3,
  gedragswetenschapper: 2,
  'ben-adviseur': 2,
  'lokaal-team': 1,
  jeugdbeschermer: 1,
  jeugdhulpaanbieder: 1,
  onderwijsconsulent: 1,
  clientondersteuner: 1,
  // A director reads the case and commits their own organisation's means; they direct nothing here.
  'dbt-lid': 1,
  jeugdige: 0,
  ouder: 0,
  gemeente: -1,
  beheerder: -1,
  // Judges a closed-placement request on the analysis; directs nothing here.
  'gz-psycholoog': 1,
};

/** By role on the case: the roles that person may bring onto it. Roles not listed invite nobody. */
export const WHO_INVITES_WHOM: Readonly<Record<Role, readonly Role[]>> = {
  procesregisseur: [
    'procesregisseur',
    'gedragswetenschapper',
    'ben-adviseur',
    ...CONTRIBUTORS,
    'dbt-lid',
    'gz-psycholoog',
    ...CLIENT_INVITEES,
  ],
  gedragswetenschapper: ['gedragswetenschapper', ...CONTRIBUTORS],
  'ben-adviseur': [],
  'lokaal-team': [],
  jeugdbeschermer: [],
  jeugdhulpaanbieder: [],
  onderwijsconsulent: [],
  clientondersteuner: [],
  'dbt-lid': [],
  jeugdige: [],
  ouder: [],
  gemeente: [],
  beheerder: [],
  'gz-psycholoog': [],
};

/** Besides the table: the professional who registered the case invites the young person and the parents. */
export const REGISTRANT_INVITES: readonly Role[] = CLIENT_INVITEES;

export interface Inviter {
  /** Their role on this case. */
  role: Role;
  /** They registered this case (cases.created_by). */
  registeredCase: boolean;
}

/** A participant who only reads or comments on the case (a DBT director) invites nobody, whatever else holds. */
function writesOnCase(role: Role): boolean {
  return DOCUMENT_TYPES.some((type) => documentPermission(type, role) === 'edit');
}

/** Every role this person may bring onto the case, in the table's order. */
export function invitableRoles(inviter: Inviter): Role[] {
  const roles = new Set<Role>(WHO_INVITES_WHOM[inviter.role]);
  const registrant = inviter.registeredCase && CASE_RANK[inviter.role] > 0 && writesOnCase(inviter.role);
  if (registrant) for (const r of REGISTRANT_INVITES) roles.add(r);
  return [...roles];
}

export function mayInvite(inviter: Inviter, invited: Role): boolean {
  return invitableRoles(inviter).includes(invited);
}

/** Null when allowed, else the reason (English, for the log and the 403's message). */
export function inviteRefusal(inviter: Inviter, invited: Role): string | null {
  if (mayInvite(inviter, invited)) return null;
  if (CLIENT_INVITEES.includes(invited as (typeof CLIENT_INVITEES)[number])) {
    return `the young person and parents are invited by the professional who registered the case or the procesregisseur, not by a ${inviter.role}`;
  }
  return `a ${inviter.role} may not bring a ${invited} onto the case`;
}

/** The roles that may bring `invited` onto a case by the table (a registrant may add clients too). */
export function invitersOf(invited: Role): Role[] {
  return (Object.keys(WHO_INVITES_WHOM) as Role[]).filter((r) => WHO_INVITES_WHOM[r].includes(invited));
}
