/**
 * The write path of the collaboration core: every update-bearing message is numbered, checked
 * (write access, missing dependencies, client-id ownership, the access policy, size and backpressure),
 * applied, queued for the store (group commit through PersistQueue), and only once durable relayed to
 * the others and acknowledged to its author with Saved(n). A refused update is rejected whole.
 */
import { encodeRejected, encodeUpdate, RejectReason } from '@samenspraak/shared';
import * as Y from 'yjs';
import type { ClientClaim } from '../storage/documentStore.js';
import { PersistQueue } from '../storage/persistQueue.js';
import { AckBatch } from './ackBatch.js';
import { checkClientOwnership, SERVER_OWNER, UNCHECKED } from './clientOwnership.js';
import type { CollabConnection, DeferredUpdate } from './connection.js';
import type { DocumentRoom } from './room.js';
import type { ClientWrite, CollabServerOptions } from './types.js';
import { changesDocument, decodeUpdateStrict, missingDependencies, touchedRoots } from './updateInspection.js';

/** Transaction origin of changes the server makes itself (see serverChange). */
export const SERVER_ORIGIN = 'server';

export class WritePath {
  readonly queue: PersistQueue;
  private readonly acks = new AckBatch();

  constructor(
    private readonly opts: CollabServerOptions,
    /** Called after each durable write of a room (compaction may be due). */
    private readonly afterDurable: (room: DocumentRoom) => void,
  ) {
    const { metrics, log } = opts;
    this.queue = new PersistQueue(opts.store, {
      minIntervalMs: opts.limits.commitIntervalMs,
      onFlushed: (count, seconds) => {
        metrics.storeAppend.observe(seconds);
        metrics.storeBatch.observe(count);
        metrics.storePending.set(this.queue.size);
        this.acks.flush();
      },
      onFailure: (err, attempt) => {
        metrics.storeFailures.inc();
        metrics.storePending.set(this.queue.size);
        log.error({ err, attempt, pending: this.queue.size }, 'store append failed; updates kept in memory, retrying');
      },
    });
  }

  /** A connection left its room: no more acknowledgements, and what it held back is dropped. */
  connectionLeft(room: DocumentRoom, conn: CollabConnection): void {
    this.acks.forget(conn);
    this.releaseHeldBack(room, conn);
  }

  /**
   * An update-bearing message. It is numbered and counts as pending until it is durable or rejected, so
   * Saved(n) never runs ahead of it. `frame` is the raw message when it can be relayed as is.
   */
  receiveUpdate(
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
    if (isSyncStep2 && conn.step2Arrived()) {
      // Live edits a client made before its step 2 reached us build on that step 2: check them now.
      const deferred = this.releaseHeldBack(room, conn);
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
      this.acks.soon(conn);
    };
    if (!conn.canWrite) return reject(RejectReason.ReadOnly, 'this connection may only read the document');
    if (missingDependencies(room.doc, decoded)) {
      if (!conn.step2Received) {
        const scope = room.holdBack(conn, item, limits);
        if (scope) {
          metrics.heldBackRefused.inc({ scope });
          return reject(
            RejectReason.HeldBackLimit,
            `too many changes wait for content the server does not have (${scope} limit); reload the document`,
          );
        }
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
    // Worked out before applying: afterwards the new items are in the document and count as known.
    const roots = this.opts.onClientWrite ? [...touchedRoots(room.doc, decoded).roots] : null;
    room.apply(update, conn, ownership.claims);
    metrics.updates.inc();
    const userId = conn.grant.claims.sub;
    const told = roots ? () => this.tellClientWrite({ docId: room.docId, userId, roots }) : undefined;
    this.persist(room, update, frame, ownership.claims, { conn, n }, told);
  }

  /** The optional write hook: after the update is durable; its failure never reaches the writer. */
  private tellClientWrite(write: ClientWrite): void {
    const hook = this.opts.onClientWrite;
    if (!hook || write.roots.length === 0) return;
    const failed = (err: unknown) => this.opts.log.error({ err, docId: write.docId }, 'client write hook failed');
    try {
      Promise.resolve(hook(write)).catch(failed);
    } catch (err) {
      failed(err);
    }
  }

  /** Forgets what a connection held back (processed after its step 2, or the connection closed). */
  private releaseHeldBack(room: DocumentRoom, conn: CollabConnection): DeferredUpdate[] {
    const { items, bytes } = room.releaseHeldBack(conn);
    this.opts.metrics.heldBackBytes.dec(bytes);
    return items;
  }

  /**
   * A change the server itself makes (restoring a version): run on a copy of the current state so that a
   * failing `change` or an oversized result never touches the live document, then applied, relayed to
   * every connection and persisted like a client's update. Permission checks are the caller's: the
   * access policy vets clients, not the server. Resolves once the change is durable (false: no change).
   */
  async serverChange(room: DocumentRoom, change: (doc: Y.Doc) => void): Promise<boolean> {
    const scratch = new Y.Doc({ gc: true });
    let update: Uint8Array | null = null;
    const claims = [{ client: scratch.clientID, owner: SERVER_OWNER }];
    try {
      Y.applyUpdate(scratch, room.fullUpdate());
      scratch.on('update', (u: Uint8Array) => {
        update = update ? Y.mergeUpdates([update, u]) : u;
      });
      scratch.transact(() => change(scratch), SERVER_ORIGIN);
    } finally {
      scratch.destroy();
    }
    const u = update as Uint8Array | null;
    if (!u || !changesDocument(room.doc, decodeUpdateStrict(u))) return false;
    const { limits } = this.opts;
    if (room.storedBytes + u.byteLength > limits.maxDocumentBytes)
      throw new Error(`document would exceed ${limits.maxDocumentBytes} bytes`);
    await new Promise<void>((resolve) => {
      room.apply(u, SERVER_ORIGIN, claims);
      this.opts.metrics.updates.inc();
      this.persist(room, u, null, claims, null, resolve);
    });
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
    const token = room.writeQueued();
    this.queue.enqueue({
      docId: room.docId,
      update,
      ...(claims.length > 0 && { claims }),
      onDurable: (seq) => {
        const waiters = room.writeDurable(token, seq, update.byteLength);
        // Others get the update only now: one they hold must be in the store, or an author re-sending it
        // after a crash would be told "saved" for nothing, and a co-author's re-send of it would carry
        // structs under a client id that is not theirs.
        room.broadcast(frame ?? encodeUpdate(update), ack?.conn);
        this.opts.fanout?.publish(room.docId, update, claims);
        if (ack) {
          ack.conn.markDurable(ack.n);
          this.acks.add(ack.conn);
        }
        onDurable?.();
        for (const w of waiters) {
          w.conn.markDurable(w.n);
          this.acks.add(w.conn);
        }
        this.opts.metrics.ackLatency.observe((performance.now() - received) / 1000);
        this.afterDurable(room);
      },
    });
    this.opts.metrics.storePending.set(this.queue.size);
  }

  /** A message that changed nothing is acknowledged once the document's queued writes are durable. */
  private ackAfterPendingWrites(room: DocumentRoom, conn: CollabConnection, n: number): void {
    if (!room.ackAfterWrites(conn, n)) return;
    conn.markDurable(n);
    this.acks.soon(conn);
  }
}
