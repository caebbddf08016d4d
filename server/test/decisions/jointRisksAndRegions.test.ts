/**
 * Through the real server: "pas op de plaats" joint risk records (002), the GI / local-team disagreement
 * record (004 actie 4), region settings (who reads, who changes, access-logged).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseHarness, lastSeq, logSince, startCaseServer, type TestUser } from '../cases/support.js';
import { countRows, type LadderTeam, ladderTeam } from '../escalation/support.js';
import { regionAdmin } from './support.js';

let h: CaseHarness;
let team: LadderTeam;
type ErrorBody = { error?: { id: string; text?: string } };
type Record = { record: { id: string; agreedByAll: boolean; agreements: { party: string; name: string }[] } };
const base = () => `/api/cases/${team.caseId}`;

beforeAll(async () => {
  h = await startCaseServer();
  team = await ladderTeam(h);
});
afterAll(async () => {
  await h?.close();
});

describe('002 "Pas op de plaats": risks weighed and borne jointly', () => {
  let recordId: string;
  it('a professional records the risks and who bears each; bad input is a Dutch 400, nothing written', async () => {
    const before = await countRows(h, 'joint_risk_records');
    const bad = await h.api<ErrorBody>(team.gi, 'POST', `${base()}/joint-risks`, {
      risks: [{ risk: 'x', bornBy: [] }],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error?.text).toBe('Niet alles is goed ingevuld.');
    expect((await h.api(team.parent, 'POST', `${base()}/joint-risks`, { risks: [] })).status).toBe(400);
    expect(await countRows(h, 'joint_risk_records')).toBe(before);
    const res = await h.api<Record>(team.gi, 'POST', `${base()}/joint-risks`, {
      risks: [
        { risk: 'Noor loopt weg tijdens de time-out', bornBy: ['ouders', 'gi', 'aanbieder'] },
        { risk: 'Crisis zonder spoedmachtiging', bornBy: ['jeugd-ggz', 'gi'] },
      ],
    });
    expect(res.status).toBe(201);
    recordId = res.body.record.id;
  });

  it('each side agrees through a person of that side, once; all four make it joint', async () => {
    const agree = (as: TestUser, party: string) =>
      h.api<Record & ErrorBody>(as, 'POST', `${base()}/joint-risks/${recordId}/agreements`, { party });
    const wrong = await agree(team.lokaal, 'gi');
    expect(wrong.status).toBe(403);
    const wrongParty = await agree(team.gi, 'ouders');
    expect(wrongParty.status).toBe(403);
    expect(wrongParty.body.error?.id).toBe('party_mismatch');
    expect(wrongParty.body.error?.text).toMatch(/eigen kant/);
    expect((await agree(team.parent, 'ouders')).status).toBe(201);
    expect((await agree(team.parent, 'ouders')).status).toBe(409);
    expect((await agree(team.gi, 'gi')).status).toBe(201);
    expect((await agree(team.provider, 'aanbieder')).status).toBe(201);
    // One person agrees for one side only: the provider cannot also agree for youth mental health.
    expect((await agree(team.provider, 'jeugd-ggz')).status).toBe(409);
    const last = await agree(team.scientist, 'jeugd-ggz');
    expect(last.status).toBe(201);
    expect(last.body.record.agreedByAll).toBe(true);
    const read = await h.api<{ records: { agreedByAll: boolean }[] }>(team.youngPerson, 'GET', `${base()}/joint-risks`);
    expect(read.body.records[0]?.agreedByAll).toBe(true);
  });
});

describe('004 actie 4: GI and local team disagree — help starts, evaluated afterwards', () => {
  it('GI or local team records it; the professionals list it for the evaluation; clients do not', async () => {
    const body = { helpStarted: 'Ambulante gezinsbehandeling', giView: 'Te licht', localTeamView: 'Past nu het best' };
    expect((await h.api(team.provider, 'POST', `${base()}/help-disagreements`, body)).status).toBe(403);
    expect((await h.api(team.lokaal, 'POST', `${base()}/help-disagreements`, { ...body, giView: ' ' })).status).toBe(
      400,
    );
    expect((await h.api(team.lokaal, 'POST', `${base()}/help-disagreements`, body)).status).toBe(201);
    const list = await h.api<{ disagreements: { helpStarted: string }[] }>(
      team.regisseur,
      'GET',
      `${base()}/help-disagreements`,
    );
    expect(list.body.disagreements.map((d) => d.helpStarted)).toEqual(['Ambulante gezinsbehandeling']);
    expect((await h.api(team.parent, 'GET', `${base()}/help-disagreements`)).status).toBe(403);
  });
});

describe('region settings', () => {
  const path = (r: string) => `/api/regions/${encodeURIComponent(r)}/settings`;
  it('defaults: analysis recent 6 months, the West-Friesland rule off', async () => {
    const admin = await regionAdmin(h, 'West-Friesland');
    const res = await h.api<{ settings: unknown }>(admin, 'GET', path('West-Friesland'));
    expect(res.body.settings).toMatchObject({
      analysisRecentMonths: 6,
      westFrieslandRule: false,
      wfContactDays: 14,
      wfEscalationDays: 42,
    });
  });

  it('only a beheerder of that region changes them; professionals of the region read; others get a Dutch refusal', async () => {
    const admin = await regionAdmin(h, 'West-Friesland');
    const otherAdmin = await regionAdmin(h, 'IJmond');
    const worker = await h.user({ role: 'jeugdbeschermer' });
    await h.db.updateTable('users').set({ region: 'West-Friesland' }).where('id', '=', worker.id).execute();
    const seq = await lastSeq(h.db);
    const denied = await h.api<ErrorBody>(otherAdmin, 'PUT', path('West-Friesland'), { westFrieslandRule: true });
    expect(denied.status).toBe(403);
    expect(denied.body.error?.id).toBe('region_forbidden');
    expect(denied.body.error?.text).toMatch(/beheerder van deze regio/);
    expect((await h.api(worker, 'PUT', path('West-Friesland'), { westFrieslandRule: true })).status).toBe(403);
    expect((await h.api(worker, 'GET', path('West-Friesland'))).status).toBe(200);
    expect((await h.api(team.youngPerson, 'GET', path('West-Friesland'))).status).toBe(404);
    expect((await h.api(admin, 'GET', path('Atlantis'))).status).toBe(404);
    const bad = await h.api<ErrorBody>(admin, 'PUT', path('West-Friesland'), { wfContactDays: 50 });
    expect(bad.status).toBe(400);
    const ok = await h.api<{ settings: { westFrieslandRule: boolean } }>(admin, 'PUT', path('West-Friesland'), {
      westFrieslandRule: true,
    });
    expect(ok.body.settings.westFrieslandRule).toBe(true);
    const log = await logSince(h.db, seq);
    expect(log.map((e) => `${e.event}:${e.outcome}`)).toEqual(
      expect.arrayContaining(['update:denied', 'read:success', 'update:failure', 'update:success']),
    );
  });
});
