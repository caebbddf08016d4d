/**
 * Items whose free-text fields are Y.Text read exactly like the plain strings they replaced: in the
 * section JSON, the text of versions, the word diff, the Markdown and PDF exports and the vote check;
 * and a restored version brings them back as Y.Text that merges again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { itemMap } from '../../src/cases/itemMaps.js';
import { documentSections, sectionText } from '../../src/documents/sections.js';
import { hypothesisExists } from '../../src/endorsements/hypothesisVotes.js';
import { diffDocs } from '../../src/versions/versionDiff.js';
import { exportModel, toMarkdown, toPdf } from '../../src/versions/versionExport.js';
import { readPdf } from '../support/pdfText.js';
import { startTestServer } from '../support/testServer.js';
import type { TrackedClient } from '../support/trackedClient.js';
import { waitFor } from '../support/trackedClient.js';
import { apiFor, caseWithPeople, connect, write } from './support.js';

const HYPOTHESIS = {
  id: 'h1',
  statement: 'Spanning thuis',
  evidence: 'verzuim vooral op maandag',
  status: 'supported',
};
const ACTION = { id: 'a1', wat: 'Kamer zoeken', wie: 'Pien', wanneer: '2026-09-01', wet: 'Wmo', bron: 'meeting:m1' };
const CHECK = { id: 'c1', tekst: 'ID-kaart', klaar: true };

/** An item as older documents hold it (plain strings) or as it is written now (Y.Text). */
function item(
  form: 'plain' | 'ytext',
  kind: 'hypothesis' | 'action' | 'checklist',
  fields: Record<string, string | boolean>,
) {
  if (form === 'ytext') return itemMap(kind, fields);
  const map = new Y.Map<unknown>();
  for (const [k, v] of Object.entries(fields)) map.set(k, v);
  return map;
}

function analysis(form: 'plain' | 'ytext'): Y.Doc {
  const doc = new Y.Doc();
  doc.getArray('hypothesen').push([item(form, 'hypothesis', HYPOTHESIS)]);
  return doc;
}

function futurePlan(form: 'plain' | 'ytext'): Y.Doc {
  const doc = new Y.Doc();
  doc.getArray('domein_wonen').push([item(form, 'action', ACTION)]);
  doc.getArray('checklist_18').push([item(form, 'checklist', CHECK)]);
  return doc;
}

const model = (doc: Y.Doc, type: 'analysis' | 'futurePlan') =>
  exportModel({
    type,
    youngPersonName: 'Noor de Vries',
    version: { name: 'v1', createdAt: '2026-11-23T10:00:00Z' },
    sections: documentSections(doc, type),
    endorsements: [],
  });

