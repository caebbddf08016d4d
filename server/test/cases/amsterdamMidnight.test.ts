/**
 * Ages of law on the real server at local midnight in Europe/Amsterdam (issue 13): at 00:30 on the
 * 16th birthday — still the day before in UTC — a parent without consent has lost access and the young
 * person decides; at 00:30 on the 12th birthday the young person has access. In winter (UTC+1) and
 * summer time (UTC+2), with the server's settable clock.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CaseHarness, type CaseTeam, caseWithTeam, startCaseServer } from './support.js';

let h: CaseHarness;
/** Born 1 July 2014: 12 on 1 July 2026 and 16 on 1 July 2030, summer time (local midnight 22:00 UTC). */
let summer: CaseTeam;
/** Born 15 January 2014: 16 on 15 January 2030, winter time (local midnight 23:00 UTC). */
let winter: CaseTeam;

beforeAll(async () => {
  h = await startCaseServer();
  summer = await caseWithTeam(h, '2014-07-01');
  winter = await caseWithTeam(h, '2014-01-15');
});
afterAll(async () => {
  await h?.close();
});

async function caseStatus(team: CaseTeam, as: 'parent' | 'youngPerson') {
  return (await h.api(team[as], 'GET', `/api/cases/${team.caseId}`)).status;
}

async function listedAge(team: CaseTeam) {
  const res = await h.api<{ cases: Array<{ id: string; age: number; hasAccess: boolean }> }>(
    team.parent,
    'GET',
    '/api/cases',
  );
  return res.body.cases.find((c) => c.id === team.caseId);
}

describe('the 16th birthday begins at local midnight', () => {
  it('summer time: the parent still has access at 23:59, not at 00:30 (22:30 UTC the day before)', async () => {
    h.setClock('2030-06-30T21:59:00.000Z');
    expect(await caseStatus(summer, 'parent')).toBe(200);
    expect(await listedAge(summer)).toMatchObject({ age: 15, hasAccess: true });

    h.setClock('2030-06-30T22:30:00.000Z');
    expect(await caseStatus(summer, 'parent')).toBe(404);
    expect(await listedAge(summer)).toMatchObject({ age: 16, hasAccess: false });
    // From that moment the young person decides, and their consent lets the parent in again.
    const url = `/api/cases/${summer.caseId}/parents-consent`;
    expect((await h.api(summer.youngPerson, 'PUT', url, { consent: true })).status).toBe(200);
    expect(await caseStatus(summer, 'parent')).toBe(200);
  });

  it('winter time: the parent still has access at 23:59, not at 00:30 (23:30 UTC the day before)', async () => {
    h.setClock('2030-01-14T22:59:00.000Z');
    expect(await caseStatus(winter, 'parent')).toBe(200);
    h.setClock('2030-01-14T23:30:00.000Z');
    expect(await caseStatus(winter, 'parent')).toBe(404);
    expect(await listedAge(winter)).toMatchObject({ age: 16, hasAccess: false });
  });

  it('the future plan is due at local midnight of the 16th birthday', async () => {
    h.setClock('2030-06-01T10:00:00.000Z');
    const res = await h.api<{ notifications: Array<{ caseId: string; kind: string; dueAt: string }> }>(
      summer.regisseur,
      'GET',
      '/api/notifications',
    );
    expect(res.status).toBe(200);
    const required = res.body.notifications.find(
      (n) => n.caseId === summer.caseId && n.kind === 'future-plan-required',
    );
    expect(required?.dueAt).toBe('2030-06-30T22:00:00.000Z');
  });
});

describe('the 12th birthday begins at local midnight', () => {
  it('the young person has no access at 23:59 and has it at 00:30 (22:30 UTC the day before)', async () => {
    h.setClock('2026-06-30T21:59:00.000Z');
    expect(await caseStatus(summer, 'youngPerson')).toBe(404);
    h.setClock('2026-06-30T22:30:00.000Z');
    expect(await caseStatus(summer, 'youngPerson')).toBe(200);
  });
});
