/**
 * Reads one y-websocket frame and does what the standard protocol asks. Update-bearing messages are
 * handed to `onUpdate` (the server's check-apply-persist path); everything else is answered here.
 * Throws ProtocolError (or InvalidUpdateError from onUpdate) on anything malformed.
 */
import { type CollabFrame, decodeFrame, encodeAwareness, encodeSyncStep2, FrameError } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { CollabConnection } from './connection.js';
import { awarenessOf } from './messages.js';
import type { DocumentRoom } from './room.js';

export class ProtocolError extends Error {}

/**
 * y-protocols applies awareness entries one by one, so a broken entry after good ones would leave a
 * half-applied update behind (presence nobody owns). Read the whole update first.
 */
export function validateAwarenessUpdate(update: Uint8Array): void {
  try {
    const d = decoding.createDecoder(update);
    const count = decoding.readVarUint(d);
    for (let i = 0; i < count; i++) {
      decoding.readVarUint(d); // client id
      decoding.readVarUint(d); // clock
      JSON.parse(decoding.readVarString(d));
    }
    if (decoding.hasContent(d)) throw new Error('trailing bytes');
  } catch (err) {
    throw new ProtocolError(`malformed awareness update: ${(err as Error).message}`);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

type AwarenessEntry = [clientId: number, clock: number, state: unknown];

function decodeAwarenessEntries(update: Uint8Array): AwarenessEntry[] {
  const d = decoding.createDecoder(update);
  const count = decoding.readVarUint(d);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(d);
    const clock = decoding.readVarUint(d);
    entries.push([clientId, clock, JSON.parse(decoding.readVarString(d))]);
  }
  return entries;
}

function encodeAwarenessEntries(entries: AwarenessEntry[]): Uint8Array | null {
  if (entries.length === 0) return null;
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const [clientId, clock, state] of entries) {
    encoding.writeVarUint(e, clientId);
    encoding.writeVarUint(e, clock);
    encoding.writeVarString(e, JSON.stringify(state));
  }
  return encoding.toUint8Array(e);
}

/** The person a presence entry was stamped with (by this or another instance), if any. */
function stampedUser(state: unknown): string | undefined {
  if (!isRecord(state) || !isRecord(state.user)) return undefined;
  return typeof state.user.userId === 'string' ? state.user.userId : undefined;
}

/**
 * Whose presence client id this is, as far as this instance knows: a local connection that announced
 * it, else the person stamped into its current state (possibly from another instance), else the owner
 * of the same Yjs client id in the document.
 */
function presenceOwner(room: DocumentRoom, clientId: number, except?: CollabConnection): string | undefined {
  for (const other of room.connections) {
    if (other !== except && other.awarenessClients.has(clientId)) return other.grant.claims.sub;
  }
  return stampedUser(room.awareness.states.get(clientId)) ?? room.owners.ownerOf(clientId);
}

/**
 * Presence shows who someone is; the client must not decide that. Every awareness state a connection
 * sends gets its `user.name`, `user.role` and `user.userId` from the verified token (other fields such
 * as the cursor colour stay), and entries for client ids that belong to another person (announced by
 * their connection here or on another instance, or their Yjs client id) are dropped, so nobody can rename
 * or remove someone else's presence. Returns null when nothing is left.
 */
export function stampAwarenessUpdate(
  update: Uint8Array,
  conn: CollabConnection,
  room: DocumentRoom,
): Uint8Array | null {
  const { claims } = conn.grant;
  const kept: AwarenessEntry[] = [];
  for (const [clientId, clock, state] of decodeAwarenessEntries(update)) {
    const owner = presenceOwner(room, clientId, conn);
    if (owner !== undefined && owner !== claims.sub) continue;
    // The same person reconnecting before the server noticed the old socket died: the id moves over,
    // so closing the old socket does not remove the new presence.
    for (const other of room.connections) if (other !== conn) other.awarenessClients.delete(clientId);
    if (isRecord(state)) {
      const user = isRecord(state.user) ? state.user : {};
      state.user = { ...user, name: claims.name, role: claims.role, userId: claims.sub };
    }
    kept.push([clientId, clock, state]);
  }
  return encodeAwarenessEntries(kept);
}

/**
 * Presence from another instance, stamped there. An entry for a client id that a connection here
 * announced, stamped with someone else (or a removal of it), is dropped: another instance's participant
 * cannot take over or erase presence this instance vouches for. (The other instance refuses the same.)
 */
export function filterRemoteAwareness(update: Uint8Array, room: DocumentRoom): Uint8Array | null {
  const kept = decodeAwarenessEntries(update).filter(([clientId, , state]) => {
    for (const conn of room.connections) {
      if (conn.awarenessClients.has(clientId)) return conn.grant.claims.sub === stampedUser(state);
    }
    return true;
  });
  return encodeAwarenessEntries(kept);
}

export function handleMessage(
  data: Uint8Array,
  room: DocumentRoom,
  conn: CollabConnection,
  onUpdate: (update: Uint8Array, relayableFrame: Uint8Array | null, isSyncStep2: boolean) => void,
  onAwareness?: (update: Uint8Array) => void,
): void {
  let frame: CollabFrame;
  try {
    frame = decodeFrame(data);
  } catch (err) {
    if (err instanceof FrameError) throw new ProtocolError(err.message);
    throw err;
  }
  switch (frame.type) {
    case 'sync-step1': {
      let reply: Uint8Array;
      try {
        reply = encodeSyncStep2(room.missingFor(frame.stateVector));
      } catch {
        throw new ProtocolError('invalid state vector');
      }
      conn.send(reply);
      return;
    }
    case 'sync-step2':
      return onUpdate(frame.update, null, true);
    case 'update':
      return onUpdate(frame.update, data, false);
    case 'awareness': {
      validateAwarenessUpdate(frame.update);
      const update = stampAwarenessUpdate(frame.update, conn, room);
      if (!update) return;
      awarenessProtocol.applyAwarenessUpdate(room.awareness, update, conn);
      room.broadcast(encodeAwareness(update), conn);
      onAwareness?.(update);
      return;
    }
    case 'query-awareness':
      conn.send(awarenessOf(room.awareness, [...room.awareness.states.keys()]));
      return;
    case 'auth':
      // Clients never need to send auth messages; tolerate and ignore them as y-websocket servers do.
      return;
    default:
      // Saved and Rejected travel from server to client only.
      throw new ProtocolError(`unexpected ${frame.type} frame from a client`);
  }
}
