/**
 * The escalation ladder through the API: allowed and refused transitions, who may decide each step,
 * the analysis snapshot a step carries, and an access-log entry for every call.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { escalationDb } from '../../src/escalation/escalationDb.js';
import { type CaseHarness, lastSeq, logSince, startCaseServer } from '../cases/support.js';
import {
  addParticipant,
  countRows,
  type LadderTeam,
  ladderTeam,
  STEP,
  settleDbt,
  signOffAnalysis,
  writeAnalysis,
} from './support.js';

let h: CaseHarness;
let team: LadderTeam;
const path = () => `/api/cases/${team.caseId}/escalation`;

beforeAll(async () => {
  h = await startCaseServer();
  team = await ladderTeam(h);
  await writeAnalysis(h, team.caseId, 'hypothese: hechting');
  await signOffAnalysis(h, team);
});
afterAll(async () => {
  await h?.close();
});

describe('the ladder through the API', () => {
  it('starts local; the analysis signed off in beforeAll stopped its 6-week clock', async () => {
    const res = await h.api<{ level: string; history: unknown[]; notices: { kind: string }[] }>(
      team.lokaal,
      'GET',
      path(),
    );
    expect(res.status).toBe(200);
    expect(res.body.level).toBe('lokaal');
    expect(res.body.history).toEqual([]);
    // The sign-off stops the clock (002 h1 "binnen 6 weken"), so no analysis-due notice any more.
    expect(res.body.notices.map((n) => n.kind)).not.toContain('analysis-due');
  });

  it('refuses skipping a level (409), logs the refusal, writes no step', async () => {
    const seq = await lastSeq(h.db);
    const res = await h.api(team.lokaal, 'POST', path(), { to: 'ben-nh', ...STEP });
    expect(res.status).toBe(409);
    expect(res.body.error?.message).toMatch(/one level at a time/);
    expect(await countRows(h, 'escalation_steps')).toBe(0);
    const [entry] = await logSince(h.db, seq);
    expect(entry).toMatchObject({ case_id: team.caseId, outcome: 'failure', user_id: team.lokaal.id });
  });

  it('refuses clients and roles that do not decide the step (403), logged as denied', async () => {
    const seq = await lastSeq(h.db);
    expect((await h.api(team.youngPerson, 'POST', path(), { to: 'ret', ...STEP })).status).toBe(403);
    expect((await h.api(team.scientist, 'POST', path(), { to: 'ret', ...STEP })).status).toBe(403);
    const entries = await logSince(h.db, seq);
    expect(entries.map((e) => e.outcome)).toEqual(['denied', 'denied']);
    expect(await countRows(h, 'escalation_steps')).toBe(0);
  });

  it('a non-participant gets 404, as if the case did not exist', async () => {
    const stranger = await h.user({ role: 'procesregisseur' });
    expect((await h.api(stranger, 'POST', path(), { to: 'ret', ...STEP })).status).toBe(404);
    expect((await h.api(stranger, 'GET', path())).status).toBe(404);
  });

  it('the local team escalates to the RET, carrying a server snapshot of the analysis', async () => {
    const seq = await lastSeq(h.db);
    const res = await h.api<{
      step: { from: string; to: string; analysisSnapshot: { documentId: string; version: string } };
    }>(team.lokaal, 'POST', path(), { to: 'ret', ...STEP });
    expect(res.status).toBe(201);
    expect(res.body.step).toMatchObject({ from: 'lokaal', to: 'ret' });
    expect(res.body.step.analysisSnapshot.documentId).toBe(`${team.caseId}.analysis`);
    const row = await escalationDb(h.db).selectFrom('escalation_steps').selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ bottleneck: STEP.bottleneck, tried: STEP.tried, decided_by: team.lokaal.id });
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(row.analysis_snapshot ?? '', 'base64'));
    expect(doc.getText('probe').toString()).toBe('hypothese: hechting');
    const [entry] = await logSince(h.db, seq);
    expect(entry).toMatchObject({ event: 'update', outcome: 'success', case_id: team.caseId });
    // The log names the step, never the bottleneck's content.
    expect(entry?.detail).toContain('escalation lokaal → ret');
    expect(entry?.detail).not.toContain(STEP.bottleneck);
  });

  it('only the process director takes RET → BEN-NH; the BEN-NH adviser may only propose', async () => {
    expect((await h.api(team.lokaal, 'POST', path(), { to: 'ben-nh', ...STEP })).status).toBe(403);
    const proposal = await h.api(team.ben, 'POST', path(), { to: 'ben-nh', ...STEP });
    expect(proposal.status).toBe(403);
    expect(proposal.body.error?.message).toMatch(/may propose/);
    expect((await h.api(team.regisseur, 'POST', path(), { to: 'ben-nh', ...STEP })).status).toBe(201);
    expect((await h.api(team.gi, 'POST', path(), { to: 'dbt', ...STEP })).status).toBe(403);
    expect((await h.api(team.regisseur, 'POST', path(), { to: 'dbt', ...STEP })).status).toBe(201);
  });

  it('de-escalates one level at a time, by the process director', async () => {
    expect((await h.api(team.regisseur, 'POST', path(), { to: 'ret', ...STEP })).status).toBe(409);
    expect((await h.api(team.lokaal, 'POST', path(), { to: 'ben-nh', ...STEP })).status).toBe(403);
    // Changed on purpose (domain §5): leaving the DBT needs a session with an outcome and settled commitments.
    expect((await h.api(team.regisseur, 'POST', path(), { to: 'ben-nh', ...STEP })).status).toBe(409);
    await settleDbt(h, team);
    expect((await h.api(team.regisseur, 'POST', path(), { to: 'ben-nh', ...STEP })).status).toBe(201);
    const res = await h.api<{ level: string; history: { from: string; to: string; decidedBy: string }[] }>(
      team.gi,
      'GET',
      path(),
    );
    expect(res.body.level).toBe('ben-nh');
    expect(res.body.history.map((s) => `${s.from}>${s.to}`)).toEqual([
      'lokaal>ret',
      'ret>ben-nh',
      'ben-nh>dbt',
      'dbt>ben-nh',
    ]);
    expect(res.body.history[0]?.decidedBy).toBe(team.lokaal.id);
  });
});

// Changed on purpose: the old "GI straight to the DBT" shortcut is gone (004 actie 4 goes to the RET's
// regional doorbraakaanpak, per region): see server/test/decisions/escalationDefects.test.ts.
describe('no shortcut to the DBT', () => {
  it('the GI cannot skip to the DBT, even 6 weeks after a measure without help', async () => {
    const other = await ladderTeam(h);
    const measure = new Date(h.now().getTime() - 50 * 86_400_000).toISOString();
    await escalationDb(h.db)
      .updateTable('cases')
      .set({ measure_started_at: measure })
      .where('id', '=', other.caseId)
      .execute();
    const res = await h.api(other.gi, 'POST', `/api/cases/${other.caseId}/escalation`, { to: 'dbt', ...STEP });
    expect(res.status).toBe(409);
  });

  it('a participant added as another professional cannot start the doorbraakaanpak', async () => {
    const other = await ladderTeam(h);
    const aanbieder = await h.user({ role: 'jeugdhulpaanbieder' });
    await addParticipant(h, other, aanbieder, 'jeugdhulpaanbieder');
    const url = `/api/cases/${other.caseId}/escalation`;
    const res = await h.api(aanbieder, 'POST', url, { to: 'ret', doorbraakaanpak: true, ...STEP });
    expect(res.status).toBe(403);
  });
});
