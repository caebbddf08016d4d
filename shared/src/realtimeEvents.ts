/**
 * The socket.io channel at `/realtime` (presence, notices; later meetings and notifications): the event
 * maps, typed once for server and client, and the zod schemas the server validates every payload with.
 * Authentication: the session cookie (`io({ path: REALTIME_PATH, withCredentials: true })`) or
 * `auth: { token }` with a collaboration token.
 */
import { z } from 'zod';
import { RoleSchema } from './access.js';
import { DOCUMENT_ID_PATTERN } from './collabProtocol.js';
import type { InboxChanged } from './inboxSchemas.js';
import type { MeetingView, RealtimeMeetingRef } from './meetingSchemas.js';

export const REALTIME_PATH = '/realtime';
export const NOTICE_MAX_CHARS = 500;

const DocumentIdField = z.string().regex(DOCUMENT_ID_PATTERN, 'invalid document id');

export const RealtimeDocumentRefSchema = z.object({ documentId: DocumentIdField }).strict();
export type RealtimeDocumentRef = z.infer<typeof RealtimeDocumentRefSchema>;

export const NoticeSendSchema = z
  .object({
    documentId: DocumentIdField,
    text: z
      .string()
      .trim()
      .min(1, 'text must not be empty')
      .max(NOTICE_MAX_CHARS, `text must be at most ${NOTICE_MAX_CHARS} characters`),
  })
  .strict();
export type NoticeSend = z.infer<typeof NoticeSendSchema>;

export const RealtimeUserSchema = z.object({ userId: z.string(), name: z.string(), role: RoleSchema });
export type RealtimeUser = z.infer<typeof RealtimeUserSchema>;

export const PresenceChangedSchema = z.object({ documentId: DocumentIdField, users: z.array(RealtimeUserSchema) });
export type PresenceChanged = z.infer<typeof PresenceChangedSchema>;

export const NoticeSchema = z.object({
  documentId: DocumentIdField,
  from: RealtimeUserSchema,
  text: z.string(),
  /** ISO 8601 time the server accepted the notice. */
  at: z.string(),
});
export type Notice = z.infer<typeof NoticeSchema>;

/** Sent to one socket when an event it sent was refused (invalid payload, not allowed). */
export interface RealtimeError {
  /** The event that was refused. */
  event: string;
  /** unauthenticated: the session behind a cookie-authenticated socket ended (the socket is then closed). */
  code: 'invalid-payload' | 'forbidden' | 'rate-limited' | 'unauthenticated' | 'internal';
  message: string;
  /**
   * Set when access to a case the socket had open ended (the access sweep): which case, and why, so an
   * open page clears the case's content at once and says why in plain words.
   */
  accessEnded?: { caseId: string; reason: AccessEndReason };
}

/** Why access to an open case ended: taken off the case, the young person withdrew consent, destroyed, ended, other. */
export type AccessEndReason = 'removed' | 'consent' | 'destroyed' | 'ended' | 'other';

/** Optional acknowledgement of client events. */
export type RealtimeAck = { ok: true } | { ok: false; error: string };

/**
 * `connect_error` when the handshake is refused: err.message says why (no token, invalid, expired) and
 * err.data is this shape.
 */
export interface RealtimeConnectErrorData {
  /**
   * forbidden: a cookie-authenticated connection from another origin, or a token none of whose case
   * documents the person may open any more. unauthenticated: no, a bad, expired or revoked credential.
   */
  code: 'unauthenticated' | 'forbidden';
}

/** A case room: everyone with access to the case who has it open gets its live events. */
export const RealtimeCaseRefSchema = z.object({ caseId: z.string().min(1).max(100) }).strict();
export type RealtimeCaseRef = z.infer<typeof RealtimeCaseRefSchema>;

/**
 * "Something on this case changed; re-read it": sent to the case room after the change is stored.
 * Payloads carry ids only, never case content; the client re-reads through the API, which checks
 * access and writes the access log.
 */
export interface CaseChanged {
  caseId: string;
  /** What changed ('rights': own statements, correction requests, the log-privacy setting). */
  kind: 'comments' | 'versions' | 'endorsements' | 'escalation' | 'commitments' | 'meetings' | 'case' | 'rights';
  /** The document concerned, for comments, versions and endorsements. */
  documentId?: string;
  /** The meeting concerned, for meetings. */
  meetingId?: string;
}

/** A new in-app notification for this user (clock due, overdue commitment, escalation step). */
export interface NotificationPush {
  caseId: string;
  kind: string;
  message: string;
  /** ISO 8601. */
  at: string;
}

export interface ClientToServerEvents {
  'case:join': (payload: RealtimeCaseRef, ack?: (result: RealtimeAck) => void) => void;
  'case:leave': (payload: RealtimeCaseRef, ack?: (result: RealtimeAck) => void) => void;
  'document:join': (payload: RealtimeDocumentRef, ack?: (result: RealtimeAck) => void) => void;
  'document:leave': (payload: RealtimeDocumentRef, ack?: (result: RealtimeAck) => void) => void;
  'notice:send': (payload: NoticeSend, ack?: (result: RealtimeAck) => void) => void;
  /** Join a meeting's room: `meeting:state` now and on every change; counts as presence while live. */
  'meeting:join': (payload: RealtimeMeetingRef, ack?: (result: RealtimeAck) => void) => void;
  'meeting:leave': (payload: RealtimeMeetingRef, ack?: (result: RealtimeAck) => void) => void;
}

export interface ServerToClientEvents {
  'case:changed': (payload: CaseChanged) => void;
  notification: (payload: NotificationPush) => void;
  /** To the person's room `userRoom(id)`: their inbox changed (items added or read); re-read GET /api/inbox. */
  'inbox:changed': (payload: InboxChanged) => void;
  'presence:changed': (payload: PresenceChanged) => void;
  notice: (payload: Notice) => void;
  /** The whole meeting, to room `meetingRoom(id)`, whenever anything about it changes. */
  'meeting:state': (payload: MeetingView) => void;
  error: (payload: RealtimeError) => void;
}

/** socket.io room of a case. */
export function caseRoom(caseId: string): string {
  return `case:${caseId}`;
}

/** socket.io room of one user (their notifications, on every device). */
export function userRoom(userId: string): string {
  return `user:${userId}`;
}

/** socket.io room of a document's realtime channel. */
export function documentRoom(documentId: string): string {
  return `doc:${documentId}`;
}
