/**
 * The relational schema as the escalation code sees it: the case schema plus what migration
 * 0005_escalation adds. Kept beside the migration so the two cannot drift apart.
 */
import type { Kysely } from 'kysely';
import type { CaseRowTable, CaseSchema } from '../cases/caseDb.js';
import type { AppDb } from '../db/database.js';

export interface EscalationCaseRow extends CaseRowTable {
  analysis_completed_at: string | null;
  measure_started_at: string | null;
  help_started_at: string | null;
  last_progress_at: string | null;
  /** Migration 0008: the last half-year check of the future plan. */
  future_plan_checked_at: string | null;
  /** Migration 0018 (endorsements): "analyse aangevraagd", the start of the 6-week clock (null: not recorded). */
  analysis_requested_at?: string | null;
}

export interface EscalationStepsTable {
  id: string;
  case_id: string;
  position: number;
  from_level: string;
  to_level: string;
  bottleneck: string;
  tried: string;
  decided_by: string;
  decided_by_role: string;
  decided_at: string;
  analysis_doc_id: string | null;
  analysis_version: string | null;
  analysis_snapshot: string | null;
  /** Migration 0019: the signed-off analysis version the step rests on (read back as text). */
  analysis_version_id: string | null;
  /** Migration 0019: 1 when lokaal → ret is the West-Friesland regional doorbraakaanpak. */
  doorbraakaanpak: number;
}

export interface BreakthroughSessionsTable {
  id: string;
  case_id: string;
  scheduled_at: string;
  ends_at: string;
  follow_up_until: string;
  created_by: string;
  created_at: string;
  /** Migration 0019: what the session came to, recorded after it by the process director. */
  outcome: string | null;
  outcome_at: string | null;
  outcome_by: string | null;
}

export interface DbtInvitationsTable {
  session_id: string;
  case_id: string;
  user_id: string;
  invited_by: string;
  invited_at: string;
}

export interface CommitmentsTable {
  id: string;
  case_id: string;
  session_id: string | null;
  author_id: string;
  organisation: string;
  what: string;
  law_or_budget: string;
  due_at: string;
  met_at: string | null;
  met_by: string | null;
  created_at: string;
  /** Migration 0019: let go by the process director, with the reason. */
  released_at: string | null;
  released_by: string | null;
  release_reason: string | null;
}

/** Migration 0008: live notifications already sent, per person. */
export interface PushedNotificationsTable {
  user_id: string;
  key: string;
  case_id: string;
  pushed_at: string;
}

export interface EscalationSchema extends Omit<CaseSchema, 'cases'> {
  cases: EscalationCaseRow;
  escalation_steps: EscalationStepsTable;
  breakthrough_sessions: BreakthroughSessionsTable;
  dbt_invitations: DbtInvitationsTable;
  commitments: CommitmentsTable;
  pushed_notifications: PushedNotificationsTable;
}

export type EscalationDb = Kysely<EscalationSchema>;

export function escalationDb(db: AppDb): EscalationDb {
  return db as unknown as EscalationDb;
}
