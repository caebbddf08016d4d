/** The tables of migration 0020_future_plan as the plan code sees them (beside the migration). */
import type { Kysely } from 'kysely';
import type { CaseSchema } from '../cases/caseDb.js';
import type { AppDb } from '../db/database.js';

export interface FuturePlansTable {
  case_id: string;
  supporter_kind: string | null;
  supporter_name: string;
  updated_at: string;
  updated_by: string;
}

export interface FuturePlanDomainsTable {
  case_id: string;
  domain: string;
  situation: string;
  goal: string;
  service: string;
  funder_now: string | null;
  funder_from_18: string | null;
  switch_arranged_on: string | null;
  switch_contact: string;
  youth_comment: string;
  updated_at: string;
  updated_by_name: string;
}

export interface FuturePlanBig5Table {
  case_id: string;
  item: string;
  status: string;
  confirmed_by_name: string;
  confirmed_at: string;
}

export interface FuturePlanMovesTable {
  id: string;
  case_id: string;
  moved_on: string;
  new_address_kind: string;
  reason: string | null;
  explanation: string;
  near_eighteen: number;
  recorded_by_name: string;
  recorded_at: string;
}

export interface PlanSchema extends CaseSchema {
  future_plans: FuturePlansTable;
  future_plan_domains: FuturePlanDomainsTable;
  future_plan_big5: FuturePlanBig5Table;
  future_plan_moves: FuturePlanMovesTable;
}

export function planDb(db: AppDb): Kysely<PlanSchema> {
  return db as unknown as Kysely<PlanSchema>;
}
