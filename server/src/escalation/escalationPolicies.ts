/**
 * The gate rules of the escalation routes (see cases/caseGate.ts). The ladder's own rules — which role
 * decides which step — are in escalation/ladder.ts and are checked after the gate, with the case's state.
 */
import { CASE_PROFESSIONALS, type Role } from '@samenspraak/shared';
import type { GateRule } from '../cases/caseGate.js';
import { invitersOf } from '../domain/invitations.js';
import { DOORBRAAKAANPAK_DECIDERS, DOWN_DECIDERS, PROPOSERS, UP_DECIDERS } from './ladder.js';

/** Everyone who may decide or propose some step; the domain rule narrows it per step. */
const LADDER_ROLES: Role[] = [
  ...new Set([...Object.values(UP_DECIDERS).flat(), ...DOORBRAAKAANPAK_DECIDERS, ...DOWN_DECIDERS, ...PROPOSERS]),
];

export const ESCALATION_POLICIES = {
  /** The professionals on the case and the directors of its breakthrough session; not the clients. */
  read: { event: 'read', roles: [...CASE_PROFESSIONALS, 'dbt-lid'] as Role[], what: 'escalation' },
  /** The plain view: every participant with access (the case gate applies age and consent). */
  plain: { event: 'read', what: 'escalation (plain)' },
  escalate: { event: 'update', roles: LADDER_ROLES, what: 'escalation step' },
  /** The RET process director organises the breakthrough session and invites the directors. */
  session: { event: 'create', roles: ['procesregisseur'], what: 'breakthrough session' },
  /** Who invites a director is the invitation table's (domain/invitations.ts): the procesregisseur. */
  invite: { event: 'update', roles: invitersOf('dbt-lid'), what: 'DBT invitation' },
  /** Directors record their own commitments: the server records, not the shared document. */
  commit: { event: 'create', roles: ['dbt-lid'], what: 'commitment' },
  /** The author reports it met, or the process director who follows the commitments up. */
  commitmentMet: { event: 'update', roles: ['dbt-lid', 'procesregisseur'], what: 'commitment met' },
  /** Letting a commitment go, with a reason, is the process direction's follow-up (step 4, scaling down). */
  commitmentRelease: { event: 'update', roles: ['procesregisseur'], what: 'commitment release' },
  /** The process director records what the breakthrough session came to. */
  sessionOutcome: { event: 'update', roles: ['procesregisseur'], what: 'session outcome' },
} satisfies Record<string, GateRule>;
