/** The collaboration core's server-side changes (used by restore): all or nothing, relayed, durable. */
import { DEFAULT_LIMITS } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromStore } from '../../src/documents/content.js';
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
