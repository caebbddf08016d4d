/**
 * The gate rules of the escalation routes (see cases/caseGate.ts). The ladder's own rules — which role
 * decides which step — are in escalation/ladder.ts and are checked after the gate, with the case's state.
 */
import { CASE_PROFESSIONALS, type Role } from '@samenspraak/shared';
import type { GateRule } from '../cases/caseGate.js';
import { invitersOf } from '../domain/invitations.js';
import { DOWN_DECIDERS, PROPOSERS, STRAIGHT_TO_DBT_DECIDERS, UP_DECIDERS } from './ladder.js';

/** Everyone who may decide or propose some step; the domain rule narrows it per step. */
const LADDER_ROLES: Role[] = [
  ...new Set([...Object.values(UP_DECIDERS).flat(), ...STRAIGHT_TO_DBT_DECIDERS, ...DOWN_DECIDERS, ...PROPOSERS]),
];

export const ESCALATION_POLICIES = {
  /** The professionals on the case and the directors of its breakthrough session; not the clients. */
  read: { event: 'read', roles: [...CASE_PROFESSIONALS, 'dbt-lid'] as Role[], what: 'escalation' },
  escalate: { event: 'update', roles: LADDER_ROLES, what: 'escalation step' },
  /** The RET process director organises the breakthrough session and invites the directors. */
  session: { event: 'create', roles: ['procesregisseur'], what: 'breakthrough session' },
  /** Who invites a director is the invitation table's (domain/invitations.ts): the procesregisseur. */
  invite: { event: 'update', roles: invitersOf('dbt-lid'), what: 'DBT invitation' },
  /** Directors record their own commitments: the server records, not the shared document. */
  commit: { event: 'create', roles: ['dbt-lid'], what: 'commitment' },
  /** The author reports it met, or the process director who follows the commitments up. */
  commitmentMet: { event: 'update', roles: ['dbt-lid', 'procesregisseur'], what: 'commitment met' },
} satisfies Record<string, GateRule>;