describe('items with Y.Text fields in versions and exports', () => {
  it('are the same JSON and text as with plain strings', () => {
    const [plain, ytext] = [analysis('plain'), analysis('ytext')];
    expect((ytext.getArray('hypothesen').get(0) as Y.Map<unknown>).get('statement')).toBeInstanceOf(Y.Text);
    expect(documentSections(ytext, 'analysis')).toEqual(documentSections(plain, 'analysis'));
    expect(documentSections(ytext, 'analysis').hypothesen).toMatchObject({ content: 'items', items: [HYPOTHESIS] });
    const section = documentSections(ytext, 'analysis').hypothesen;
    if (!section) throw new Error('no hypothesen section');
    expect(sectionText(section)).toBe('Spanning thuis — waarom: verzuim vooral op maandag — stand: ondersteund');
    const [planPlain, planYtext] = [futurePlan('plain'), futurePlan('ytext')];
    expect(documentSections(planYtext, 'futurePlan')).toEqual(documentSections(planPlain, 'futurePlan'));
    const wonen = documentSections(planYtext, 'futurePlan').domein_wonen;
    const checklist = documentSections(planYtext, 'futurePlan').checklist_18;
    if (!wonen || !checklist) throw new Error('missing sections');
    expect(sectionText(wonen)).toBe(
      'Kamer zoeken — wie: Pien — uiterlijk: 2026-09-01 — betaald uit: Wmo — bron: meeting:m1',
    );
    expect(sectionText(checklist)).toBe('ID-kaart — klaar');
  });

  it('export to the same Markdown and PDF', async () => {
    const markdown = toMarkdown(model(analysis('ytext'), 'analysis'));
    expect(markdown).toBe(toMarkdown(model(analysis('plain'), 'analysis')));
    expect(markdown).toContain(
      '## Hypothesen over ontstaan, in stand houden, verergeren en verminderen\n\n- Spanning thuis — waarom: verzuim vooral op maandag — stand: ondersteund\n',
    );
    const plan = toMarkdown(model(futurePlan('ytext'), 'futurePlan'));
    expect(plan).toBe(toMarkdown(model(futurePlan('plain'), 'futurePlan')));
    expect(plan).toContain('- Kamer zoeken — wie: Pien — uiterlijk: 2026-09-01 — betaald uit: Wmo — bron: meeting:m1');
    expect(plan).toContain('- ID-kaart — klaar');
    const pdf = await readPdf(await toPdf(model(analysis('ytext'), 'analysis')));
    expect(pdf.text).toContain('• Spanning thuis — waarom: verzuim vooral op maandag — stand: ondersteund');
  });

  it('show no difference between the two forms, and a word diff once someone types into the Y.Text', () => {
    const before = analysis('plain');
    const after = analysis('ytext');
    expect(diffDocs(before, after, 'analysis', ['hypothesen']).hypothesen).toMatchObject({ changed: false });
    const statement = (after.getArray('hypothesen').get(0) as Y.Map<unknown>).get('statement') as Y.Text;
    statement.insert(14, ' houdt het verzuim in stand');
    const diff = diffDocs(before, after, 'analysis', ['hypothesen']).hypothesen;
    expect(diff?.changed).toBe(true);
    const changes = diff?.parts.filter((p) => p.op !== 'equal') ?? [];
    expect(changes.map((p) => [p.op, p.text.trim()])).toEqual([['insert', 'houdt het verzuim in stand']]);
  });

  it('are found by id for votes in either form', () => {
    expect(hypothesisExists(analysis('ytext'), 'h1')).toBe(true);
    expect(hypothesisExists(analysis('plain'), 'h1')).toBe(true);
    expect(hypothesisExists(analysis('ytext'), 'h2')).toBe(false);
  });
});

describe('restoring a version of items with Y.Text fields', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let scientist: TrackedClient;
  let colleague: TrackedClient;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    scientist?.destroy();
    colleague?.destroy();
    await server?.close();
  });

  it('brings the fields back as Y.Text, and typing in them merges again', async () => {
    const { docId, people } = await caseWithPeople(server.services);
    scientist = await connect(server.wsUrl, docId, people.scientist);
    colleague = await connect(server.wsUrl, docId, people.localTeam, 'lokaal-team');
    await write(scientist, (d) => d.getArray('hypothesen').push([itemMap('hypothesis', HYPOTHESIS)]));
    const api = await apiFor(server.services, server.url, people.scientist);
    const version = (
      (await (await api.post(`/documents/${docId}/versions`, { name: 'v1' })).json()) as { version: { id: string } }
    ).version.id;
    const statement = (d: Y.Doc) => (d.getArray('hypothesen').get(0) as Y.Map<unknown>).get('statement') as Y.Text;
    await write(scientist, (d) => statement(d).insert(14, ' is weg'));

    const res = await api.post(`/documents/${docId}/versions/${version}/restore`);
    expect(((await res.json()) as { changed: string[] }).changed).toEqual(['hypothesen']);
    await waitFor(() => statement(colleague.doc)?.toString() === 'Spanning thuis', 3000, 'restored at the colleague');
    await waitFor(() => statement(scientist.doc)?.toString() === 'Spanning thuis', 3000, 'restored at the scientist');
    expect(statement(scientist.doc)).toBeInstanceOf(Y.Text);

    // Both type into the restored statement before either has seen the other's change.
    scientist.edit('end', (d) => statement(d).insert(14, ' houdt aan'));
    colleague.edit('start', (d) => statement(d).insert(0, 'Volgens school: '));
    const merged = 'Volgens school: Spanning thuis houdt aan';
    for (const c of [scientist, colleague]) await waitFor(() => statement(c.doc).toString() === merged, 3000, 'merged');
    expect([scientist.rejections, colleague.rejections]).toEqual([[], []]);
  });
});
