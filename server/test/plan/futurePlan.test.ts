/**
 * Through the real server: the future plan's structured part (domain brief §4) — who writes what, the
 * reason a move near 18 needs, the half-year check computed from content (per case for professionals,
 * counts only for the municipality and the RET/BEN, failing cases only for the professionals on them).
 */
import { documentId } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  START,
  startCaseServer,
  type TestUser,
} from '../cases/support.js';
import { addParticipant } from '../escalation/support.js';

let h: CaseHarness;
let team: CaseTeam & { lokaal: TestUser; gi: TestUser };
let municipality: string;
type ErrorBody = { error?: { id: string; text?: string } };
type Check = { passing: boolean; checks: Record<string, boolean>; domainsNotEngaged: string[] } | null;
type Plan = {
  plan: {
    halfYearCheck: Check;
    domains: { domain: string; goal: string; youthComment: string; funderFrom18: string | null }[];
    big5: { item: string; derived: string; confirmed: string | null }[];
    moves: { nearEighteen: boolean; reason: string | null }[];
    mayWrite: { director: boolean; drafter: boolean; youth: boolean };
  };
};
const base = () => `/api/cases/${team.caseId}/future-plan`;
const put = (as: TestUser, domain: string, body: unknown) =>
  h.api<Plan & ErrorBody>(as, 'PUT', `${base()}/domains/${domain}`, body);
const get = (as: TestUser) => h.api<Plan & ErrorBody>(as, 'GET', base());

beforeAll(async () => {
  h = await startCaseServer();
  // 16½ on START (2026-03-01): 18 on 2027-09-01.
  const c = await caseWithTeam(h, bornYearsAgo(START, 16, 182), 'Sanne de Vries');
  const lokaal = await h.user({ role: 'lokaal-team', name: 'Lotte Lokaal' });
  const gi = await h.user({ role: 'jeugdbeschermer', name: 'Gijs GI' });
  team = { ...c, lokaal, gi };
  await addParticipant(h, team, lokaal, 'lokaal-team');
  await addParticipant(h, team, gi, 'jeugdbeschermer');
  const row = await h.db
    .selectFrom('cases')
    .select('municipality')
    .where('id', '=', team.caseId)
    .executeTakeFirstOrThrow();
  municipality = row.municipality;
});
afterAll(async () => {
  await h?.close();
});

describe('any text is not a plan (the reported defect)', () => {
  it('text in the plan document without a described life domain keeps "future plan required" and fails planExists', async () => {
    const doc = new Y.Doc();
    doc.getText('probe').insert(0, 'iets');
    await h.services.store.append([
      { docId: documentId(team.caseId, 'futurePlan'), update: Y.encodeStateAsUpdate(doc) },
    ]);
    doc.destroy();
    const res = await h.api<{ notifications: { caseId: string; kind: string }[] }>(
      team.lokaal,
      'GET',
      '/api/notifications',
    );
    expect(res.body.notifications).toContainEqual(
      expect.objectContaining({ caseId: team.caseId, kind: 'future-plan-required' }),
    );
    expect((await get(team.lokaal)).body.plan.halfYearCheck?.checks.planExists).toBe(false);
  });
});

describe('who writes what', () => {
  it('the young person and parents read the plan without the check; professionals see it failing without a plan', async () => {
    const youth = await get(team.youngPerson);
    expect(youth.status).toBe(200);
    expect(youth.body.plan.halfYearCheck).toBeNull();
    expect(youth.body.plan.mayWrite).toEqual({ director: false, drafter: false, youth: true });
    const pro = await get(team.lokaal);
    expect(pro.body.plan.halfYearCheck?.passing).toBe(false);
    expect(pro.body.plan.halfYearCheck?.checks.planExists).toBe(false);
  });

  it('the provider drafts situation and goal but not the funding; the refusal is Dutch and writes nothing', async () => {
    const ok = await put(team.provider, 'wonen', { situation: 'Woont in een gezinshuis', goal: 'Kamertraining' });
    expect(ok.status).toBe(200);
    const refused = await put(team.provider, 'wonen', { funderFrom18: 'Wmo' });
    expect(refused.status).toBe(403);
    expect(refused.body.error?.id).toBe('plan_field_forbidden');
    expect(refused.body.error?.text).toMatch(/lokale team/);
    expect((await get(team.lokaal)).body.plan.domains.find((d) => d.domain === 'wonen')?.funderFrom18).toBeNull();
  });

  it('only the young person writes their comment; they write nothing else; parents without consent reach nothing', async () => {
    expect((await put(team.youngPerson, 'wonen', { youthComment: 'Ik wil in Alkmaar blijven' })).status).toBe(200);
    expect((await put(team.youngPerson, 'wonen', { goal: 'anders' })).status).toBe(403);
    expect((await put(team.lokaal, 'wonen', { youthComment: 'namens haar' })).status).toBe(403);
    // From 16 the parents see the case only with the young person's consent: without it, not even that it exists.
    expect((await put(team.parent, 'wonen', { situation: 'x' })).status).toBe(404);
    const plan = (await get(team.lokaal)).body.plan;
    expect(plan.domains.find((d) => d.domain === 'wonen')).toMatchObject({
      goal: 'Kamertraining',
      youthComment: 'Ik wil in Alkmaar blijven',
    });
  });

  it('bad input is a 400 and an unknown domain a 404', async () => {
    expect((await put(team.lokaal, 'wonen', { funderFrom18: 'Belastingdienst' })).status).toBe(400);
    expect((await put(team.lokaal, 'wonen', { switchArrangedOn: '1 maart' })).status).toBe(400);
    expect((await put(team.lokaal, 'maan', { goal: 'x' })).status).toBe(404);
  });
});

