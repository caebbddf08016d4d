/** Small rules the overview and case page share: who reads escalation, what age opens the future plan. */

import { CASE_PROFESSIONALS, type Role } from '@samenspraak/shared';

/** `GET /api/cases/:id/escalation` answers the professionals on the case and the DBT directors. */
export function readsEscalation(role: Role): boolean {
  return CASE_PROFESSIONALS.includes(role) || role === 'dbt-lid';
}

/** The future plan is for every young person from 16 (domain brief §4). */
export const FUTURE_PLAN_AGE = 16;
