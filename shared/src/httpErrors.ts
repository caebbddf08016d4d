/**
 * The error answers of `/api`: `{"error":{"id","message","details?"}}`. The id is stable and is what a
 * client shows words for (the message is the server's English, for logs and developers); the server
 * can only throw an id from this list, and the client keeps plain words for every one of them.
 */
export const HTTP_ERROR_IDS = [
  // requests
  'invalid_request',
  'entity_parse_failed',
  'entity_too_large',
  'bad_request',
  'not_found',
  'conflict',
  'internal',
  'storage_full',
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
  'login_taken',
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
  // meetings and escalation
  'meeting_state',
  'document_refused',
  'not_escalated',
  'transition_refused',
] as const;

export type HttpErrorId = (typeof HTTP_ERROR_IDS)[number];

/** Facts a client may put into its own words (the message stays English). */
export interface HttpErrorDetails {
  /** A wrong invitation code: how many tries are left before the invitation is blocked. */
  attemptsLeft?: number;
  /** A TOTP code that was right but already used: wait for the next one. */
  replayed?: boolean;
  /** A locked login: how long the lock lasts at most. */
  retryAfterMinutes?: number;
}

export interface HttpErrorBody {
  error: { id: HttpErrorId; message: string; details?: HttpErrorDetails };
}
