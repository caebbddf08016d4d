/**
 * The young person's complete dossier as a readable PDF (GET /api/cases/:id/export.pdf and
 * POST /api/cases/:id/export?format=pdf): same gate and the same 'export' log entry as the JSON export;
 * the file is a valid PDF whose text (title page, sections, comments, endorsements, versions, access
 * log) reads back with pdfjs.
 */
import { documentId } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { registerCaseDocument } from '../../src/cases/caseDocuments.js';
import { addComment } from '../../src/comments/comments.js';
import { dutchDateTime, logSubject } from '../../src/export/casePdf.js';
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
import { readPdf } from '../support/pdfText.js';
import { apiFor, endorseNow, satisfySignOffRule, signOffNow } from '../versions/support.js';

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

/** The text as laid out, one line (or table cell line) per line, in page order (pdfjs). */
async function pdfText(file: string): Promise<string> {
  return (await readPdf(Buffer.from(file, 'latin1'))).text;
}

/** Structural checks: header, trailer, every xref offset pointing at its object, and pdfjs opens it. */
async function expectValidPdf(file: string): Promise<number> {
  expect(file.startsWith('%PDF-1.7\n')).toBe(true);
  expect(file.trimEnd().endsWith('%%EOF')).toBe(true);
  const xref = Number(/startxref\n(\d+)/.exec(file)?.[1]);
  expect(file.slice(xref, xref + 4)).toBe('xref');
  const offsets = [...file.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
  for (const [i, offset] of offsets.entries()) expect(file.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true);
  return (await readPdf(Buffer.from(file, 'latin1'))).pages;
}

let h: CaseHarness;
let team: CaseTeam;
const analysis = () => documentId(team.caseId, 'analysis');

async function pdfOf(userId: string, how: 'get' | 'post' = 'get') {
  const api = await apiFor(h.services, h.server.url, userId);
  const res =
    how === 'get'
      ? await api.get(`/cases/${team.caseId}/export.pdf`)
      : await api.post(`/cases/${team.caseId}/export?format=pdf`);
  return { res, file: Buffer.from(await res.arrayBuffer()).toString('latin1') };
}

beforeAll(async () => {
  h = await startCaseServer();
  team = await caseWithTeam(h, bornYearsAgo(START, 16, 30));
  const meetingDoc = documentId(team.caseId, 'meetingNotes', 'mdo-7f3a');
  await registerCaseDocument(h.db, meetingDoc, h.now());
  await h.services.store.append([
    { docId: meetingDoc, update: paragraphsUpdate('notulen', ['Afgesproken: school belt maandag.']) },
    {
      docId: analysis(),
      update: paragraphsUpdate('hulpvraag_jeugdige', ['Ik wil gewoon weer naar school.', 'En rust thuis.']),
    },
    { docId: analysis(), update: paragraphsUpdate('veiligheid', ['Oma’s huis is een veilige plek (zegt Noor).']) },
    {
      docId: documentId(team.caseId, 'futurePlan'),
      update: paragraphsUpdate('toekomstbeeld_jeugdige', ['Op mezelf wonen in Alkmaar.']),
    },
  ]);
  await addComment(h.db, {
    documentId: analysis(),
    caseId: team.caseId,
    section: 'veiligheid',
    parentId: null,
    author: { id: team.parent.id, name: team.parent.name, role: 'ouder' },
    text: 'Thuis is het nu rustiger.',
    anchor: null,
    now: h.now(),
  });
  const young = await apiFor(h.services, h.server.url, team.youngPerson.id);
  expect(
    (
      await endorseNow(young, analysis(), {
        stance: 'agree-with-remarks',
        words: 'Het klopt, maar ik ben niet lui.',
      })
    ).status,
  ).toBe(200);
  const scientist = await apiFor(h.services, h.server.url, team.scientist.id);
  await satisfySignOffRule(scientist, (fn) => h.server.collab.applyServerChange(analysis(), fn), analysis());
  expect((await signOffNow(scientist, analysis())).status).toBe(201);
});
afterAll(async () => {
  await h?.close();
});

describe('the dossier as PDF', () => {
  it('gives the young person a valid PDF with the title page, sections, comments, endorsements and versions', async () => {
    const before = await lastSeq(h.db);
    const { res, file } = await pdfOf(team.youngPerson.id);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="samenspraak-${team.caseId}.pdf"`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const pages = await expectValidPdf(file);
    expect(pages).toBeGreaterThanOrEqual(6); // title, team, analysis, future plan, meeting, access log
    const text = await pdfText(file);
    // Title page: name and date (START is 1 March 2026).
    expect(text).toContain('Mijn dossier in Samenspraak\nNoor Jansen\nGemaakt op 1 maart 2026');
    expect(text).toContain('Stap in het proces: Aangemeld');
    expect(text).toContain('Wie werken er mee?');
    expect(text).toContain('Gert Gedrag — gedragswetenschapper, Zorgaanbieder Noord');
    // Sections as plain paragraphs, under their titles, in template order.
    expect(text).toContain(
      'Hulpvraag van de jeugdige — in eigen woorden\nIk wil gewoon weer naar school.\nEn rust thuis.\nHulpvraag van Petra (ouder) — in eigen woorden\n(nog leeg)',
    );
    expect(text).toContain(
      'Veiligheid — Toevoeging Samenspraak (niet uit Bijlage 1)\nOma’s huis is een veilige plek (zegt Noor).\nOpmerking van Petra Jansen (ouder)',
    );
    expect(text).toContain('Thuis is het nu rustiger.');
    expect(text).toContain('Toekomstplan\nMijn toekomstbeeld\nOp mezelf wonen in Alkmaar.');
    // Meeting notes are numbered, not named by their id.
    expect(text).toContain('Verslag van een overleg 1\nAgenda\n(nog leeg)');
    expect(text).toContain('Aantekeningen\nAfgesproken: school belt maandag.');
    expect(text).not.toContain('mdo-7f3a');
    expect(text).toContain('Noor Jansen (jeugdige): eens, met opmerkingen — “Het klopt, maar ik ben niet lui.”');
    expect(text).toContain('vastgesteld 2026-03-01 — vastgesteld door Gert Gedrag (gedragswetenschapper)');
    // Not JSON: no braces or field names from the export structure.
    expect(text).not.toMatch(/"text"|richText|\{"/);
    // Every page has a footer with its number.
    expect(text).toContain(`pagina 1 van ${pages}`);
    expect(text).toContain(`pagina ${pages} van ${pages}`);
    // Exactly one log entry: the export.
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.user_id, e.outcome, e.detail])).toEqual([
      ['export', team.youngPerson.id, 'success', 'GET /api/cases/:id/export.pdf pdf'],
    ]);
  });

  it('lists the access log as a table in plain words, oldest first, without addresses', async () => {
    const { file } = await pdfOf(team.youngPerson.id);
    const text = await pdfText(file);
    expect(text).toContain('Wie heeft mijn dossier bekeken?');
    expect(text).toContain('Wanneer\nWie\nWat\nWaarover\nGelukt?');
    // The sign-off in beforeAll, the endorsement and the previous export, with name, role and words. A cell
    // that wraps continues after the row's first line (rows are drawn line by line).
    expect(text).toContain('Gert Gedrag\niets toegevoegd\nde analyse: vaststellen\ngelukt\n(gedragswetenschapper)');
    expect(text).toContain('Noor Jansen (jeugdige)\niets veranderd\nde analyse: wie het ermee eens is\ngelukt');
    expect(text).toContain('Noor Jansen (jeugdige)\ngedownload\nhet hele dossier\ngelukt');
    expect(file).not.toContain('127.0.0.1');
    expect(text).not.toContain('127.0.0.1');
  });

  it('POST …/export?format=pdf gives the same PDF and logs the same export; an unknown format is a 400', async () => {
    const before = await lastSeq(h.db);
    const { res, file } = await pdfOf(team.youngPerson.id, 'post');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(await pdfText(file)).toContain('Ik wil gewoon weer naar school.');
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.outcome, e.detail])).toEqual([
      ['export', 'success', 'POST /api/cases/:id/export pdf'],
    ]);
    const api = await apiFor(h.services, h.server.url, team.youngPerson.id);
    const bad = await api.post(`/cases/${team.caseId}/export?format=xml`);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { id: string } }).error.id).toBe('invalid_request');
  });

  it('the responsible scientist may export on the young person’s behalf; parent, provider, director may not', async () => {
    expect((await pdfOf(team.scientist.id)).res.status).toBe(200);
    const before = await lastSeq(h.db);
    const results: number[] = [];
    for (const u of [team.parent, team.provider, team.regisseur]) results.push((await pdfOf(u.id)).res.status);
    // The parent of a 16-year-old without consent does not even see the case.
    expect(results).toEqual([404, 403, 403]);
    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.event, e.outcome, e.user_id])).toEqual([
      ['export', 'denied', team.parent.id],
      ['export', 'denied', team.provider.id],
      ['export', 'denied', team.regisseur.id],
    ]);
    for (const e of log) expect(e.detail).toMatch(/^GET \/api\/cases\/:id\/export\.pdf complete export: /);
  });

  it('a second behavioural scientist who is not the responsible one is refused; a stranger gets 404', async () => {
    const other = await h.user({ role: 'gedragswetenschapper', name: 'Tweede Gedrag' });
    expect(
      (
        await h.api(team.regisseur, 'POST', `/api/cases/${team.caseId}/participants`, {
          userId: other.id,
          role: 'gedragswetenschapper',
        })
      ).status,
    ).toBe(201);
    expect((await pdfOf(other.id)).res.status).toBe(403);
    const stranger = await h.user({ role: 'gedragswetenschapper', name: 'Vreemde' });
    const { res, file } = await pdfOf(stranger.id);
    expect(res.status).toBe(404);
    expect(file).not.toContain('Noor');
  });

  it('a young person under 12 has no access to the dossier yet, so no export', async () => {
    const young = await caseWithTeam(h, bornYearsAgo(START, 11));
    const api = await apiFor(h.services, h.server.url, young.youngPerson.id);
    expect((await api.get(`/cases/${young.caseId}/export.pdf`)).status).toBe(404);
  });

  it('without a session the PDF is refused', async () => {
    const res = await fetch(`${h.server.url}/api/cases/${team.caseId}/export.pdf`);
    expect(res.status).toBe(401);
  });

  it('the JSON export now carries the endorsements (with earlier stances) and the versions', async () => {
    const res = await h.api<{
      documents: Array<{
        type: string;
        endorsements: Array<{ stance: string; words: string | null; supersededAt: string | null }>;
        versions: Array<{ name: string; kind: string }>;
      }>;
    }>(team.youngPerson, 'POST', `/api/cases/${team.caseId}/export`);
    expect(res.status).toBe(200);
    const doc = res.body.documents.find((d) => d.type === 'analysis');
    expect(doc?.endorsements).toMatchObject([
      { stance: 'agree-with-remarks', words: 'Het klopt, maar ik ben niet lui.', supersededAt: null },
    ]);
    expect(doc?.versions).toMatchObject([{ name: 'vastgesteld 2026-03-01', kind: 'signed-off' }]);
  });
});

describe('the dossier of Łukasz Şahin', () => {
  it('prints his name as written and is a tagged PDF with headings and paragraphs in reading order', async () => {
    const lukasz = await caseWithTeam(h, bornYearsAgo(START, 17), 'Łukasz Şahin');
    const doc = documentId(lukasz.caseId, 'analysis');
    await h.services.store.append([
      { docId: doc, update: paragraphsUpdate('hulpvraag_jeugdige', ['Ik heet Łukasz, mijn vriend heet Doğan.']) },
    ]);
    await addComment(h.db, {
      documentId: doc,
      caseId: lukasz.caseId,
      section: 'hulpvraag_jeugdige',
      parentId: null,
      author: { id: lukasz.scientist.id, name: lukasz.scientist.name, role: 'gedragswetenschapper' },
      text: 'Goed verwoord, Łukasz.',
      anchor: null,
      now: h.now(),
    });
    const api = await apiFor(h.services, h.server.url, lukasz.youngPerson.id);
    for (let i = 0; i < 3; i++) expect((await api.get(`/cases/${lukasz.caseId}`)).status).toBe(200);
    const res = await api.get(`/cases/${lukasz.caseId}/export.pdf`);
    expect(res.status).toBe(200);
    const pdf = await readPdf(Buffer.from(await res.arrayBuffer()));

    expect(pdf.text).toContain('Mijn dossier in Samenspraak\nŁukasz Şahin\nGemaakt op 1 maart 2026');
    expect(pdf.text).toContain('Ik heet Łukasz, mijn vriend heet Doğan.');
    expect(pdf.text).toContain('Opmerking van Gert Gedrag (gedragswetenschapper), 01-03-2026');
    expect(pdf.text).not.toContain('?ukasz');

    // Tagged: MarkInfo /Marked true, a structure tree, a language and a title the reader shows.
    expect(pdf.marked).toBe(true);
    expect(pdf.structTreeRoot).toBe(true);
    expect(pdf.lang).toBe('nl-NL');
    expect(pdf.title).toBe('Dossier Łukasz Şahin');
    expect(pdf.displayTitle).toBe(true);

    // The structure tree holds the headings and paragraphs, in the order they are on the pages.
    const tagged = pdf.structure.filter((s) => s.text !== '');
    const roles = (text: string) => tagged.filter((s) => s.text === text).map((s) => s.role);
    expect(roles('Mijn dossier in Samenspraak')).toEqual(['H1']);
    expect(roles('Łukasz Şahin')).toEqual(['P']);
    expect(roles('Verklarende analyse')).toEqual(['H1']);
    expect(roles('Hulpvraag van de jeugdige — in eigen woorden')).toEqual(['H2']);
    expect(roles('Ik heet Łukasz, mijn vriend heet Doğan.')).toEqual(['P']);
    expect(roles('Wie heeft mijn dossier bekeken?')).toEqual(['H1']);
    expect(tagged.filter((s) => s.role === 'TH').map((s) => s.text)).toEqual([
      'Wanneer',
      'Wie',
      'Wat',
      'Waarover',
      'Gelukt?',
    ]);
    // Reading order: every heading and paragraph comes after the one before it in the laid-out text.
    const flat = pdf.text.replace(/\s+/g, ' ');
    let at = 0;
    for (const s of tagged.filter((t) => ['H1', 'H2', 'P'].includes(t.role))) {
      const found = flat.indexOf(s.text.replace(/\s+/g, ' '), at);
      expect(found, `${s.role} "${s.text}" in reading order`).toBeGreaterThanOrEqual(at);
      at = found;
    }
    // The access log is grouped, not raw lines: three looks at the dossier within a minute are one row.
    const rows: string[][] = [];
    for (const s of pdf.structure) {
      if (s.role === 'TR') rows.push([]);
      else if (s.role === 'TD') rows.at(-1)?.push(s.text);
    }
    expect(rows).toContainEqual(['01-03-2026 3 keer', 'Łukasz Şahin (jeugdige)', 'bekeken', 'het dossier', 'gelukt']);
    expect(pdf.text).toContain('Łukasz Şahin (jeugdige): 3 keer, op 01-03-2026 11:00');
    // Footers are artifacts, outside the structure.
    expect(tagged.some((s) => s.text.includes('pagina 1 van'))).toBe(false);
  });
  it('shows each document at its latest signed-off version when asked, and says so; current by default', async () => {
    const team2 = await caseWithTeam(h, bornYearsAgo(START, 17), 'Łukasz Şahin');
    const doc = documentId(team2.caseId, 'analysis');
    await h.services.store.append([
      { docId: doc, update: paragraphsUpdate('veiligheid', ['Zo was het afgesproken.']) },
    ]);
    const scientist = await apiFor(h.services, h.server.url, team2.scientist.id);
    await satisfySignOffRule(scientist, (fn) => h.server.collab.applyServerChange(doc, fn), doc);
    expect((await signOffNow(scientist, doc)).status).toBe(201);
    await h.services.store.append([{ docId: doc, update: paragraphsUpdate('veiligheid', ['Later erbij gezet.']) }]);
    const young = await apiFor(h.services, h.server.url, team2.youngPerson.id);
    const text = async (path: string) => {
      const res = await young.get(path);
      expect(res.status).toBe(200);
      return (await readPdf(Buffer.from(await res.arrayBuffer()))).text;
    };
    const now = await text(`/cases/${team2.caseId}/export.pdf`);
    expect(now).toContain('Later erbij gezet.');
    expect(now).not.toContain('Dit is de tekst van de versie');
    const agreed = await text(`/cases/${team2.caseId}/export.pdf?version=signed-off`);
    expect(agreed).toContain(
      'Verklarende analyse\nDit is de tekst van de versie “vastgesteld 2026-03-01” van 01-03-2026',
    );
    expect(agreed).toContain('Veiligheid — Toevoeging Samenspraak (niet uit Bijlage 1)\nZo was het afgesproken.');
    expect(agreed).not.toContain('Later erbij gezet.');
    // A document without a signed-off version shows its current content.
    expect(agreed).toContain('Toekomstplan\nMijn toekomstbeeld\n(nog leeg)');
    expect((await young.get(`/cases/${team2.caseId}/export.pdf?version=gisteren`)).status).toBe(400);
  });
});

describe('wording', () => {
  it('says what a log entry was about in plain words', () => {
    expect(logSubject('GET /api/cases/:id')).toBe('het dossier');
    expect(logSubject('GET /api/cases/:id/access-log')).toBe('wie het dossier bekeek');
    expect(logSubject('case-1.analysis endorsement')).toBe('de analyse: wie het ermee eens is');
    expect(logSubject('case-1.futurePlan version')).toBe('het toekomstplan: versies');
    expect(logSubject('POST /api/cases/:id/export pdf')).toBe('het hele dossier');
    expect(logSubject('PUT /api/cases/:id/parents-consent')).toBe('toegang voor ouders');
    expect(logSubject('something else')).toBe('het dossier');
    expect(dutchDateTime('2026-03-01T10:00:00.000Z')).toBe('01-03-2026 11:00');
    expect(dutchDateTime('2026-07-01T10:00:00.000Z')).toBe('01-07-2026 12:00');
  });
});
