/**
 * The access log has no side doors: issuing a document token and joining a case document's live channel
 * with a token are logged, and when the entry cannot be written (here: the real database refuses the
 * insert through a trigger) the token is not issued, the collaboration open is refused and the join
 * is refused — fail closed, never an unrecorded read.
 */
import { CloseCode, REALTIME_PATH } from '@samenspraak/shared';
import { sql } from 'kysely';
import { io } from 'socket.io-client';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { RightsFixture, type Site } from '../support/liveRights.js';
import { startTestServer } from '../support/testServer.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let fx: RightsFixture;
let site: Site;
const now = new Date('2026-03-01T10:00:00.000Z');

async function entriesAbout(userId: string, needle: string) {
  const rows = await server.services.db.selectFrom('access_log').selectAll().where('user_id', '=', userId).execute();
  return rows.filter((r) => r.detail.includes(needle));
}

/** From now on every access-log insert fails in the database itself. */
async function breakAccessLog(): Promise<void> {
  await sql`CREATE TRIGGER test_access_log_down BEFORE INSERT ON access_log
            BEGIN SELECT RAISE(ABORT, 'access log unavailable (test)'); END`.execute(server.services.db);
}

async function repairAccessLog(): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS test_access_log_down`.execute(server.services.db);
}

function joinWithToken(token: string, documentId: string): Promise<{ ok: boolean }> {
  const socket = io(server.url, {
    path: REALTIME_PATH,
    transports: ['websocket'],
    auth: { token },
    reconnection: false,
  });
  return new Promise((resolve, reject) => {
    socket.once('connect_error', reject);
    socket.once('connect', () => {
      socket
        .timeout(5000)
        .emitWithAck('document:join', { documentId })
        .then((ack: { ok: boolean }) => resolve(ack), reject)
        .finally(() => socket.disconnect());
    });
  });
}

beforeAll(async () => {
  server = await startTestServer({ notifyIntervalMs: 0 }, { clock: () => now });
  fx = new RightsFixture(server.services.db, () => now);
  site = { url: server.url };
});
afterEach(async () => {
  await repairAccessLog();
  fx.closeAll();
});
afterAll(async () => {
  await server?.close();
});

describe('access-log gaps', () => {
  it('issuing a document token is an access-log entry on the case', async () => {
    const t = await fx.team(site);
    await fx.documentToken(site, t.provider, t.docId);
    const entries = await entriesAbout(t.provider.id, `${t.docId}: document token issued`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      case_id: t.caseId,
      event: 'read',
      outcome: 'success',
      user_role: 'jeugdhulpaanbieder',
    });
  });

  it('a token socket joining a case document is an access-log entry', async () => {
    const t = await fx.team(site);
    const token = await fx.documentToken(site, t.provider, t.docId);
    expect((await joinWithToken(token, t.docId)).ok).toBe(true);
    const entries = await entriesAbout(t.provider.id, `socket.io document:join ${t.docId}`);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ case_id: t.caseId, outcome: 'success', user_role: 'jeugdhulpaanbieder' });
    expect(entries[0]?.source).toMatch(/realtime$/);
  });

  it('no token is issued while the access log cannot be written', async () => {
    const t = await fx.team(site);
    await breakAccessLog();
    const res = await fx.api(site, t.provider, 'POST', `/api/documents/${t.docId}/token`);
    expect(res.status).toBeGreaterThanOrEqual(500);
    expect(res.body?.token).toBeUndefined();
  });

  it('a collaboration open whose log entry fails is refused, and works once the log is back', async () => {
    const t = await fx.team(site);
    const token = await fx.documentToken(site, t.provider, t.docId);
    await breakAccessLog();
    const refused = fx.rawCollab(site, t.docId, token);
    expect((await refused.closed()).code).toBe(CloseCode.StoreUnavailable);
    expect(server.collab.loadedDocument(t.docId)).toBeUndefined();
    await repairAccessLog();
    const opened = fx.rawCollab(site, t.docId, token);
    await opened.ready();
    // The entry is written before the connection is admitted, so before its first message.
    expect(await entriesAbout(t.provider.id, `${t.docId}: opened`)).toHaveLength(1);
  });

  it('a token socket join whose log entry fails is refused', async () => {
    const t = await fx.team(site);
    const token = await fx.documentToken(site, t.provider, t.docId);
    await breakAccessLog();
    expect((await joinWithToken(token, t.docId)).ok).toBe(false);
  });
});
