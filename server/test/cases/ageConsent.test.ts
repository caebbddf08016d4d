/**
 * Age and consent with a fixed clock (domain brief §7): the young person has access from 12; parents
 * while the child is under 16, from 16 only with the young person's consent; only the young person,
 * from 16, decides — also after 18.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CaseHarness, type CaseTeam, caseWithTeam, lastSeq, logSince, START, startCaseServer } from './support.js';

/** Born 2014-03-02: 11 at START (2026-03-01), 12 on 2026-03-02, 16 on 2030-03-02, 18 on 2032-03-02. */
const DOB = '2014-03-02';
const at = (date: string) => `${date}T09:00:00.000Z`;

let h: CaseHarness;
let team: CaseTeam;

beforeAll(async () => {
  h = await startCaseServer();
  team = await caseWithTeam(h, DOB);
});
afterAll(async () => {
  await h?.close();
});

async function status(as: CaseTeam[keyof CaseTeam], path = '') {
  if (typeof as === 'string') throw new Error('not a user');
  return (await h.api(as, 'GET', `/api/cases/${team.caseId}${path}`)).status;
}

async function myListing(as: CaseTeam['youngPerson']) {
  const res = await h.api<{ cases: Array<{ id: string; age: number; hasAccess: boolean }> }>(as, 'GET', '/api/cases');
  return res.body.cases.find((c) => c.id === team.caseId);
}

describe('the young person', () => {
  it('has no access at 11 (404, but sees the case listed without access), and has it from the 12th birthday', async () => {
    h.setClock(START);
    expect(await status(team.youngPerson)).toBe(404);
    expect(await status(team.youngPerson, '/access-log')).toBe(404);
    expect(await myListing(team.youngPerson)).toMatchObject({ age: 11, hasAccess: false });
    // Meanwhile the parents act for the child.
    expect(await status(team.parent)).toBe(200);

    h.setClock(at('2026-03-01'));
    expect(await status(team.youngPerson)).toBe(404);
    h.setClock(at('2026-03-02'));
    expect(await status(team.youngPerson)).toBe(200);
    expect(await status(team.youngPerson, '/access-log')).toBe(200);
    expect(await myListing(team.youngPerson)).toMatchObject({ age: 12, hasAccess: true });
  });

  it('logs the refused read of the 11-year-old as denied with the reason', async () => {
    h.setClock(START);
    const before = await lastSeq(h.db);
    await status(team.youngPerson);
    const log = await logSince(h.db, before);
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({ event: 'read', case_id: team.caseId, user_role: 'jeugdige', outcome: 'denied' });
    expect(log[0]?.detail).toContain('from 12');
  });
});

describe('the parents', () => {
  it('have access until the 16th birthday, then only with the young person’s consent', async () => {
    h.setClock(at('2030-03-01'));
    expect(await status(team.parent)).toBe(200);
    h.setClock(at('2030-03-02'));
    expect(await status(team.parent)).toBe(404);
    expect(await myListing(team.parent)).toMatchObject({ age: 16, hasAccess: false });
    // Parents without access cannot change the consent either, nor request destruction.
    expect(
      (await h.api(team.parent, 'PUT', `/api/cases/${team.caseId}/parents-consent`, { consent: true })).status,
    ).toBe(404);
  });

  it('regain access once the young person consents, and lose it when consent is withdrawn — live connections re-checked', async () => {
    h.setClock(at('2030-06-01'));
    const recheck = vi.spyOn(h.server.collab, 'recheckCase');
    const before = await lastSeq(h.db);
    const given = await h.api(team.youngPerson, 'PUT', `/api/cases/${team.caseId}/parents-consent`, { consent: true });
    expect(given.status).toBe(200);
    expect(recheck).toHaveBeenCalledWith(team.caseId);
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.user_id, e.user_role, e.outcome, e.detail])).toEqual([
      [
        'consent',
        team.youngPerson.id,
        'jeugdige',
        'success',
        'PUT /api/cases/:id/parents-consent parents consent given',
      ],
    ]);
    expect(await status(team.parent)).toBe(200);

    recheck.mockClear();
    await h.api(team.youngPerson, 'PUT', `/api/cases/${team.caseId}/parents-consent`, { consent: false });
    expect(recheck).toHaveBeenCalledWith(team.caseId);
    recheck.mockRestore();
    expect(await status(team.parent)).toBe(404);
  });
});

describe('who decides about the consent', () => {
  it('not the young person before 16 (403), not a parent, not a professional', async () => {
    h.setClock(at('2030-03-01'));
    const url = `/api/cases/${team.caseId}/parents-consent`;
    const before = await lastSeq(h.db);
    expect((await h.api(team.youngPerson, 'PUT', url, { consent: true })).status).toBe(403);
    expect((await h.api(team.parent, 'PUT', url, { consent: false })).status).toBe(403);
    expect((await h.api(team.scientist, 'PUT', url, { consent: true })).status).toBe(403);
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.user_role, e.outcome])).toEqual([
      ['consent', 'jeugdige', 'denied'],
      ['consent', 'ouder', 'denied'],
      ['consent', 'gedragswetenschapper', 'denied'],
    ]);
    const row = await h.db
      .selectFrom('cases')
      .select('parents_consent')
      .where('id', '=', team.caseId)
      .executeTakeFirstOrThrow();
    expect(row.parents_consent).toBe(0);
  });

  it('the young person still decides after 18, and the parents still need that consent', async () => {
    h.setClock(at('2032-03-02'));
    expect(await status(team.parent)).toBe(404);
    expect(
      (await h.api(team.youngPerson, 'PUT', `/api/cases/${team.caseId}/parents-consent`, { consent: true })).status,
    ).toBe(200);
    expect(await status(team.parent)).toBe(200);
    expect((await myListing(team.youngPerson))?.age).toBe(18);
  });
});

describe('the access log view', () => {
  it('shows the young person who opened the dossier — names, roles, events, outcomes; no addresses or ids', async () => {
    h.setClock(at('2032-04-01'));
    const res = await h.api<{ entries: Array<Record<string, unknown>> }>(
      team.youngPerson,
      'GET',
      `/api/cases/${team.caseId}/access-log`,
    );
    expect(res.status).toBe(200);
    const entries = res.body.entries;
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) expect(Object.keys(e).sort()).toEqual(['at', 'event', 'name', 'outcome', 'role', 'what']);
    expect(JSON.stringify(entries)).not.toContain('127.0.0.1');
    expect(entries.some((e) => e.name === 'Petra Jansen' && e.role === 'ouder' && e.event === 'read')).toBe(true);
    expect(entries.some((e) => e.event === 'consent' && e.name === 'Noor Jansen')).toBe(true);
  });

  it('is open to the parents while they have access and to professionals on the case', async () => {
    h.setClock(at('2032-04-01'));
    expect(await status(team.parent, '/access-log')).toBe(200);
    expect(await status(team.provider, '/access-log')).toBe(200);
    await h.api(team.youngPerson, 'PUT', `/api/cases/${team.caseId}/parents-consent`, { consent: false });
    expect(await status(team.parent, '/access-log')).toBe(404);
  });
});
