/**
 * The transport-agnostic collaboration core, as a router between sockets and rooms: it authenticates a
 * connection, loads its document into a DocumentRoom, hands each message to the protocol handler and
 * update-bearing ones to the write path (writePath.ts: check, apply, persist, relay after durable, Saved),
 * and unloads rooms nobody uses. Compaction (compaction.ts), fan-out input (remoteUpdates.ts) and access
 * re-checks (accessRecheck.ts) live beside it; each room keeps its own books (room.ts).
 *
 * Transports call `open(socket, request)` and feed the returned session with `message()`/`closed()`.
 */
import {
  CloseCode,
  closeCodeName,
  encodeSyncStep2,
  isValidDocumentId,
  judgeProtocolVersion,
  OUTDATED_CLIENT_REASON,
} from '@samenspraak/shared';
import * as Y from 'yjs';
import { CollabAuthError } from '../auth/collabTokens.js';
import type { PersistQueue } from '../storage/persistQueue.js';
import { type RecheckResult, recheckConnections } from './accessRecheck.js';
import { Compactor } from './compaction.js';
import { CollabConnection } from './connection.js';
import { awarenessOf, syncStep1Of } from './messages.js';
import { handleMessage, ProtocolError } from './protocolHandler.js';
import { TokenBucket } from './rateLimiter.js';
import { remoteHandlersFor } from './remoteUpdates.js';
import { DocumentRoom } from './room.js';
import type { AccessPolicy, CollabServerOptions, CollabSocket, ConnectionRequest } from './types.js';
import { InvalidUpdateError } from './updateInspection.js';
import { WritePath } from './writePath.js';

export type { CollabServerOptions } from './types.js';
export { SERVER_ORIGIN } from './writePath.js';

/** What a transport holds for one socket. */
export interface CollabSession {
  message(data: Uint8Array): void;
  closed(): void;
}

/** A y-protocols sync step 1 carrying the empty state vector: [sync, step1, length 1, 0 clients]. */
function isEmptySyncStep1(frame: Uint8Array): boolean {
  return frame.byteLength === 4 && frame[0] === 0 && frame[1] === 0 && frame[2] === 1 && frame[3] === 0;
}

/** Messages a client may send before authentication and loading finish. */
const MAX_EARLY_MESSAGES = 256;

export class CollabServer {
  private readonly rooms = new Map<string, Promise<DocumentRoom>>();
  private readonly loadedRooms = new Map<string, DocumentRoom>();
  private closing = false;
  private readonly writes: WritePath;
  private readonly compactor: Compactor;

  constructor(private readonly opts: CollabServerOptions) {
    this.compactor = new Compactor(opts);
    this.writes = new WritePath(opts, (room) => this.compactor.maybeCompact(room));
  }

  get queue(): PersistQueue {
    return this.writes.queue;
  }

  get loadedDocumentCount(): number {
    return this.loadedRooms.size;
  }

  get storeHealthy(): boolean {
    return !this.queue.failing;
  }

  /** For tests and tooling: the in-memory document, if loaded. */
  loadedDocument(docId: string): Y.Doc | undefined {
    return this.loadedRooms.get(docId)?.doc;
  }

