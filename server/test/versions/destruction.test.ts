/** Destroying a case also removes its versions, endorsements and votes, and the words of its escalation history. */
import { sql } from 'kysely';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { executeDueDestructions } from '../../src/retention/executeDestructions.js';
import { startTestServer } from '../support/testServer.js';
import { apiFor, caseWithPeople, connect, endorseNow, write } from './support.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({}, { clock: () => new Date('2026-11-23T10:00:00Z') });
});
afterAll(async () => {
  await server?.close();
});

const count = async (table: string, caseId: string) =>
  Number(
    (
      (
        await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(table)} WHERE case_id = ${caseId}`.execute(
          server.services.db,
        )
      ).rows[0] as { n: number }
    ).n,
  );

it('leaves no version, endorsement or escalation text of a destroyed case', async () => {
  const { caseId, docId, people } = await caseWithPeople(server.services);
  const client = await connect(server.wsUrl, docId, people.scientist);
  await write(client, (d) => d.getXmlFragment('veiligheid').insert(0, [new Y.XmlText('geheime inhoud')]));
  client.destroy();
  const scientist = await apiFor(server.services, server.url, people.scientist);
  expect((await scientist.post(`/documents/${docId}/versions`, { name: 'concept 1' })).status).toBe(201);
  const youngPerson = await apiFor(server.services, server.url, people.youngPerson);
  expect((await endorseNow(youngPerson, docId, { stance: 'disagree', words: 'Dit klopt niet.' })).status).toBe(200);
  await sql`INSERT INTO escalation_steps (id, case_id, position, from_level, to_level, bottleneck, tried, decided_by,
              decided_by_role, decided_at, analysis_snapshot)
            VALUES ('s1', ${caseId}, 1, 'lokaal', 'ret', 'geen plek', 'alles', ${people.scientist}, 'procesregisseur',
              '2026-11-23T10:00:00Z', 'AAAA')`.execute(server.services.db);
  expect(await count('document_versions', caseId)).toBe(1);
  expect(await count('endorsements', caseId)).toBe(1);
  const fact = await scientist.put(`/documents/${docId}/sign-off-facts`, {
    kind: 'no-endorsement-reason',
    words: 'Geheime reden.',
    childViewRecorded: true,
  });
  expect(fact.status).toBe(200);
  expect(await count('sign_off_facts', caseId)).toBe(1);

  await sql`INSERT INTO destruction_requests (id, case_id, requested_by, requested_at, reason, decision, decided_by,
              decided_at, due_by)
            VALUES ('r1', ${caseId}, ${people.youngPerson}, '2026-11-23T10:00:00Z', 'weg ermee', 'approved',
              ${people.scientist}, '2026-11-23T10:00:00Z', '2027-02-23T10:00:00Z')`.execute(server.services.db);
  const run = await executeDueDestructions(server.services);
  expect(run.executed).toContain('r1');
  expect(await count('document_versions', caseId)).toBe(0);
  expect(await count('endorsements', caseId)).toBe(0);
  expect(await count('hypothesis_votes', caseId)).toBe(0);
  expect(await count('sign_off_facts', caseId)).toBe(0);
  const step = (
    await sql<{ bottleneck: string; tried: string; analysis_snapshot: string | null }>`
      SELECT bottleneck, tried, analysis_snapshot FROM escalation_steps WHERE id = 's1'`.execute(server.services.db)
  ).rows[0];
  expect(step).toEqual({ bottleneck: '[vernietigd]', tried: '[vernietigd]', analysis_snapshot: null });
});
