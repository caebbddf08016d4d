/** Helpers of the escalation tests: a case team with ladder roles, and content in the analysis. */
import crypto from 'node:crypto';
import { documentId, itemKindOf, type Role, SECTIONS } from '@samenspraak/shared';
import { expect } from 'vitest';
import * as Y from 'yjs';
import { itemMap } from '../../src/cases/itemMaps.js';
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

/** Writes a paragraph into one section of the analysis (a root the readable version shows). */
export async function writeAnalysisSection(h: CaseHarness, caseId: string, section: string, text: string) {
  const doc = new Y.Doc();
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  doc.getXmlFragment(section).insert(0, [paragraph]);
  await h.services.store.append([{ docId: documentId(caseId, 'analysis'), update: Y.encodeStateAsUpdate(doc) }]);
  doc.destroy();
}

/**
 * Lets the responsible scientist sign the analysis off through the API, as the sign-off rule asks (002
 * h1, Bijlage 1): `text` as the professionals' request for help, every other required part written, the
 * facts recorded (a reason without the family's endorsement, with the child's view; education
 * consulted), and the hash of the text the scientist was shown.
 */
export async function signOffAnalysis(h: CaseHarness, team: CaseTeam, text = 'Hulpvraag in eigen woorden') {
  await writeAnalysisSection(h, team.caseId, 'hulpvraag_professionals', text);
  const doc = new Y.Doc();
  for (const def of SECTIONS.analysis.filter((d) => d.required && d.id !== 'hulpvraag_professionals')) {
    const kind = itemKindOf(def.id);
    if (kind)
      doc
        .getArray<Y.Map<unknown>>(def.id)
        .push([itemMap(kind, { id: `req-${def.id}`, tekst: def.title.nl, statement: def.title.nl })]);
    else {
      const paragraph = new Y.XmlElement('paragraph');
      paragraph.insert(0, [new Y.XmlText(`${def.title.nl}: ingevuld.`)]);
      doc.getXmlFragment(def.id).insert(0, [paragraph]);
    }
  }
  await h.services.store.append([{ docId: documentId(team.caseId, 'analysis'), update: Y.encodeStateAsUpdate(doc) }]);
  doc.destroy();
  const path = `/api/documents/${documentId(team.caseId, 'analysis')}`;
  for (const fact of [
    { kind: 'no-endorsement-reason', words: 'Vastgelegd voor de test.', childViewRecorded: true },
    { kind: 'education-consulted', words: 'Onderwijsconsulent SWV', consultedOn: '2026-01-05' },
  ]) {
    const res = await h.api(team.scientist, 'PUT', `${path}/sign-off-facts`, fact);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  }
  const status = await h.api<{ currentHash: string }>(team.scientist, 'GET', `${path}/sign-off`);
  const res = await h.api(team.scientist, 'POST', `${path}/sign-off`, { versionHash: status.body.currentHash });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
}

/**
 * Marks the case's DBT work settled in the database (a session with an outcome, one commitment met), for
 * tests about other things; the API path is tested in breakthrough.test.ts.
 */
export async function settleDbt(h: CaseHarness, team: CaseTeam): Promise<void> {
  const db = h.db as unknown as import('kysely').Kysely<Record<string, Record<string, unknown>>>;
  const sessionId = crypto.randomUUID();
  const now = h.now().toISOString();
  await db
    .insertInto('breakthrough_sessions')
    .values({
      id: sessionId,
      case_id: team.caseId,
      scheduled_at: now,
      ends_at: now,
      follow_up_until: now,
      created_by: team.regisseur.id,
      created_at: now,
      outcome: 'afspraken gemaakt',
      outcome_at: now,
      outcome_by: team.regisseur.id,
    })
    .execute();
  await db
    .insertInto('commitments')
    .values({
      id: crypto.randomUUID(),
      case_id: team.caseId,
      session_id: sessionId,
      author_id: team.regisseur.id,
      organisation: 'Gemeente',
      what: 'woonplek',
      law_or_budget: 'Jeugdwet',
      due_at: now,
      met_at: now,
      met_by: team.regisseur.id,
      created_at: now,
    })
    .execute();
}

/** Escalates a case step by step to the DBT through the API (signing the analysis off first). */
export async function escalateToDbt(h: CaseHarness, team: LadderTeam): Promise<void> {
  await signOffAnalysis(h, team);
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
