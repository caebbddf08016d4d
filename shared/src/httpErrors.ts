/**
 * The error answers of `/api`: `{"error":{"id","message","text","details?"}}`. The id is stable and is
 * what a client shows words for; `message` is the server's English, for logs and developers; `text` is
 * the id's plain Dutch words (errorWords.ts), so a person reading the answer itself understands it. The
 * server can only throw an id from this list, and every id has words in both languages.
 */
export const HTTP_ERROR_IDS = [
  // requests
  'invalid_request',
  'entity_parse_failed',
  'entity_too_large',
  'encoding_unsupported',
  'bad_request',
  'not_found',
  'conflict',
  'internal',
  'storage_full',
  'access_log_unavailable',
  // sessions and access
  'unauthenticated',
  'csrf',
  'forbidden',
  'rate_limited',
  'locked',
  // login and invitations
  'invalid_credentials',
  'invalid_code',
  'invitation_used',
  'invitation_expired',
  'invitation_blocked',
  'invitation_revoked',
  'invitation_open',
  'wrong_date_of_birth',
  'login_taken',
  'weak_password',
  // cases and people
  'case_closed',
  'invalid_date_of_birth',
  'invalid_responsible_scientist',
  'young_person_exists',
  'unknown_user',
  'role_not_allowed',
  'already_participant',
  'participant_not_found',
  'last_professional',
  'invalid_status_change',
  // destruction requests
  'request_pending',
  'request_not_found',
  'already_decided',
  // rights of the young person and parents
  'right_not_holder',
  'unknown_section',
  // meetings and escalation
  'meeting_state',
  'document_refused',
  'not_escalated',
  'transition_refused',
  // accounts (functioneel beheerder, activation, recovery)
  'account_link_invalid',
  'email_taken',
  'account_role_not_allowed',
  'no_region',
  'wrong_password',
  // sign-off (endorsement pinned to a version, the sign-off rule, the analysis clock)
  'text_changed',
  'signoff_required_empty',
  'signoff_not_endorsed',
  'signoff_child_view_missing',
  'signoff_education_missing',
  'signoff_wrong_document',
  'analysis_already_requested',
  // registration (case registration, consultation requests, team management)
  'unknown_region',
  'duplicate_young_person',
  'contact_required',
  'invalid_contact',
  'reason_required',
  'not_process_director',
  'invalid_process_director',
  'invite_not_allowed',
  'consultation_closed',
  // analysis template (own-words parts, 002 Bijlage 1)
  'own_words_part_unknown',
  'recorder_not_allowed',
  'recorder_not_professional',
  // decisions: placement decisions, the analysis they rest on, DBT rules, region settings
  'analysis_not_signed_off',
  'analysis_too_old',
  'departure_reason_required',
  'gz_psycholoog_required',
  'dbt_not_settled',
  'west_friesland_rule_off',
  'measure_clock_running',
  'session_not_held',
  'commitment_settled',
  'region_forbidden',
  'party_mismatch',
  'move_reason_required',
  'plan_field_forbidden',
  // passkeys and single sign-on
  'passkey_failed',
  'challenge_expired',
  'sso_failed',
  'sso_state',
  'sso_no_mfa',
  'sso_unlinked',
  // the RET monitor: who sees which region or municipality
  'monitor_scope_forbidden',
  'no_municipality',
] as const;

export type HttpErrorId = (typeof HTTP_ERROR_IDS)[number];

/** Why a new password was refused (`weak_password`): the client has words for each. */
export const PASSWORD_WEAKNESSES = [
  'too_short',
  'too_long',
  'repetitive',
  'sequence',
  'keyboard',
  'common',
  'personal',
  'date',
  'guessable',
] as const;
export type PasswordWeakness = (typeof PASSWORD_WEAKNESSES)[number];

/** Facts a client may put into its own words (the message stays English). */
export interface HttpErrorDetails {
  /** A wrong invitation code or date of birth: tries left before the invitation is blocked; a wrong password or login code (when 2 or fewer): tries left before the login locks. */
  attemptsLeft?: number;
  /** A TOTP code that was right but already used: wait for the next one. */
  replayed?: boolean;
  /** A locked login: how long the lock lasts at most. */
  retryAfterMinutes?: number;
  /** A new password that was refused: what makes it easy to guess. */
  passwordReason?: PasswordWeakness;
}

export interface HttpErrorBody {
  error: { id: HttpErrorId; message: string; text: string; details?: HttpErrorDetails };
}
