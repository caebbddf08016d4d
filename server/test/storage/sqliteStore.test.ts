import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/storage/sqliteStore.js';
import { SqliteWorkerStore } from '../../src/storage/sqliteWorkerStore.js';
import { runStoreSuite } from './storeSuite.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-sqlite-'));
const file = path.join(dir, 'store.db');

runStoreSuite('sqlite', async () => new SqliteStore(file));
// The server's adapter: the same file format, its connection in a worker thread.
runStoreSuite('sqlite (worker thread)', async () => new SqliteWorkerStore(path.join(dir, 'worker.db')));

describe('SqliteStore durability settings', () => {
  it('runs in WAL mode with synchronous=FULL', async () => {
    const store = new SqliteStore(path.join(dir, 'pragmas.db'));
    try {
      // synchronous=FULL (2) is what makes a committed append fsync'd in WAL mode.
      expect(store.pragmas()).toEqual({ journalMode: 'wal', synchronous: 2 });
    } finally {
      await store.close();
    }
  });

  it('the worker thread connection runs in WAL mode with synchronous=FULL too', async () => {
    const store = new SqliteWorkerStore(path.join(dir, 'pragmas-worker.db'));
    try {
      expect(await store.pragmas()).toEqual({ journalMode: 'wal', synchronous: 2 });
    } finally {
      await store.close();
    }
  });

  it('a SQLite error keeps its code across the thread (disk full is told apart by it)', async () => {
    const store = new SqliteWorkerStore(path.join(dir, 'errors-worker.db'));
    try {
      // A log row without a document id violates NOT NULL: SQLite's own error, raised in the worker.
      const bad = [{ docId: null as unknown as string, update: new Uint8Array([0]) }];
      await expect(store.append(bad)).rejects.toMatchObject({ code: 'SQLITE_CONSTRAINT_NOTNULL' });
      // And the store still works after it.
      expect((await store.append([{ docId: 'x', update: new Uint8Array([1, 2]) }])).length).toBe(1);
    } finally {
      await store.close();
    }
  });
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
