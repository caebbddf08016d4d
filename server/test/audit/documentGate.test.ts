/**
 * Every document route enters one gate (server/src/cases/documentGate.ts), as the case routes do: an
 * outsider, a made-up document and a refused rule all get their answer only after a denied entry is in
 * the access log, with the same shape as every other entry (document id first, "<address> http").
 */
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
} from '../cases/support.js';

let h: CaseHarness;
let team: CaseTeam;
let docId: string;

beforeAll(async () => {
  h = await startCaseServer();
  team = await caseWithTeam(h, bornYearsAgo(START, 15));
  docId = `${team.caseId}.analysis`;
});
afterAll(async () => {
  await h?.close();
});

async function entriesOf(call: () => Promise<unknown>) {
  const before = await lastSeq(h.db);
  await call();
  return (await logSince(h.db, before)).map((e) => ({
    event: e.event,
    case_id: e.case_id,
    user_id: e.user_id,
    user_role: e.user_role,
    outcome: e.outcome,
    detail: e.detail,
    source: e.source,
  }));
}

describe('the document gate', () => {
  it('answers an outsider 404 and logs the attempt on the case', async () => {
    const outsider = await h.user({ role: 'jeugdhulpaanbieder', name: 'Otto Buiten', organisation: 'Elders' });
    let status = 0;
    let body: unknown;
    const entries = await entriesOf(async () => {
      const r = await h.api(outsider, 'GET', `/api/documents/${docId}/comments`);
      status = r.status;
      body = r.body;
    });
    expect(status).toBe(404);
    expect(body).toEqual({
      error: {
        id: 'not_found',
        message: 'document not found',
        text: 'Dit bestaat niet (meer), of je mag het niet zien.',
      },
    });
    expect(entries).toEqual([
      {
        event: 'read',
        case_id: team.caseId,
        user_id: outsider.id,
        user_role: 'jeugdhulpaanbieder',
        outcome: 'denied',
        detail: `${docId} comments`,
        source: expect.stringMatching(/ http$/),
      },
    ]);
  });

  it('logs a made-up document on no case: the caller names no dossier', async () => {
    const entries = await entriesOf(() => h.api(team.provider, 'GET', '/api/documents/nope.analysis/versions'));
    expect(entries).toEqual([
      expect.objectContaining({ case_id: null, outcome: 'denied', detail: 'nope.analysis versions' }),
    ]);
  });

  it("refuses a route's rule with 403 and a denied entry in the person's role on the case", async () => {
    let status = 0;
    let id: string | undefined;
    const entries = await entriesOf(async () => {
      const r = await h.api(team.parent, 'POST', `/api/documents/${docId}/sign-off`, { versionHash: 'a'.repeat(64) });
      status = r.status;
      id = r.body.error?.id;
    });
    expect([status, id]).toEqual([403, 'forbidden']);
    expect(entries).toEqual([
      expect.objectContaining({
        event: 'create',
        case_id: team.caseId,
        user_id: team.parent.id,
        user_role: 'ouder',
        outcome: 'denied',
        detail: `${docId} sign-off`,
      }),
    ]);
  });

  it('lets a participant in and logs the read once', async () => {
    let status = 0;
    const entries = await entriesOf(async () => {
      status = (await h.api(team.youngPerson, 'GET', `/api/documents/${docId}/comments`)).status;
    });
    expect(status).toBe(200);
    expect(entries).toEqual([
      expect.objectContaining({
        event: 'read',
        user_id: team.youngPerson.id,
        user_role: 'jeugdige',
        outcome: 'success',
        detail: `${docId} comments`,
      }),
    ]);
  });
});
