/**
 * Live notifications and the test clock: an overdue commitment reaches the RET process director (and
 * its author) on their sockets once the test clock passes its due date — once, not again; nobody else
 * gets it. And the test clock route exists only in test mode with SAMENSPRAAK_TEST_CLOCK=1.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { startTestServer } from '../support/testServer.js';
import { waitFor } from '../support/trackedClient.js';
import {
  call,
  escalateToDbt,
  type Live,
  type LiveHarness,
  type LiveTeam,
  live,
  liveTeam,
  type Person,
  professional,
  startLiveServer,
} from './liveSupport.js';

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('an overdue commitment, live', () => {
  let h: LiveHarness;
  let team: LiveTeam;
  let director: Person;
  let rLive: Live;
  let dLive: Live;
  let tLive: Live;
  let dueAt: Date;

  beforeAll(async () => {
    h = await startLiveServer({ testClock: true });
    team = await liveTeam(h);
    await escalateToDbt(h, team);
    const session = await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/breakthrough-sessions`,
      { scheduledAt: h.clock.now.toISOString(), followUpDays: 30 },
      201,
    );
    director = await professional(h, 'dbt-lid');
    await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/breakthrough-sessions/${session.session.id}/invitations`,
      { userId: director.userId },
      201,
    );
    dueAt = new Date(h.clock.now.getTime() + 10 * 60_000);
    await call(
      director,
      'POST',
      `/api/cases/${team.caseId}/commitments`,
      {
        organisation: 'Jeugdhulp De Duinen',
        what: 'een woonplek',
        lawOrBudget: 'Jeugdwet',
        dueAt: dueAt.toISOString(),
      },
      201,
    );
    rLive = await live(h, team.regisseur);
    dLive = await live(h, director);
    tLive = await live(h, team.teacher);
  });
  afterAll(async () => {
    await h?.close();
  });

  it('nothing is pushed while the commitment is not yet due', async () => {
    await h.server.services.caseEvents.clockMoved();
    await pause(200);
    expect(rLive.notifications).toEqual([]);
    expect(dLive.notifications).toEqual([]);
  });

  it('once the test clock passes the due date, the process director and the author are alerted', async () => {
    const later = new Date(dueAt.getTime() + 5 * 60_000).toISOString();
    const res = await fetch(`${h.server.url}/api/test/clock`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ now: later }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ now: later });
    await waitFor(() => rLive.notifications.length > 0 && dLive.notifications.length > 0, 5000, 'notifications');
    for (const l of [rLive, dLive]) {
      expect(l.notifications).toEqual([
        {
          caseId: team.caseId,
          kind: 'commitment-overdue',
          message: 'Een toezegging uit de doorbraaksessie is niet op tijd nagekomen (uiterlijk 23-11-2026).',
          at: later,
        },
      ]);
    }
    // The teacher neither follows commitments up nor made one.
    expect(tLive.notifications).toEqual([]);
    // What the socket said is what the list says.
    const list = await call(team.regisseur, 'GET', '/api/notifications', undefined, 200);
    expect(list.notifications.map((n: { kind: string }) => n.kind)).toContain('commitment-overdue');
  });

  it('is pushed once: another run or a new connection sends nothing again (the table remembers)', async () => {
    await h.server.services.caseEvents.clockMoved();
    const again = await live(h, team.regisseur);
    await pause(300);
    expect(rLive.notifications).toHaveLength(1);
    expect(again.notifications).toEqual([]);
    const pushed = await h.server.services.db
      .selectFrom('access_log')
      .select(['user_id', 'source', 'outcome'])
      .where('detail', '=', 'live notification commitment-overdue')
      .execute();
    expect(pushed.map((p) => p.user_id).sort()).toEqual([team.regisseur.userId, director.userId].sort());
    expect(pushed.every((p) => p.source === 'server notifier' && p.outcome === 'success')).toBe(true);
    // What the bell showed is an inbox item now, once per notice.
    for (const who of [team.regisseur, director]) {
      const inbox = await call(who, 'GET', '/api/inbox', undefined, 200);
      const due = inbox.items.filter((i: { kind: string }) => i.kind === 'commitment-due');
      expect(due).toHaveLength(1);
      expect(due[0]).toMatchObject({
        link: `/zaken/${team.caseId}/doorbraak`,
        params: { notice: 'commitment-overdue', severity: 'urgent', overdue: 'true' },
      });
    }
  });
});

describe('the test clock route', () => {
  it('is only on with NODE_ENV=test and SAMENSPRAAK_TEST_CLOCK=1', () => {
    expect(loadConfig({ NODE_ENV: 'test', SAMENSPRAAK_TEST_CLOCK: '1' }).testClock).toBe(true);
    expect(loadConfig({ NODE_ENV: 'test' }).testClock).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test', SAMENSPRAAK_TEST_CLOCK: 'true' }).testClock).toBe(false);
    expect(loadConfig({ SAMENSPRAAK_TEST_CLOCK: '1' }).testClock).toBe(false);
    expect(
      loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40), SAMENSPRAAK_TEST_CLOCK: '1' }).testClock,
    ).toBe(false);
  });

  it('is absent by default: GET and PUT answer 404 and the clock does not move', async () => {
    const server = await startTestServer();
    try {
      expect(server.services.testClock).toBeNull();
      const put = await fetch(`${server.url}/api/test/clock`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: '2030-01-01T00:00:00Z' }),
      });
      expect(put.status).toBe(404);
      expect(((await put.json()) as { error: { id: string } }).error.id).toBe('not_found');
      expect((await fetch(`${server.url}/api/test/clock`)).status).toBe(404);
      expect(Math.abs(server.services.clock().getTime() - Date.now())).toBeLessThan(60_000);
    } finally {
      await server.close();
    }
  });

  it('when on, refuses a malformed time and otherwise sets the domain clock, which runs on', async () => {
    const server = await startTestServer({ testClock: true });
    try {
      const bad = await fetch(`${server.url}/api/test/clock`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: 'morgen' }),
      });
      expect(bad.status).toBe(400);
      expect(((await bad.json()) as { error: { id: string } }).error.id).toBe('invalid_request');
      const put = await fetch(`${server.url}/api/test/clock`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ now: '2030-01-01T00:00:00Z' }),
      });
      expect(put.status).toBe(200);
      const now = server.services.clock().getTime();
      expect(now).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
      expect(now).toBeLessThan(Date.parse('2030-01-01T00:01:00Z'));
      const read = (await (await fetch(`${server.url}/api/test/clock`)).json()) as { now: string };
      expect(Date.parse(read.now)).toBeGreaterThanOrEqual(Date.parse('2030-01-01T00:00:00Z'));
    } finally {
      await server.close();
    }
  });
});
