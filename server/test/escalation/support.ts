/** Helpers of the escalation tests: a case team with ladder roles, and content in the analysis. */
import { documentId, type Role } from '@samenspraak/shared';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { bornYearsAgo, type CaseHarness, type CaseTeam, caseWithTeam, START, type TestUser } from '../cases/support.js';

export interface LadderTeam extends CaseTeam {
  lokaal: TestUser;
  gi: TestUser;
  ben: TestUser;
}

export const STEP = { bottleneck: 'geen passende woonplek', tried: 'drie aanbieders en een MDO' };

export async function addParticipant(h: CaseHarness, team: CaseTeam, user: TestUser, role: Role): Promise<void> {
  const res = await h.api(team.regisseur, 'POST', `/api/cases/${team.caseId}/participants`, { userId: user.id, role });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/** A case of a 15-year-old with a local team, a GI worker and a BEN-NH adviser on it. */
export async function ladderTeam(h: CaseHarness): Promise<LadderTeam> {
  const team = await caseWithTeam(h, bornYearsAgo(START, 15));
  const lokaal = await h.user({ role: 'lokaal-team', name: 'Lotte Lokaal' });
  const gi = await h.user({ role: 'jeugdbeschermer', name: 'Gijs GI' });
  const ben = await h.user({ role: 'ben-adviseur', name: 'Bea BEN' });
  await addParticipant(h, team, lokaal, 'lokaal-team');
  await addParticipant(h, team, gi, 'jeugdbeschermer');
  await addParticipant(h, team, ben, 'ben-adviseur');
  return { ...team, lokaal, gi, ben };
}

/** Writes text into the case's analysis through the document store, as the collaboration core would. */
export async function writeAnalysis(h: CaseHarness, caseId: string, text: string): Promise<void> {
  const doc = new Y.Doc();
  doc.getText('probe').insert(0, text);
  await h.services.store.append([{ docId: documentId(caseId, 'analysis'), update: Y.encodeStateAsUpdate(doc) }]);
  doc.destroy();
}

/** Escalates a case step by step to the DBT through the API. */
export async function escalateToDbt(h: CaseHarness, team: LadderTeam): Promise<void> {
  const steps: [TestUser, string][] = [
    [team.lokaal, 'ret'],
    [team.regisseur, 'ben-nh'],
    [team.regisseur, 'dbt'],
  ];
  for (const [user, to] of steps) {
    const res = await h.api(user, 'POST', `/api/cases/${team.caseId}/escalation`, { to, ...STEP });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
  }
}

export async function countRows(h: CaseHarness, table: string): Promise<number> {
  const row = await (h.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>)
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
