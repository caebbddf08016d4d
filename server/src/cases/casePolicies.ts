/**
 * Who may do what on a case, per action: the gate rules the routes enter with. Age and consent
 * (caseAccess) apply to all of them first; these add the roles and special rules of each action.
 */
import {
  ageOn,
  CASE_PROFESSIONALS,
  CLIENT_ROLES,
  holdsRight,
  PROCESS_DIRECTION_ROLES,
  type Role,
} from '@samenspraak/shared';
import { mayChangeParentsConsent } from '../domain/caseAccess.js';
import { invitableRoles, inviteRefusal } from '../domain/invitations.js';
import type { CaseScope, GateRule } from './caseGate.js';

export const CASE_POLICIES = {
  read: { event: 'read' },
  /** Professionals who work on the case take people off it; who adds whom is `invitePolicy`'s. */
  manageParticipants: { event: 'update', roles: CASE_PROFESSIONALS, what: 'participants' },
  parentsConsent: {
    event: 'consent',
    what: 'parents consent',
    check: (s) =>
      mayChangeParentsConsent(s.facts, s.role, s.now)
        ? null
        : 'only the young person, from 16, decides about access for the parents',
  },
  status: { event: 'update', roles: PROCESS_DIRECTION_ROLES, what: 'status' },
  /** The young person (from 12, via caseAccess), the parents while they have access, and the professionals. */
  accessLog: { event: 'read', roles: [...CLIENT_ROLES, ...CASE_PROFESSIONALS] as Role[], what: 'access log' },
  export: {
    event: 'export',
    what: 'complete export',
    // The young person from 12, the parents for a child under 12 (shared holdsRight), or the responsible scientist.
    check: (s) =>
      holdsRight('export', s.role, ageOn(s.facts.dateOfBirth, s.now)) ||
      (s.role === 'gedragswetenschapper' && s.row.responsible_scientist_id === s.audit.actor.userId)
        ? null
        : 'only the young person, or the responsible behavioural scientist on their behalf, exports the case',
  },
  listDestructionRequests: {
    event: 'read',
    roles: [...CLIENT_ROLES, ...PROCESS_DIRECTION_ROLES] as Role[],
    what: 'destruction requests',
  },
  /** The young person from 12; the parents while the child is under 16 (from 16 the young person decides alone). */
  requestDestruction: {
    event: 'create',
    roles: CLIENT_ROLES,
    what: 'destruction request',
    refusalId: 'right_not_holder',
    check: (s) =>
      holdsRight('destruction', s.role, ageOn(s.facts.dateOfBirth, s.now))
        ? null
        : 'from 16 the young person alone asks for destruction',
  },
  decideDestruction: { event: 'update', roles: PROCESS_DIRECTION_ROLES, what: 'destruction decision' },
  /** The holder or a RET procesregisseur; the command checks which (cases/teamRules.ts). */
  processDirection: { event: 'update', roles: PROCESS_DIRECTION_ROLES, what: 'process direction' },
} satisfies Record<string, GateRule>;

/** The inviter as the invitation table (domain/invitations.ts) knows them. */
export function inviterOf(scope: CaseScope) {
  return { role: scope.role, registeredCase: scope.row.created_by === scope.audit.actor.userId };
}

/**
 * Bringing someone in `role` onto the case — by an invitation link, or by adding their account — is
 * decided by the one invitation table, after the gate's participation, age, consent and end date.
 */
export function invitePolicy(role: Role, event: 'create' | 'update', what: string): GateRule {
  return { event, what, check: (s) => inviteRefusal(inviterOf(s), role), refusalId: 'invite_not_allowed' };
}

/** Listing and revoking invitations: for those who may invite anyone at all. */
export const INVITATIONS_POLICY: GateRule = {
  event: 'read',
  what: 'invitations',
  check: (s) => (invitableRoles(inviterOf(s)).length > 0 ? null : `a ${s.role} does not invite anyone to a case`),
};
