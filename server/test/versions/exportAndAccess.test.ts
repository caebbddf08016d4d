/**
 * Exports of a version (Markdown and PDF) and the permission rules on versions: readers see only what
 * they may read, a parent cannot restore professional text, and every call is in the access log.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { documentSections, readableSections, sectionsFor } from '../../src/documents/sections.js';
import { exportModel, toMarkdown } from '../../src/versions/versionExport.js';
import { addParticipant, createCase } from '../support/caseFixture.js';
import { readPdf } from '../support/pdfText.js';
import { startTestServer } from '../support/testServer.js';
import type { TrackedClient } from '../support/trackedClient.js';
import { apiFor, caseWithPeople, connect, endorseNow, paragraphsOf, setParagraphs, write } from './support.js';

const now = new Date('2026-11-23T10:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;
let docId: string;
let caseId: string;
let people: Awaited<ReturnType<typeof caseWithPeople>>['people'];
let scientistClient: TrackedClient;
let versionId: string;

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => now });
  ({ docId, caseId, people } = await caseWithPeople(server.services));
  scientistClient = await connect(server.wsUrl, docId, people.scientist);
  await write(scientistClient, (d) =>
    setParagraphs(d, 'veiligheid', ['Er is geen acuut gevaar (wel zorgen).', 'Oma’s huis is een veilige plek.']),
  );
  const parentClient = await connect(server.wsUrl, docId, people.parent, 'ouder');
  await write(parentClient, (d) => setParagraphs(d, 'hulpvraag_ouders', ['Wij willen dat Noor weer lacht.']));
  parentClient.destroy();
  const scientist = await apiFor(server.services, server.url, people.scientist);
  await endorseNow(await apiFor(server.services, server.url, people.youngPerson), docId, {
    stance: 'agree-with-remarks',
    words: 'Het klopt, maar ik ben niet lui.',
  });
  const res = await scientist.post(`/documents/${docId}/versions`, { name: 'bespreekversie' });
  versionId = ((await res.json()) as { version: { id: string } }).version.id;
});
afterAll(async () => {
  scientistClient?.destroy();
  await server?.close();
});

describe('export of a version', () => {
  it('as Markdown: title, first name, version, sections and endorsements', async () => {
    const api = await apiFor(server.services, server.url, people.parent);
    const res = await api.get(`/documents/${docId}/versions/${versionId}/export.md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    const text = await res.text();
    expect(text).toMatch(/^# Verklarende analyse — Noor\n/);
    expect(text).not.toContain('de Vries');
    expect(text).toContain('Versie: bespreekversie (2026-11-23)');
    expect(text).toContain(
      '## Veiligheid — Toevoeging Samenspraak (niet uit Bijlage 1)\n\nEr is geen acuut gevaar (wel zorgen).\n\nOma’s huis is een veilige plek.',
    );
    expect(text).toContain('Wij willen dat Noor weer lacht.');
    expect(text).toContain(
      '## Gedragen\n\n- Noor (jeugdige): eens met opmerkingen — “Het klopt, maar ik ben niet lui.”',
    );
  });

  it('as PDF: a valid file whose text reads back', async () => {
    const api = await apiFor(server.services, server.url, people.youngPerson);
    const res = await api.get(`/documents/${docId}/versions/${versionId}/export.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    const pdf = await readPdf(Buffer.from(await res.arrayBuffer()));
    // A valid file (pdfjs opens it) with the text in it, in an embedded Unicode font.
    expect(pdf.raw.startsWith('%PDF-1.7\n')).toBe(true);
    expect(pdf.raw.trimEnd().endsWith('%%EOF')).toBe(true);
    // The xref offsets point at the objects.
    const file = pdf.raw;
    const xref = Number(/startxref\n(\d+)/.exec(file)?.[1]);
    expect(file.slice(xref, xref + 4)).toBe('xref');
    const offsets = [...file.slice(xref).matchAll(/^(\d{10}) 00000 n $/gm)].map((m) => Number(m[1]));
    for (const [i, offset] of offsets.entries()) expect(file.slice(offset).startsWith(`${i + 1} 0 obj`)).toBe(true);
    expect(pdf.raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(pdf.text).toContain('Er is geen acuut gevaar (wel zorgen).');
    expect(pdf.text).toContain('Oma’s huis is een veilige plek.');
    expect(pdf.text).toContain('Het klopt, maar ik ben niet lui.');
    expect(pdf.text).toContain('Verklarende analyse — Noor');
  });

  it('every export is in the access log as an export', async () => {
    const log = await server.services.accessLog.forCase(caseId);
    const exports = log.filter((e) => e.event === 'export');
    expect(exports.map((e) => [e.user_id, e.detail])).toEqual(
      expect.arrayContaining([
        [people.parent, `${docId} md`],
        [people.youngPerson, `${docId} pdf`],
      ]),
    );
    expect(log.some((e) => e.event === 'create' && e.detail === `${docId} version`)).toBe(true);
  });
});

describe('permissions on versions', () => {
  it('a parent cannot restore a professional section; nothing changes', async () => {
    await write(scientistClient, (d) => setParagraphs(d, 'veiligheid', ['Nieuwe inschatting.']));
    const before = Y.encodeStateAsUpdate(server.collab.loadedDocument(docId) as Y.Doc);
    const parent = await apiFor(server.services, server.url, people.parent);
    const res = await parent.post(`/documents/${docId}/versions/${versionId}/restore`);
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe(
      'you may not edit section(s) this restore would change: veiligheid',
    );
    expect(Y.encodeStateAsUpdate(server.collab.loadedDocument(docId) as Y.Doc)).toEqual(before);
    const log = await server.services.accessLog.forCase(caseId);
    expect(log.some((e) => e.user_id === people.parent && e.event === 'update' && e.outcome === 'denied')).toBe(true);
  });

  it('a parent restores their own words, and only those', async () => {
    const parentClient = await connect(server.wsUrl, docId, people.parent, 'ouder');
    await write(parentClient, (d) => setParagraphs(d, 'hulpvraag_ouders', ['Dat was te streng gezegd.']));
    const parent = await apiFor(server.services, server.url, people.parent);
    const res = await parent.post(`/documents/${docId}/versions/${versionId}/restore`, {
      sections: ['hulpvraag_ouders'],
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { changed: string[] }).changed).toEqual(['hulpvraag_ouders']);
    const live = server.collab.loadedDocument(docId) as Y.Doc;
    expect(paragraphsOf(live, 'hulpvraag_ouders')).toEqual(['Wij willen dat Noor weer lacht.']);
    expect(paragraphsOf(live, 'veiligheid')).toEqual(['Nieuwe inschatting.']);
    parentClient.destroy();
  });

  it('a parent without access (young person 16+, no consent) gets nothing of versions or exports', async () => {
    const older = await createCase(server.services.db, { dateOfBirth: '2009-01-01' });
    const scientist = await addParticipant(server.services.db, older, 'gedragswetenschapper');
    const parentId = await addParticipant(server.services.db, older, 'ouder');
    const olderDoc = `${older}.analysis`;
    const res = await (await apiFor(server.services, server.url, scientist)).post(`/documents/${olderDoc}/versions`, {
      name: 'v',
    });
    const id = ((await res.json()) as { version: { id: string } }).version.id;
    const parent = await apiFor(server.services, server.url, parentId);
    for (const path of ['', `/${id}`, `/${id}/diff/current`, `/${id}/export.md`, `/${id}/export.pdf`])
      expect((await parent.get(`/documents/${olderDoc}/versions${path}`)).status).toBe(404);
    expect((await parent.post(`/documents/${olderDoc}/versions/${id}/restore`)).status).toBe(404);
    expect((await parent.post(`/documents/${olderDoc}/versions`, { name: 'x' })).status).toBe(404);
  });

  it('a reader who only reads cannot save versions', async () => {
    const director = await apiFor(
      server.services,
      server.url,
      await addParticipant(server.services.db, caseId, 'dbt-lid'),
    );
    expect((await director.get(`/documents/${docId}/versions`)).status).toBe(200);
    expect((await director.post(`/documents/${docId}/versions`, { name: 'x' })).status).toBe(403);
  });

  it('sections a reader may not read are left out of version content and exports', () => {
    const doc = new Y.Doc();
    setParagraphs(doc, 'veiligheid', ['Geheim voor deze lezer.']);
    setParagraphs(doc, 'evaluatie', ['Mag gelezen worden.']);
    const allowed = readableSections({ veiligheid: 'none', evaluatie: 'read', hulp_tot_nu: 'comment' });
    expect(allowed).toEqual(['evaluatie', 'hulp_tot_nu']);
    const sections = sectionsFor(doc, 'analysis', allowed);
    expect(Object.keys(sections)).toEqual(['hulp_tot_nu', 'evaluatie']);
    const md = toMarkdown(
      exportModel({
        type: 'analysis',
        youngPersonName: 'Noor',
        version: { name: 'v', createdAt: now.toISOString() },
        sections,
        endorsements: [],
      }),
    );
    expect(md).toContain('Mag gelezen worden.');
    expect(md).not.toContain('Geheim');
    expect(md).not.toContain('Veiligheid');
    expect(Object.keys(documentSections(doc, 'analysis'))).toContain('veiligheid');
  });
});
