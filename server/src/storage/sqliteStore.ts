import type { AppendEntry, DocumentStats, DocumentStore, LoadedDocument } from './documentStore.js';
import { preparePrivateDatabase } from './privateFiles.js';
import { SqliteDocuments } from './sqliteCore.js';

/**
 * The SQLite adapter on the calling thread: every commit (and its fsync) blocks the event loop while it
 * runs. The server uses `SqliteWorkerStore` (sqliteWorkerStore.ts) instead; this one serves tests and
 * tools that want the file without a thread.
 */
export class SqliteStore implements DocumentStore {
  readonly kind = 'sqlite';
  private readonly docs: SqliteDocuments;

  /** `file` is a path, or ':memory:' for tests that do not need durability. */
  constructor(file: string) {
    if (file !== ':memory:') preparePrivateDatabase(file);
    this.docs = new SqliteDocuments(file);
  }

  async append(entries: AppendEntry[]): Promise<number[]> {
    return this.docs.append(entries);
  }

  async load(docId: string): Promise<LoadedDocument> {
    return this.docs.load(docId);
  }

  async compact(docId: string, snapshot: Uint8Array, uptoSeq: number): Promise<void> {
    this.docs.compact(docId, snapshot, uptoSeq);
  }

  async delete(docId: string): Promise<void> {
    this.docs.delete(docId);
  }

  async scrubFreedSpace(): Promise<void> {
    this.docs.scrubFreedSpace();
  }

  async stats(docId: string): Promise<DocumentStats> {
    return this.docs.stats(docId);
  }

  /** The durability pragmas of this connection (synchronous is per connection, so only the store can tell). */
  pragmas(): { journalMode: string; synchronous: number } {
    return this.docs.pragmas();
  }

  async ping(): Promise<void> {
    this.docs.ping();
  }

  async close(): Promise<void> {
    this.docs.close();
  }
}
