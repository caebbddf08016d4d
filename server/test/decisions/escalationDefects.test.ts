/**
 * Reported defects of the escalation ladder, against the real server (domain §5; 004 actie 4):
 *  - the Doorbraakteam could be reached with an empty (not signed-off) analysis;
 *  - a DBT case could be closed without any breakthrough session or commitment;
 *  - "6 weeks after a measure" sent the case to the DBT, in every region, where the source sends it to
 *    the RET's regional doorbraakaanpak and only in the region that proposed it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { escalationDb } from '../../src/escalation/escalationDb.js';
import { type CaseHarness, startCaseServer } from '../cases/support.js';
import { countRows, type LadderTeam, ladderTeam, STEP } from '../escalation/support.js';
import { regionAdmin, signOffAnalysis } from './support.js';

let h: CaseHarness;
beforeAll(async () => {
  h = await startCaseServer();
});
afterAll(async () => {
  await h?.close();
});

const url = (team: LadderTeam) => `/api/cases/${team.caseId}/escalation`;

async function toBenNh(team: LadderTeam) {
  expect((await h.api(team.lokaal, 'POST', url(team), { to: 'ret', ...STEP })).status).toBe(201);
  expect((await h.api(team.regisseur, 'POST', url(team), { to: 'ben-nh', ...STEP })).status).toBe(201);
}

async function measureDaysAgo(team: LadderTeam, days: number) {
  const measure = new Date(h.now().getTime() - days * 86_400_000).toISOString();
  await escalationDb(h.db)
    .updateTable('cases')
    .set({ measure_started_at: measure })
    .where('id', '=', team.caseId)
    .execute();
}

describe('defect: the DBT reached with an empty analysis (domain §5: only cases with an analysis)', () => {
  it('refuses BEN-NH → DBT without a signed-off analysis, in Dutch, and writes no step', async () => {
    const team = await ladderTeam(h);
    await toBenNh(team);
    const before = await countRows(h, 'escalation_steps');
    const res = await h.api(team.regisseur, 'POST', url(team), { to: 'dbt', ...STEP });
    expect(res.status).toBe(409);
    expect(res.body.error?.id).toBe('analysis_not_signed_off');
    expect((res.body.error as { text?: string }).text).toMatch(/vastgestelde verklarende analyse/);
    expect(await countRows(h, 'escalation_steps')).toBe(before);
  });
});

describe('defect: a DBT case closed with zero sessions and commitments (domain §5)', () => {
  it('refuses scaling down or closing from the DBT before a session with an outcome', async () => {
    const team = await ladderTeam(h);
    await signOffAnalysis(h, team);
    await toBenNh(team);
    expect((await h.api(team.regisseur, 'POST', url(team), { to: 'dbt', ...STEP })).status).toBe(201);
    const before = await countRows(h, 'escalation_steps');
    for (const to of ['gesloten', 'ben-nh']) {
      const res = await h.api(team.regisseur, 'POST', url(team), { to, ...STEP });
      expect(res.status).toBe(409);
      expect(res.body.error?.id).toBe('dbt_not_settled');
      expect((res.body.error as { text?: string }).text).toMatch(/doorbraaksessie/);
    }
    expect(await countRows(h, 'escalation_steps')).toBe(before);
  });
});

describe('defect: the 6-weeks-after-a-measure rule (004 actie 4) goes to the RET, per region', () => {
  it('never lets the GI skip to the DBT', async () => {
    const team = await ladderTeam(h);
    await signOffAnalysis(h, team);
    await measureDaysAgo(team, 50);
    const res = await h.api(team.gi, 'POST', url(team), { to: 'dbt', ...STEP });
    expect(res.status).toBe(409);
    expect(res.body.error?.id).toBe('transition_refused');
  });

  it('refuses the doorbraakaanpak where the region has not switched the rule on', async () => {
    const team = await ladderTeam(h);
    await measureDaysAgo(team, 50);
    const res = await h.api(team.gi, 'POST', url(team), { to: 'ret', doorbraakaanpak: true, ...STEP });
    expect(res.status).toBe(409);
    expect(res.body.error?.id).toBe('west_friesland_rule_off');
    expect((res.body.error as { text?: string }).text).toMatch(/regio/);
  });

  it('with the rule on, the GI escalates to the RET’s doorbraakaanpak once 6 weeks passed', async () => {
    const team = await ladderTeam(h);
    const admin = await regionAdmin(h, 'Alkmaar (Noord-Kennemerland)');
    const put = await h.api(admin, 'PUT', '/api/regions/Alkmaar%20(Noord-Kennemerland)/settings', {
      westFrieslandRule: true,
    });
    expect(put.status, JSON.stringify(put.body)).toBe(200);
    try {
      await measureDaysAgo(team, 41);
      const early = await h.api(team.gi, 'POST', url(team), { to: 'ret', doorbraakaanpak: true, ...STEP });
      expect(early.status).toBe(409);
      expect(early.body.error?.id).toBe('measure_clock_running');
      await measureDaysAgo(team, 43);
      const res = await h.api(team.gi, 'POST', url(team), { to: 'ret', doorbraakaanpak: true, ...STEP });
      expect(res.status, JSON.stringify(res.body)).toBe(201);
      const view = await h.api<{ level: string; history: { doorbraakaanpak: boolean }[] }>(team.gi, 'GET', url(team));
      expect(view.body.level).toBe('ret');
      expect(view.body.history[0]?.doorbraakaanpak).toBe(true);
    } finally {
      await h.api(admin, 'PUT', '/api/regions/Alkmaar%20(Noord-Kennemerland)/settings', { westFrieslandRule: false });
    }
  });
});
