/**
 * A loaded document: the Y.Doc, its awareness, the connections on it and the bookkeeping of its
 * stored form (snapshot + tail), which drives compaction and the document size limit.
 */
import { encodeAwareness, type Limits } from '@samenspraak/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { ClientClaim, LoadedDocument } from '../storage/documentStore.js';
import { ClientOwners } from './clientOwnership.js';
import { CollabConnection, type DeferredUpdate } from './connection.js';

const EMPTY_STATE_VECTOR = new Uint8Array([0]);

export interface DurabilityWaiter {
  conn: CollabConnection;
  n: number;
}

/** Bounds on updates held back until the sync step 2 they build on (see holdBack). */
export type HeldBackLimits = Pick<
  Limits,
  'heldBackUpdatesPerConnection' | 'heldBackBytesPerConnection' | 'heldBackBytesPerDocument'
>;

/** When the log is long enough to replace with a snapshot. */
export type CompactionLimits = Pick<Limits, 'compactAfterUpdates' | 'compactAfterBytes'>;

/** Size of the stored form: snapshot and the log entries after it. */
export interface StoredSize {
  snapshotBytes: number;
  tailCount: number;
  tailBytes: number;
}

/**
 * The room keeps its own books: who is connected, what is held back, which writes are queued and who
 * waits for them, and the stored size that drives compaction. The server changes them only through the
 * methods below.
 */
