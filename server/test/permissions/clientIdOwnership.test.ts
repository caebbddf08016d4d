/**
 * A Yjs client id belongs to the person whose connection first wrote with it. An update that carries
 * structs (items, GC or skip ranges) under someone else's client id would make Yjs treat that person's
 * later edits as already known: they would be told "saved" while the server dropped them. Such updates
 * are refused whole, before anything is applied; the owner keeps working, across reconnects, offline
 * edits and server restarts.
 */
import { MessageType, RejectReason, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addParticipant, createCase } from '../support/caseFixture.js';
import { craftAs, gcUpdate } from '../support/craftUpdates.js';
import { RawCollabSocket, syncFrame } from '../support/rawCollabSocket.js';
import { startTestServer, tempDir } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { TrackedClient, waitFor } from '../support/trackedClient.js';

type Started = Awaited<ReturnType<typeof startTestServer>>;
const clients: Array<{ destroy(): void }> = [];
afterAll(() => {
  for (const c of clients) c.destroy();
});

async function tracked(server: Started, docId: string, sub: string, doc?: Y.Doc): Promise<TrackedClient> {
  const c = new TrackedClient(server.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub, name: sub }), { doc });
  clients.push(c);
  await waitFor(() => c.provider.synced, 5000, `${sub} synced`);
  return c;
}

async function raw(server: Started, docId: string, sub: string): Promise<RawCollabSocket> {
  const r = new RawCollabSocket(server.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub, name: sub }));
  clients.push({ destroy: () => r.close() });
  await r.ready();
  return r;
}

/** The reasons of the Rejected(n, reason, detail) frames the raw socket received. */
function rejectedReasons(r: RawCollabSocket): string[] {
  return r.ofType(MessageType.Rejected).map((d) => {
    decoding.readVarUint(d);
    return decoding.readVarString(d);
  });
}

/** Waits until the server answered the raw socket's one update, with Saved or Rejected. */
async function answered(r: RawCollabSocket): Promise<void> {
  const answers = () => r.ofType(MessageType.Saved).length + r.ofType(MessageType.Rejected).length;
  await waitFor(() => answers() > 0, 5000, 'the server’s answer to the update');
}

const write = (section: string, text: string) => (d: Y.Doc) =>
  d.getXmlFragment(section).insert(0, [new Y.XmlText(text)]);
const sectionText = (d: Y.Doc, section: string) => d.getXmlFragment(section).toString();

