/** The collaboration core's server-side changes (used by restore): all or nothing, relayed, durable. */
import { DEFAULT_LIMITS } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromStore } from '../../src/export/docJson.js';
import { renderPdf, toWinAnsi, wrap } from '../../src/versions/pdfWriter.js';
import { startTestServer } from '../support/testServer.js';
import { caseWithPeople, connect, paragraphsOf, setParagraphs, write } from './support.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({ limits: { ...DEFAULT_LIMITS, maxDocumentBytes: 4000 } });
});
afterAll(async () => {
  await server?.close();
});

describe('applyServerChange', () => {
  it('applies to a document that is not loaded and makes it durable before resolving', async () => {
    const docId = 'server-change-cold';
    const changed = await server.collab.applyServerChange(docId, (d) => setParagraphs(d, 'notulen', ['Besluit.']));
    expect(changed).toBe(true);
    const stored = docFromStore(await server.store.load(docId));
    expect(paragraphsOf(stored, 'notulen')).toEqual(['Besluit.']);
  });

  it('a change that throws or is too large leaves the live document untouched', async () => {
    const { docId, people } = await caseWithPeople(server.services);
    const client = await connect(server.wsUrl, docId, people.scientist);
    try {
      await write(client, (d) => setParagraphs(d, 'veiligheid', ['Origineel.']));
      const live = server.collab.loadedDocument(docId) as Y.Doc;
      const before = Y.encodeStateAsUpdate(live);
      await expect(
        server.collab.applyServerChange(docId, (d) => {
          setParagraphs(d, 'veiligheid', ['Half']);
          throw new Error('kapot');
        }),
      ).rejects.toThrow('kapot');
      await expect(
        server.collab.applyServerChange(docId, (d) => setParagraphs(d, 'veiligheid', ['x'.repeat(5000)])),
      ).rejects.toThrow(/would exceed 4000 bytes/);
      expect(Y.encodeStateAsUpdate(live)).toEqual(before);
      expect(paragraphsOf(client.doc, 'veiligheid')).toEqual(['Origineel.']);
      // Nothing to change: nothing written.
      expect(await server.collab.applyServerChange(docId, () => {})).toBe(false);
    } finally {
      client.destroy();
    }
  });
});

describe('pdf writer', () => {
  it('wraps to the width and cuts words longer than a line', () => {
    const lines = wrap('een twee drie vier vijf zes zeven acht negen tien', 100, 11);
    expect(lines.length).toBeGreaterThan(2);
    expect(lines.join(' ')).toBe('een twee drie vier vijf zes zeven acht negen tien');
    expect(wrap('x'.repeat(200), 100, 11).join('')).toBe('x'.repeat(200));
  });

  it('encodes WinAnsi, replacing what it cannot encode', () => {
    expect(toWinAnsi('café – “ja” €5 ✓')).toBe('café \x96 \x93ja\x94 \x805 ?');
  });

  it('flows onto more pages', () => {
    const lines = Array.from({ length: 200 }, (_, i) => ({ text: `Regel ${i}` }));
    const file = renderPdf(lines, { title: 't' }).toString('latin1');
    const count = Number(/\/Count (\d+)/.exec(file)?.[1]);
    expect(count).toBeGreaterThan(3);
    expect(file).toContain('(Regel 0) Tj');
    expect(file).toContain('(Regel 199) Tj');
  });
});