export class DocumentRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  private readonly members = new Set<CollabConnection>();
  /** Bytes all connections hold back, waiting for their sync step 2 (bounded per document). */
  private heldBackBytes = 0;
  /** Who may write under which Yjs client id (see clientOwnership.ts). */
  readonly owners = new ClientOwners();
  private snapshotBytes = 0;
  private tailCount = 0;
  private tailBytes = 0;
  /** Highest log seq known durable; compaction may drop entries up to it. */
  private lastDurableSeq = 0;
  /** Updates of this document queued for the store and not yet durable. */
  private pendingWrites = 0;
  /**
   * Messages that changed nothing but must not be acknowledged before the document's queued writes are
   * durable (a client re-sending its own not-yet-durable edit after a reconnect). Keyed by the pending
   * write they wait for; the store commits in order, so that write being durable covers all before it.
   */
  private readonly waiters = new Map<number, DurabilityWaiter[]>();
  /** Token of the newest queued write of this document (see waiters). */
  private newestWrite = 0;
  private nextWriteToken = 1;
  private compactionRunning = false;
  /** Removed on purpose (case destroyed): never written back, never compacted. */
  private removed = false;
  private unloadTimer: NodeJS.Timeout | null = null;
  /**
   * The whole document as one update, for clients that start empty (a cold open, several people joining
   * a meeting at once). Valid until the document changes; every apply path calls `changed()`.
   */
  private fullState: Uint8Array | null = null;
  /** Stored snapshot not yet applied to `doc` (see load). */
  coldSnapshot: Uint8Array | null = null;
  private hydrating: Promise<void> | null = null;

  constructor(readonly docId: string) {
    this.awareness.setLocalState(null);
    this.awareness.on(
      'update',
      ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }, origin: unknown) => {
        if (!(origin instanceof CollabConnection)) return;
        for (const id of added) origin.awarenessClients.add(id);
        for (const id of updated) origin.awarenessClients.add(id);
        for (const id of removed) origin.awarenessClients.delete(id);
      },
    );
  }

  get connections(): ReadonlySet<CollabConnection> {
    return this.members;
  }

  /** A connection joined: the room stays loaded while it is here. */
  join(conn: CollabConnection): void {
    this.cancelUnload();
    this.members.add(conn);
  }

  /** A connection left; false when it was not (or no longer) here. Release what it held back after. */
  leave(conn: CollabConnection): boolean {
    return this.members.delete(conn);
  }

  get hasPendingWrites(): boolean {
    return this.pendingWrites > 0;
  }

  get evicted(): boolean {
    return this.removed;
  }

  get compacting(): boolean {
    return this.compactionRunning;
  }

  /**
   * Holds back an update that builds on content the connection's sync step 2 will bring. Returns the
   * bound holding it back would pass ('connection' or 'document'), or null when it is held.
   */
  holdBack(conn: CollabConnection, item: DeferredUpdate, limits: HeldBackLimits): 'connection' | 'document' | null {
    const bytes = item.update.byteLength;
    if (conn.heldBackCount >= limits.heldBackUpdatesPerConnection) return 'connection';
    if (conn.heldBackBytes + bytes > limits.heldBackBytesPerConnection) return 'connection';
    if (this.heldBackBytes + bytes > limits.heldBackBytesPerDocument) return 'document';
    conn.holdBack(item);
    this.heldBackBytes += bytes;
    return null;
  }

  /** Hands back (and forgets) what a connection held back: its step 2 arrived, or it left. */
  releaseHeldBack(conn: CollabConnection): { items: DeferredUpdate[]; bytes: number } {
    const released = conn.takeHeldBack();
    this.heldBackBytes -= released.bytes;
    return released;
  }

  /** Applies an accepted update (with the client ids it claims) and invalidates the cached full state. */
  apply(update: Uint8Array, origin: unknown, claims?: ClientClaim[]): void {
    if (claims) this.owners.add(claims);
    Y.applyUpdate(this.doc, update, origin);
    this.changed();
  }

  /** Merges what the store holds; returns the update that was new to this room. */
  mergeStored(loaded: LoadedDocument): Uint8Array {
    const before = Y.encodeStateVector(this.doc);
    this.owners.add(loaded.claims);
    Y.transact(
      this.doc,
      () => {
        if (loaded.snapshot) Y.applyUpdate(this.doc, loaded.snapshot);
        for (const entry of loaded.tail) Y.applyUpdate(this.doc, entry.update);
      },
      'store',
    );
    this.changed();
    return Y.encodeStateAsUpdate(this.doc, before);
  }

  /** A write of this document was queued for the store; returns its token for `writeDurable`. */
  writeQueued(): number {
    const token = this.nextWriteToken++;
    this.pendingWrites += 1;
    this.newestWrite = token;
    return token;
  }

  /** Write `token` is durable as log entry `seq`. Returns the acknowledgements that waited for it. */
  writeDurable(token: number, seq: number, bytes: number): DurabilityWaiter[] {
    this.pendingWrites -= 1;
    this.tailCount += 1;
    this.tailBytes += bytes;
    if (seq > this.lastDurableSeq) this.lastDurableSeq = seq;
    const waiting = this.waiters.get(token);
    if (!waiting) return [];
    this.waiters.delete(token);
    return waiting;
  }

  /**
   * A message of `conn` that changed nothing is acknowledged once the queued writes are durable.
   * Returns true when nothing is queued (acknowledge now); otherwise it waits for the newest write.
   */
  ackAfterWrites(conn: CollabConnection, n: number): boolean {
    if (this.pendingWrites === 0) return true;
    const list = this.waiters.get(this.newestWrite);
    if (list) list.push({ conn, n });
    else this.waiters.set(this.newestWrite, [{ conn, n }]);
    return false;
  }

  /** The log is long enough to replace with a snapshot, and nothing stands in the way. */
  needsCompaction(limits: CompactionLimits): boolean {
    if (this.removed || this.compactionRunning) return false;
    return this.tailCount >= limits.compactAfterUpdates || this.tailBytes >= limits.compactAfterBytes;
  }

  get hasTail(): boolean {
    return this.tailCount > 0;
  }

  beginCompaction(): void {
    this.compactionRunning = true;
  }

  endCompaction(): void {
    this.compactionRunning = false;
  }

  /** What a compaction from memory covers: the log up to `uptoSeq`, `count` entries of `bytes`. */
  durableTail(): { uptoSeq: number; count: number; bytes: number } {
    return { uptoSeq: this.lastDurableSeq, count: this.tailCount, bytes: this.tailBytes };
  }

  /** A compaction from memory replaced `count` entries of `bytes` with a snapshot of `snapshotBytes`. */
  compactedTail(snapshotBytes: number, count: number, bytes: number): void {
    this.snapshotBytes = snapshotBytes;
    this.tailCount -= count;
    this.tailBytes -= bytes;
  }

  /** The stored size as the store reports it (after a compaction that other instances may race). */
  storedSizeIs(size: StoredSize): void {
    this.snapshotBytes = size.snapshotBytes;
    this.tailCount = size.tailCount;
    this.tailBytes = size.tailBytes;
  }

  /** Runs `unload` after `graceMs` unless a connection joins first; no-op when already scheduled. */
  scheduleUnload(graceMs: number, unload: () => void): void {
    if (this.unloadTimer) return;
    this.unloadTimer = setTimeout(() => {
      this.unloadTimer = null;
      unload();
    }, graceMs);
    this.unloadTimer.unref();
  }

  get unloadScheduled(): boolean {
    return this.unloadTimer !== null;
  }

  cancelUnload(): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer);
    this.unloadTimer = null;
  }

  /** The document is being removed (case destroyed): never written back, never compacted again. */
  markEvicted(): void {
    this.removed = true;
    this.cancelUnload();
  }

  get storedBytes(): number {
    return this.snapshotBytes + this.tailBytes;
  }

  /**
   * Takes over what the store holds. A document stored as a snapshot alone is applied lazily
   * (`ensureHydrated`), so the first reader can be sent the stored bytes before the server has parsed
   * them; everything else is applied at once.
   */
  load(loaded: LoadedDocument): void {
    this.snapshotBytes = loaded.snapshot?.byteLength ?? 0;
    this.tailCount = loaded.tail.length;
    this.tailBytes = loaded.tail.reduce((sum, e) => sum + e.update.byteLength, 0);
    this.lastDurableSeq = loaded.tail.at(-1)?.seq ?? 0;
    this.owners.add(loaded.claims);
    if (loaded.snapshot && loaded.tail.length === 0) {
      // The snapshot already is the full state: no need to encode it again.
      this.fullState = loaded.snapshot;
      this.coldSnapshot = loaded.snapshot;
      return;
    }
    if (loaded.tail.length > 0) {
      // Snapshot plus tail: merged as encoded updates (no Y.Doc built, several times cheaper than applying
      // them), the merge is the full state the first reader is sent at once; the server parses it after.
      const parts = loaded.snapshot
        ? [loaded.snapshot, ...loaded.tail.map((e) => e.update)]
        : loaded.tail.map((e) => e.update);
      const merged = parts.length === 1 ? (parts[0] as Uint8Array) : Y.mergeUpdates(parts);
      this.fullState = merged;
      this.coldSnapshot = merged;
      return;
    }
    Y.transact(this.doc, () => {
      if (loaded.snapshot) Y.applyUpdate(this.doc, loaded.snapshot);
      for (const entry of loaded.tail) Y.applyUpdate(this.doc, entry.update);
    });
  }

  /** Applies a lazily loaded snapshot; after a timer turn, so replies already written leave first. */
  ensureHydrated(): Promise<void> {
    if (!this.coldSnapshot) return Promise.resolve();
    this.hydrating ??= new Promise<void>((resolve, reject) => {
      setTimeout(() => {
        try {
          if (this.coldSnapshot) Y.applyUpdate(this.doc, this.coldSnapshot);
          this.coldSnapshot = null;
          resolve();
        } catch (err) {
          reject(err);
        }
      }, 0);
    });
    return this.hydrating;
  }

  /** True while the full state is still exactly `bytes` (nothing changed since they were sent). */
  fullStateIs(bytes: Uint8Array): boolean {
    return this.fullState === bytes;
  }

  changed(): void {
    this.fullState = null;
  }

  /** The whole document as one update. */
  fullUpdate(): Uint8Array {
    return this.missingFor(EMPTY_STATE_VECTOR);
  }

  /** The update a client holding `stateVector` is missing. */
  missingFor(stateVector: Uint8Array): Uint8Array {
    const empty = stateVector.byteLength === 1 && stateVector[0] === 0;
    if (!empty) return Y.encodeStateAsUpdate(this.doc, stateVector);
    this.fullState ??= Y.encodeStateAsUpdate(this.doc);
    return this.fullState;
  }

  broadcast(frame: Uint8Array, except?: CollabConnection): void {
    for (const conn of this.connections) if (conn !== except) conn.send(frame);
  }

  /**
   * Drops the awareness states a closing connection announced and tells the others. Returns the
   * awareness update that removes them (for other instances), or null when there was nothing.
   */
  removeAwarenessOf(conn: CollabConnection): Uint8Array | null {
    const ids = [...conn.awarenessClients].filter((id) => this.awareness.states.has(id));
    if (ids.length === 0) return null;
    awarenessProtocol.removeAwarenessStates(this.awareness, ids, null);
    const update = awarenessProtocol.encodeAwarenessUpdate(this.awareness, ids);
    this.broadcast(encodeAwareness(update), conn);
    return update;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
