/**
 * Relational data besides the documents: people, cases, sessions, the access log. One schema for SQLite
 * and Postgres (through Kysely): times are ISO-8601 strings (UTC), booleans are 0/1 integers.
 */
import type { Generated } from 'kysely';

export interface OrganisationsTable {
  id: string;
  name: string;
  kind: string;
  created_at: string;
}

export interface UsersTable {
  id: string;
  /** 'professional' (organisation account) or 'client' (young person / parent, invited to one case). */
  kind: string;
  /** Login name: e-mail for professionals, chosen at invitation acceptance for clients. */
  login: string;
  name: string;
  /** Professional role (see shared ROLES); null for clients, whose role is per case. */
  role: string | null;
  organisation_id: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  failed_logins: number;
  locked_until: string | null;
  disabled: number;
  created_at: string;
  /** Where mail reaches the person (migration 0011); null: no address known. */
  email?: string | null;
  /** 'immediate' | 'daily' | 'off'; null: the role's default (see shared MAIL_PREFERENCES). */
  mail_preference?: string | null;
  /** The youth-care region a professional works for (shared REGIONS); null for clients (migration 0011). */
  region?: string | null;
  /** Migration 0022: the municipality a 'gemeente' account sees the monitor of; null otherwise. */
  municipality?: string | null;
}

export interface SessionsTable {
  /** SHA-256 of the session token; the token itself only lives in the cookie. */
  id: string;
  user_id: string;
  csrf_token: string;
  /** 1 once the second factor was given (or for clients, who have none). */
  authenticated: number;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  remote_address: string;
  user_agent: string;
}

export interface LoginAttemptsTable {
  id: Generated<number>;
  login: string;
  remote_address: string;
  at: string;
  success: number;
}

export interface CasesTable {
  id: string;
  young_person_name: string;
  /** YYYY-MM-DD */
  date_of_birth: string;
  municipality: string;
  region: string;
  status: string;
  responsible_scientist_id: string | null;
  /** From 16: the young person allows the parents access (1) or not (0). */
  parents_consent: number;
  created_at: string;
  closed_at: string | null;
  retention_until: string | null;
}

export interface ParticipantsTable {
  case_id: string;
  user_id: string;
  role: string;
  added_at: string;
  added_by: string | null;
}

export interface InvitationsTable {
  id: string;
  case_id: string;
  role: string;
  name: string;
  /** SHA-256 of the one-time code. */
  code_hash: string;
  expires_at: string;
  used_at: string | null;
  attempts: number;
  created_by: string;
  created_at: string;
}

/** Which cases an access-log entry of several cases touched (one row per case, append-only). */
export interface AccessLogCasesTable {
  seq: number;
  case_id: string;
}

export interface AccessLogTable {
  seq: Generated<number>;
  at: string;
  /** create | read | update | delete | export | print | search | emergency | login | logout | ... */
  event: string;
  case_id: string | null;
  user_id: string | null;
  user_name: string | null;
  user_role: string | null;
  /** On whose responsibility (e.g. the organisation or the responsible professional). */
  responsible: string | null;
  /** Where from: remote address and channel. */
  source: string;
  outcome: string;
  /** What exactly (document, section, route) — never content. */
  detail: string;
  prev_hash: string;
  /** JSON array of the case ids of a request that touched several cases (case_id is then null); sealed. */
  case_ids: string | null;
  hash: string;
}

export interface DestructionRequestsTable {
  id: string;
  case_id: string;
  requested_by: string;
  requested_at: string;
  reason: string;
  decision: string | null;
  decided_by: string | null;
  decided_at: string | null;
  due_by: string;
  executed_at: string | null;
}

export interface AppSchema {
  organisations: OrganisationsTable;
  users: UsersTable;
  sessions: SessionsTable;
  login_attempts: LoginAttemptsTable;
  cases: CasesTable;
  participants: ParticipantsTable;
  invitations: InvitationsTable;
  access_log: AccessLogTable;
  access_log_cases: AccessLogCasesTable;
  destruction_requests: DestructionRequestsTable;
}
