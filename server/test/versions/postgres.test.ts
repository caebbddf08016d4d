/** Versions, endorsements, votes and restore on Postgres (relational data and document store). */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName } from '../support/services.js';
import { startTestServer } from '../support/testServer.js';
import { waitFor } from '../support/trackedClient.js';
import {
  addHypothesis,
  apiFor,
  caseWithPeople,
  connect,
  endorseNow,
  paragraphsOf,
  satisfySignOffRule,
  setParagraphs,
  signOffNow,
  write,
} from './support.js';

await describeWithServices('versions on Postgres', { postgres: true }, () => {
  const schema = freshSchemaName('versions');
  let server: Awaited<ReturnType<typeof startTestServer>>;
  beforeAll(async () => {
    server = await startTestServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
  });
  afterAll(async () => {
    await server?.close();
    await dropSchema(schema);
  });

  it('save, endorse, sign off, vote and restore', async () => {
    const { docId, people } = await caseWithPeople(server.services);
    const client = await connect(server.wsUrl, docId, people.scientist);
    try {
      await write(client, (d) => {
        setParagraphs(d, 'veiligheid', ['Eerste inschatting.']);
        addHypothesis(d, 'h1', 'Angst voor school');
      });
      const scientist = await apiFor(server.services, server.url, people.scientist);
      await satisfySignOffRule(scientist, client, docId);
      const first = (await (await scientist.post(`/documents/${docId}/versions`, { name: 'een' })).json()) as {
        version: { id: string };
      };
      await write(client, (d) => setParagraphs(d, 'veiligheid', ['Tweede inschatting.']));
      const parent = await apiFor(server.services, server.url, people.parent);
      await endorseNow(parent, docId, { stance: 'agree' });
      await endorseNow(parent, docId, { stance: 'disagree', words: 'Nee.' });
      expect((await parent.put(`/documents/${docId}/hypotheses/h1/vote`, { agree: true })).status).toBe(200);
      const signed = await signOffNow(scientist, docId);
      expect(signed.status).toBe(201);
      const restore = await scientist.post(`/documents/${docId}/versions/${first.version.id}/restore`);
      expect(((await restore.json()) as { changed: string[] }).changed).toEqual(['veiligheid']);
      await waitFor(() => paragraphsOf(client.doc, 'veiligheid')[0] === 'Eerste inschatting.', 3000, 'live');

      const list = (await (await scientist.get(`/documents/${docId}/versions`)).json()) as {
        versions: Array<{ kind: string }>;
      };
      expect(list.versions.map((v) => v.kind)).toEqual(['manual', 'signed-off', 'restored']);
      const endorsed = (await (await scientist.get(`/documents/${docId}/endorsements`)).json()) as {
        endorsements: Array<{ stance: string; words: string | null }>;
        history: unknown[];
      };
      expect(endorsed.endorsements).toEqual([expect.objectContaining({ stance: 'disagree', words: 'Nee.' })]);
      expect(endorsed.history).toHaveLength(2);
    } finally {
      client.destroy();
    }
  });
});
