/** Participants and status of a case — allowed and refused callers, with their log entries. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
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

// Each registration is another young person: a second open case of the same one is refused (duplicate check).
const body = (name: string, dateOfBirth = bornYearsAgo(START, 14)) => ({
  youngPerson: { name, dateOfBirth, municipality: 'Hoorn' },
  region: 'West-Friesland',
});

describe('participants', () => {
  it('the behavioural scientist adds a professional in their own role; one update entry', async () => {
    const teacher = await h.user({ role: 'onderwijsconsulent', name: 'Olga Onderwijs' });
    // A contributing professional does not build the team (domain/invitations.ts).
    const byProvider = await h.api(team.provider, 'POST', `/api/cases/${team.caseId}/participants`, {
      userId: teacher.id,
      role: 'onderwijsconsulent',
    });
    expect([byProvider.status, byProvider.body.error?.id]).toEqual([403, 'invite_not_allowed']);
    const before = await lastSeq(h.db);
    const res = await h.api(team.scientist, 'POST', `/api/cases/${team.caseId}/participants`, {
      userId: teacher.id,
      role: 'onderwijsconsulent',
    });
    expect(res.status).toBe(201);
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.user_id, e.user_role, e.outcome, e.detail])).toEqual([
      [
        'update',
        team.scientist.id,
        'gedragswetenschapper',
        'success',
        `POST /api/cases/:id/participants participant added: ${teacher.id} as onderwijsconsulent`,
      ],
    ]);
  });

  it('refuses clients and read-only roles as managers (403), and wrong roles, duplicates, a second young person', async () => {
    const newcomer = await h.user({ role: 'lokaal-team' });
    const url = `/api/cases/${team.caseId}/participants`;
    expect((await h.api(team.youngPerson, 'POST', url, { userId: newcomer.id, role: 'lokaal-team' })).status).toBe(403);
    expect((await h.api(team.parent, 'POST', url, { userId: newcomer.id, role: 'lokaal-team' })).status).toBe(403);
    const asOther = await h.api(team.regisseur, 'POST', url, { userId: newcomer.id, role: 'gedragswetenschapper' });
    expect([asOther.status, asOther.body.error?.id]).toEqual([400, 'role_not_allowed']);
    const municipal = await h.user({ role: 'gemeente' });
    // Nobody brings the municipality onto a case: the invitation table refuses it before any account is read.
    expect((await h.api(team.regisseur, 'POST', url, { userId: municipal.id, role: 'gemeente' })).body.error?.id).toBe(
      'invite_not_allowed',
    );
    const clientAsPro = await h.user({ client: true });
    expect((await h.api(team.regisseur, 'POST', url, { userId: clientAsPro.id, role: 'procesregisseur' })).status).toBe(
      400,
    );
    expect((await h.api(team.regisseur, 'POST', url, { userId: 'nobody', role: 'ouder' })).body.error?.id).toBe(
      'unknown_user',
    );
    expect(
      (await h.api(team.regisseur, 'POST', url, { userId: team.provider.id, role: 'jeugdhulpaanbieder' })).status,
    ).toBe(409);
    const twin = await h.user({ client: true });
    expect((await h.api(team.regisseur, 'POST', url, { userId: twin.id, role: 'jeugdige' })).body.error?.id).toBe(
      'young_person_exists',
    );
  });

  it('removing a participant re-checks live connections, and the removed person then gets 404', async () => {
    const extra = await h.user({ role: 'ben-adviseur' });
    await h.api(team.regisseur, 'POST', `/api/cases/${team.caseId}/participants`, {
      userId: extra.id,
      role: 'ben-adviseur',
    });
    expect((await h.api(extra, 'GET', `/api/cases/${team.caseId}`)).status).toBe(200);
    const recheck = vi.spyOn(h.server.collab, 'recheckCase');
    const before = await lastSeq(h.db);
    const res = await h.api(team.regisseur, 'DELETE', `/api/cases/${team.caseId}/participants/${extra.id}`, {
      reason: 'advies afgerond',
    });
    expect(res.status).toBe(204);
    expect(recheck).toHaveBeenCalledWith(team.caseId);
    recheck.mockRestore();
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.outcome, e.detail])).toEqual([
      [
        'update',
        'success',
        `DELETE /api/cases/:id/participants/:userId participant removed: ${extra.id} (ben-adviseur); reason: advies afgerond`,
      ],
    ]);
    expect((await h.api(extra, 'GET', `/api/cases/${team.caseId}`)).status).toBe(404);
    const again = await h.api(team.regisseur, 'DELETE', `/api/cases/${team.caseId}/participants/${extra.id}`, {
      reason: 'nogmaals',
    });
    expect(again.status).toBe(404);
  });

  it('keeps at least one professional on a case', async () => {
    const pro = await h.user({ role: 'lokaal-team' });
    const created = await h.api<{ case: { id: string } }>(pro, 'POST', '/api/cases', body('Sem de Vries'));
    const res = await h.api(pro, 'DELETE', `/api/cases/${created.body.case.id}/participants/${pro.id}`, {
      reason: 'overgedragen',
    });
    expect([res.status, res.body.error?.id]).toEqual([409, 'last_professional']);
  });
});

describe('PUT /api/cases/:id/status', () => {
  it('only the procesregisseur and the behavioural scientist move the status; invalid jumps are refused', async () => {
    const url = `/api/cases/${team.caseId}/status`;
    expect((await h.api(team.provider, 'PUT', url, { status: 'analyse_en_planvorming' })).status).toBe(403);
    expect((await h.api(team.youngPerson, 'PUT', url, { status: 'analyse_en_planvorming' })).status).toBe(403);
    const jump = await h.api(team.regisseur, 'PUT', url, { status: 'monitoring' });
    expect([jump.status, jump.body.error?.id]).toEqual([409, 'invalid_status_change']);
    const before = await lastSeq(h.db);
    const ok = await h.api<{ case: { status: string } }>(team.scientist, 'PUT', url, {
      status: 'analyse_en_planvorming',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.case.status).toBe('analyse_en_planvorming');
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.user_role, e.detail])).toEqual([
      ['update', 'gedragswetenschapper', 'PUT /api/cases/:id/status status aanmelding → analyse_en_planvorming'],
    ]);
  });

  it('closing sets closed_at and a retention of 20 years, and makes the documents read-only', async () => {
    const pro = await h.user({ role: 'procesregisseur' });
    const created = await h.api<{ case: { id: string } }>(pro, 'POST', '/api/cases', body('Sara de Vries'));
    const id = created.body.case.id;
    const res = await h.api<{ case: { closedAt: string; retentionUntil: string } }>(
      pro,
      'PUT',
      `/api/cases/${id}/status`,
      {
        status: 'afgeschaald',
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.case.closedAt).toBe(START);
    expect(res.body.case.retentionUntil).toBe('2046-03-01T10:00:00.000Z');
    const detail = await h.api<{ case: { effectiveSections: { analysis: Record<string, string> } } }>(
      pro,
      'GET',
      `/api/cases/${id}`,
    );
    expect(new Set(Object.values(detail.body.case.effectiveSections.analysis))).toEqual(new Set(['read']));
    const reopened = await h.api<{ case: { closedAt: null } }>(pro, 'PUT', `/api/cases/${id}/status`, {
      status: 'aanmelding',
    });
    expect(reopened.body.case.closedAt).toBeNull();
  });
});
