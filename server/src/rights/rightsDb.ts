/** The tables of migration 0025_rights as the rights code sees them (beside the migration, like cases/caseDb.ts). */
import type { Kysely } from 'kysely';
import type { CaseSchema } from '../cases/caseDb.js';
import type { AppDb } from '../db/database.js';

export interface OwnStatementsTable {
  id: string;
  case_id: string;
  document: string;
  section: string;
  passage: string | null;
  text: string;
  author_id: string;
  author_name: string;
  author_role: string;
  created_at: string;
}

export interface CorrectionRequestsTable {
  id: string;
  case_id: string;
  document: string;
  section: string;
  passage: string | null;
  what: string;
  why: string;
  requested_by: string;
  requester_name: string;
  requester_role: string;
  requested_at: string;
  due_by: string;
  decision: string | null;
  decided_by: string | null;
  decided_by_name: string | null;
  decided_at: string | null;
  answer: string | null;
}

export interface RightsSettingsTable {
  case_id: string;
  /** 1: the parents see the young person's own activity in the access log (the young person allowed it). */
  parents_see_activity: number;
  changed_by: string;
  changed_at: string;
}

export interface RightsSchema extends CaseSchema {
  own_statements: OwnStatementsTable;
  correction_requests: CorrectionRequestsTable;
  rights_settings: RightsSettingsTable;
}

export function rightsDb(db: AppDb): Kysely<RightsSchema> {
  return db as unknown as Kysely<RightsSchema>;
}
