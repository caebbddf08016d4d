/** The gate rules of the decisions routes (cases/caseGate.ts); the domain rules follow in the commands. */
import { CASE_PROFESSIONALS, PLACEMENT_DECIDERS, RISK_PARTY_ROLES, type Role } from '@samenspraak/shared';
import type { GateRule } from '../cases/caseGate.js';

const AGREEING_ROLES = [...new Set(Object.values(RISK_PARTY_ROLES).flat())];

export const DECISION_POLICIES = {
  /** Placement decisions are part of the dossier: everyone on the case reads them (the gz-psycholoog too). */
  readPlacements: { event: 'read', what: 'placement decisions' },
  /** Domain §2: the GI (jeugdbeschermer, gedragsdeskundige) and the RET process director decide. */
  decidePlacement: { event: 'create', roles: PLACEMENT_DECIDERS, what: 'placement decision' },
  readJointRisks: { event: 'read', what: 'joint risks' },
  /** Any professional on the case writes down the risks; the sides agree separately. */
  createJointRisk: { event: 'create', roles: CASE_PROFESSIONALS, what: 'joint risk record' },
  agreeJointRisk: { event: 'update', roles: AGREEING_ROLES, what: 'joint risk agreement' },
  /** GI and local team record their disagreement; the professionals read it for the evaluation. */
  readDisagreements: { event: 'read', roles: CASE_PROFESSIONALS, what: 'help disagreements' },
  recordDisagreement: {
    event: 'create',
    roles: ['jeugdbeschermer', 'lokaal-team'] as Role[],
    what: 'help disagreement',
  },
} satisfies Record<string, GateRule>;
