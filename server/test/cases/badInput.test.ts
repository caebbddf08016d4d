/** Bad input on every case route: a 4xx with a clear message, and nothing written (not even a log entry). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bornYearsAgo, type CaseHarness, type CaseTeam, caseWithTeam, START, startCaseServer } from './support.js';

let h: CaseHarness;
let team: CaseTeam;

beforeAll(async () => {
  h = await startCaseServer();
  team = await caseWithTeam(h, bornYearsAgo(START, 16, 10));
});
afterAll(async () => {
  await h?.close();
});

async function counts() {
  const n = async (table: 'cases' | 'participants' | 'destruction_requests' | 'access_log') => {
    const row = await h.db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  const consent = await h.db
    .selectFrom('cases')
    .select(['parents_consent', 'status'])
    .where('id', '=', team.caseId)
    .execute();
  return {
    cases: await n('cases'),
    participants: await n('participants'),
    requests: await n('destruction_requests'),
    log: await n('access_log'),
    consent,
  };
}

const big = 'x'.repeat(300 * 1024);

describe('bad input', () => {
  const id = () => team.caseId;
  const cases: Array<{
    name: string;
    as: () => CaseTeam['regisseur'];
    method: string;
    path: () => string;
    bodies: unknown[];
  }> = [
    {
      name: 'POST /api/cases',
      as: () => team.regisseur,
      method: 'POST',
      path: () => '/api/cases',
      bodies: [
        {},
        { youngPerson: { name: 'A', dateOfBirth: '2010-01-01' }, region: 'West-Friesland' },
        { youngPerson: { name: 'A', dateOfBirth: '01-01-2010', municipality: 'Hoorn' }, region: 'West-Friesland' },
        { youngPerson: { name: 'A', dateOfBirth: '2010-02-31', municipality: 'Hoorn' }, region: 'West-Friesland' },
        { youngPerson: { name: 'A', dateOfBirth: '2010-01-01', municipality: 'Hoorn' }, region: 'Utrecht' },
        { youngPerson: { name: 42, dateOfBirth: '2010-01-01', municipality: 'Hoorn' }, region: 'IJmond' },
        { youngPerson: { name: ' ', dateOfBirth: '2010-01-01', municipality: 'Hoorn' }, region: 'IJmond' },
        { youngPerson: { name: 'A'.repeat(201), dateOfBirth: '2010-01-01', municipality: 'Hoorn' }, region: 'IJmond' },
        { youngPerson: { name: 'A', dateOfBirth: '2010-01-01', municipality: 'Hoorn' }, region: 'IJmond', extra: true },
        {
          youngPerson: { name: 'A', dateOfBirth: '2010-01-01', municipality: 'Hoorn' },
          region: 'IJmond',
          attendsSchool: 'yes',
        },
        [],
        'text',
      ],
    },
    {
      name: 'POST participants',
      as: () => team.regisseur,
      method: 'POST',
      path: () => `/api/cases/${id()}/participants`,
      bodies: [
        {},
        { userId: 'someone' },
        { userId: 5, role: 'ouder' },
        { userId: 'u', role: 'koning' },
        { userId: '', role: 'ouder' },
      ],
    },
    {
      name: 'PUT parents-consent',
      as: () => team.youngPerson,
      method: 'PUT',
      path: () => `/api/cases/${id()}/parents-consent`,
      bodies: [{}, { consent: 'true' }, { consent: 1 }, { consent: null }, { consent: true, parents: 'all' }],
    },
    {
      name: 'PUT status',
      as: () => team.regisseur,
      method: 'PUT',
      path: () => `/api/cases/${id()}/status`,
      bodies: [{}, { status: 'gesloten' }, { status: 3 }],
    },
    {
      name: 'POST destruction request',
      as: () => team.youngPerson,
      method: 'POST',
      path: () => `/api/cases/${id()}/destruction-requests`,
      bodies: [{}, { reason: '' }, { reason: '   ' }, { reason: 7 }, { reason: 'r'.repeat(2001) }],
    },
    {
      name: 'POST destruction decision',
      as: () => team.regisseur,
      method: 'POST',
      path: () => `/api/cases/${id()}/destruction-requests/any/decision`,
      bodies: [
        {},
        { decision: 'maybe' },
        { decision: 'refused' },
        { decision: 'refused', motivation: '  ' },
        { decision: true },
      ],
    },
  ];

  for (const c of cases) {
    it(`${c.name}: 400 with the bad field named, nothing written`, async () => {
      const before = await counts();
      for (const b of c.bodies) {
        const res = await h.api(c.as(), c.method, c.path(), b);
        expect(res.status, JSON.stringify(b)).toBe(400);
        // A bare JSON string is refused by the JSON parser itself (strict mode), the rest by the schema;
        // a registration's unknown region and non-date get their own words (cases/caseRules.ts).
        expect(['invalid_request', 'entity_parse_failed', 'unknown_region', 'invalid_date_of_birth']).toContain(
          res.body.error?.id,
        );
        expect(res.body.error?.message.length).toBeGreaterThan(5);
      }
      expect(await counts()).toEqual(before);
    });

    it(`${c.name}: malformed JSON is a 400 and a body over the limit a 413, nothing written`, async () => {
      const before = await counts();
      const json = { 'content-type': 'application/json' };
      const broken = await h.raw(c.as(), c.method, c.path(), '{"reason": ', json);
      expect(broken.status).toBe(400);
      expect(broken.body.error?.message).toBeTruthy();
      const huge = await h.raw(c.as(), c.method, c.path(), JSON.stringify({ reason: big, status: big }), json);
      expect(huge.status).toBe(413);
      expect(huge.body.error?.id).toBe('entity_too_large');
      // A body that is not JSON at all is not parsed: an empty body, which the schema rejects.
      expect((await h.raw(c.as(), c.method, c.path(), 'consent=true', { 'content-type': 'text/plain' })).status).toBe(
        400,
      );
      expect(await counts()).toEqual(before);
    });
  }

  it('names the field in the message', async () => {
    const res = await h.api(team.regisseur, 'PUT', `/api/cases/${team.caseId}/status`, { status: 'gesloten' });
    expect(res.body.error?.message).toMatch(/^status: /);
    const nested = await h.api(team.regisseur, 'POST', '/api/cases', {
      youngPerson: { name: 'A', dateOfBirth: 'gisteren', municipality: 'Hoorn' },
      region: 'IJmond',
    });
    expect(nested.body.error?.message).toContain('youngPerson.dateOfBirth');
  });
});
