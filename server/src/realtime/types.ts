/** The types of the socket.io layer: typed server and socket, what each socket carries, refusals. */
import type {
  ClientToServerEvents,
  DocumentAccess,
  RealtimeError,
  Role,
  ServerToClientEvents,
} from '@samenspraak/shared';
import type { Server, Socket } from 'socket.io';
import type { Logger } from '../observability/logger.js';
import type { AppServices } from '../services.js';

/**
 * Events instances send each other through the Redis adapter (room broadcasts need none): re-check the
 * live connections of a case, or of a person, now. Payloads come from Redis: validated on receipt.
 */
export interface InterServerEvents {
  'access:case': (caseId: unknown) => void;
  'access:person': (userId: unknown) => void;
}

/**
 * What a socket carries (also seen by other instances through `fetchSockets`, so never a secret).
 * Tokens name a role; a session names the person, whose role is per case (checked at each join).
 */
export interface SocketData {
  userId: string;
  name: string;
  /** The token's role, or a professional's organisation role; null for client accounts. */
  role: Role | null;
  kind: 'professional' | 'client';
  /** How the socket authenticated: a collaboration token, or the session cookie. */
  via: 'token' | 'session';
  /** Token sockets: the documents the token grants. */
  docs: Record<string, DocumentAccess>;
  /** The rooms joined through a checked join: room → the case and the person's role on it. */
  joined: Record<string, { caseId: string; role: Role }>;
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
  services: AppServices;
  /** How other instances are reached; false while Redis is down (then only this instance is used). */
  crossInstance(): boolean;
}
