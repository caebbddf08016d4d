/**
 * The realtime handler layer: every client event is validated with the shared zod schemas, its sender
 * checked (a session socket's session must still be live), then the check/command code runs and the
 * result is emitted. No business logic lives here; refusals (and domain errors) become an `error` event
 * plus a failed ack.
 */
import {
  type ClientToServerEvents,
  caseRoom,
  documentRoom,
  meetingRoom,
  NoticeSendSchema,
  parseDocumentId,
  type RealtimeAck,
  RealtimeCaseRefSchema,
  RealtimeDocumentRefSchema,
  type RealtimeError,
  RealtimeMeetingRefSchema,
  type Role,
  userRoom,
} from '@samenspraak/shared';
import type { z } from 'zod';
import { TokenBucket } from '../collab/rateLimiter.js';
import type { Notifier } from '../escalation/notifier.js';
import { DomainError } from '../kernel/errors.js';
import { recordPresence } from '../meetings/meetingCommands.js';
import { announcePresence, toRoom } from '../realtime/rooms.js';
import { type HandlerContext, RealtimeEventError, type RealtimeSocket } from '../realtime/types.js';
import { leaveRoom } from './accessSweep.js';
import { enterCaseLive, enterDocumentLive, enterMeetingLive } from './caseChannel.js';
import type { MeetingBroadcaster } from './meetingBroadcast.js';
import { sessionStillLive } from './socketAuth.js';

export type { InterServerEvents, RealtimeServer, RealtimeSocket, SocketData } from '../realtime/types.js';
export { RealtimeEventError } from '../realtime/types.js';
export { authenticate } from './socketAuth.js';

/** Per-socket limit on client events (each may fan out to a whole room on every instance). */
const EVENTS_PER_SECOND = 10;
const EVENT_BURST = 30;

export interface LiveParts {
  broadcaster: MeetingBroadcaster;
  notifier: Notifier;
}

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
}

/**
 * Registers a client event: validates the payload, re-checks a session socket's session, runs the
 * handler, turns any refusal into an `error` event plus a failed ack, and never lets an exception
 * escape into socket.io.
 */
function on<E extends keyof ClientToServerEvents, S extends z.ZodType>(
  ctx: HandlerContext,
  socket: RealtimeSocket,
  bucket: TokenBucket,
  event: E,
  schema: S,
  handler: (payload: z.infer<S>) => Promise<void> | void,
): void {
  const listener = async (payload: unknown, ack?: unknown) => {
    const reply = typeof ack === 'function' ? (ack as (result: RealtimeAck) => void) : null;
    const refuse = (code: RealtimeError['code'], message: string) => {
      socket.emit('error', { event, code, message });
      reply?.({ ok: false, error: message });
    };
    if (!bucket.take()) return refuse('rate-limited', 'too many events; slow down');
    const parsed = schema.safeParse(payload);
    if (!parsed.success) return refuse('invalid-payload', `invalid ${event} payload: ${describeIssues(parsed.error)}`);
    try {
      if (!(await sessionStillLive(ctx.services, socket, true))) {
        refuse('unauthenticated', 'your session ended; log in again');
        socket.disconnect();
        return;
      }
      await handler(parsed.data);
      reply?.({ ok: true });
    } catch (err) {
      if (err instanceof RealtimeEventError) return refuse(err.code, err.message);
      // A command's refusal after the gate (the gate's own refusals arrive as RealtimeEventError).
      if (err instanceof DomainError)
        return refuse(err.kind === 'invalid' ? 'invalid-payload' : 'forbidden', err.message);
      ctx.log.error({ err, event, user: socket.data.userId }, 'realtime handler failed');
      refuse('internal', `${event} failed`);
    }
  };
  // The payload is unknown on the wire until validated above, hence the cast to the typed listener.
  socket.on(event, listener as unknown as Parameters<typeof socket.on<E>>[1]);
}

/**
 * May this socket join a document's channel? A token must grant the document; for a case document the
 * person (token or session) needs access to it right now (the same check as the token route), and the
 * join is logged before it happens: if the entry cannot be written, the join is refused.
 */
async function documentRole(ctx: HandlerContext, socket: RealtimeSocket, documentId: string) {
  if (socket.data.via === 'token') {
    if (socket.data.docs[documentId] === undefined) {
      throw new RealtimeEventError('forbidden', `token does not grant document ${documentId}`);
    }
    // Other documents (demo, benchmark) are the operator's: the token's grant decides.
    if (!parseDocumentId(documentId)) return null;
  }
  const scope = await enterDocumentLive(ctx.services, socket, 'document:join', documentId, 'presence');
  await scope.log('read', 'success', 'presence');
  return { caseId: scope.caseId, role: scope.role };
}