  open(socket: CollabSocket, request: ConnectionRequest): CollabSession {
    let conn: CollabConnection | null = null;
    let room: DocumentRoom | null = null;
    let early: Uint8Array[] | null = [];
    let earlyBytes = 0;
    let gone = false;
    const { log, limits } = this.opts;

    const refuse = (code: number, reason: string) => {
      gone = true;
      this.opts.metrics.closes.inc({ code: closeCodeName(code) ?? String(code) });
      log.warn({ docId: request.docId, remote: request.remoteAddress, code, reason }, 'collab connection refused');
      socket.close(code, reason);
    };

    const start = async () => {
      if (this.closing) return refuse(CloseCode.GoingAway, 'server shutting down');
      const version = judgeProtocolVersion(request.protocolVersion ?? null);
      if (version === 'outdated') return refuse(CloseCode.OutdatedClient, OUTDATED_CLIENT_REASON);
      if (version === 'invalid') return refuse(CloseCode.MalformedMessage, 'invalid protocol version');
      if (!isValidDocumentId(request.docId)) return refuse(CloseCode.BadDocumentId, 'invalid document id');
      let grant: Awaited<ReturnType<AccessPolicy['authenticate']>>;
      try {
        grant = await this.opts.policy.authenticate(request);
      } catch (err) {
        if (err instanceof CollabAuthError) return refuse(err.closeCode, err.message);
        log.error({ err }, 'authentication hook failed');
        return refuse(CloseCode.Unauthenticated, 'authentication failed');
      }
      if (gone) return;
      try {
        room = await this.getRoom(request.docId);
      } catch (err) {
        log.error({ err, docId: request.docId }, 'document load failed');
        return refuse(CloseCode.StoreUnavailable, 'document could not be loaded');
      }
      if (gone) return this.maybeUnload(room);
      // A cold document stored as one snapshot: answer the client's "I have nothing" with the stored
      // bytes right away, and parse them on the server afterwards.
      let sentCold: Uint8Array | null = null;
      if (room.coldSnapshot && early) {
        const i = early.findIndex(isEmptySyncStep1);
        if (i >= 0) {
          early.splice(i, 1);
          sentCold = room.coldSnapshot;
          socket.send(encodeSyncStep2(sentCold));
        }
      }
      try {
        await room.ensureHydrated();
      } catch (err) {
        log.error({ err, docId: request.docId }, 'stored document could not be applied');
        return refuse(CloseCode.StoreUnavailable, 'document could not be loaded');
      }
      if (gone) return this.maybeUnload(room);
      const r = room;
      const c = new CollabConnection(
        socket,
        grant,
        request.docId,
        request.remoteAddress,
        new TokenBucket(limits.rateMessagesPerSecond, limits.rateBurst),
        () => this.onConnectionClosed(r, c),
      );
      conn = c;
      r.join(c);
      this.opts.metrics.connections.inc();
      log.debug({ docId: request.docId, user: grant.claims.sub, access: grant.access }, 'collab connection opened');
      if (sentCold && !r.fullStateIs(sentCold)) {
        // Changed while it was being parsed (a remote update): send what the stored bytes lacked.
        c.send(encodeSyncStep2(Y.encodeStateAsUpdate(r.doc, Y.encodeStateVectorFromUpdate(sentCold))));
      }
      c.send(syncStep1Of(r.doc));
      if (r.awareness.states.size > 0) c.send(awarenessOf(r.awareness, [...r.awareness.states.keys()]));
      const queued = early ?? [];
      early = null;
      for (const data of queued) this.onMessage(r, c, data);
    };

    start().catch((err) => {
      log.error({ err }, 'collab connection setup failed');
      if (!gone) refuse(CloseCode.StoreUnavailable, 'internal error');
    });

    return {
      message: (data) => {
        if (gone) return;
        if (conn && room) return this.onMessage(room, conn, data);
        if (data.byteLength > limits.maxMessageBytes) return refuse(CloseCode.MessageTooBig, 'message too big');
        earlyBytes += data.byteLength;
        if (early && early.length < MAX_EARLY_MESSAGES && earlyBytes <= limits.heldBackBytesPerConnection) {
          early.push(data);
        } else {
          this.opts.metrics.heldBackRefused.inc({ scope: 'connection' });
          refuse(CloseCode.MalformedMessage, 'too much sent before the connection was ready');
        }
      },
      closed: () => {
        gone = true;
        if (conn?.socketGone() && room) this.onConnectionClosed(room, conn);
      },
    };
  }

  private onMessage(room: DocumentRoom, conn: CollabConnection, data: Uint8Array): void {
    if (conn.closed) return;
    if (data.byteLength > this.opts.limits.maxMessageBytes)
      return this.kick(conn, CloseCode.MessageTooBig, 'message too big');
    if (!conn.bucket.take()) return this.kick(conn, CloseCode.RateLimited, 'too many messages');
    try {
      handleMessage(
        data,
        room,
        conn,
        (update, frame, isStep2) => this.writes.receiveUpdate(room, conn, update, frame, isStep2),
        (update) => this.opts.fanout?.publishAwareness?.(room.docId, update),
      );
    } catch (err) {
      if (err instanceof InvalidUpdateError) return this.kick(conn, CloseCode.InvalidUpdate, err.message);
      if (err instanceof ProtocolError) return this.kick(conn, CloseCode.MalformedMessage, err.message);
      return this.kick(conn, CloseCode.MalformedMessage, `malformed message: ${(err as Error).message}`);
    }
  }

  /** A change the server itself makes (restoring a version); see WritePath.serverChange. */
  async applyServerChange(docId: string, change: (doc: Y.Doc) => void): Promise<boolean> {
    if (this.closing) throw new Error('server shutting down');
    const room = await this.getRoom(docId);
    await room.ensureHydrated();
    if (room.evicted) throw new Error('document removed');
    const changed = await this.writes.serverChange(room, change);
    this.maybeUnload(room);
    return changed;
  }

  private kick(conn: CollabConnection, code: number, reason: string): void {
    this.opts.log.warn(
      { docId: conn.docId, user: conn.grant.claims.sub, remote: conn.remoteAddress, code, reason },
      'closing collab connection',
    );
    this.opts.metrics.closes.inc({ code: closeCodeName(code) ?? String(code) });
    conn.close(code, reason);
  }

  private onConnectionClosed(room: DocumentRoom, conn: CollabConnection): void {
    if (!room.leave(conn)) return;
    this.writes.connectionLeft(room, conn);
    this.opts.metrics.connections.dec();
    const removal = room.removeAwarenessOf(conn);
    if (removal) this.opts.fanout?.publishAwareness?.(room.docId, removal);
    this.maybeUnload(room);
  }

  private getRoom(docId: string): Promise<DocumentRoom> {
    let pending = this.rooms.get(docId);
    if (!pending) {
      pending = this.loadRoom(docId);
      this.rooms.set(docId, pending);
      pending.catch(() => this.rooms.delete(docId));
    }
    return pending;
  }

