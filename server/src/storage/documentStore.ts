/**
 * Persistence of collaborative documents as an append-only update log plus an optional snapshot.
 * Every adapter (SQLite, Postgres) implements this one interface and passes the shared suite in
 * server/test/storage/storeSuite.ts.
 *
 * Invariants every adapter keeps:
 * - `append` resolves only after the entries are durable (fsync'd / committed); it is atomic: all
 *   entries of one call are stored, or none are and it rejects.
 * - sequence numbers are per document, strictly increasing, assigned by the store.
 * - client-id claims are stored with the entry that made them, never changed, and survive compaction.
 * - `compact` atomically stores the snapshot and deletes log entries with seq <= uptoSeq; entries
 *   appended after uptoSeq survive. A compaction whose uptoSeq is below the stored snapshot's does
 *   nothing (two instances may compact the same document). A snapshot may already contain some later updates: Yjs updates are
 *   idempotent, so replaying them is harmless.
 */
export interface AppendEntry {
  docId: string;
  update: Uint8Array;
  /**
   * Yjs client ids this update is the first to write with, bound to their owner (a person's id) in the
   * same transaction. A claim that already exists is kept: the first owner wins, for the document's life.
   */
  claims?: ClientClaim[];
}

/** A Yjs client id of a document and the person (or the server) that owns it. */
export interface ClientClaim {
  client: number;
  owner: string;
}

export interface StoredUpdate {
  seq: number;
  update: Uint8Array;
}

export interface LoadedDocument {
  /** Snapshot (a Yjs v1 update), or null when the document was never compacted. */
  snapshot: Uint8Array | null;
  /** Log entries after the snapshot, in order. */
  tail: StoredUpdate[];
  /** Every client id claimed in this document (kept through compaction, removed by `delete`). */
  claims: ClientClaim[];
}

export interface DocumentStats {
  snapshotBytes: number;
  tailCount: number;
  tailBytes: number;
}

export interface DocumentStore {
  readonly kind: string;
  /** Appends updates (possibly of several documents) in one durable transaction; returns their seqs in order. */
  append(entries: AppendEntry[]): Promise<number[]>;
  /** Loads snapshot + tail. An unknown document loads as empty. */
  load(docId: string): Promise<LoadedDocument>;
  /** Replaces the snapshot and drops log entries with seq <= uptoSeq, atomically. */
  compact(docId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void>;
  stats(docId: string): Promise<DocumentStats>;
  /**
   * Removes a document completely (snapshot and every log entry), atomically; afterwards it loads as
   * empty. Used to execute a destruction request, so adapters also make the old bytes unrecoverable
   * where they cheaply can. Deleting an unknown document is not an error.
   */
  delete(docId: string): Promise<void>;
  /**
   * After a destruction: makes the bytes of everything deleted so far unreadable in the store's files
   * (e.g. rewrite the tables). May be slow; called once per destroyed case, not per document.
   */
  scrubFreedSpace?(): Promise<void>;
  /** Resolves when the store can serve requests (used by /readyz). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
