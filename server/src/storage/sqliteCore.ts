/**
 * The SQLite document log itself: synchronous, one better-sqlite3 connection (WAL, synchronous=FULL).
 * Used in-thread by `SqliteStore` (tests, tools) and inside the store's worker thread by
 * `SqliteWorkerStore` (the server), so no fsync ever blocks the event loop there.
 *
 * This file imports nothing of ours at run time: the worker (sqliteWorker.ts) loads it directly, also
 * when tests run the TypeScript sources (Node strips the types).
 */
import Database from 'better-sqlite3';
import type { AppendEntry, ClientClaim, DocumentStats, LoadedDocument } from './documentStore.js';

const SCHEMA = `
CREATE TABLE IF NOT EXISTS doc_updates (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  doc_id TEXT NOT NULL,
  data BLOB NOT NULL
);
CREATE INDEX IF NOT EXISTS doc_updates_doc ON doc_updates (doc_id, seq);
CREATE TABLE IF NOT EXISTS doc_clients (
  doc_id TEXT NOT NULL,
  client INTEGER NOT NULL,
  owner TEXT NOT NULL,
  PRIMARY KEY (doc_id, client)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS doc_snapshots (
  doc_id TEXT PRIMARY KEY,
  data BLOB NOT NULL,
  upto_seq INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
`;

function bytes(buf: Buffer): Uint8Array {
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}

export class SqliteDocuments {
  private readonly db: Database.Database;
  private readonly insert: Database.Statement<[string, Buffer]>;
  private readonly appendTx: (entries: AppendEntry[]) => number[];
  private readonly selectTail: Database.Statement<[string]>;
  private readonly selectClaims: Database.Statement<[string]>;
  private readonly selectSnapshot: Database.Statement<[string]>;
  private readonly compactTx: (docId: string, snapshot: Uint8Array, uptoSeq: number) => void;
  private readonly deleteTx: (docId: string) => void;
  private readonly loadTx: (docId: string) => LoadedDocument;

  /** `file` is a path (already created private by the caller), or ':memory:'. */
  constructor(file: string) {
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 5000');
    // Deleted content is overwritten with zeros, always: a compaction's freed pages held the same text
    // a destruction later deletes, and must not keep it readable in the file.
    this.db.pragma('secure_delete = ON');
    this.db.exec(SCHEMA);
    this.insert = this.db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)');
    const claim = this.db.prepare('INSERT OR IGNORE INTO doc_clients (doc_id, client, owner) VALUES (?, ?, ?)');
    this.appendTx = this.db.transaction((entries: AppendEntry[]) =>
      entries.map((e) => {
        for (const c of e.claims ?? []) claim.run(e.docId, c.client, c.owner);
        return Number(
          this.insert.run(e.docId, Buffer.from(e.update.buffer, e.update.byteOffset, e.update.byteLength))
            .lastInsertRowid,
        );
      }),
    );
    this.selectClaims = this.db.prepare('SELECT client, owner FROM doc_clients WHERE doc_id = ?');
    this.selectTail = this.db.prepare('SELECT seq, data FROM doc_updates WHERE doc_id = ? ORDER BY seq');
    this.selectSnapshot = this.db.prepare('SELECT data FROM doc_snapshots WHERE doc_id = ?');
    const upsertSnapshot = this.db.prepare(
      `INSERT INTO doc_snapshots (doc_id, data, upto_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (doc_id) DO UPDATE SET data = excluded.data, upto_seq = excluded.upto_seq, updated_at = excluded.updated_at
       WHERE doc_snapshots.upto_seq <= excluded.upto_seq`,
    );
    const deleteUpTo = this.db.prepare('DELETE FROM doc_updates WHERE doc_id = ? AND seq <= ?');
    this.compactTx = this.db.transaction((docId: string, snapshot: Uint8Array, uptoSeq: number) => {
      // A stale compaction (a newer snapshot exists) changes nothing.
      if (upsertSnapshot.run(docId, Buffer.from(snapshot), uptoSeq, Date.now()).changes === 0) return;
      deleteUpTo.run(docId, uptoSeq);
    });
    // Snapshot, tail and claims in one read transaction: one consistent view of the document, whatever
    // a compaction on another connection commits meanwhile.
    this.loadTx = this.db.transaction((docId: string): LoadedDocument => {
      const snap = this.selectSnapshot.get(docId) as { data: Buffer } | undefined;
      const rows = this.selectTail.all(docId) as Array<{ seq: number; data: Buffer }>;
      return {
        snapshot: snap ? bytes(snap.data) : null,
        tail: rows.map((r) => ({ seq: r.seq, update: bytes(r.data) })),
        claims: this.selectClaims.all(docId) as ClientClaim[],
      };
    });
    const deleteUpdates = this.db.prepare('DELETE FROM doc_updates WHERE doc_id = ?');
    const deleteSnapshot = this.db.prepare('DELETE FROM doc_snapshots WHERE doc_id = ?');
    const deleteClaims = this.db.prepare('DELETE FROM doc_clients WHERE doc_id = ?');
    this.deleteTx = this.db.transaction((docId: string) => {
      deleteUpdates.run(docId);
      deleteSnapshot.run(docId);
      deleteClaims.run(docId);
    });
  }

  append(entries: AppendEntry[]): number[] {
    if (entries.length === 0) return [];
    return this.appendTx(entries);
  }

  load(docId: string): LoadedDocument {
    return this.loadTx(docId);
  }

  compact(docId: string, snapshot: Uint8Array, uptoSeq: number): void {
    this.compactTx(docId, snapshot, uptoSeq);
  }

  delete(docId: string): void {
    // A destruction must not leave the text readable in free pages (secure_delete is on) or in the
    // WAL's older frames: fold the WAL into the database and truncate it.
    this.deleteTx(docId);
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  scrubFreedSpace(): void {
    this.db.pragma('wal_checkpoint(TRUNCATE)');
  }

  stats(docId: string): DocumentStats {
    const snap = this.db.prepare('SELECT length(data) AS n FROM doc_snapshots WHERE doc_id = ?').get(docId) as
      | { n: number }
      | undefined;
    const tail = this.db
      .prepare('SELECT count(*) AS c, coalesce(sum(length(data)), 0) AS b FROM doc_updates WHERE doc_id = ?')
      .get(docId) as { c: number; b: number };
    return { snapshotBytes: snap?.n ?? 0, tailCount: tail.c, tailBytes: tail.b };
  }

  /** The durability pragmas of this connection (synchronous is per connection, so only the store can tell). */
  pragmas(): { journalMode: string; synchronous: number } {
    return {
      journalMode: this.db.pragma('journal_mode', { simple: true }) as string,
      synchronous: this.db.pragma('synchronous', { simple: true }) as number,
    };
  }

  ping(): void {
    this.db.prepare('SELECT 1').get();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
