/**
 * A full disk, for real (a small tmpfs): writes are refused with a clear 503 the client has Dutch words
 * for — and so are reads, whose access-log entry cannot be written (fail closed) — the process keeps
 * running and serves again once space is back. Logging to a full disk neither crashes nor stalls it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createSession, SESSION_COOKIE } from '../../src/identity/sessions.js';
import {
  bornYearsAgo,
  type CaseHarness,
  caseWithTeam,
  START,
  startCaseServer,
  type TestUser,
} from '../cases/support.js';
import { assertBuilt, type Instance, killAllInstances, startInstance } from '../support/instances.js';
import { mountTmpfs, type Tmpfs, tmpfsAvailable } from '../support/tmpfs.js';

const canMount = tmpfsAvailable();

function mount(sizeKb: number): Tmpfs {
  const t = mountTmpfs(sizeKb);
  if (typeof t === 'string') throw new Error(t);
  return t;
}

/** Refused collaboration connections: each one is a warning line in the server's log. */
async function refusedConnections(url: string, n: number): Promise<void> {
  const wsUrl = url.replace(/^http/, 'ws');
  for (let i = 0; i < n; i += 10) {
    await Promise.all(
      Array.from(
        { length: 10 },
        () =>
          new Promise<void>((resolve) => {
            const ws = new WebSocket(`${wsUrl}/collab/case-x-analysis?token=not-a-token-${i}`);
            ws.on('close', () => resolve());
            ws.on('error', () => resolve());
          }),
      ),
    );
  }
}

async function healthy(url: string): Promise<number> {
  const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(5_000) });
  return res.status;
}

describe.skipIf(!canMount)('a full disk under the databases', () => {
  let disk: Tmpfs;
  let h: CaseHarness;
  beforeAll(async () => {
    disk = mount(4096);
    h = await startCaseServer({ dataDir: path.join(disk.dir, 'data') });
  });
  afterAll(async () => {
    await h?.close();
    disk?.unmount();
  });

  /** A signed-in caller whose session exists before the disk fills (the harness makes one per call). */
  async function caller(as: TestUser) {
    const session = await createSession(h.db, {
      userId: as.id,
      authenticated: true,
      remoteAddress: '127.0.0.1',
      userAgent: 'vitest',
      now: h.now(),
    });
    return async (method: string, url: string, body?: unknown) => {
      const res = await fetch(`${h.server.url}${url}`, {
        method,
        headers: {
          cookie: `${SESSION_COOKIE}=${session.token}`,
          'x-csrf-token': session.csrfToken,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(15_000),
      });
      return { status: res.status, body: (await res.json().catch(() => ({}))) as { error?: { id: string } } };
    };
  }

  it('refuses writes and reads with 503 storage_full, keeps running, and serves again when space returns', async () => {
    const team = await caseWithTeam(h, bornYearsAgo(START, 15));
    const regisseur = await caller(team.regisseur);
    const youngPerson = await caller(team.youngPerson);
    // An empty WAL, so the next write needs new space (a used WAL would be overwritten in place).
    await sql`PRAGMA wal_checkpoint(TRUNCATE)`.execute(h.db);
    disk.fill();

    const write = await regisseur('PUT', `/api/cases/${team.caseId}/status`, { status: 'analyse_en_planvorming' });
    expect(write).toMatchObject({ status: 503, body: { error: { id: 'storage_full' } } });
    expect(await youngPerson('GET', `/api/cases/${team.caseId}`)).toMatchObject({
      status: 503,
      body: { error: { id: 'storage_full' } },
    });
    expect(await healthy(h.server.url)).toBe(200);

    disk.free();
    expect(
      (await regisseur('PUT', `/api/cases/${team.caseId}/status`, { status: 'analyse_en_planvorming' })).status,
    ).toBe(200);
    expect((await youngPerson('GET', `/api/cases/${team.caseId}`)).status).toBe(200);
    expect((await h.services.accessLog.verify()).broken).toBeNull();
  });
});

describe.skipIf(!canMount)('logging', () => {
  let disk: Tmpfs | null = null;
  let instance: Instance | null = null;
  beforeAll(() => assertBuilt());
  afterEach(async () => {
    await killAllInstances();
    instance = null;
    disk?.unmount();
    disk = null;
  });

  it('to a full disk: the server starts, serves and stays up; lines flow again once space is back', async () => {
    disk = mount(1024);
    const logFile = path.join(disk.dir, 'server.log');
    const fd = fs.openSync(logFile, 'a');
    disk.fill();
    try {
      instance = await startInstance({ name: 'fulllog', output: fd, env: { LOG_LEVEL: 'info' } });
    } finally {
      fs.closeSync(fd);
    }
    await refusedConnections(instance.url, 200);
    expect(await healthy(instance.url)).toBe(200);
    expect(instance.alive).toBe(true);

    disk.free();
    const deadline = Date.now() + 15_000;
    while (!fs.readFileSync(logFile, 'utf8').includes('collab connection refused')) {
      if (Date.now() > deadline) throw new Error('no log line written after space returned');
      await refusedConnections(instance.url, 10);
    }
    expect(instance.alive).toBe(true);
  });
});