describe('a participant cannot write under another participant’s client id', () => {
  let server: Started;
  let docId: string;
  let scientistId: string;
  let parentId: string;
  beforeAll(async () => {
    server = await startTestServer();
    const caseId = await createCase(server.services.db, { dateOfBirth: '2012-05-01' });
    docId = `${caseId}.analysis`;
    scientistId = await addParticipant(server.services.db, caseId, 'gedragswetenschapper');
    parentId = await addParticipant(server.services.db, caseId, 'ouder');
  });
  afterAll(async () => {
    await server?.close();
  });

  it.each([
    ['an item in the attacker’s own section', 'item'],
    ['a GC range', 'gc'],
  ])('%s under the victim’s client id is refused whole; the victim’s later edits are stored', async (_what, kind) => {
    const victim = await tracked(server, docId, scientistId);
    victim.edit('v1', write('veiligheid', `eerste ${kind}`));
    await waitFor(() => victim.allSaved, 5000, 'victim saved');
    const serverDoc = server.collab.loadedDocument(docId) as Y.Doc;
    const before = Buffer.from(Y.encodeStateAsUpdate(serverDoc)).toString('base64');
    // The victim is on a train: it does not see what happens meanwhile, and goes on writing.
    victim.provider.disconnect();

    const attacker = await raw(server, docId, parentId);
    const victimId = victim.doc.clientID;
    const update =
      kind === 'item'
        ? craftAs(victimId, serverDoc, write('hulpvraag_ouders', 'van de ouder'))
        : gcUpdate(victimId, Y.getState(serverDoc.store, victimId), 50);
    attacker.send(syncFrame(SyncStep.Update, update));
    await answered(attacker);

    victim.edit('v2', write('veiligheid', `tweede ${kind} `));
    victim.provider.connect();
    await waitFor(() => victim.allSaved, 5000, 'victim saved again');
    // Told saved, so it must be on the server, byte for byte.
    expect(sectionText(serverDoc, 'veiligheid')).toBe(sectionText(victim.doc, 'veiligheid'));
    expect(sectionText(serverDoc, 'veiligheid')).toContain(`tweede ${kind}`);
    expect(Y.encodeStateVector(serverDoc)).toEqual(Y.encodeStateVector(victim.doc));
    expect(Buffer.from(Y.encodeStateAsUpdate(serverDoc))).toEqual(Buffer.from(Y.encodeStateAsUpdate(victim.doc)));
    expect(victim.rejections).toEqual([]);
    expect(rejectedReasons(attacker)).toEqual([RejectReason.ForeignClient]);
    expect(before).not.toBe('');
    victim.destroy();
  });

  it('the parent’s own fresh client id is theirs to write with', async () => {
    const parent = await tracked(server, docId, parentId);
    parent.edit('p', write('hulpvraag_ouders', 'Wij maken ons zorgen.'));
    await waitFor(() => parent.allSaved, 5000, 'parent saved');
    expect(parent.rejections).toEqual([]);
    parent.destroy();
  });

  it('the owner keeps writing with its client id after a reconnect and after offline edits', async () => {
    const victim = await tracked(server, docId, scientistId);
    victim.edit('online', write('evaluatie', 'online'));
    await waitFor(() => victim.allSaved, 5000, 'saved online');
    victim.provider.disconnect();
    victim.edit('offline', write('evaluatie', 'offline '));
    // While the owner is offline, someone else tries to take the next clocks.
    const attacker = await raw(server, docId, parentId);
    const serverDoc = server.collab.loadedDocument(docId) as Y.Doc;
    attacker.send(syncFrame(SyncStep.Update, craftAs(victim.doc.clientID, serverDoc, write('hulpvraag_ouders', 'x'))));
    await answered(attacker);
    victim.provider.connect();
    await waitFor(() => victim.allSaved, 5000, 'offline edit saved');
    // Told saved, so it must be on the server.
    expect(sectionText(serverDoc, 'evaluatie')).toBe(sectionText(victim.doc, 'evaluatie'));
    expect(sectionText(serverDoc, 'evaluatie')).toContain('offline');
    expect(victim.rejections).toEqual([]);
    expect(rejectedReasons(attacker)).toEqual([RejectReason.ForeignClient]);
    victim.destroy();
  });
});

describe('client ids stay bound across a restart', () => {
  it('a claim made before the restart still refuses another person afterwards', async () => {
    const dataDir = tempDir();
    const docId = 'ownership-restart';
    let server = await startTestServer({ dataDir });
    const ownerDoc = new Y.Doc();
    const owner = await tracked(server, docId, 'owner-a', ownerDoc);
    owner.edit('a', (d) => d.getText('t').insert(0, 'van a'));
    await waitFor(() => owner.allSaved, 5000, 'saved');
    owner.destroy();
    await server.close();

    server = await startTestServer({ dataDir });
    try {
      const attacker = await raw(server, docId, 'owner-b');
      const base = new Y.Doc();
      Y.applyUpdate(base, Y.encodeStateAsUpdate(ownerDoc));
      attacker.send(
        syncFrame(
          SyncStep.Update,
          craftAs(ownerDoc.clientID, base, (d) => d.getText('t').insert(0, 'b ')),
        ),
      );
      await answered(attacker);
      expect(rejectedReasons(attacker)).toEqual([RejectReason.ForeignClient]);
      // The owner, with the same document (same client id), goes on writing.
      const back = await tracked(server, docId, 'owner-a', ownerDoc);
      back.edit('a2', (d) => d.getText('t').insert(0, 'weer '));
      await waitFor(() => back.allSaved, 5000, 'saved after restart');
      expect(back.rejections).toEqual([]);
      expect((server.collab.loadedDocument(docId) as Y.Doc).getText('t').toString()).toBe('weer van a');
      back.destroy();
    } finally {
      await server.close();
    }
  });
});