/** The events of one connected socket. */
export function registerHandlers(ctx: HandlerContext, live: LiveParts, socket: RealtimeSocket): void {
  const bucket = new TokenBucket(EVENTS_PER_SECOND, EVENT_BURST);
  const join = async (room: string, checked: { caseId: string; role: Role } | null) => {
    await socket.join(room);
    if (checked) socket.data.joined[room] = checked;
  };
  const leave = (room: string) => leaveRoom(ctx, live.broadcaster, socket, room);

  if (socket.data.via === 'session') {
    void socket.join(userRoom(socket.data.userId));
    live.notifier.poke();
  }

  on(ctx, socket, bucket, 'document:join', RealtimeDocumentRefSchema, async ({ documentId }) => {
    await join(documentRoom(documentId), await documentRole(ctx, socket, documentId));
    await announcePresence(ctx, documentId);
  });

  on(ctx, socket, bucket, 'document:leave', RealtimeDocumentRefSchema, async ({ documentId }) => {
    if (socket.rooms.has(documentRoom(documentId))) await leave(documentRoom(documentId));
  });

  on(ctx, socket, bucket, 'notice:send', NoticeSendSchema, ({ documentId, text }) => {
    const room = documentRoom(documentId);
    if (!socket.rooms.has(room)) {
      throw new RealtimeEventError('forbidden', `join document ${documentId} before sending notices to it`);
    }
    const role = socket.data.joined[room]?.role ?? socket.data.role;
    if (!role) throw new RealtimeEventError('forbidden', `join document ${documentId} before sending notices to it`);
    toRoom(ctx, room).emit('notice', {
      documentId,
      from: { userId: socket.data.userId, name: socket.data.name, role },
      text,
      at: new Date().toISOString(),
    });
  });

  on(ctx, socket, bucket, 'case:join', RealtimeCaseRefSchema, async ({ caseId }) => {
    const scope = await enterCaseLive(ctx.services, socket, 'case:join', caseId, 'case channel');
    await join(caseRoom(scope.caseId), { caseId: scope.caseId, role: scope.role });
    await scope.log('read', 'success', 'case channel');
  });

  on(ctx, socket, bucket, 'case:leave', RealtimeCaseRefSchema, async ({ caseId }) => {
    if (socket.rooms.has(caseRoom(caseId))) await leave(caseRoom(caseId));
  });

  on(ctx, socket, bucket, 'meeting:join', RealtimeMeetingRefSchema, async ({ caseId, meetingId }) => {
    const { scope, meeting } = await enterMeetingLive(ctx.services, socket, caseId, meetingId);
    await join(meetingRoom(meeting.id), { caseId: scope.caseId, role: scope.role });
    await recordPresence(ctx.services, meeting, [
      { userId: socket.data.userId, name: socket.data.name, role: scope.role },
    ]);
    await scope.log('read', 'success', `meeting ${meeting.id}`);
    void live.broadcaster.publish(scope.caseId, meeting.id);
  });

  on(ctx, socket, bucket, 'meeting:leave', RealtimeMeetingRefSchema, async ({ meetingId }) => {
    if (socket.rooms.has(meetingRoom(meetingId))) await leave(meetingRoom(meetingId));
  });

  socket.on('disconnecting', () => {
    const rooms = [...socket.rooms];
    const documents = rooms.filter((r) => r.startsWith('doc:')).map((r) => r.slice('doc:'.length));
    const meetings = rooms
      .filter((r) => r.startsWith('meeting:'))
      .map((r) => ({ meetingId: r.slice('meeting:'.length), caseId: socket.data.joined[r]?.caseId }));
    if (documents.length === 0 && meetings.length === 0) return;
    // After 'disconnecting' the socket leaves its rooms; announce once it is gone.
    socket.once('disconnect', () => {
      for (const documentId of documents) {
        announcePresence(ctx, documentId).catch((err: Error) =>
          ctx.log.warn({ err: { message: err.message }, documentId }, 'presence update after disconnect failed'),
        );
      }
      for (const { meetingId, caseId } of meetings) if (caseId) void live.broadcaster.publish(caseId, meetingId);
    });
  });
}
