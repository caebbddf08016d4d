/** seed-demo: every professional role, two cases (14 and 16½) in two regions, idempotent, and the logins work. */
import { ROLES, type Role, SECTIONS } from '@samenspraak/shared';
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DemoLogin, seedDemo } from '../../src/admin/commands/seedDemo.js';
import { seedDemoDocuments } from '../../src/admin/commands/seedDemoDocuments.js';
import { caseDb } from '../../src/cases/caseDb.js';
import { docFromStore } from '../../src/documents/content.js';
import { documentSections } from '../../src/documents/sections.js';
import { meetingDb } from '../../src/meetings/meetingDb.js';
import { type CaseHarness, startCaseServer } from './support.js';

let h: CaseHarness;
let first: DemoLogin[];

async function counts() {
  const n = async (table: 'users' | 'organisations' | 'cases' | 'participants' | 'access_log') =>
    Number(
      (
        await h.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return {
    users: await n('users'),
    organisations: await n('organisations'),
    cases: await n('cases'),
    participants: await n('participants'),
    log: await n('access_log'),
  };
}

beforeAll(async () => {
  h = await startCaseServer();
  first = await seedDemo(h.services);
});
afterAll(async () => {
  await h?.close();
});

describe('seedDemo', () => {
  it('creates a professional of every professional role with password and TOTP, and clients with passwords', () => {
    const professionalRoles = ROLES.filter((r) => r !== 'jeugdige' && r !== 'ouder');
    for (const role of professionalRoles) {
      const login = first.find((l) => l.role === role);
      expect(login, role).toBeDefined();
      expect(login?.password?.length).toBeGreaterThanOrEqual(10);
      expect(login?.otpauthUri).toMatch(/^otpauth:\/\/totp\//);
    }
    const clients = first.filter((l) => l.role === 'client');
    expect(clients).toHaveLength(4);
    for (const c of clients) expect(c.password).toBeTruthy();
  });

  it('creates two cases in different regions: a young person of 14 and one of 16½, each with a full team', async () => {
    const rows = await h.db.selectFrom('cases').selectAll().orderBy('id').execute();
    expect(rows.map((r) => r.region)).toEqual(['Alkmaar (Noord-Kennemerland)', 'West-Friesland']);
    const regisseur = await h.db
      .selectFrom('users')
      .select('id')
      .where('login', '=', 'ria.de.graaf@ret.example')
      .executeTakeFirstOrThrow();
    const parts = await h.db.selectFrom('participants').select(['case_id', 'role', 'user_id']).execute();
    for (const r of rows) {
      const roles = parts.filter((p) => p.case_id === r.id).map((p) => p.role);
      for (const needed of [
        'gedragswetenschapper',
        'onderwijsconsulent',
        'lokaal-team',
        'procesregisseur',
        'jeugdige',
        'ouder',
      ]) {
        expect(roles, `${r.id} ${needed}`).toContain(needed);
      }
      expect(roles.some((x) => x === 'jeugdbeschermer' || x === 'jeugdhulpaanbieder')).toBe(true);
      expect(r.responsible_scientist_id).not.toBeNull();
    }
    expect(parts.filter((p) => p.user_id === regisseur.id)).toHaveLength(2);
  });

  it("schedules a case meeting (MDO) on Daan's case, with its notes document, that Daan sees", async () => {
    const meetingsCount = async () =>
      Number(
        (
          await meetingDb(h.db)
            .selectFrom('meetings')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    expect(await meetingsCount()).toBe(1);
    const daan = await h.db
      .selectFrom('users')
      .selectAll()
      .where('login', '=', 'daan.visser')
      .executeTakeFirstOrThrow();
    const asDaan = { id: daan.id, name: daan.name, kind: 'client' as const, role: null, organisation: null };
    const list = await h.api<{ meetings: Array<{ id: string; status: string; scheduledAt: string }> }>(
      asDaan,
      'GET',
      '/api/cases/demo-alkmaar-daan/meetings',
    );
    expect(list.status).toBe(200);
    expect(list.body.meetings).toEqual([expect.objectContaining({ id: 'demo-mdo-daan-1', status: 'scheduled' })]);
    expect(Date.parse(list.body.meetings[0]!.scheduledAt)).toBeGreaterThan(h.now().getTime());
    const meeting = await h.api<{ meeting: { invitees: unknown[]; agenda: string[]; notesDocumentId: string } }>(
      asDaan,
      'GET',
      '/api/cases/demo-alkmaar-daan/meetings/demo-mdo-daan-1',
    );
    expect(meeting.body.meeting.invitees).toHaveLength(6);
    expect(meeting.body.meeting.agenda.length).toBeGreaterThan(0);
    const token = await h.api(asDaan, 'POST', `/api/documents/${meeting.body.meeting.notesDocumentId}/token`);
    expect(token.status).toBe(200);
    await seedDemo(h.services);
    expect(await meetingsCount()).toBe(1);
  });

  it('fits the invitation rules: one young person per case, registered by a team member who may invite clients', async () => {
    const { invitableRoles } = await import('../../src/domain/invitations.js');
    const cases = await caseDb(h.db).selectFrom('cases').select(['id', 'created_by']).execute();
    for (const c of cases) {
      const team = await h.db.selectFrom('participants').selectAll().where('case_id', '=', c.id).execute();
      expect(
        team.filter((p) => p.role === 'jeugdige'),
        c.id,
      ).toHaveLength(1);
      const registrant = team.find((p) => p.user_id === c.created_by);
      expect(registrant, c.id).toBeDefined();
      const roles = invitableRoles({ role: registrant!.role as Role, registeredCase: true });
      expect(roles).toEqual(expect.arrayContaining(['jeugdige', 'ouder']));
    }
  });

  it("gives Sanne (16½) a future plan whose half-year check fails only on the care switch, and the municipality's policy officer her municipality", async () => {
    const { halfYearCheckCounts } = await import('../../src/plan/halfYearCounts.js');
    const raw = await halfYearCheckCounts(h.services, { municipality: 'Hoorn' });
    expect(raw.overall).toEqual({ total: 1, passing: 0, failing: 1 });
    expect(raw.perCheck.planExists.failing).toBe(0);
    expect(raw.perCheck.newFunderEngaged.failing).toBe(1);
    const domains = await h.db
      .selectFrom('future_plan_domains' as never)
      .select(['domain' as never])
      .where('case_id' as never, '=', 'demo-westfriesland-sanne' as never)
      .execute();
    expect(domains).toHaveLength(4);
    const officer = await h.db
      .selectFrom('users')
      .select(['municipality' as never])
      .where('role', '=', 'gemeente')
      .executeTakeFirstOrThrow();
    expect(officer).toEqual({ municipality: 'Alkmaar' });
  });

  it('is idempotent: a second run adds nothing and gives no new passwords', async () => {
    const before = await counts();
    const again = await seedDemo(h.services);
    expect(await counts()).toEqual(before);
    expect(again.map((l) => l.login)).toEqual(first.map((l) => l.login));
    expect(again.every((l) => l.password === null && l.totpSecret === null)).toBe(true);
  });

  it('its logins work: a client with a password, a professional with password and TOTP, and they see their cases', async () => {
    const daan = first.find((l) => l.login === 'daan.visser')!;
    const login = await fetch(`${h.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: daan.login, password: daan.password }),
    });
    expect(login.status).toBe(200);
    expect(((await login.json()) as { next: string }).next).toBe('done');

    const ria = first.find((l) => l.login === 'ria.de.graaf@ret.example')!;
    const step1 = await fetch(`${h.server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: ria.login, password: ria.password }),
    });
    const { csrfToken } = (await step1.json()) as { csrfToken: string };
    const cookie = step1.headers.get('set-cookie')?.split(';')[0] ?? '';
    const code = OTPAuth.URI.parse(ria.otpauthUri!).generate({ timestamp: h.now().getTime() });
    const step2 = await fetch(`${h.server.url}/api/auth/totp`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
      body: JSON.stringify({ code }),
    });
    expect(step2.status).toBe(200);
    const cookie2 = step2.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    const list = await fetch(`${h.server.url}/api/cases`, { headers: { cookie: cookie2 } });
    const body = (await list.json()) as { cases: Array<{ firstName: string; age: number; hasAccess: boolean }> };
    expect(body.cases.map((c) => [c.firstName, c.age, c.hasAccess])).toEqual([
      ['Daan', 14, true],
      ['Sanne', 16, true],
    ]);
  });

  it("fills the professionals' sections of the demo documents once, never overwriting, never own words", async () => {
    const cases = { daan: 'demo-alkmaar-daan', sanne: 'demo-westfriesland-sanne' };
    expect(await seedDemoDocuments(h.server.collab, cases)).toBe(2);
    const analysis = documentSections(docFromStore(await h.server.store.load(`${cases.daan}.analysis`)), 'analysis');
    const text = (id: string) => {
      const s = analysis[id];
      return s && s.content === 'richText' ? s.text : null;
    };
    // The 002 Bijlage 1 layout: problem behaviour and protective factors apart; nobody's own words.
    expect(text('probleemgedrag')).toContain('Schoolverzuim');
    expect(text('beschermende_factoren_jeugdige')).toContain('Daan is sportief');
    expect(text('hulpvraag_jeugdige')).toBe('');
    // Every required Bijlage 1 part holds words: in the demo, only the family and education are left for
    // a sign-off (the e2e endorsement and journey tests sign Daan's analysis off through the UI).
    for (const def of SECTIONS.analysis.filter((d) => d.required)) {
      const section = analysis[def.id];
      const filled = section?.content === 'items' ? section.items.length > 0 : (text(def.id) ?? '').trim() !== '';
      expect(filled, def.id).toBe(true);
    }
    expect(Object.keys(analysis).filter((id) => id.startsWith('hulpvraag_ouder'))).toEqual([]);
    const summary = analysis.samenvatting;
    expect(summary?.content === 'items' ? summary.items.length : 0).toBe(2);
    const hypotheses = analysis.hypothesen;
    expect(hypotheses?.content === 'items' ? hypotheses.items : null).toEqual([
      expect.objectContaining({ id: 'demo-h1', status: 'open' }),
    ]);
    // Written like the editor writes items: free text as Y.Text, so typing in it merges.
    const stored = docFromStore(await h.server.store.load(`${cases.daan}.analysis`));
    expect((stored.getArray('hypothesen').get(0) as Y.Map<unknown>).get('statement')).toBeInstanceOf(Y.Text);
    const plan = documentSections(docFromStore(await h.server.store.load(`${cases.sanne}.futurePlan`)), 'futurePlan');
    expect(plan.domein_wonen?.content === 'items' ? plan.domein_wonen.items : null).toEqual([
      expect.objectContaining({ wat: 'Kennismaken met kamertraining in Hoorn', wet: 'Jeugdwet' }),
    ]);
    // A second run (a restart of the demo) finds the documents written in and changes nothing.
    expect(await seedDemoDocuments(h.server.collab, cases)).toBe(0);
  });
});
