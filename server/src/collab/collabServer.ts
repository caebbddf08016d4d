/**
 * The transport-agnostic collaboration core: authenticates a connection, loads its document, speaks
 * the y-websocket protocol, checks every update before applying it, relays it, and acknowledges it to
 * its author only once the store made it durable (group commit through PersistQueue).
 *
 * Transports call `open(socket, request)` and feed the returned session with `message()`/`closed()`.
 */
import { CloseCode, closeCodeName, isValidDocumentId, type Limits, RejectReason } from '@samenspraak/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import { CollabAuthError } from '../auth/collabTokens.js';
import type { Logger } from '../observability/logger.js';
import type { Metrics } from '../observability/metrics.js';
import type { ClientClaim, DocumentStore } from '../storage/documentStore.js';
import { PersistQueue } from '../storage/persistQueue.js';
import { checkClientOwnership, SERVER_OWNER, UNCHECKED } from './clientOwnership.js';
import { CollabConnection, type DeferredUpdate } from './connection.js';
import {
  encodeAwareness,
  encodeAwarenessFrame,
  encodeRejected,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
} from './messages.js';
import { filterRemoteAwareness, handleMessage, ProtocolError, validateAwarenessUpdate } from './protocolHandler.js';
import { TokenBucket } from './rateLimiter.js';
import { DocumentRoom } from './room.js';
import type { AccessPolicy, CollabSocket, ConnectionRequest, Fanout } from './types.js';
import { changesDocument, decodeUpdateStrict, InvalidUpdateError, missingDependencies } from './updateInspection.js';

export interface CollabServerOptions {
  store: DocumentStore;
  policy: AccessPolicy;
  limits: Limits;
  log: Logger;
  metrics: Metrics;
  fanout?: Fanout;
  /** false only for the benchmark baseline (UNSAFE_SKIP_CLIENT_ID_CHECK, see config.ts); default true. */
  clientIdCheck?: boolean;
}

/** What a transport holds for one socket. */
export interface CollabSession {
  message(data: Uint8Array): void;
  closed(): void;
}

const EMPTY_STATE_VECTOR = new Uint8Array([0]);

/** Transaction origin of changes the server makes itself (see applyServerChange). */
export const SERVER_ORIGIN = 'server';

/** A y-protocols sync step 1 carrying the empty state vector: [sync, step1, length 1, 0 clients]. */
function isEmptySyncStep1(frame: Uint8Array): boolean {
  return frame.byteLength === 4 && frame[0] === 0 && frame[1] === 0 && frame[2] === 1 && frame[3] === 0;
}

/** Messages a client may send before authentication and loading finish. */
const MAX_EARLY_MESSAGES = 256;

export class CollabServer {
  private readonly rooms = new Map<string, Promise<DocumentRoom>>();
  private readonly loadedRooms = new Map<string, DocumentRoom>();
  private readonly dirtyAcks = new Set<CollabConnection>();
  private ackScheduled = false;
  private closing = false;
  private nextWriteToken = 1;
  readonly queue: PersistQueue;

