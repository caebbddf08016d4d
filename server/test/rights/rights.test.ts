/**
 * The rights of the young person and parents (issue 18): each route through the case gate, who may and
 * who may not use it at which age, every use and refusal in the access log; the parent-visibility rule
 * of the access log (young person 11 vs 14, with and without permission); and the dossier PDF, read
 * with pdftotext, holding the documents' text and the young person's own words next to it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { documentId } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
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
import { apiFor } from '../versions/support.js';

const run = promisify(execFile);

function paragraphsUpdate(section: string, texts: string[]): Uint8Array {
  const doc = new Y.Doc();
  doc.getXmlFragment(section).insert(
    0,
    texts.map((text) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
  return Y.encodeStateAsUpdate(doc);
}

let h: CaseHarness;
let t14: CaseTeam;
let t11: CaseTeam;
let t16: CaseTeam;

beforeAll(async () => {
  h = await startCaseServer();
  t14 = await caseWithTeam(h, bornYearsAgo(START, 14, 10), 'Daan Visser');
  t11 = await caseWithTeam(h, bornYearsAgo(START, 11, 10), 'Mila Visser');
  t16 = await caseWithTeam(h, bornYearsAgo(START, 16, 10), 'Sanne Boer');
  await h.services.store.append([
    {
      docId: documentId(t14.caseId, 'analysis'),
      update: paragraphsUpdate('veiligheid', ['Daan loopt vaak weg van huis.', 'Op school gaat het beter.']),
    },
  ]);
});
afterAll(async () => {
  await h?.close();
});

const statement = { document: 'analysis', section: 'veiligheid', passage: 'Daan loopt vaak weg van huis.' };

describe('own statements', () => {
  it('the young person (14) adds one: stored, logged, listed for everyone on the case', async () => {
    const before = await lastSeq(h.db);
    const res = await h.api<{ statement: { id: string; author: { name: string } } }>(
      t14.youngPerson,
      'POST',
      `/api/cases/${t14.caseId}/statements`,
      { ...statement, text: 'Ik loop niet weg, ik ga naar oma als het thuis te druk is.' },
    );
    expect(res.status).toBe(201);
    expect(res.body.statement.author.name).toBe('Daan Visser');
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.outcome, e.user_id])).toEqual([['create', 'success', t14.youngPerson.id]]);
    expect(log[0]?.detail).toMatch(/analysis own statement/);
    for (const who of [t14.scientist, t14.parent, t14.provider]) {
      const list = await h.api<{ statements: Array<{ text: string; passage: string }> }>(
        who,
        'GET',
        `/api/cases/${t14.caseId}/statements`,
      );
      expect(list.status).toBe(200);
      expect(list.body.statements.map((s) => s.passage)).toEqual(['Daan loopt vaak weg van huis.']);
    }
  });

  it('a parent adds their own; a professional may not (refusal logged, Dutch reason)', async () => {
    const parent = await h.api(t14.parent, 'POST', `/api/cases/${t14.caseId}/statements`, {
      ...statement,
      text: 'Als moeder zie ik dat anders.',
    });
    expect(parent.status).toBe(201);
    const before = await lastSeq(h.db);
    const pro = await h.api<{ error: { id: string; text: string } }>(
      t14.provider,
      'POST',
      `/api/cases/${t14.caseId}/statements`,
      { ...statement, text: 'x' },
    );
    expect(pro.status).toBe(403);
    expect(pro.body.error.id).toBe('right_not_holder');
    expect(pro.body.error.text).toMatch(/Dit recht is niet van jou/);
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.outcome])).toEqual([['create', 'denied']]);
  });

  it('refuses an unknown section with a Dutch error, and bad input with 400, writing nothing', async () => {
    const res = await h.api<{ error: { id: string; text: string } }>(
      t14.youngPerson,
      'POST',
      `/api/cases/${t14.caseId}/statements`,
      { document: 'analysis', section: 'bestaat-niet', text: 'Hallo' },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.id).toBe('unknown_section');
    const empty = await h.api(t14.youngPerson, 'POST', `/api/cases/${t14.caseId}/statements`, {
      ...statement,
      text: '   ',
    });
    expect(empty.status).toBe(400);
  });

  it('someone not on the case gets 404, logged as refused', async () => {
    const stranger = await h.user({ role: 'jeugdhulpaanbieder' });
    const before = await lastSeq(h.db);
    const res = await h.api(stranger, 'GET', `/api/cases/${t14.caseId}/statements`);
    expect(res.status).toBe(404);
    expect((await logSince(h.db, before)).map((e) => e.outcome)).toEqual(['denied']);
  });
});

describe('correction requests', () => {
  it('young person asks; due in one month (Amsterdam calendar); the scientist answers with a reason', async () => {
    const asked = await h.api<{ correction: { id: string; dueBy: string; decision: null } }>(
      t14.youngPerson,
      'POST',
      `/api/cases/${t14.caseId}/corrections`,
      { ...statement, what: 'Er staat dat ik wegloop. Dat klopt niet.', why: 'Ik ga naar oma, dat is afgesproken.' },
    );
    expect(asked.status).toBe(201);
    expect(asked.body.correction.dueBy).toBe('2026-04-01T09:00:00.000Z'); // 1 March 11:00 CET → 1 April 11:00 CEST
    const provider = await h.api(
      t14.provider,
      'POST',
      `/api/cases/${t14.caseId}/corrections/${asked.body.correction.id}/decision`,
      {
        decision: 'accepted',
        answer: 'ok',
      },
    );
    expect(provider.status).toBe(403);
    const noReason = await h.api(
      t14.scientist,
      'POST',
      `/api/cases/${t14.caseId}/corrections/${asked.body.correction.id}/decision`,
      {
        decision: 'declined',
        answer: '',
      },
    );
    expect(noReason.status).toBe(400);
    const before = await lastSeq(h.db);
    const answered = await h.api<{ correction: { decision: string; answer: string; decidedBy: string } }>(
      t14.scientist,
      'POST',
      `/api/cases/${t14.caseId}/corrections/${asked.body.correction.id}/decision`,
      { decision: 'accepted', answer: 'Je hebt gelijk, ik pas de tekst aan.' },
    );
    expect(answered.status).toBe(200);
    expect(answered.body.correction).toMatchObject({ decision: 'accepted', decidedBy: 'Gert Gedrag' });
    expect((await logSince(h.db, before)).map((e) => [e.event, e.outcome])).toEqual([['update', 'success']]);
    const again = await h.api(
      t14.scientist,
      'POST',
      `/api/cases/${t14.caseId}/corrections/${asked.body.correction.id}/decision`,
      {
        decision: 'declined',
        answer: 'toch niet',
      },
    );
    expect(again.status).toBe(409);
  });

  it('from 16 the young person asks alone: a parent (with consent) is refused', async () => {
    expect(
      (await h.api(t16.youngPerson, 'PUT', `/api/cases/${t16.caseId}/parents-consent`, { consent: true })).status,
    ).toBe(200);
    const parent = await h.api<{ error: { id: string } }>(t16.parent, 'POST', `/api/cases/${t16.caseId}/corrections`, {
      ...statement,
      what: 'a',
      why: 'b',
    });
    expect(parent.status).toBe(403);
    expect(parent.body.error.id).toBe('right_not_holder');
    const destruction = await h.api<{ error: { id: string } }>(
      t16.parent,
      'POST',
      `/api/cases/${t16.caseId}/destruction-requests`,
      {
        reason: 'weg ermee',
      },
    );
    expect(destruction.status).toBe(403);
    // 12–15: both may ask.
    expect(
      (await h.api(t14.parent, 'POST', `/api/cases/${t14.caseId}/corrections`, { ...statement, what: 'a', why: 'b' }))
        .status,
    ).toBe(201);
  });
});

describe('the rights overview', () => {
  it('says per person which rights they hold, with the answer dates', async () => {
    const young = await h.api<{
      rights: Record<string, boolean>;
      terms: { correctionBy: string; destructionBy: string };
    }>(t14.youngPerson, 'GET', `/api/cases/${t14.caseId}/rights`);
    expect(young.status).toBe(200);
    expect(young.body.rights).toEqual({
      accessLog: true,
      export: true,
      statement: true,
      correction: true,
      destruction: true,
      logPrivacy: true,
    });
    expect(young.body.terms.destructionBy).toBe('2026-06-01T09:00:00.000Z');
    const parent = await h.api<{ rights: Record<string, boolean> }>(
      t14.parent,
      'GET',
      `/api/cases/${t14.caseId}/rights`,
    );
    expect(parent.body.rights).toMatchObject({ export: false, logPrivacy: false, correction: true });
    const parent11 = await h.api<{ rights: Record<string, boolean> }>(
      t11.parent,
      'GET',
      `/api/cases/${t11.caseId}/rights`,
    );
    expect(parent11.body.rights).toMatchObject({ export: true, destruction: true });
    const scientist = await h.api<{ decides: boolean; rights: Record<string, boolean>; statements: unknown[] }>(
      t14.scientist,
      'GET',
      `/api/cases/${t14.caseId}/rights`,
    );
    expect(scientist.body.decides).toBe(true);
    expect(Object.values(scientist.body.rights).every((v) => !v)).toBe(true);
    expect(scientist.body.statements.length).toBe(2);
    // A young person under 12 has no access at all.
    expect((await h.api(t11.youngPerson, 'GET', `/api/cases/${t11.caseId}/rights`)).status).toBe(404);
  });
});

describe('the parent does not see the young person’s own activity', () => {
  const ownEntries = async (team: CaseTeam) => {
    const res = await h.api<{ entries: Array<{ name: string | null; role: string | null }> }>(
      team.parent,
      'GET',
      `/api/cases/${team.caseId}/access-log`,
    );
    expect(res.status).toBe(200);
    return res.body.entries.filter((e) => e.name === team.youngPerson.name || e.role === 'jeugdige').length;
  };

  it('at 14 the young person’s visits are left out for the parent, until the young person allows it', async () => {
    expect((await h.api(t14.youngPerson, 'GET', `/api/cases/${t14.caseId}`)).status).toBe(200);
    expect(await ownEntries(t14)).toBe(0);
    // The professionals still see them.
    const pro = await h.api<{ entries: Array<{ role: string | null }> }>(
      t14.scientist,
      'GET',
      `/api/cases/${t14.caseId}/access-log`,
    );
    expect(pro.body.entries.some((e) => e.role === 'jeugdige')).toBe(true);
    // Only the young person sets it; the parent may not.
    expect(
      (await h.api(t14.parent, 'PUT', `/api/cases/${t14.caseId}/rights/log-privacy`, { parentsSeeMyActivity: true }))
        .status,
    ).toBe(403);
    const before = await lastSeq(h.db);
    const allowed = await h.api(t14.youngPerson, 'PUT', `/api/cases/${t14.caseId}/rights/log-privacy`, {
      parentsSeeMyActivity: true,
    });
    expect(allowed.status).toBe(200);
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.outcome])).toEqual([['consent', 'success']]);
    expect(log[0]?.detail).toMatch(/own activity for parents: shown$/);
    expect(await ownEntries(t14)).toBeGreaterThan(0);
    await h.api(t14.youngPerson, 'PUT', `/api/cases/${t14.caseId}/rights/log-privacy`, { parentsSeeMyActivity: false });
    expect(await ownEntries(t14)).toBe(0);
  });

  it('at 11 there is nothing to hide: the young person has no access, their refused visit shows', async () => {
    expect((await h.api(t11.youngPerson, 'GET', `/api/cases/${t11.caseId}`)).status).toBe(404);
    expect(await ownEntries(t11)).toBeGreaterThan(0);
    // …and the young person of 11 cannot set anything.
    expect(
      (
        await h.api(t11.youngPerson, 'PUT', `/api/cases/${t11.caseId}/rights/log-privacy`, {
          parentsSeeMyActivity: false,
        })
      ).status,
    ).toBe(404);
  });
});

describe('the dossier PDF', () => {
  it('holds the documents’ text, the own statement next to it, the correction, read with pdftotext', async () => {
    const api = await apiFor(h.services, h.server.url, t14.youngPerson.id);
    const before = await lastSeq(h.db);
    const res = await api.get(`/cases/${t14.caseId}/export.pdf`);
    expect(res.status).toBe(200);
    const dir = await mkdtemp(path.join(tmpdir(), 'rights-pdf-'));
    try {
      const file = path.join(dir, 'dossier.pdf');
      await writeFile(file, Buffer.from(await res.arrayBuffer()));
      await run('pdftotext', ['-layout', file, path.join(dir, 'dossier.txt')]);
      const text = (await readFile(path.join(dir, 'dossier.txt'), 'utf8')).replace(/\s+/g, ' ');
      expect(text).toContain('Daan loopt vaak weg van huis.');
      expect(text).toContain('Eigen verklaring van Daan Visser (jeugdige)');
      expect(text).toContain('Ik loop niet weg, ik ga naar oma als het thuis te druk is.');
      // Next to the disputed text: after the section's words, before the next section.
      expect(text.indexOf('Ik loop niet weg')).toBeGreaterThan(text.indexOf('Op school gaat het beter.'));
      expect(text).toContain('Verzoeken om iets te verbeteren');
      expect(text).toContain('Wie heeft mijn dossier bekeken?');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    expect((await logSince(h.db, before)).map((e) => [e.event, e.outcome])).toEqual([['export', 'success']]);
    const json = await h.api<{ statements: unknown[]; corrections: unknown[] }>(
      t14.youngPerson,
      'POST',
      `/api/cases/${t14.caseId}/export`,
    );
    expect(json.body.statements.length).toBe(2);
    expect(json.body.corrections.length).toBe(2);
    // A parent of a 14-year-old does not download the whole dossier (their child's own right from 12).
    expect((await h.api(t14.parent, 'POST', `/api/cases/${t14.caseId}/export`)).status).toBe(403);
  });
});
