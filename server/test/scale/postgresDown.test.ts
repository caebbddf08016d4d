/**
 * Postgres goes away under a running instance. A throwaway database is created for this file and made
 * unreachable for real: existing sessions are terminated and new ones refused (ALLOW_CONNECTIONS false).
 * While it is down nothing is reported saved, /readyz says 503 "not-ready", the server keeps running and
 * the client keeps its edits; once connections are allowed again the edits become saved and are stored.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { PostgresStore } from '../../src/storage/postgresStore.js';
import { Editor, missingMarks } from '../support/coEditing.js';
import { DATABASE_URL, describeWithServices, withPg } from '../support/services.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { sleep, waitFor } from '../support/trackedClient.js';

const dbName = `samenspraak_down_${randomBytes(5).toString('hex')}`;
const ident = pg.escapeIdentifier(dbName);
const dbUrl = (() => {
  const u = new URL(DATABASE_URL);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

let server: Awaited<ReturnType<typeof startTestServer>> | null = null;
let editorRef: Editor | null = null;
let created = false;

async function admin(sql: string): Promise<void> {
  await withPg(DATABASE_URL, async (c) => {
    await c.query(sql);
  });
}

async function takeDown(): Promise<void> {
  await admin(`ALTER DATABASE ${ident} ALLOW_CONNECTIONS false`);
  await withPg(DATABASE_URL, (c) =>
    c.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
      dbName,
    ]),
  );
}

async function bringBack(): Promise<void> {
  await admin(`ALTER DATABASE ${ident} ALLOW_CONNECTIONS true`);
}

async function readyz(url: string) {
  const res = await fetch(`${url}/readyz`);
  return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, string> } };
}

await describeWithServices('Postgres unavailable under a running instance', { postgres: true }, () => {
  beforeAll(async () => {
    await admin(`CREATE DATABASE ${ident}`);
    created = true;
    const store = await PostgresStore.open(dbUrl, {
      connectionTimeoutMillis: 1000,
      statementTimeoutMillis: 2000,
      onPoolError: () => {}, // terminated idle connections are expected here
    });
    server = await startTestServer({}, { store });
  });

  afterAll(async () => {
    editorRef?.destroy();
    if (created) await bringBack().catch(() => {});
    await server?.close();
    if (created) await admin(`DROP DATABASE IF EXISTS ${ident} WITH (FORCE)`).catch(() => {});
  });

  it('reports nothing saved while it is down, answers 503, and saves everything once it is back', async () => {
    const srv = server!;
    const docId = `pg-down-${randomBytes(4).toString('hex')}`;
    const editor = new Editor('e', srv.wsUrl, docId, await tokenFor({ [docId]: 'write' }));
    editorRef = editor;
    await waitFor(() => editor.client.provider.synced, 5000, 'sync');
    for (let i = 0; i < 5; i++) editor.edit();
    await waitFor(() => editor.client.allSaved, 5000, 'saved while Postgres is up');
    expect((await readyz(srv.url)).body.status).toBe('ready');

    await takeDown();
    const before = new Set(editor.confirmed);
    const during: string[] = [];
    for (let i = 0; i < 10; i++) {
      during.push(editor.edit());
      await sleep(100);
    }
    await sleep(1500);
    // Not one edit made while the database was down is reported saved, and the client still has them.
    expect([...editor.confirmed].filter((m) => !before.has(m))).toEqual([]);
    expect(editor.client.allSaved).toBe(false);
    expect(missingMarks(editor.text, during)).toEqual([]);
    const down = await readyz(srv.url);
    expect(down.status).toBe(503);
    expect(down.body.status).toBe('not-ready');
    expect(down.body.checks.store).not.toBe('ok');
    // Alive: still serving HTTP and the WebSocket.
    expect((await fetch(`${srv.url}/healthz`)).status).toBe(200);
    expect(editor.client.provider.wsconnected).toBe(true);

    await bringBack();
    await waitFor(() => editor.client.allSaved, 20_000, 'the edits to be saved after Postgres is back');
    const confirmed = editor.confirmed;
    expect(during.filter((m) => !confirmed.has(m))).toEqual([]);
    let status = '';
    for (let i = 0; i < 50 && status !== 'ready'; i++) {
      status = (await readyz(srv.url)).body.status;
      if (status !== 'ready') await sleep(200);
    }
    expect(status).toBe('ready');

    const check = await PostgresStore.open(dbUrl);
    try {
      const loaded = await check.load(docId);
      const doc = new Y.Doc();
      if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
      for (const e of loaded.tail) Y.applyUpdate(doc, e.update);
      expect(missingMarks(doc.getText('t').toString(), editor.marks)).toEqual([]);
    } finally {
      await check.close();
    }
  });
});
