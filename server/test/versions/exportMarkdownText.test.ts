/**
 * A version exported as Markdown keeps what people wrote as literal text (issue 12): paragraphs,
 * hypotheses, the version's name and endorsement words written as Markdown or HTML do not become
 * structure. Checked on the real route: the same export with harmless words has the same structure,
 * and every hostile text is there as text, word for word.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HOSTILE_TEXTS, renderedText, structureOf } from '../support/markdownStructure.js';
import { startTestServer } from '../support/testServer.js';
import { addHypothesis, apiFor, caseWithPeople, endorseNow, setParagraphs } from './support.js';

const now = new Date('2026-11-23T10:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;

async function exportWith(texts: readonly string[]): Promise<string> {
  const { docId, people } = await caseWithPeople(server.services);
  await server.collab.applyServerChange(docId, (d) => {
    setParagraphs(d, 'veiligheid', [...texts]);
    setParagraphs(d, 'hulpvraag_ouders', [texts.join('\n')]);
    texts.forEach((t, i) => {
      addHypothesis(d, `h${i}`, t);
    });
  });
  const endorsed = await endorseNow(await apiFor(server.services, server.url, people.youngPerson), docId, {
    stance: 'agree-with-remarks',
    words: texts.join('\n'),
  });
  expect(endorsed.status).toBe(200);
  const scientist = await apiFor(server.services, server.url, people.scientist);
  const saved = await scientist.post(`/documents/${docId}/versions`, { name: texts[0] });
  expect(saved.status).toBe(201);
  const versionId = ((await saved.json()) as { version: { id: string } }).version.id;
  const res = await scientist.get(`/documents/${docId}/versions/${versionId}/export.md`);
  expect(res.status).toBe(200);
  return res.text();
}

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => now });
});
afterAll(async () => {
  await server?.close();
});

describe('a version exported as Markdown', () => {
  it('prints every text literally, never as structure', async () => {
    const hostile = await exportWith(HOSTILE_TEXTS);
    const harmless = await exportWith(HOSTILE_TEXTS.map((_, i) => `gewone tekst ${i}`));
    expect(structureOf(hostile)).toEqual(structureOf(harmless));
    const text = renderedText(hostile);
    for (const t of HOSTILE_TEXTS) expect(text, t).toContain(t.trim());
  });
});