describe('the half-year check flips on content', () => {
  it('a switch at 18 without a date and contact fails newFunderEngaged; the director arranges it and it passes', async () => {
    const r = await put(team.lokaal, 'wonen', { funderNow: 'Jeugdwet', funderFrom18: 'Wmo' });
    expect(r.status).toBe(200);
    expect(r.body.plan.halfYearCheck).toMatchObject({
      passing: false,
      checks: { planExists: true, newFunderEngaged: false, updatedRecently: true },
      domainsNotEngaged: ['wonen'],
    });
    const failing = await h.api<{ cases: { caseId: string; failing: string[] }[] }>(
      team.lokaal,
      'GET',
      '/api/future-plan/half-year-check/failing',
    );
    expect(failing.body.cases).toContainEqual(
      expect.objectContaining({ caseId: team.caseId, failing: ['newFunderEngaged'] }),
    );
    // The GI directs with the local team under a measure: they arrange the switch.
    const arranged = await put(team.gi, 'wonen', {
      switchArrangedOn: '2026-02-20',
      switchContact: 'Karin de Wit, Wmo-consulent',
    });
    expect(arranged.body.plan.halfYearCheck?.passing).toBe(true);
    const none = await h.api<{ cases: unknown[] }>(team.lokaal, 'GET', '/api/future-plan/half-year-check/failing');
    expect(none.body.cases).toEqual([]);
  });

  it('a plan not changed for six months fails updatedRecently', async () => {
    h.setClock('2026-09-02T10:00:00.000Z');
    try {
      const r = await get(team.lokaal);
      expect(r.body.plan.halfYearCheck?.checks.updatedRecently).toBe(false);
    } finally {
      h.setClock(START);
    }
  });

  it('the failing list is for professionals on the case only', async () => {
    const outsider = await h.user({ role: 'lokaal-team', name: 'Otto Ander' });
    expect((await h.api(outsider, 'GET', `${base()}`)).status).toBe(404);
    const list = await h.api<{ cases: unknown[] }>(outsider, 'GET', '/api/future-plan/half-year-check/failing');
    expect(list.body.cases).toEqual([]);
    expect((await h.api(team.youngPerson, 'GET', '/api/future-plan/half-year-check/failing')).status).toBe(403);
  });
});

describe('BIG5 and the supporter', () => {
  it('the local team confirms a BIG5 item; the provider may not', async () => {
    expect((await h.api(team.provider, 'PUT', `${base()}/big5`, { item: 'wonen', status: 'stabiel' })).status).toBe(
      403,
    );
    const r = await h.api<Plan>(team.lokaal, 'PUT', `${base()}/big5`, { item: 'werkSchool', status: 'nvt' });
    expect(r.status).toBe(200);
    expect(r.body.plan.big5.find((b) => b.item === 'werkSchool')).toMatchObject({
      derived: 'nog_niet',
      confirmed: 'nvt',
    });
  });
  it('the young person names their JIM; the provider may not', async () => {
    expect(
      (await h.api(team.youngPerson, 'PUT', `${base()}/supporter`, { kind: 'jim', name: 'Tante Els' })).status,
    ).toBe(200);
    expect((await h.api(team.provider, 'PUT', `${base()}/supporter`, { kind: 'jim', name: 'x' })).status).toBe(403);
  });
});

