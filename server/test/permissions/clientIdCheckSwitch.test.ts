/**
 * UNSAFE_SKIP_CLIENT_ID_CHECK=1 (collabClientIdCheck: false) exists only so `npm run bench` can measure
 * what the client-id check costs. The baseline is only a baseline if it really skips the check — and
 * nothing else: the same foreign-client update that the default server refuses is stored when it is off.
 */
import { MessageType, RejectReason, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addParticipant, createCase } from '../support/caseFixture.js';
import { craftAs } from '../support/craftUpdates.js';
import { RawCollabSocket, syncFrame } from '../support/rawCollabSocket.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { TrackedClient, waitFor } from '../support/trackedClient.js';

type Started = Awaited<ReturnType<typeof startTestServer>>;
const cleanups: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const write = (section: string, text: string) => (d: Y.Doc) =>
  d.getXmlFragment(section).insert(0, [new Y.XmlText(text)]);

/** A victim writes once; the parent then sends an update under the victim's client id. Returns its answer. */
async function foreignWrite(clientIdCheck: boolean): Promise<{ rejected: string[]; saved: number; text: string }> {
  const server: Started = await startTestServer({ collabClientIdCheck: clientIdCheck });
  cleanups.push(() => server.close());
  const caseId = await createCase(server.services.db, { dateOfBirth: '2012-05-01' });
  const docId = `${caseId}.analysis`;
  const scientist = await addParticipant(server.services.db, caseId, 'gedragswetenschapper');
  const parent = await addParticipant(server.services.db, caseId, 'ouder');
  const token = (sub: string) => tokenFor({ [docId]: 'write' }, { sub, name: sub });

  const victim = new TrackedClient(server.wsUrl, docId, await token(scientist));
  await waitFor(() => victim.provider.synced, 5000, 'victim synced');
  victim.edit('v1', write('veiligheid', 'eerste'));
  await waitFor(() => victim.allSaved, 5000, 'victim saved');
  // Gone before the attack: a relayed struct under its own id would make Yjs give its doc a new client id.
  victim.destroy();

  const attacker = new RawCollabSocket(server.wsUrl, docId, await token(parent));
  cleanups.push(() => attacker.close());
  await attacker.ready();
  const serverDoc = server.collab.loadedDocument(docId) as Y.Doc;
  attacker.send(syncFrame(SyncStep.Update, craftAs(victim.doc.clientID, serverDoc, write('hulpvraag_ouders', 'x'))));
  const answers = () => attacker.ofType(MessageType.Saved).length + attacker.ofType(MessageType.Rejected).length;
  await waitFor(() => answers() > 0, 5000, 'the server’s answer to the update');
  const rejected = attacker.ofType(MessageType.Rejected).map((d) => {
    decoding.readVarUint(d);
    return decoding.readVarString(d);
  });
  return {
    rejected,
    saved: attacker.ofType(MessageType.Saved).length,
    text: serverDoc.getXmlFragment('hulpvraag_ouders').toString(),
  };
}

describe('the benchmark-only switch for the client-id check', () => {
  it('is on by default: a write under another person’s client id is refused', async () => {
    const answer = await foreignWrite(true);
    expect(answer.rejected).toEqual([RejectReason.ForeignClient]);
    expect(answer.text).not.toContain('x');
  });

  it('when off, skips only that check: the same write is accepted and stored', async () => {
    const answer = await foreignWrite(false);
    expect(answer.rejected).toEqual([]);
    expect(answer.saved).toBe(1);
    expect(answer.text).toContain('x');
  });
});
