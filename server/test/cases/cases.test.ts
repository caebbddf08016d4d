/** Registering cases, the case list, details and log reads — allowed and refused callers, with their log entries. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  lastSeq,
  logSince,
  START,
  startCaseServer,
} from './support.js';

let h: CaseHarness;
let team: CaseTeam;

beforeAll(async () => {
  h = await startCaseServer();
  team = await caseWithTeam(h, bornYearsAgo(START, 14));
});
afterAll(async () => {
  await h?.close();
});

const body = (dateOfBirth = bornYearsAgo(START, 14)) => ({
  youngPerson: { name: 'Sem de Vries', dateOfBirth, municipality: 'Hoorn' },
  region: 'West-Friesland',
});

describe('POST /api/cases', () => {
  it('lets a professional of a registering role register a case and logs one create entry', async () => {
    const gi = await h.user({ role: 'jeugdbeschermer', name: 'Gijs GI', organisation: 'GI Noord-Holland' });
    const before = await lastSeq(h.db);
    const res = await h.api<{ case: { id: string; status: string; youngPerson: { age: number } } }>(
      gi,
      'POST',
      '/api/cases',
      {
        ...body(),
        problemCategories: ['schoolverzuim'],
        attendsSchool: false,
        registeredBy: 'gi',
      },
    );
    expect(res.status).toBe(201);
    expect(res.body.case).toMatchObject({ status: 'aanmelding', youngPerson: { age: 14 }, attendsSchool: false });
    const participants = await h.db
      .selectFrom('participants')
      .selectAll()
      .where('case_id', '=', res.body.case.id)
      .execute();
    expect(participants.map((p) => [p.user_id, p.role])).toEqual([[gi.id, 'jeugdbeschermer']]);
    const log = await logSince(h.db, before);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      event: 'create',
      case_id: res.body.case.id,
      user_id: gi.id,
      user_name: 'Gijs GI',
      user_role: 'jeugdbeschermer',
      responsible: 'GI Noord-Holland',
      outcome: 'success',
      detail: 'POST /api/cases',
    });
    expect(log[0]?.source).toMatch(/127\.0\.0\.1 http$/);
  });

  it.each(['onderwijsconsulent', 'gemeente', 'dbt-lid'] as const)(
    'refuses a %s (403) and logs the denial',
    async (role) => {
      const u = await h.user({ role });
      const before = await lastSeq(h.db);
      const casesBefore = await h.db.selectFrom('cases').select('id').execute();
      const res = await h.api(u, 'POST', '/api/cases', body());
      expect(res.status).toBe(403);
      expect(await h.db.selectFrom('cases').select('id').execute()).toHaveLength(casesBefore.length);
      const log = await logSince(h.db, before);
      expect(log).toHaveLength(1);
      expect(log[0]).toMatchObject({
        event: 'create',
        case_id: null,
        user_id: u.id,
        user_role: role,
        outcome: 'denied',
      });
    },
  );

  it('refuses a client (young person or parent) and someone not logged in', async () => {
    const client = await h.user({ client: true });
    expect((await h.api(client, 'POST', '/api/cases', body())).status).toBe(403);
    const before = await lastSeq(h.db);
    expect((await h.api(null, 'POST', '/api/cases', body())).status).toBe(401);
    expect(await logSince(h.db, before)).toHaveLength(0);
  });

  it('refuses a date of birth in the future and a responsible scientist who is not one', async () => {
    const gi = await h.user({ role: 'jeugdbeschermer' });
    const future = await h.api(gi, 'POST', '/api/cases', body('2030-01-01'));
    expect(future.status).toBe(400);
    expect(future.body.error?.id).toBe('invalid_date_of_birth');
    const wrong = await h.api(gi, 'POST', '/api/cases', { ...body(), responsibleScientistId: team.provider.id });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error?.id).toBe('invalid_responsible_scientist');
  });
});

describe('GET /api/cases', () => {
  it('lists the actor’s cases with first name, age, region, status, role and access, one search entry each', async () => {
    const before = await lastSeq(h.db);
    const res = await h.api<{ cases: unknown[] }>(team.parent, 'GET', '/api/cases');
    expect(res.status).toBe(200);
    expect(res.body.cases).toEqual([
      {
        id: team.caseId,
        firstName: 'Noor',
        age: 14,
        region: 'Alkmaar (Noord-Kennemerland)',
        status: 'aanmelding',
        myRole: 'ouder',
        hasAccess: true,
      },
    ]);
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.case_id, e.user_role, e.outcome, e.responsible])).toEqual([
      ['search', team.caseId, 'ouder', 'success', 'eigen account'],
    ]);
  });

  it('gives an empty list (logged once, without a case) to someone on no case', async () => {
    const loner = await h.user({ role: 'lokaal-team' });
    const before = await lastSeq(h.db);
    const res = await h.api<{ cases: unknown[] }>(loner, 'GET', '/api/cases');
    expect(res.body.cases).toEqual([]);
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.case_id, e.detail])).toEqual([['search', null, 'GET /api/cases no cases']]);
  });
});

describe('GET /api/cases/:id', () => {
  it('shows details, participants and my effective section permissions, and logs one read', async () => {
    const before = await lastSeq(h.db);
    const res = await h.api<{ case: Record<string, never> }>(team.youngPerson, 'GET', `/api/cases/${team.caseId}`);
    expect(res.status).toBe(200);
    const c = res.body.case as unknown as {
      myRole: string;
      responsibleScientistId: string;
      participants: Array<{ name: string; role: string; organisation: string | null }>;
      effectiveSections: Record<string, Record<string, string>>;
    };
    expect(c.myRole).toBe('jeugdige');
    expect(c.responsibleScientistId).toBe(team.scientist.id);
    expect(c.participants.map((p) => p.role).sort()).toEqual(
      ['gedragswetenschapper', 'jeugdhulpaanbieder', 'jeugdige', 'ouder', 'procesregisseur'].sort(),
    );
    expect(c.effectiveSections.analysis).toMatchObject({
      hulpvraag_jeugdige: 'edit',
      hulpvraag_ouders: 'comment',
      veiligheid: 'comment',
    });
    expect(c.effectiveSections.futurePlan?.toekomstbeeld_jeugdige).toBe('edit');
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.case_id, e.user_role, e.outcome, e.detail])).toEqual([
      ['read', team.caseId, 'jeugdige', 'success', 'GET /api/cases/:id'],
    ]);
  });

  it('answers 404 to a non-participant exactly as to an unknown case, and logs both as denied', async () => {
    const stranger = await h.user({ role: 'gedragswetenschapper' });
    const before = await lastSeq(h.db);
    const existing = await h.api(stranger, 'GET', `/api/cases/${team.caseId}`);
    const unknown = await h.api(stranger, 'GET', '/api/cases/00000000-0000-0000-0000-000000000000');
    expect(existing.status).toBe(404);
    expect(existing.body).toEqual(unknown.body);
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.case_id, e.outcome])).toEqual([
      ['read', team.caseId, 'denied'],
      ['read', null, 'denied'],
    ]);
  });

  it('refuses a non-participant on every case route with 404', async () => {
    const stranger = await h.user({ role: 'procesregisseur' });
    const base = `/api/cases/${team.caseId}`;
    const calls: Array<[string, string, unknown?]> = [
      ['GET', base],
      ['POST', `${base}/participants`, { userId: stranger.id, role: 'procesregisseur' }],
      ['DELETE', `${base}/participants/${team.provider.id}`],
      ['PUT', `${base}/parents-consent`, { consent: true }],
      ['PUT', `${base}/status`, { status: 'analyse_en_planvorming' }],
      ['GET', `${base}/access-log`],
      ['POST', `${base}/export`],
      ['GET', `${base}/destruction-requests`],
      ['POST', `${base}/destruction-requests`, { reason: 'weg ermee' }],
      ['POST', `${base}/destruction-requests/x/decision`, { decision: 'approved' }],
    ];
    const before = await lastSeq(h.db);
    for (const [method, path, b] of calls) {
      const res = await h.api(stranger, method, path, b);
      expect(res.status, `${method} ${path}`).toBe(404);
    }
    const log = await logSince(h.db, before);
    expect(log).toHaveLength(calls.length);
    expect(log.every((e) => e.outcome === 'denied' && e.case_id === team.caseId && e.user_id === stranger.id)).toBe(
      true,
    );
  });
});

describe('reads of the access log and destruction requests', () => {
  it('log exactly one read each, and refusals one denied entry each', async () => {
    const before = await lastSeq(h.db);
    expect((await h.api(team.provider, 'GET', `/api/cases/${team.caseId}/access-log`)).status).toBe(200);
    expect((await h.api(team.regisseur, 'GET', `/api/cases/${team.caseId}/destruction-requests`)).status).toBe(200);
    expect((await h.api(team.provider, 'GET', `/api/cases/${team.caseId}/destruction-requests`)).status).toBe(403);
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.user_role, e.outcome, e.detail])).toEqual([
      ['read', 'jeugdhulpaanbieder', 'success', 'GET /api/cases/:id/access-log'],
      ['read', 'procesregisseur', 'success', 'GET /api/cases/:id/destruction-requests'],
      [
        'read',
        'jeugdhulpaanbieder',
        'denied',
        'GET /api/cases/:id/destruction-requests destruction requests: role jeugdhulpaanbieder may not do this',
      ],
    ]);
  });
});
