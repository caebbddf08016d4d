/**
 * A loaded document: the Y.Doc, its awareness, the connections on it and the bookkeeping of its
 * stored form (snapshot + tail), which drives compaction and the document size limit.
 */
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { LoadedDocument } from '../storage/documentStore.js';
import { ClientOwners } from './clientOwnership.js';
import { CollabConnection } from './connection.js';
import { encodeAwarenessFrame } from './messages.js';

export interface DurabilityWaiter {
  conn: CollabConnection;
  n: number;
}

export class DocumentRoom {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly connections = new Set<CollabConnection>();
  /** Bytes all connections hold back, waiting for their sync step 2 (bounded per document). */
  heldBackBytes = 0;
  /** Who may write under which Yjs client id (see clientOwnership.ts). */
  readonly owners = new ClientOwners();
  snapshotBytes = 0;
  tailCount = 0;
  tailBytes = 0;
  /** Highest log seq known durable; compaction may drop entries up to it. */
  lastDurableSeq = 0;
  /** Updates of this document queued for the store and not yet durable. */
  pendingWrites = 0;
  /**
   * Messages that changed nothing but must not be acknowledged before the document's queued writes are
   * durable (a client re-sending its own not-yet-durable edit after a reconnect). Keyed by the pending
   * write they wait for; the store commits in order, so that write being durable covers all before it.
   */
  readonly waiters = new Map<number, DurabilityWaiter[]>();
  /** Token of the newest queued write of this document (see waiters). */
  newestWrite = 0;
  compacting = false;
  /** Removed on purpose (case destroyed): never written back, never compacted. */
  evicted = false;
  unloadTimer: NodeJS.Timeout | null = null;
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
    this.broadcast(encodeAwarenessFrame(update), conn);
    return update;
  }

  destroy(): void {
    this.awareness.destroy();
    this.doc.destroy();
  }
}
