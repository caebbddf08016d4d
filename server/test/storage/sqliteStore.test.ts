import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SqliteStore } from '../../src/storage/sqliteStore.js';
import { runStoreSuite } from './storeSuite.js';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'samenspraak-sqlite-'));
const file = path.join(dir, 'store.db');

runStoreSuite('sqlite', async () => new SqliteStore(file));

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
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});
