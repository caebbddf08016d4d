/**
 * The clock facts route: each fact is recorded by the roles that know it, never in the future, and the
 * clocks (and the escalation view) follow at once; every attempt is logged.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseHarness, lastSeq, logSince, START, startCaseServer } from '../cases/support.js';
import { regionAdmin } from '../decisions/support.js';
import { type LadderTeam, ladderTeam } from './support.js';

let h: CaseHarness;
let team: LadderTeam;
const url = () => `/api/cases/${team.caseId}/clock-facts`;
const day = (n: number) => new Date(new Date(START).getTime() + n * 86_400_000).toISOString();

type Facts = {
  facts: Record<string, string | null>;
  notices: Array<{ kind: string; dueAt: string; overdue: boolean }>;
};

beforeAll(async () => {
  h = await startCaseServer();
  team = await ladderTeam(h);
});
afterAll(async () => {
  await h?.close();
});

describe('PUT /api/cases/:id/clock-facts', () => {
  it('refuses bad bodies with 400 before anything is read or written', async () => {
    const seq = await lastSeq(h.db);
    for (const [body, message] of [
      [{}, /give at least one of/],
      [{ measureStartedAt: 'gisteren' }, /expected an ISO date-time/],
      [{ measureStartedAt: '2026-02-30' }, /measureStartedAt/],
      [{ startedAt: day(-1) }, /Unrecognized key|startedAt/],
      [{ helpStartedAt: 5 }, /helpStartedAt/],
    ] as const) {
      const res = await h.api(team.gi, 'PUT', url(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.message).toMatch(message);
    }
    expect(await logSince(h.db, seq)).toEqual([]);
  });

  it('the GI records the measure; six weeks without help is a notice that escalation may follow', async () => {
    // Changed on purpose: the measure clock is the West-Friesland rule, only where the region uses it (004 actie 4).
    const admin = await regionAdmin(h, 'Alkmaar (Noord-Kennemerland)');
    const on = await h.api(
      admin,
      'PUT',
      `/api/regions/${encodeURIComponent('Alkmaar (Noord-Kennemerland)')}/settings`,
      {
        westFrieslandRule: true,
      },
    );
    expect(on.status).toBe(200);
    h.setClock(day(50));
    const res = await h.api<Facts>(team.gi, 'PUT', url(), { measureStartedAt: '2026-03-01' });
    expect(res.status).toBe(200);
    // A date is its local midnight in Amsterdam, and 42 local days later is midnight again, in summer
    // time (issue 13: these were UTC midnights, 01:00 and 02:00 local).
    expect(res.body.facts).toMatchObject({ measureStartedAt: '2026-02-28T23:00:00.000Z', helpStartedAt: null });
    expect(res.body.notices.find((n) => n.kind === 'measure-escalation')).toMatchObject({
      dueAt: '2026-04-11T22:00:00.000Z',
      overdue: true,
    });
    const read = await h.api<Facts>(team.regisseur, 'GET', url());
    expect(read.status).toBe(200);
    expect(read.body.facts.measureStartedAt).toBe('2026-02-28T23:00:00.000Z');
  });

  it('each fact only by the roles that know it; clients and outsiders not at all', async () => {
    const seq = await lastSeq(h.db);
    const provider = await h.api(team.provider, 'PUT', url(), { measureStartedAt: day(1) });
    expect(provider.status).toBe(403);
    expect(provider.body.error?.message).toMatch(/does not record measureStartedAt/);
    expect((await h.api(team.youngPerson, 'PUT', url(), { helpStartedAt: day(1) })).status).toBe(403);
    expect((await h.api(team.ben, 'PUT', url(), { helpStartedAt: day(1) })).status).toBe(403);
    const stranger = await h.user({ role: 'jeugdbeschermer' });
    expect((await h.api(stranger, 'PUT', url(), { measureStartedAt: day(1) })).status).toBe(404);
    const denied = (await logSince(h.db, seq)).filter((e) => e.outcome === 'denied');
    expect(denied).toHaveLength(4);
  });

  it('help in time stops the measure clock; a moment in the future is refused; null clears a fact', async () => {
    const future = await h.api(team.provider, 'PUT', url(), { helpStartedAt: day(51) });
    expect(future.status).toBe(400);
    expect(future.body.error?.message).toMatch(/helpStartedAt: lies in the future/);
    const help = await h.api<Facts>(team.provider, 'PUT', url(), { helpStartedAt: '2026-04-01T09:00:00+02:00' });
    expect(help.status).toBe(200);
    expect(help.body.facts.helpStartedAt).toBe('2026-04-01T07:00:00.000Z');
    expect(help.body.notices.map((n) => n.kind)).not.toContain('measure-escalation');
    expect(help.body.notices.map((n) => n.kind)).toContain('no-progress-analysis');
    const cleared = await h.api<Facts>(team.gi, 'PUT', url(), { measureStartedAt: null });
    expect(cleared.body.facts.measureStartedAt).toBeNull();
  });

  it('analysis completed is recorded by the sign-off, never typed; the plan check is the local team’s', async () => {
    // The sign-off records when the analysis was completed (endorsements/signOff.ts): nobody types it.
    const typed = await h.api<Facts>(team.scientist, 'PUT', url(), { analysisCompletedAt: day(40) });
    expect(typed.status).toBe(403);
    expect(typed.body.error?.message).toMatch(/does not record analysisCompletedAt/);
    const signedOff = new Date(day(40)).toISOString();
    await h.db
      .updateTable('cases')
      .set({ analysis_completed_at: signedOff } as never)
      .where('id', '=', team.caseId)
      .execute();
    const checked = await h.api<Facts>(team.lokaal, 'PUT', url(), { futurePlanCheckedAt: day(45) });
    expect(checked.status).toBe(200);
    expect(checked.body.facts.futurePlanCheckedAt).toBe(day(45));
    const escalation = await h.api<{ notices: Array<{ kind: string }> }>(
      team.regisseur,
      'GET',
      `/api/cases/${team.caseId}/escalation`,
    );
    expect(escalation.body.notices.map((n) => n.kind)).not.toContain('analysis-due');
    const log = await h.db
      .selectFrom('access_log')
      .select(['event', 'outcome', 'user_role', 'detail'])
      .where('case_id', '=', team.caseId)
      .where('detail', 'like', 'PUT /api/cases/:id/clock-facts%')
      .where('outcome', '=', 'success')
      .execute();
    expect(log.map((l) => `${l.user_role} ${l.detail.replace('PUT /api/cases/:id/clock-facts ', '')}`)).toEqual([
      'jeugdbeschermer clock facts measureStartedAt',
      'jeugdhulpaanbieder clock facts helpStartedAt',
      'jeugdbeschermer clock facts measureStartedAt',
      'lokaal-team clock facts futurePlanCheckedAt',
    ]);
  });
});
