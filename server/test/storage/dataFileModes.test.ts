/**
 * Everything the server writes under DATA_DIR is about children and the people around them, or secures
 * it: files are 0600 and folders 0700 (owner only), whatever the umask, including SQLite's -wal and -shm
 * files, the generated signing secret, and a DATA_DIR that already existed with wider rights.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createPro } from '../identity/harness.js';
import { startTestServer, tempDir } from '../support/testServer.js';

const servers: Array<Awaited<ReturnType<typeof startTestServer>>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** path (relative to dir) → permission bits, for dir itself and everything below it. */
function modes(dir: string): Record<string, string> {
  const out: Record<string, string> = { '.': (fs.statSync(dir).mode & 0o777).toString(8) };
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const full = path.join(entry.parentPath, entry.name);
    out[path.relative(dir, full)] = (fs.statSync(full).mode & 0o777).toString(8);
  }
  return out;
}

async function startAndWrite(dataDir: string) {
  const server = await startTestServer({ dataDir, authSecret: null });
  servers.push(server);
  await createPro(server.services.db);
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'geheim');
  await server.store.append([{ docId: 'file-modes', update: Y.encodeStateAsUpdate(doc) }]);
  return server;
}

describe('files under DATA_DIR', () => {
  it('are 0600 and folders 0700 when the server creates DATA_DIR (umask 022)', async () => {
    const previous = process.umask(0o022);
    try {
      const dataDir = path.join(tempDir(), 'data');
      await startAndWrite(dataDir);
      const found = modes(dataDir);
      // The files this test means to cover are really there (SQLite in WAL mode, the dev secret).
      for (const name of [
        'auth-secret',
        'app.db',
        'app.db-wal',
        'app.db-shm',
        'samenspraak.db',
        'samenspraak.db-wal',
      ]) {
        expect(Object.keys(found)).toContain(name);
      }
      const wrong = Object.entries(found).filter(([name, mode]) => {
        const isDir = fs.statSync(path.join(dataDir, name)).isDirectory();
        return mode !== (isDir ? '700' : '600');
      });
      expect(wrong).toEqual([]);
    } finally {
      process.umask(previous);
    }
  });

  it('tightens a DATA_DIR and files that existed with wider rights', async () => {
    const dataDir = path.join(tempDir(), 'data');
    fs.mkdirSync(dataDir, { mode: 0o755 });
    fs.chmodSync(dataDir, 0o755);
    fs.writeFileSync(path.join(dataDir, 'app.db'), '');
    fs.chmodSync(path.join(dataDir, 'app.db'), 0o644);
    await startAndWrite(dataDir);
    const found = modes(dataDir);
    expect(found['.']).toBe('700');
    expect(found['app.db']).toBe('600');
    expect(found['app.db-wal']).toBe('600');
  });
});