describe('a change of funding at 18 is never a reason to move', () => {
  it('a move within six months of the 18th birthday without a reason is refused in Dutch and not stored', async () => {
    const refused = await h.api<ErrorBody>(team.lokaal, 'POST', `${base()}/moves`, { movedOn: '2027-08-15' });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.id).toBe('move_reason_required');
    expect(refused.body.error?.text).toMatch(/nooit een reden om te verhuizen/);
    const noWords = await h.api<ErrorBody>(team.lokaal, 'POST', `${base()}/moves`, {
      movedOn: '2027-08-15',
      reason: 'eigen_keuze',
    });
    expect(noWords.status).toBe(400);
    expect((await get(team.lokaal)).body.plan.moves).toEqual([]);
    const ok = await h.api<Plan>(team.lokaal, 'POST', `${base()}/moves`, {
      movedOn: '2027-08-15',
      reason: 'eigen_keuze',
      explanation: 'Sanne wil dichter bij haar opleiding wonen',
    });
    expect(ok.status).toBe(201);
    expect(ok.body.plan.moves).toEqual([expect.objectContaining({ nearEighteen: true, reason: 'eigen_keuze' })]);
  });
  it('a move far from 18 needs no reason; the young person does not record moves', async () => {
    expect((await h.api(team.lokaal, 'POST', `${base()}/moves`, { movedOn: '2026-01-10' })).status).toBe(201);
    expect((await h.api(team.youngPerson, 'POST', `${base()}/moves`, { movedOn: '2026-01-10' })).status).toBe(403);
  });
});

describe('counts for the municipality and the RET/BEN: numbers only', () => {
  let gemeente: TestUser;
  it("a policy officer reads their municipality's counts, never names; another municipality is refused", async () => {
    gemeente = await h.user({ role: 'gemeente', name: 'Greet Gemeente', organisation: 'Gemeente test' });
    const noScope = await h.api<ErrorBody>(gemeente, 'GET', '/api/future-plan/half-year-check/counts');
    expect(noScope.status).toBe(403);
    expect(noScope.body.error?.id).toBe('no_municipality');
    await h.db
      .updateTable('users')
      .set({ municipality } as never)
      .where('id', '=', gemeente.id)
      .execute();
    const r = await h.api<{ counts: Record<string, unknown> }>(
      gemeente,
      'GET',
      '/api/future-plan/half-year-check/counts',
    );
    expect(r.status).toBe(200);
    expect(r.body.counts).toMatchObject({
      scope: { municipality, region: null },
      overall: { total: '<5' },
      suppressedBelow: 5,
    });
    expect(JSON.stringify(r.body)).not.toMatch(/Sanne|Karin|Kamertraining/);
    const other = await h.api(gemeente, 'GET', '/api/future-plan/half-year-check/counts?municipality=Hoorn');
    expect(other.status).toBe(403);
  });

  it('an RET process director and a BEN adviser read their region; a provider is refused', async () => {
    const ben = await h.user({ role: 'ben-adviseur', name: 'Bea BEN' });
    await h.db.updateTable('users').set({ region: 'Alkmaar (Noord-Kennemerland)' }).where('id', '=', ben.id).execute();
    const r = await h.api<{ counts: { scope: unknown; perRegion: { region: string }[] } }>(
      ben,
      'GET',
      '/api/future-plan/half-year-check/counts',
    );
    expect(r.status).toBe(200);
    expect(r.body.counts.perRegion.map((x) => x.region)).toEqual(['Alkmaar (Noord-Kennemerland)']);
    expect(
      (await h.api(ben, 'GET', '/api/future-plan/half-year-check/counts?region=Zaanstreek-Waterland')).status,
    ).toBe(403);
    expect((await h.api(team.provider, 'GET', '/api/future-plan/half-year-check/counts')).status).toBe(403);
  });

  it('halfYearCheckCounts counts exact numbers per check for the server (the monitor publishes them)', async () => {
    const { halfYearCheckCounts } = await import('../../src/plan/halfYearCounts.js');
    const raw = await halfYearCheckCounts(h.services, { municipality });
    expect(raw.overall).toEqual({ total: 1, passing: 1, failing: 0 });
    expect(raw.perCheck.newFunderEngaged).toEqual({ total: 1, passing: 1, failing: 0 });
    expect(raw.movesNearEighteen.eigen_keuze).toBe(1);
  });
});