  constructor(private readonly opts: CollabServerOptions) {
    const { metrics, log } = opts;
    this.queue = new PersistQueue(opts.store, {
      minIntervalMs: opts.limits.commitIntervalMs,
      onFlushed: (count, seconds) => {
        metrics.storeAppend.observe(seconds);
        metrics.storeBatch.observe(count);
        metrics.storePending.set(this.queue.size);
        this.flushAcks();
      },
      onFailure: (err, attempt) => {
        metrics.storeFailures.inc();
        metrics.storePending.set(this.queue.size);
        log.error({ err, attempt, pending: this.queue.size }, 'store append failed; updates kept in memory, retrying');
      },
    });
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
        (code, reason) => this.onConnectionClosed(r, c, code, reason),
      );
      conn = c;
      if (r.unloadTimer) clearTimeout(r.unloadTimer);
      r.unloadTimer = null;
      r.connections.add(c);
      this.opts.metrics.connections.inc();
      log.debug({ docId: request.docId, user: grant.claims.sub, access: grant.access }, 'collab connection opened');
      if (sentCold && !r.fullStateIs(sentCold)) {
        // Changed while it was being parsed (a remote update): send what the stored bytes lacked.
        c.send(encodeSyncStep2(Y.encodeStateAsUpdate(r.doc, Y.encodeStateVectorFromUpdate(sentCold))));
      }
      c.send(encodeSyncStep1(r.doc));
      if (r.awareness.states.size > 0) c.send(encodeAwareness(r.awareness, [...r.awareness.states.keys()]));
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
        if (conn && !conn.closed) {
          conn.closed = true;
          if (room) this.onConnectionClosed(room, conn, CloseCode.Normal, 'client closed');
        }
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
        (update, frame, isStep2) => this.receiveUpdate(room, conn, update, frame, isStep2),
        (update) => this.opts.fanout?.publishAwareness?.(room.docId, update),
      );
    } catch (err) {
      if (err instanceof InvalidUpdateError) return this.kick(conn, CloseCode.InvalidUpdate, err.message);
      if (err instanceof ProtocolError) return this.kick(conn, CloseCode.MalformedMessage, err.message);
      return this.kick(conn, CloseCode.MalformedMessage, `malformed message: ${(err as Error).message}`);
    }
  }

  /**
   * An update-bearing message. It is numbered and counts as pending until it is durable or rejected, so
   * Saved(n) never runs ahead of it. `frame` is the raw message when it can be relayed as is.
   */
  private receiveUpdate(
    room: DocumentRoom,
    conn: CollabConnection,
    update: Uint8Array,
    frame: Uint8Array | null,
    isSyncStep2: boolean,
  ): void {
    const n = conn.nextMessageNumber();
    const decoded = decodeUpdateStrict(update);
    conn.awaitDurable(n);
    this.processUpdate(room, conn, { n, update, frame, decoded });
    if (isSyncStep2 && !conn.step2Received) {
      // Live edits a client made before its step 2 reached us build on that step 2: check them now.
      conn.step2Received = true;
      const deferred = conn.deferred;
      this.releaseHeldBack(room, conn);
      for (const item of deferred) this.processUpdate(room, conn, item);
    }
  }

  private processUpdate(room: DocumentRoom, conn: CollabConnection, item: DeferredUpdate): void {
    const { metrics, limits } = this.opts;
    const { n, update, frame, decoded } = item;
    if (!changesDocument(room.doc, decoded)) return this.ackAfterPendingWrites(room, conn, n);
    const reject = (reason: string, detail: string) => {
      metrics.rejected.inc({ reason });
      this.opts.log.info({ docId: room.docId, user: conn.grant.claims.sub, reason }, 'update rejected');
      conn.send(encodeRejected(n, reason, detail));
      conn.markDurable(n);
      this.markAckDirty(conn);
    };
    if (!conn.canWrite) return reject(RejectReason.ReadOnly, 'this connection may only read the document');
    if (missingDependencies(room.doc, decoded)) {
      if (!conn.step2Received) {
        const scope = this.heldBackOverflow(room, conn, update.byteLength);
        if (scope) {
          metrics.heldBackRefused.inc({ scope });
          return reject(
            RejectReason.HeldBackLimit,
            `too many changes wait for content the server does not have (${scope} limit); reload the document`,
          );
        }
        conn.deferred.push(item);
        conn.deferredBytes += update.byteLength;
        room.heldBackBytes += update.byteLength;
        metrics.heldBackBytes.inc(update.byteLength);
        return;
      }
      return reject(
        RejectReason.OutOfSync,
        'the update builds on changes the server does not have; reload the document',
      );
    }
    const ownership =
      this.opts.clientIdCheck === false
        ? UNCHECKED
        : checkClientOwnership(room.doc, decoded, room.owners, conn.grant.claims.sub);
    if (!ownership.ok) {
      return reject(
        RejectReason.ForeignClient,
        `client id ${ownership.client} belongs to another participant; reload the document`,
      );
    }
    const verdict = this.opts.policy.checkUpdate({ docId: room.docId, grant: conn.grant, doc: room.doc, decoded });
    if (verdict) return reject(verdict.reason, verdict.detail);
    if (room.storedBytes + update.byteLength > limits.maxDocumentBytes) {
      return reject(RejectReason.DocumentTooLarge, `document would exceed ${limits.maxDocumentBytes} bytes`);
    }
    if (this.queue.pendingBytes + update.byteLength > limits.maxPendingBytes) {
      return reject(RejectReason.StoreBackpressure, 'storage is unavailable; keep the edit and retry later');
    }
    room.owners.add(ownership.claims);
    Y.applyUpdate(room.doc, update, conn);
    room.changed();
    metrics.updates.inc();
    this.persist(room, update, frame, ownership.claims, { conn, n });
  }

  /** Which bound holding back one more update of `bytes` would pass, or null when it fits. */
  private heldBackOverflow(room: DocumentRoom, conn: CollabConnection, bytes: number): string | null {
    const { limits } = this.opts;
    if (conn.deferred.length >= limits.heldBackUpdatesPerConnection) return 'connection';
    if (conn.deferredBytes + bytes > limits.heldBackBytesPerConnection) return 'connection';
    if (room.heldBackBytes + bytes > limits.heldBackBytesPerDocument) return 'document';
    return null;
  }

  /** Forgets what a connection held back (processed after its step 2, or the connection closed). */
  private releaseHeldBack(room: DocumentRoom, conn: CollabConnection): void {
    room.heldBackBytes -= conn.deferredBytes;
    this.opts.metrics.heldBackBytes.dec(conn.deferredBytes);
    conn.deferred = [];
    conn.deferredBytes = 0;
  }

  /**
   * A change the server itself makes (restoring a version): run on a copy of the current state so that a
   * failing `change` or an oversized result never touches the live document, then applied, relayed to
   * every connection and persisted like a client's update. Permission checks are the caller's: the
   * access policy vets clients, not the server. Resolves once the change is durable (false: no change).
   */
  async applyServerChange(docId: string, change: (doc: Y.Doc) => void): Promise<boolean> {
    if (this.closing) throw new Error('server shutting down');
    const room = await this.getRoom(docId);
    await room.ensureHydrated();
    if (room.evicted) throw new Error('document removed');
    const scratch = new Y.Doc({ gc: true });
    let update: Uint8Array | null = null;
    const claims = [{ client: scratch.clientID, owner: SERVER_OWNER }];
    try {
      Y.applyUpdate(scratch, room.missingFor(EMPTY_STATE_VECTOR));
      scratch.on('update', (u: Uint8Array) => {
        update = update ? Y.mergeUpdates([update, u]) : u;
      });
      scratch.transact(() => change(scratch), SERVER_ORIGIN);
    } finally {
      scratch.destroy();
    }
    const u = update as Uint8Array | null;
    if (!u || !changesDocument(room.doc, decodeUpdateStrict(u))) {
      this.maybeUnload(room);
      return false;
    }
    const { limits } = this.opts;
    if (room.storedBytes + u.byteLength > limits.maxDocumentBytes)
      throw new Error(`document would exceed ${limits.maxDocumentBytes} bytes`);
    const durable = new Promise<void>((resolve) => {
      room.owners.add(claims);
      Y.applyUpdate(room.doc, u, SERVER_ORIGIN);
      room.changed();
      this.opts.metrics.updates.inc();
      this.persist(room, u, null, claims, null, resolve);
    });
    await durable;
    this.maybeUnload(room);
    return true;
  }

  /**
   * Queues an applied update for the store. Only once it is durable is it relayed to the other
   * connections (here and, through the fan-out, on other instances) and acknowledged to its author. So
   * no client ever holds someone else's content that a crash could take from the server: a client's
   * sync step 2 then carries nothing under another person's client id, and such structs can be refused.
   */
  private persist(
    room: DocumentRoom,
    update: Uint8Array,
    frame: Uint8Array | null,
    claims: ClientClaim[],
    ack: { conn: CollabConnection; n: number } | null,
    onDurable?: () => void,
  ): void {
    const received = performance.now();
    const token = this.nextWriteToken++;
    room.pendingWrites += 1;
    room.newestWrite = token;
    this.queue.enqueue({
      docId: room.docId,
      update,
      ...(claims.length > 0 && { claims }),
      onDurable: (seq) => {
        room.pendingWrites -= 1;
        room.tailCount += 1;
        room.tailBytes += update.byteLength;
        if (seq > room.lastDurableSeq) room.lastDurableSeq = seq;
        // Others get the update only now: one they hold must be in the store, or an author re-sending it
        // after a crash would be told "saved" for nothing, and a co-author's re-send of it would carry
        // structs under a client id that is not theirs.
        room.broadcast(frame ?? encodeUpdate(update), ack?.conn);
        this.opts.fanout?.publish(room.docId, update, claims);
        if (ack) {
          ack.conn.markDurable(ack.n);
          this.dirtyAcks.add(ack.conn);
        }
        onDurable?.();
        const waiters = room.waiters.get(token);
        if (waiters) {
          room.waiters.delete(token);
          for (const w of waiters) {
            w.conn.markDurable(w.n);
            this.dirtyAcks.add(w.conn);
          }
        }
        this.opts.metrics.ackLatency.observe((performance.now() - received) / 1000);
        this.maybeCompact(room);
      },
    });
    this.opts.metrics.storePending.set(this.queue.size);
  }

  /** A message that changed nothing is acknowledged once the document's queued writes are durable. */
  private ackAfterPendingWrites(room: DocumentRoom, conn: CollabConnection, n: number): void {
    if (room.pendingWrites === 0) {
      conn.markDurable(n);
      return this.markAckDirty(conn);
    }
    const list = room.waiters.get(room.newestWrite);
    if (list) list.push({ conn, n });
    else room.waiters.set(room.newestWrite, [{ conn, n }]);
  }

  private markAckDirty(conn: CollabConnection): void {
    this.dirtyAcks.add(conn);
    if (this.ackScheduled) return;
    this.ackScheduled = true;
    setImmediate(() => this.flushAcks());
  }

  private flushAcks(): void {
    this.ackScheduled = false;
    for (const conn of this.dirtyAcks) conn.flushAck();
    this.dirtyAcks.clear();
  }

  private kick(conn: CollabConnection, code: number, reason: string): void {
    this.opts.log.warn(
      { docId: conn.docId, user: conn.grant.claims.sub, remote: conn.remoteAddress, code, reason },
      'closing collab connection',
    );
    this.opts.metrics.closes.inc({ code: closeCodeName(code) ?? String(code) });
    conn.close(code, reason);
  }

  private onConnectionClosed(room: DocumentRoom, conn: CollabConnection, _code: number, _reason: string): void {
    if (!room.connections.delete(conn)) return;
    this.dirtyAcks.delete(conn);
    this.releaseHeldBack(room, conn);
    this.opts.metrics.connections.dec();
    const removal = room.removeAwarenessOf(conn);
    if (removal) this.opts.fanout?.publishAwareness?.(room.docId, removal);
    this.maybeUnload(room);
  }

  /** Applies an update accepted by another instance: relayed to local clients, persisted there, not here. */
  private applyRemote(room: DocumentRoom, update: Uint8Array, claims?: ClientClaim[]): void {
    try {
      decodeUpdateStrict(update);
      if (claims) room.owners.add(claims);
      Y.applyUpdate(room.doc, update, 'remote');
      room.changed();
    } catch (err) {
      this.opts.log.error({ err, docId: room.docId }, 'invalid update from fan-out ignored');
      return;
    }
    room.broadcast(encodeUpdate(update));
  }

  /** Presence from another instance: kept (it times out like any remote state) and relayed locally. */
  private applyRemoteAwareness(room: DocumentRoom, received: Uint8Array): void {
    let update: Uint8Array | null;
    try {
      validateAwarenessUpdate(received);
      update = filterRemoteAwareness(received, room);
      if (!update) return;
      awarenessProtocol.applyAwarenessUpdate(room.awareness, update, 'remote');
    } catch (err) {
      this.opts.log.warn({ err, docId: room.docId }, 'invalid awareness update from fan-out ignored');
      return;
    }
    room.broadcast(encodeAwarenessFrame(update));
  }

  /** Merges whatever the shared store holds into the loaded document and relays what was new. */
  private async resyncFromStore(room: DocumentRoom): Promise<void> {
    try {
      const loaded = await this.opts.store.load(room.docId);
      const before = Y.encodeStateVector(room.doc);
      room.owners.add(loaded.claims);
      Y.transact(
        room.doc,
        () => {
          if (loaded.snapshot) Y.applyUpdate(room.doc, loaded.snapshot);
          for (const entry of loaded.tail) Y.applyUpdate(room.doc, entry.update);
        },
        'store',
      );
      room.changed();
      room.broadcast(encodeUpdate(Y.encodeStateAsUpdate(room.doc, before)));
    } catch (err) {
      this.opts.log.error({ err, docId: room.docId }, 'resync from store failed');
    }
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
      await this.opts.fanout?.subscribe(docId, {
        update: (update, claims) => this.applyRemote(room, update, claims),
        resync: () => void this.resyncFromStore(room),
        awareness: (update) => this.applyRemoteAwareness(room, update),
      });
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
    this.maybeCompact(room);
    return room;
  }

  private maybeCompact(room: DocumentRoom): void {
    const { limits } = this.opts;
    if (
      room.evicted ||
      room.compacting ||
      (room.tailCount < limits.compactAfterUpdates && room.tailBytes < limits.compactAfterBytes)
    )
      return;
    room.compacting = true;
    setImmediate(() => void this.compact(room));
  }

  /**
   * Replace the log entries with a snapshot. On a single instance every durable update is in the
   * in-memory document, so that is the snapshot. With fan-out, other instances append to the same log
   * and an entry may be durable before it reached this instance, so the snapshot is rebuilt from
   * exactly the entries the store holds.
   */
  private async compact(room: DocumentRoom): Promise<void> {
    room.compacting = true;
    const { store } = this.opts;
    try {
      // The in-memory snapshot below must contain what the store holds.
      await room.ensureHydrated();
      if (this.opts.fanout) {
        const loaded = await store.load(room.docId);
        const uptoSeq = loaded.tail.at(-1)?.seq;
        if (uptoSeq === undefined) return;
        const scratch = new Y.Doc();
        Y.transact(scratch, () => {
          if (loaded.snapshot) Y.applyUpdate(scratch, loaded.snapshot);
          for (const entry of loaded.tail) Y.applyUpdate(scratch, entry.update);
        });
        const snapshot = Y.encodeStateAsUpdate(scratch);
        scratch.destroy();
        await store.compact(room.docId, snapshot, uptoSeq);
        const stats = await store.stats(room.docId);
        room.snapshotBytes = stats.snapshotBytes;
        room.tailCount = stats.tailCount;
        room.tailBytes = stats.tailBytes;
      } else {
        const uptoSeq = room.lastDurableSeq;
        const count = room.tailCount;
        const bytes = room.tailBytes;
        const snapshot = room.missingFor(EMPTY_STATE_VECTOR);
        await store.compact(room.docId, snapshot, uptoSeq);
        room.snapshotBytes = snapshot.byteLength;
        room.tailCount -= count;
        room.tailBytes -= bytes;
      }
      this.opts.metrics.compactions.inc();
    } catch (err) {
      this.opts.log.error({ err, docId: room.docId }, 'compaction failed; the log is intact');
    } finally {
      room.compacting = false;
    }
  }

  private maybeUnload(room: DocumentRoom): void {
    if (room.connections.size > 0 || room.unloadTimer || this.closing) return;
    room.unloadTimer = setTimeout(() => void this.unload(room), this.opts.limits.unloadGraceMs);
    room.unloadTimer.unref();
  }

  private async unload(room: DocumentRoom): Promise<void> {
    room.unloadTimer = null;
    if (room.evicted || room.connections.size > 0) return;
    if (room.pendingWrites > 0) return this.maybeUnload(room);
    if (room.tailCount > 0 && !room.compacting) await this.compact(room);
    if (room.connections.size > 0 || room.pendingWrites > 0 || this.loadedRooms.get(room.docId) !== room) {
      return this.maybeUnload(room);
    }
    this.loadedRooms.delete(room.docId);
    this.rooms.delete(room.docId);
    this.opts.fanout?.unsubscribe(room.docId);
    room.destroy();
    this.opts.metrics.documentsLoaded.set(this.loadedRooms.size);
    this.opts.log.debug({ docId: room.docId }, 'document unloaded');
  }

  /** Every live connection on loaded documents matching `docFilter`. */
  private *connectionsOn(docFilter: (docId: string) => boolean): Generator<CollabConnection> {
    for (const room of this.loadedRooms.values()) {
      if (!docFilter(room.docId)) continue;
      yield* [...room.connections];
    }
  }

  /**
   * Re-decides access for every live connection on the documents `docFilter` selects: connections that
   * lost access are closed (AccessRevoked), the others get their new grant at once (e.g. read-only).
   */
  async recheckAccess(
    docFilter: (docId: string) => boolean,
    userFilter: (userId: string) => boolean = () => true,
  ): Promise<{ revoked: number; updated: number }> {
    const recheck = this.opts.policy.recheck;
    let revoked = 0;
    let updated = 0;
    if (!recheck) return { revoked, updated };
    for (const conn of [...this.connectionsOn(docFilter)]) {
      if (!userFilter(conn.grant.claims.sub)) continue;
      let grant: Awaited<ReturnType<typeof recheck>>;
      try {
        grant = await recheck.call(this.opts.policy, conn.grant, conn.docId);
      } catch (err) {
        this.opts.log.error({ err, docId: conn.docId }, 'access re-check failed; disconnecting to be safe');
        grant = null;
      }
      if (conn.closed) continue;
      if (!grant) {
        this.kick(conn, CloseCode.AccessRevoked, 'access withdrawn');
        revoked += 1;
      } else {
        conn.grant = grant;
        updated += 1;
      }
    }
    return { revoked, updated };
  }

  /** Re-checks access on every document of a case (documents are named `<caseId>.<type>[...]`). */
  recheckCase(caseId: string): Promise<{ revoked: number; updated: number }> {
    return this.recheckAccess((docId) => docId.startsWith(`${caseId}.`));
  }

  /** Re-checks every live connection of one person (tokens revoked, account disabled, logged out). */
  recheckUser(userId: string): Promise<{ revoked: number; updated: number }> {
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
    room.evicted = true;
    if (room.unloadTimer) clearTimeout(room.unloadTimer);
    for (const conn of [...room.connections]) this.kick(conn, CloseCode.AccessRevoked, 'document removed');
    const deadline = Date.now() + timeoutMs;
    while (room.pendingWrites > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    if (this.loadedRooms.get(docId) === room) this.loadedRooms.delete(docId);
    if (this.rooms.get(docId) === pending) this.rooms.delete(docId);
    this.opts.fanout?.unsubscribe(docId);
    room.destroy();
    this.opts.metrics.documentsLoaded.set(this.loadedRooms.size);
  }

  /** Graceful shutdown: refuse new work, close sockets, make everything durable, compact. */
  async close(timeoutMs = 10_000): Promise<boolean> {
    this.closing = true;
    for (const room of this.loadedRooms.values()) {
      if (room.unloadTimer) clearTimeout(room.unloadTimer);
      for (const conn of [...room.connections]) conn.close(CloseCode.GoingAway, 'server shutting down');
    }
    const flushed = await this.queue.drain(timeoutMs);
    if (!flushed)
      this.opts.log.error({ pending: this.queue.size }, 'shutdown: store did not take every update in time');
    for (const room of this.loadedRooms.values()) {
      if (flushed && room.tailCount > 0) await this.compact(room);
      room.destroy();
    }
    this.loadedRooms.clear();
    this.rooms.clear();
    await this.opts.fanout?.close();
    return flushed;
  }
}