  private async loadRoom(docId: string): Promise<DocumentRoom> {
    const started = performance.now();
    const room = new DocumentRoom(docId);
    try {
      // Subscribe before loading so no remote update falls between the stored state and the live stream.
      await this.opts.fanout?.subscribe(docId, remoteHandlersFor(room, this.opts.store, this.opts.log));
      room.load(await this.opts.store.load(docId));
    } catch (err) {
      this.opts.fanout?.unsubscribe(docId);
      room.destroy();
      throw err;
    }
    this.loadedRooms.set(docId, room);
    this.opts.metrics.documentsLoaded.set(this.loadedRooms.size);
    // The load counts until the content is parsed (for a lazily applied snapshot, a moment later).
    const observeLoad = () => this.opts.metrics.documentLoad.observe((performance.now() - started) / 1000);
    if (room.coldSnapshot) room.ensureHydrated().then(observeLoad, () => {});
    else observeLoad();
    this.compactor.maybeCompact(room);
    return room;
  }

  private maybeUnload(room: DocumentRoom): void {
    if (room.connections.size > 0 || this.closing) return;
    room.scheduleUnload(this.opts.limits.unloadGraceMs, () => void this.unload(room));
  }

  private async unload(room: DocumentRoom): Promise<void> {
    if (room.evicted || room.connections.size > 0) return;
    if (room.hasPendingWrites) return this.maybeUnload(room);
    if (room.hasTail && !room.compacting) await this.compactor.compact(room);
    if (room.connections.size > 0 || room.hasPendingWrites || this.loadedRooms.get(room.docId) !== room) {
      return this.maybeUnload(room);
    }
    this.forget(room);
    this.opts.log.debug({ docId: room.docId }, 'document unloaded');
  }

  /** Drops a room from memory and from the fan-out. */
  private forget(room: DocumentRoom, pending?: Promise<DocumentRoom>): void {
    if (this.loadedRooms.get(room.docId) === room) this.loadedRooms.delete(room.docId);
    if (pending === undefined || this.rooms.get(room.docId) === pending) this.rooms.delete(room.docId);
    this.opts.fanout?.unsubscribe(room.docId);
    room.destroy();
    this.opts.metrics.documentsLoaded.set(this.loadedRooms.size);
  }

  /**
   * Re-decides access for every live connection on the documents `docFilter` selects: connections that
   * lost access are closed (AccessRevoked), the others get their new grant at once (e.g. read-only).
   */
  recheckAccess(
    docFilter: (docId: string) => boolean,
    userFilter: (userId: string) => boolean = () => true,
  ): Promise<RecheckResult> {
    const selected: CollabConnection[] = [];
    for (const room of this.loadedRooms.values()) {
      if (!docFilter(room.docId)) continue;
      for (const conn of room.connections) if (userFilter(conn.grant.claims.sub)) selected.push(conn);
    }
    return recheckConnections(selected, this.opts.policy, this.opts.log, (conn, code, reason) =>
      this.kick(conn, code, reason),
    );
  }

  /** Re-checks access on every document of a case (documents are named `<caseId>.<type>[...]`). */
  recheckCase(caseId: string): Promise<RecheckResult> {
    return this.recheckAccess((docId) => docId.startsWith(`${caseId}.`));
  }

  /** Re-checks every live connection of one person (tokens revoked, account disabled, logged out). */
  recheckUser(userId: string): Promise<RecheckResult> {
    return this.recheckAccess(
      () => true,
      (sub) => sub === userId,
    );
  }

  /**
   * Drops a document from memory without writing it back (its case is being destroyed): closes its
   * connections and waits until writes already queued for it are durable, so that the caller's delete
   * from the store comes after them and nothing is resurrected.
   */
  async evict(docId: string, timeoutMs = 10_000): Promise<void> {
    const pending = this.rooms.get(docId);
    const room = pending ? await pending.catch(() => null) : null;
    if (!room) return;
    room.markEvicted();
    for (const conn of [...room.connections]) this.kick(conn, CloseCode.AccessRevoked, 'document removed');
    const deadline = Date.now() + timeoutMs;
    while (room.hasPendingWrites && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    this.forget(room, pending);
  }

  /** Graceful shutdown: refuse new work, close sockets, make everything durable, compact. */
  async close(timeoutMs = 10_000): Promise<boolean> {
    this.closing = true;
    for (const room of this.loadedRooms.values()) {
      room.cancelUnload();
      for (const conn of [...room.connections]) conn.close(CloseCode.GoingAway, 'server shutting down');
    }
    const flushed = await this.queue.drain(timeoutMs);
    if (!flushed)
      this.opts.log.error({ pending: this.queue.size }, 'shutdown: store did not take every update in time');
    for (const room of this.loadedRooms.values()) {
      if (flushed && room.hasTail) await this.compactor.compact(room);
      room.destroy();
    }
    this.loadedRooms.clear();
    this.rooms.clear();
    await this.opts.fanout?.close();
    return flushed;
  }
}
