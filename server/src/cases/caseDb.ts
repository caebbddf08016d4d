/**
 * The relational schema as the cases code sees it: AppSchema plus what migration 0003_cases adds.
 * Kept beside the migration (instead of in db/schema.ts, which several people edit) so the two cannot
 * drift apart; `caseDb` only re-types the one shared Kysely instance.
 */
import type { Kysely } from 'kysely';
import type { CommentsTable } from '../comments/comments.js';
import type { AppDb } from '../db/database.js';
import type { AppSchema, CasesTable, DestructionRequestsTable, ParticipantsTable } from '../db/schema.js';

export interface CaseRowTable extends CasesTable {
  registered_by: string | null;
  /** JSON array of strings. */
  problem_categories: string;
  /** 1 attends school, 0 does not, null unknown. */
  attends_school: number | null;
  destroyed_at: string | null;
  /** Migration 0009: the professional who registered the case (invites the young person and parents). */
  created_by: string | null;
  /** Migration 0016: who asked (REQUESTERS), what for, and who holds procesregie. */
  requester?: string | null;
  question?: string | null;
  process_director_id?: string | null;
  /** Migration 0022: 'consultatie-advies' | 'procesregie' (QUESTION_KINDS); null when not recorded. */
  question_kind?: string | null;
}

/** Migration 0016: each ended access and why. */
export interface ParticipantRemovalsTable {
  id: string;
  case_id: string;
  user_id: string;
  role: string;
  reason: string;
  removed_at: string;
  removed_by: string;
}

export interface DestructionRequestRowTable extends DestructionRequestsTable {
  motivation: string | null;
}

export interface CaseDocumentsTable {
  doc_id: string;
  case_id: string;
  type: string;
  created_at: string;
}

/** Migration 0005_escalation adds when a participation ends (a DBT member's, after the follow-up). */
export interface ParticipantRowTable extends ParticipantsTable {
  access_until: string | null;
}

export interface CaseSchema extends Omit<AppSchema, 'cases' | 'destruction_requests' | 'participants'> {
  cases: CaseRowTable;
  participants: ParticipantRowTable;
  destruction_requests: DestructionRequestRowTable;
  case_documents: CaseDocumentsTable;
  participant_removals: ParticipantRemovalsTable;
  /** Owned by the comments work; the cases code exports and destroys a case's comments. */
  comments: CommentsTable;
}

export type CaseDb = Kysely<CaseSchema>;

export function caseDb(db: AppDb): CaseDb {
  return db as unknown as CaseDb;
}
