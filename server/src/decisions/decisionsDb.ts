/** The tables of migration 0019_decisions as the decisions code sees them (beside the migration). */
import type { Kysely } from 'kysely';
import type { CaseSchema } from '../cases/caseDb.js';
import type { AppDb } from '../db/database.js';

export interface PlacementDecisionsTable {
  id: string;
  case_id: string;
  kind: string;
  decision: string;
  follows_analysis: number;
  departure_reason: string | null;
  gz_psycholoog_id: string | null;
  gz_psycholoog_name: string | null;
  analysis_version_id: string;
  analysis_version_name: string;
  analysis_signed_off_at: string;
  decided_by: string;
  decided_by_name: string;
  decided_by_role: string;
  decided_at: string;
}

export interface JointRiskRecordsTable {
  id: string;
  case_id: string;
  risks: string;
  created_by: string;
  created_by_name: string;
  created_at: string;
}

export interface JointRiskAgreementsTable {
  record_id: string;
  case_id: string;
  party: string;
  user_id: string;
  user_name: string;
  user_role: string;
  agreed_at: string;
}

export interface HelpDisagreementsTable {
  id: string;
  case_id: string;
  help_started: string;
  gi_view: string;
  local_team_view: string;
  recorded_by: string;
  recorded_by_name: string;
  recorded_at: string;
}

export interface DecisionsSchema extends CaseSchema {
  placement_decisions: PlacementDecisionsTable;
  joint_risk_records: JointRiskRecordsTable;
  joint_risk_agreements: JointRiskAgreementsTable;
  help_disagreements: HelpDisagreementsTable;
}

export const decisionsDb = (db: AppDb | Kysely<never>) => db as unknown as Kysely<DecisionsSchema>;
