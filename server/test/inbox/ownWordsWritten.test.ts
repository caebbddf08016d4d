/**
 * Producer 'own-words-written' (002 Bijlage 1: the request for help in the words of each person) over the
 * real server and a real y-websocket client: a parent who writes in her own part gives the responsible
 * gedragswetenschapper one inbox item, linking to that part; a professional writing gives none; a second
 * write the same Amsterdam day adds nothing; the item carries no words of the parent.
 */
import { documentId, parentPartRoot } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { inboxDb } from '../../src/inbox/inboxDb.js';
import { noteOwnWordsWritten } from '../../src/inbox/ownWordsWritten.js';
import { addParticipant, createCase } from '../support/caseFixture.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { TrackedClient, waitFor } from '../support/trackedClient.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
let caseId: string;
let docId: string;
let mother: string;
let father: string;
let scientist: string;
let provider: string;
const clients: TrackedClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const db = server.services.db;
  caseId = await createCase(db, { dateOfBirth: '2012-03-01', name: 'Sem Bakker', parentsConsent: true });
  docId = documentId(caseId, 'analysis');
  mother = await addParticipant(db, caseId, 'ouder', 'Anna Bakker');
  father = await addParticipant(db, caseId, 'ouder', 'Karim Bakker');
  scientist = await addParticipant(db, caseId, 'gedragswetenschapper', 'Gea Wetenschap');
  provider = await addParticipant(db, caseId, 'jeugdhulpaanbieder', 'Petra Hulp');
  await db.updateTable('cases').set({ responsible_scientist_id: scientist }).where('id', '=', caseId).execute();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

const items = () =>
  inboxDb(server.services.db)
    .selectFrom('inbox_items')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .execute();

/** A connected client of `userId`, writing `text` into `root`; resolves once the server said Saved. */
async function writeAs(userId: string, root: string, text: string, mark: string): Promise<void> {
  const token = await tokenFor({ [docId]: 'write' }, { sub: userId });
  const client = new TrackedClient(server.wsUrl, docId, token);
  clients.push(client);
  await waitFor(() => client.provider.synced, 5000, 'synced');
  client.edit(mark, (d) => d.getXmlFragment(root).insert(0, [new Y.XmlText(text)]));
  await waitFor(() => client.confirmed.has(mark) || client.rejections.length > 0, 5000, `saved ${mark}`);
  expect(client.rejections).toEqual([]);
}

describe('own-words-written: a parent wrote in her own part', () => {
  it('a professional writing (not in own words) adds no item', async () => {
    await writeAs(provider, 'aanknopingspunten', 'Eerst een rustige week.', 'pro');
    expect(await items()).toEqual([]);
  });

  it('the parent writing her own part: one item for the responsible scientist, linking to the part', async () => {
    const part = parentPartRoot(mother);
    await writeAs(mother, part, 'Sem slaapt slecht en wil niet naar school.', 'mother-1');
    // The hook runs after the update is durable: the item follows shortly after Saved.
    await expect.poll(async () => (await items()).length).toBe(1);
    const rows = await items();
    expect(rows.map((r) => [r.user_id, r.kind])).toEqual([[scientist, 'own-words-written']]);
    const [item] = rows;
    expect(item?.link).toBe(`/zaken/${caseId}/analyse#${part}`);
    expect(JSON.parse(item?.params ?? '{}')).toEqual({ section: part, document: 'analysis', byRole: 'ouder' });
    expect(JSON.stringify(item)).not.toContain('slaapt');
  });

  it('a second write the same day adds no second item; another parent’s part is its own item', async () => {
    await writeAs(mother, parentPartRoot(mother), 'Hij is vaak boos. ', 'mother-2');
    // The father's write comes after: once his item is there, the mother's second hook has run too.
    await writeAs(father, parentPartRoot(father), 'Ik maak me zorgen. ', 'father-1');
    await expect.poll(async () => (await items()).length).toBe(2);
    const rows = await items();
    expect(rows.map((r) => JSON.parse(r.params).section).sort()).toEqual(
      [parentPartRoot(mother), parentPartRoot(father)].sort(),
    );
    // And the producer itself, asked again for the same write today, adds nothing.
    const again = await noteOwnWordsWritten(
      server.services.db,
      { docId, userId: mother, roots: [parentPartRoot(mother)] },
      server.services.clock(),
    );
    expect(again).toEqual([]);
  });
});
