/**
 * The RET monitor: counts only, small counts suppressed, for the municipality and the RET only. And bad
 * input on every escalation route: a 400 that names the field, nothing written, nothing logged.
 */
import type { MonitorTable, MonitorView } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseHarness, lastSeq, logSince, startCaseServer, type TestUser } from '../cases/support.js';
import { countRows, escalateToDbt, type LadderTeam, ladderTeam } from './support.js';

let h: CaseHarness;
let team: LadderTeam;
let sessionId: string;

beforeAll(async () => {
  h = await startCaseServer();
  team = await ladderTeam(h);
  await escalateToDbt(h, team);
  const s = await h.api<{ session: { id: string } }>(
    team.regisseur,
    'POST',
    `/api/cases/${team.caseId}/breakthrough-sessions`,
    {
      scheduledAt: '2026-03-02T10:00:00Z',
      followUpDays: 30,
    },
  );
  sessionId = s.body.session.id;
  // Five cases in one region, so one cell is large enough to show.
  const registrant = await h.user({ role: 'lokaal-team', organisation: 'Sociaal team Velsen' });
  for (let i = 0; i < 5; i += 1) {
    const res = await h.api(registrant, 'POST', '/api/cases', {
      youngPerson: { name: `Kind Velsen ${i}`, dateOfBirth: '2010-01-01', municipality: 'Velsen' },
      region: 'IJmond',
      registeredBy: 'lokaal-team',
      problemCategories: ['schoolverzuim'],
      attendsSchool: false,
    });
    expect(res.status).toBe(201);
  }
});
afterAll(async () => {
  await h?.close();
});

describe('the monitor', () => {
  it('gives the municipality its own aggregates only (tables of fixed labels, no name, no id)', async () => {
    const gemeente = await h.user({ role: 'gemeente', organisation: 'Gemeente Velsen' });
    await h.db
      .updateTable('users')
      .set({ region: 'IJmond', municipality: 'Velsen' } as never)
      .where('id', '=', gemeente.id)
      .execute();
    const seq = await lastSeq(h.db);
    const res = await h.api<{ monitor: MonitorView }>(gemeente, 'GET', '/api/monitor');
    expect(res.status).toBe(200);
    const m = res.body.monitor;
    expect(m.scope).toEqual({ kind: 'gemeente', region: 'IJmond', municipality: 'Velsen' });
    const table = (id: string) => m.tables.find((t) => t.id === id) as MonitorTable;
    const registrants = table('aanmelders');
    expect(registrants.grandTotal).toBe(5);
    expect(registrants.cells[registrants.rows.indexOf('lokaal-team')]?.[registrants.columns.indexOf('2026')]).toBe(5);
    const problems = table('problemen');
    expect(problems.rowTotals[problems.rows.indexOf('schoolverzuim')]).toBe(5);
    const text = JSON.stringify(m);
    expect(text).not.toContain(team.caseId);
    expect(text).not.toMatch(/Noor Jansen|Kind Velsen|Jansen/);
    const entries = await logSince(h.db, seq);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ event: 'read', outcome: 'success', case_id: null, user_id: gemeente.id });
  });

  it('is for the municipality, the RET process director and BEN-NH only', async () => {
    await h.db
      .updateTable('users')
      .set({ region: 'Alkmaar (Noord-Kennemerland)' } as never)
      .where('id', '=', team.regisseur.id)
      .execute();
    expect((await h.api(team.regisseur, 'GET', '/api/monitor')).status).toBe(200);
    const seq = await lastSeq(h.db);
    for (const u of [team.provider, team.scientist, team.youngPerson]) {
      expect((await h.api(u, 'GET', '/api/monitor')).status).toBe(403);
    }
    expect((await logSince(h.db, seq)).map((e) => e.outcome)).toEqual(['denied', 'denied', 'denied']);
    expect((await h.api(null, 'GET', '/api/monitor')).status).toBe(401);
  });
});

describe('bad input on every route', () => {
  const cases: [string, string, (t: LadderTeam) => TestUser, unknown, RegExp][] = [
    ['escalation', 'POST', (t) => t.regisseur, { to: 'hemel', bottleneck: 'x', tried: 'y' }, /to must be one of/],
    [
      'escalation',
      'POST',
      (t) => t.regisseur,
      { to: 'gesloten', bottleneck: ' ', tried: 'y' },
      /bottleneck is required/,
    ],
    ['escalation', 'POST', (t) => t.regisseur, { to: 'gesloten', bottleneck: 'x' }, /tried/],
    ['escalation', 'POST', (t) => t.regisseur, { to: 'gesloten', bottleneck: 'x', tried: 'y', extra: 1 }, /extra/],
    ['breakthrough-sessions', 'POST', (t) => t.regisseur, { scheduledAt: 'morgen', followUpDays: 30 }, /scheduledAt/],
    [
      'breakthrough-sessions',
      'POST',
      (t) => t.regisseur,
      { scheduledAt: '2026-03-02T10:00:00Z', followUpDays: 0 },
      /followUpDays/,
    ],
    ['invitations', 'POST', (t) => t.regisseur, { userId: '' }, /userId/],
    ['invitations', 'POST', (t) => t.regisseur, {}, /userId/],
    [
      'commitments',
      'POST',
      (t) => t.regisseur,
      { organisation: 'X', what: 'Y', lawOrBudget: 'AWBZ', dueAt: '2026-04-01T00:00:00Z' },
      /lawOrBudget/,
    ],
    [
      'commitments',
      'POST',
      (t) => t.regisseur,
      { organisation: '', what: 'Y', lawOrBudget: 'Wmo', dueAt: '2026-04-01T00:00:00Z' },
      /organisation/,
    ],
    [
      'commitments',
      'POST',
      (t) => t.regisseur,
      { organisation: 'X', what: 'Y', lawOrBudget: 'Wmo', dueAt: '1 april' },
      /dueAt/,
    ],
  ];

  it.each(cases)(
    '%s %s (case %#) → 400 naming the field, nothing written or logged',
    async (route, method, who, body, message) => {
      const url =
        route === 'invitations'
          ? `/api/cases/${team.caseId}/breakthrough-sessions/${sessionId}/invitations`
          : `/api/cases/${team.caseId}/${route}`;
      const tables = ['escalation_steps', 'breakthrough_sessions', 'dbt_invitations', 'commitments', 'participants'];
      const before = await Promise.all(tables.map((t) => countRows(h, t)));
      const seq = await lastSeq(h.db);
      const res = await h.api(who(team), method, url, body);
      expect(res.status).toBe(400);
      expect(res.body.error?.message).toMatch(message);
      expect(await Promise.all(tables.map((t) => countRows(h, t)))).toEqual(before);
      expect(await logSince(h.db, seq)).toEqual([]);
    },
  );

  it('malformed JSON is a 400 too', async () => {
    const res = await h.raw(team.regisseur, 'POST', `/api/cases/${team.caseId}/escalation`, '{"to":', {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(400);
    expect(await countRows(h, 'escalation_steps')).toBe(3);
  });
});
