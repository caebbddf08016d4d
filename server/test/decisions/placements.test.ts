/**
 * Placement decisions through the real server (002 h1): refused without a (recent) signed-off analysis,
 * without a departure reason, without a gz-psycholoog for a closed placement — each in Dutch, with
 * nothing written; a decision stores the analysis version and asks the scientist for an update.
 */
import type { MonitorTable } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseHarness, startCaseServer, type TestUser } from '../cases/support.js';
import { addParticipant, countRows, type LadderTeam, ladderTeam } from '../escalation/support.js';
import { regionAdmin, signOffAnalysis } from './support.js';

let h: CaseHarness;
let team: LadderTeam;
let gz: TestUser;
const url = () => `/api/cases/${team.caseId}/placement-decisions`;
const decision = {
  kind: 'uithuisplaatsing',
  decision: 'Plaatsing in een gezinshuis in de regio',
  followsAnalysis: true,
};
type ErrorBody = { error?: { id: string; text?: string } };

beforeAll(async () => {
  h = await startCaseServer();
  team = await ladderTeam(h);
  gz = await h.user({ role: 'gz-psycholoog', name: 'Greet GZ' });
  await addParticipant(h, team, gz, 'gz-psycholoog');
});
afterAll(async () => {
  await h?.close();
});

async function refused(as: TestUser, body: unknown, status: number, id: string, text: RegExp) {
  const before = await countRows(h, 'placement_decisions');
  const res = await h.api<ErrorBody>(as, 'POST', url(), body);
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(res.body.error?.id).toBe(id);
  expect(res.body.error?.text).toMatch(text);
  expect(await countRows(h, 'placement_decisions')).toBe(before);
}

describe('defect: a placement could be decided without an analysis (002 h1)', () => {
  it('refuses without a signed-off analysis, in Dutch, writing nothing', async () => {
    await refused(team.gi, decision, 409, 'analysis_not_signed_off', /vastgestelde verklarende analyse/);
  });
});

describe('placement decisions', () => {
  it('only the GI, the behavioural scientist and the process director decide; clients not at all', async () => {
    await signOffAnalysis(h, team, 'Noor wil thuis wonen; school is het knelpunt');
    expect((await h.api(team.provider, 'POST', url(), decision)).status).toBe(403);
    expect((await h.api(team.lokaal, 'POST', url(), decision)).status).toBe(403);
    expect((await h.api(team.youngPerson, 'POST', url(), decision)).status).toBe(403);
  });

  it('bindend advies: a departure needs its reason', async () => {
    await refused(
      team.gi,
      { ...decision, followsAnalysis: false },
      400,
      'departure_reason_required',
      /Schrijf op waarom/,
    );
  });

  it('a closed placement names the independent gz-psycholoog on the case', async () => {
    const closed = { ...decision, kind: 'gesloten-plaatsing' };
    await refused(team.gi, closed, 400, 'gz_psycholoog_required', /GZ-psycholoog/);
    await refused(
      team.gi,
      { ...closed, gzPsycholoogId: team.provider.id },
      400,
      'gz_psycholoog_required',
      /GZ-psycholoog/,
    );
    const res = await h.api<{ decision: { gzPsycholoog: { name: string } } }>(team.gi, 'POST', url(), {
      ...closed,
      gzPsycholoogId: gz.id,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body.decision.gzPsycholoog.name).toBe('Greet GZ');
  });

  it('stores the analysis version, asks the scientist for an update, counts departures in the monitor', async () => {
    const res = await h.api<{ decision: { analysis: { name: string }; departureReason: string } }>(
      team.scientist,
      'POST',
      url(),
      {
        ...decision,
        followsAnalysis: false,
        departureReason: 'Het gezinshuis uit de analyse heeft geen plek',
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.decision.analysis.name).toMatch(/vastgesteld/);
    expect(res.body.decision.departureReason).toBe('Het gezinshuis uit de analyse heeft geen plek');
    const inbox = await h.db
      .selectFrom('inbox_items' as never)
      .select(['kind' as never, 'user_id' as never])
      .where('user_id' as never, '=', team.scientist.id as never)
      .execute();
    expect(inbox.map((i) => (i as { kind: string }).kind)).toContain('analysis-update-requested');
    // The young person reads the decisions of their own dossier (with the reason), the gz-psycholoog too.
    const read = await h.api<{ decisions: { followsAnalysis: boolean }[] }>(team.youngPerson, 'GET', url());
    expect(read.body.decisions.map((d) => d.followsAnalysis).sort()).toEqual([false, true]);
    expect((await h.api(gz, 'GET', url())).status).toBe(200);
    // The monitor counts one decision that follows the analysis and one that departs (its facts), and
    // publishes them only as '<5' or withheld: two decisions are a small count.
    const { monitorFacts } = await import('../../src/escalation/monitor.js');
    const facts = await monitorFacts(h.services, 'Alkmaar (Noord-Kennemerland)', h.now());
    expect(facts.placements.map((p) => `${p.year} ${p.row}`).sort()).toEqual(['2026 volgt-analyse', '2026 wijkt-af']);
    // The RET chair sees the monitor of the region on her account (users.region).
    await h.db
      .updateTable('users')
      .set({ region: 'Alkmaar (Noord-Kennemerland)' })
      .where('id', '=', team.regisseur.id)
      .execute();
    const monitor = await h.api<{ monitor: { tables: MonitorTable[] } }>(team.regisseur, 'GET', '/api/monitor');
    expect(monitor.status, JSON.stringify(monitor.body)).toBe(200);
    const table = monitor.body.monitor.tables.find((t) => t.id === 'plaatsingen');
    expect(table?.rows).toEqual(['volgt-analyse', 'wijkt-af']);
    const year = table?.columns.indexOf('2026') ?? -1;
    expect(year).toBeGreaterThanOrEqual(0);
    for (const row of table?.cells ?? []) expect(['<5', 'hidden']).toContain(row[year]);
  });

  it('refuses when the sign-off is older than the region’s "recent" (default 6 months)', async () => {
    const before = h.now().toISOString();
    h.setClock(new Date(Date.parse(before) + 200 * 86_400_000).toISOString());
    try {
      await refused(team.gi, decision, 409, 'analysis_too_old', /niet recent genoeg/);
      const admin = await regionAdmin(h, 'Alkmaar (Noord-Kennemerland)');
      const path = `/api/regions/${encodeURIComponent('Alkmaar (Noord-Kennemerland)')}/settings`;
      expect((await h.api(admin, 'PUT', path, { analysisRecentMonths: 12 })).status).toBe(200);
      expect((await h.api(team.gi, 'POST', url(), decision)).status).toBe(201);
    } finally {
      h.setClock(before);
    }
  });

  it('bad input is a Dutch 400 before anything is read', async () => {
    const res = await h.api<ErrorBody>(team.gi, 'POST', url(), { ...decision, kind: 'pleeggezin' });
    expect(res.status).toBe(400);
    expect(res.body.error?.text).toBeTruthy();
  });
});
