/**
 * The realtime handler layer: authenticates the handshake, validates every payload with the shared zod
 * schemas, checks the token's grants, joins rooms and forwards. No business logic lives here; later
 * features (meetings, notifications) add their events the same way, through `on()`.
 */
import {
  type ClientToServerEvents,
  type CollabClaims,
  documentRoom,
  NoticeSendSchema,
  type RealtimeAck,
  type RealtimeConnectErrorData,
  RealtimeDocumentRefSchema,
  type RealtimeError,
  type RealtimeUser,
  type ServerToClientEvents,
} from '@samenspraak/shared';
import type { Server, Socket } from 'socket.io';
import type { z } from 'zod';
import { CollabAuthError, verifyCollabToken } from '../auth/collabTokens.js';
import { TokenBucket } from '../collab/rateLimiter.js';
import type { Logger } from '../observability/logger.js';

/** Events instances send each other directly (none yet; the adapter carries room broadcasts). */
export type InterServerEvents = Record<string, never>;

export interface SocketData {
  user: RealtimeUser;
  claims: CollabClaims;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>;

/** Refusal of an event: sent to the client as an `error` event (and a failed ack). */
export class RealtimeEventError extends Error {
  constructor(
    readonly code: RealtimeError['code'],
    message: string,
  ) {
    super(message);
  }
}

export interface HandlerContext {
  io: RealtimeServer;
  log: Logger;
  /** How other instances are reached; false while Redis is down (then only this instance is used). */
  crossInstance(): boolean;
}

/** Per-socket limit on client events (each may fan out to a whole room on every instance). */
const EVENTS_PER_SECOND = 10;
const EVENT_BURST = 30;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : 'payload'}: ${issue.message}`)
    .join('; ');
}

/** Handshake authentication: `auth: { token }` with a collaboration token. */
export function authenticate(key: Uint8Array) {
  return async (socket: RealtimeSocket, next: (err?: Error) => void) => {
    const fail = (message: string) => {
      const err = new Error(message) as Error & { data: RealtimeConnectErrorData };
      err.data = { code: 'unauthenticated' };
      next(err);
    };
    const auth: unknown = socket.handshake.auth;
    const token = auth && typeof auth === 'object' ? (auth as { token?: unknown }).token : undefined;
    if (typeof token !== 'string' || token === '') return fail('authentication required: connect with auth: { token }');
    try {
      const claims = await verifyCollabToken(key, token);
      socket.data.claims = claims;
      socket.data.user = { userId: claims.sub, name: claims.name, role: claims.role };
      next();
    } catch (err) {
      fail(err instanceof CollabAuthError ? err.message : 'authentication failed');
    }
  };
}

/**
 * Registers a client event: validates the payload, runs the handler, turns any refusal into an `error`
 * event plus a failed ack, and never lets an exception escape into socket.io.
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
      await handler(parsed.data);
      reply?.({ ok: true });
    } catch (err) {
      if (err instanceof RealtimeEventError) return refuse(err.code, err.message);
      ctx.log.error({ err, event, user: socket.data.user?.userId }, 'realtime handler failed');
      refuse('internal', `${event} failed`);
    }
  };
  // The payload is unknown on the wire until validated above, hence the cast to the typed listener.
  socket.on(event, listener as unknown as Parameters<typeof socket.on<E>>[1]);
}

/** Who is in a document's room, on every instance (locally only while Redis is down). */
async function presence(ctx: HandlerContext, documentId: string): Promise<RealtimeUser[]> {
  const room = documentRoom(documentId);
  let sockets: Array<{ data: Partial<SocketData> }>;
  try {
    sockets = ctx.crossInstance() ? await ctx.io.in(room).fetchSockets() : await ctx.io.local.in(room).fetchSockets();
  } catch (err) {
    ctx.log.warn({ err: { message: (err as Error).message }, room }, 'presence across instances failed; local only');
    sockets = await ctx.io.local.in(room).fetchSockets();
  }
  const users = new Map<string, RealtimeUser>();
  for (const s of sockets) {
    const u = s.data.user;
    if (u && !users.has(u.userId)) users.set(u.userId, { userId: u.userId, name: u.name, role: u.role });
  }
  return [...users.values()].sort((a, b) => a.userId.localeCompare(b.userId));
}

function toRoom(ctx: HandlerContext, room: string) {
  return ctx.crossInstance() ? ctx.io.to(room) : ctx.io.local.to(room);
}

async function announcePresence(ctx: HandlerContext, documentId: string): Promise<void> {
  const users = await presence(ctx, documentId);
  toRoom(ctx, documentRoom(documentId)).emit('presence:changed', { documentId, users });
}

/** The events of one connected socket. */
export function registerHandlers(ctx: HandlerContext, socket: RealtimeSocket): void {
  const grants = (documentId: string) => socket.data.claims.docs[documentId] !== undefined;
  const bucket = new TokenBucket(EVENTS_PER_SECOND, EVENT_BURST);

  on(ctx, socket, bucket, 'document:join', RealtimeDocumentRefSchema, async ({ documentId }) => {
    if (!grants(documentId)) throw new RealtimeEventError('forbidden', `token does not grant document ${documentId}`);
    await socket.join(documentRoom(documentId));
    await announcePresence(ctx, documentId);
  });

  on(ctx, socket, bucket, 'document:leave', RealtimeDocumentRefSchema, async ({ documentId }) => {
    const room = documentRoom(documentId);
    if (!socket.rooms.has(room)) return;
    await socket.leave(room);
    await announcePresence(ctx, documentId);
  });

  on(ctx, socket, bucket, 'notice:send', NoticeSendSchema, ({ documentId, text }) => {
    if (!grants(documentId)) throw new RealtimeEventError('forbidden', `token does not grant document ${documentId}`);
    if (!socket.rooms.has(documentRoom(documentId))) {
      throw new RealtimeEventError('forbidden', `join document ${documentId} before sending notices to it`);
    }
    toRoom(ctx, documentRoom(documentId)).emit('notice', {
      documentId,
      from: socket.data.user,
      text,
      at: new Date().toISOString(),
    });
  });

  socket.on('disconnecting', () => {
    const documents = [...socket.rooms].filter((r) => r.startsWith('doc:')).map((r) => r.slice('doc:'.length));
    if (documents.length === 0) return;
    // After 'disconnecting' the socket leaves its rooms; announce once it is gone.
    socket.once('disconnect', () => {
      for (const documentId of documents) {
        announcePresence(ctx, documentId).catch((err: Error) =>
          ctx.log.warn({ err: { message: err.message }, documentId }, 'presence update after disconnect failed'),
        );
      }
    });
  });
}
