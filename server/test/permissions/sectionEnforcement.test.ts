/**
 * Per-section rules hold for hand-crafted updates sent over a raw socket (not only for the official
 * client), and access follows age and consent — at connect time and live.
 */
import { CloseCode, MessageType, RejectReason, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { addParticipant, createCase } from '../support/caseFixture.js';
import { sessionFor } from '../support/sessionClient.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { TrackedClient, waitFor } from '../support/trackedClient.js';

let now = new Date('2026-11-23T10:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({}, { clock: () => now });
});
afterAll(async () => {
  await server?.close();
});

/** A raw WebSocket that records every frame and the close code. */
async function rawSocket(docId: string, userId: string) {
  const token = await tokenFor({ [docId]: 'write' }, { sub: userId });
  const ws = new WebSocket(`${server.wsUrl}/collab/${docId}?token=${token}`);
  const frames: Uint8Array[] = [];
  let closed: number | null = null;
  ws.on('message', (d: Buffer) => frames.push(new Uint8Array(d)));
  ws.on('close', (code) => {
    closed = code;
  });
  await new Promise((r) => ws.once('open', r));
  await waitFor(() => frames.length > 0 || closed !== null, 3000, 'first frame');
  const rejections = () =>
    frames
      .map((f) => decoding.createDecoder(f))
      .filter((d) => decoding.readVarUint(d) === MessageType.Rejected)
      .map((d) => ({ n: decoding.readVarUint(d), reason: decoding.readVarString(d) }));
  const sendUpdate = (update: Uint8Array) => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, SyncStep.Update);
    encoding.writeVarUint8Array(e, update);
    ws.send(encoding.toUint8Array(e));
  };
  return { ws, frames, rejections, sendUpdate, closedCode: () => closed };
}

/** The update a fresh document produces for `fn`, built against the server's current state. */
function craft(base: Y.Doc, fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(doc);
  doc.transact(() => fn(doc));
  return Y.encodeStateAsUpdate(doc, sv);
}

describe('hand-crafted updates against section permissions', () => {
  let caseId: string;
  let docId: string;
  let youngPerson: string;
  let parent: string;
  let serverDoc: Y.Doc;

  beforeAll(async () => {
    caseId = await createCase(server.services.db, { dateOfBirth: '2012-05-01' });
    docId = `${caseId}.analysis`;
    youngPerson = await addParticipant(server.services.db, caseId, 'jeugdige');
    parent = await addParticipant(server.services.db, caseId, 'ouder');
    // The young person writes in their own words through a normal client.
    const yp = new TrackedClient(server.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: youngPerson }));
    await waitFor(() => yp.provider.synced, 3000, 'young person synced');
    yp.edit('eigen', (d) =>
      d.getXmlFragment('hulpvraag_jeugdige').insert(0, [new Y.XmlText('Ik wil gewoon naar school.')]),
    );
    await waitFor(() => yp.saved >= yp.sent, 3000, 'saved');
    yp.destroy();
    serverDoc = server.collab.loadedDocument(docId) as Y.Doc;
  });

  const snapshot = () => Buffer.from(Y.encodeStateAsUpdate(serverDoc)).toString('base64');

  it.each([
    [
      'writes into the young person’s own words',
      (d: Y.Doc) => d.getXmlFragment('hulpvraag_jeugdige').insert(0, [new Y.XmlText('Hij liegt. ')]),
    ],
    ['deletes the young person’s own words', (d: Y.Doc) => d.getXmlFragment('hulpvraag_jeugdige').delete(0, 1)],
    [
      'edits its own section and a professional section in one update',
      (d: Y.Doc) => {
        d.getXmlFragment('hulpvraag_ouders').insert(0, [new Y.XmlText('mag wel')]);
        d.getXmlFragment('veiligheid').insert(0, [new Y.XmlText('mag niet')]);
      },
    ],
    ['creates a section the template does not have', (d: Y.Doc) => d.getMap('geheime_notities').set('x', 'y')],
    [
      'nests content inside the young person’s section',
      (d: Y.Doc) => (d.getXmlFragment('hulpvraag_jeugdige').get(0) as Y.XmlText).insert(0, 'NIET: '),
    ],
  ])('a parent’s raw update that %s is rejected whole; the document is unchanged', async (_what, change) => {
    const before = snapshot();
    const raw = await rawSocket(docId, parent);
    raw.sendUpdate(craft(serverDoc, change));
    await waitFor(() => raw.rejections().length > 0, 3000, 'rejection');
    expect(raw.rejections()).toEqual([{ n: 1, reason: RejectReason.SectionForbidden }]);
    expect(snapshot()).toBe(before);
    expect(serverDoc.getXmlFragment('hulpvraag_jeugdige').toString()).toContain('Ik wil gewoon naar school.');
    expect(serverDoc.getXmlFragment('hulpvraag_ouders').toString()).toBe('');
    expect(raw.closedCode()).toBeNull();
    raw.ws.close();
  });

  it('a parent’s raw update in their own section is accepted', async () => {
    const raw = await rawSocket(docId, parent);
    raw.sendUpdate(
      craft(serverDoc, (d) => d.getXmlFragment('hulpvraag_ouders').insert(0, [new Y.XmlText('Wij maken ons zorgen.')])),
    );
    await waitFor(() => serverDoc.getXmlFragment('hulpvraag_ouders').toString().includes('zorgen'), 3000, 'applied');
    expect(raw.rejections()).toEqual([]);
    raw.ws.close();
  });
});

describe('hand-crafted edits of the free-text fields of items (a Y.Text in a Y.Map in the Y.Array)', () => {
  let docId: string;
  let parent: string;
  let professional: string;
  let scientist: TrackedClient;
  let serverDoc: Y.Doc;

  beforeAll(async () => {
    const caseId = await createCase(server.services.db, { dateOfBirth: '2012-05-01' });
    docId = `${caseId}.analysis`;
    parent = await addParticipant(server.services.db, caseId, 'ouder');
    professional = await addParticipant(server.services.db, caseId, 'jeugdhulpaanbieder');
    const scientistId = await addParticipant(server.services.db, caseId, 'gedragswetenschapper');
    // Stays connected, so the document stays loaded for the whole block.
    scientist = new TrackedClient(server.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: scientistId }));
    await waitFor(() => scientist.provider.synced, 3000, 'scientist synced');
    scientist.edit('hypothese', (d) => {
      const item = new Y.Map<unknown>();
      d.getArray('hypothesen').push([item]);
      item.set('id', 'h1');
      item.set('statement', new Y.Text('Spanning thuis houdt het verzuim in stand'));
      item.set('evidence', 'Verzuim vooral op maandag'); // as an older document holds it
      item.set('status', 'open');
    });
    await waitFor(() => scientist.saved >= scientist.sent, 3000, 'saved');
    expect(scientist.rejections).toEqual([]);
    const own = new TrackedClient(server.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: parent }));
    await waitFor(() => own.provider.synced, 3000, 'parent synced');
    own.edit('eigen', (d) => d.getXmlFragment('hulpvraag_ouders').insert(0, [new Y.XmlText('Wij maken ons zorgen.')]));
    await waitFor(() => own.saved >= own.sent, 3000, 'saved');
    expect(own.rejections).toEqual([]);
    own.destroy();
    serverDoc = server.collab.loadedDocument(docId) as Y.Doc;
  });
  afterAll(() => scientist?.destroy());

  const item = (d: Y.Doc) => d.getArray<Y.Map<unknown>>('hypothesen').get(0);
  const statement = (d: Y.Doc) => item(d).get('statement') as Y.Text;
  const snapshot = () => Buffer.from(Y.encodeStateAsUpdate(serverDoc)).toString('base64');

  it.each([
    ['types into a hypothesis statement', (d: Y.Doc) => statement(d).insert(0, 'Onzin: ')],
    ['deletes from a hypothesis statement', (d: Y.Doc) => statement(d).delete(0, 8)],
    [
      'converts the plain-string evidence to a Y.Text',
      (d: Y.Doc) => item(d).set('evidence', new Y.Text('Verzuim vooral op maandag, zegt school')),
    ],
    [
      'types into its own section and into the statement in one update',
      (d: Y.Doc) => {
        (d.getXmlFragment('hulpvraag_ouders').get(0) as Y.XmlText).insert(0, 'Echt: ');
        statement(d).insert(0, 'Onzin: ');
      },
    ],
  ])('a parent’s raw update that %s is rejected whole; the document is unchanged', async (_what, change) => {
    const before = snapshot();
    const raw = await rawSocket(docId, parent);
    raw.sendUpdate(craft(serverDoc, change));
    await waitFor(() => raw.rejections().length > 0, 3000, 'rejection');
    expect(raw.rejections()).toEqual([{ n: 1, reason: RejectReason.SectionForbidden }]);
    expect(snapshot()).toBe(before);
    expect(item(serverDoc).toJSON()).toMatchObject({
      statement: 'Spanning thuis houdt het verzuim in stand',
      evidence: 'Verzuim vooral op maandag',
    });
    expect(serverDoc.getXmlFragment('hulpvraag_ouders').toString()).toBe('Wij maken ons zorgen.');
    raw.ws.close();
  });

  it('a professional’s raw update into the statement is accepted and reaches the others', async () => {
    const raw = await rawSocket(docId, professional);
    raw.sendUpdate(craft(serverDoc, (d) => statement(d).insert(41, ', volgens school')));
    const merged = 'Spanning thuis houdt het verzuim in stand, volgens school';
    await waitFor(() => statement(serverDoc).toString() === merged, 3000, 'applied');
    await waitFor(() => statement(scientist.doc).toString() === merged, 3000, 'relayed');
    expect(raw.rejections()).toEqual([]);
    raw.ws.close();
  });

  it('a professional’s raw update that also writes in the parents’ own words is rejected whole', async () => {
    const before = snapshot();
    const raw = await rawSocket(docId, professional);
    raw.sendUpdate(
      craft(serverDoc, (d) => {
        statement(d).insert(0, 'Mag wel: ');
        (d.getXmlFragment('hulpvraag_ouders').get(0) as Y.XmlText).insert(0, 'Mag niet: ');
      }),
    );
    await waitFor(() => raw.rejections().length > 0, 3000, 'rejection');
    expect(raw.rejections()).toEqual([{ n: 1, reason: RejectReason.SectionForbidden }]);
    expect(snapshot()).toBe(before);
    expect(statement(serverDoc).toString()).not.toContain('Mag wel');
    raw.ws.close();
  });
});

describe('access follows age and consent', () => {
  const at = (iso: string) => {
    now = new Date(iso);
  };

  async function opens(docId: string, userId: string): Promise<{ ok: boolean; client: TrackedClient }> {
    const client = new TrackedClient(server.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: userId }));
    await waitFor(() => client.provider.synced || client.closes.length > 0, 3000, 'open decided');
    return { ok: client.provider.synced, client };
  }

  it('the young person gets access on their 12th birthday', async () => {
    const caseId = await createCase(server.services.db, { dateOfBirth: '2010-03-15' });
    const yp = await addParticipant(server.services.db, caseId, 'jeugdige');
    at('2022-03-14T12:00:00Z');
    const before = await opens(`${caseId}.analysis`, yp);
    expect(before.ok).toBe(false);
    expect(before.client.closes[0]?.code).toBe(CloseCode.Forbidden);
    before.client.destroy();
    at('2022-03-15T00:00:01Z');
    const after = await opens(`${caseId}.analysis`, yp);
    expect(after.ok).toBe(true);
    after.client.destroy();
  });

  it('parents lose access at 16 without consent — also while connected — and regain it with consent, also after 18', async () => {
    const caseId = await createCase(server.services.db, { dateOfBirth: '2010-03-15' });
    const parent = await addParticipant(server.services.db, caseId, 'ouder');
    const docId = `${caseId}.analysis`;
    at('2026-03-14T12:00:00Z');
    const live = await opens(docId, parent);
    expect(live.ok).toBe(true);
    at('2026-03-15T08:00:00Z');
    const result = await server.collab.recheckCase(caseId);
    expect(result.revoked).toBe(1);
    await waitFor(
      () => live.client.closes.some((c) => c.code === CloseCode.AccessRevoked),
      3000,
      'parent disconnected',
    );
    live.client.destroy();
    const refused = await opens(docId, parent);
    expect(refused.ok).toBe(false);
    refused.client.destroy();

    await server.services.db.updateTable('cases').set({ parents_consent: 1 }).where('id', '=', caseId).execute();
    const withConsent = await opens(docId, parent);
    expect(withConsent.ok).toBe(true);
    // The young person withdraws consent: the parent is disconnected at once.
    await server.services.db.updateTable('cases').set({ parents_consent: 0 }).where('id', '=', caseId).execute();
    expect((await server.collab.recheckCase(caseId)).revoked).toBe(1);
    await waitFor(() => withConsent.client.closes.some((c) => c.code === CloseCode.AccessRevoked), 3000, 'withdrawn');
    withConsent.client.destroy();

    at('2028-03-15T08:00:00Z'); // 18: the young person alone decides; consent still counts
    expect((await opens(docId, parent)).ok).toBe(false);
    await server.services.db.updateTable('cases').set({ parents_consent: 1 }).where('id', '=', caseId).execute();
    const adult = await opens(docId, parent);
    expect(adult.ok).toBe(true);
    adult.client.destroy();
  });

  it('a closed case becomes read-only for live connections', async () => {
    at('2026-11-23T10:00:00Z');
    const caseId = await createCase(server.services.db, { dateOfBirth: '2008-01-01' });
    const gw = await addParticipant(server.services.db, caseId, 'gedragswetenschapper');
    const docId = `${caseId}.analysis`;
    const { ok, client } = await opens(docId, gw);
    expect(ok).toBe(true);
    await server.services.db
      .updateTable('cases')
      .set({ closed_at: now.toISOString() })
      .where('id', '=', caseId)
      .execute();
    expect((await server.collab.recheckCase(caseId)).updated).toBe(1);
    client.edit('na sluiting', (d) => d.getXmlFragment('veiligheid').insert(0, [new Y.XmlText('te laat')]));
    await waitFor(() => client.rejections.length > 0, 3000, 'rejected');
    expect(client.rejections[0]?.reason).toBe(RejectReason.ReadOnly);
    client.destroy();
  });
});

describe('document opens and edits are in the access log', () => {
  it('one read entry per open, one update entry per section first edited, denied opens too', async () => {
    now = new Date('2026-11-23T10:00:00Z');
    const caseId = await createCase(server.services.db, { dateOfBirth: '2012-05-01' });
    const gw = await addParticipant(server.services.db, caseId, 'gedragswetenschapper', 'Sanne');
    const outsider = `user-outsider-${caseId}`;
    const docId = `${caseId}.analysis`;
    const entries = async () =>
      (await server.services.accessLog.forCase(caseId)).map((e) => [e.event, e.user_id, e.outcome, e.detail]).reverse();

    const client = new TrackedClient(
      server.wsUrl,
      docId,
      await tokenFor({ [docId]: 'write' }, { sub: gw, name: 'Sanne' }),
    );
    await waitFor(() => client.provider.synced, 3000, 'synced');
    client.edit('1', (d) => d.getXmlFragment('veiligheid').insert(0, [new Y.XmlText('eerste')]));
    client.edit('2', (d) => d.getXmlFragment('veiligheid').insert(0, [new Y.XmlText('tweede')]));
    client.edit('3', (d) => d.getXmlFragment('evaluatie').insert(0, [new Y.XmlText('over zes weken')]));
    await waitFor(() => client.saved >= client.sent, 3000, 'saved');
    client.destroy();
    const refused = new TrackedClient(server.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: outsider }));
    await waitFor(() => refused.closes.length > 0, 3000, 'refused');
    refused.destroy();

    // Edit entries are appended without holding up the update: give them a moment to land.
    let logged = await entries();
    for (let i = 0; i < 100 && logged.length < 4; i++) {
      await new Promise((r) => setTimeout(r, 20));
      logged = await entries();
    }
    expect(logged).toEqual([
      ['read', gw, 'success', `${docId}: opened (write)`],
      ['update', gw, 'success', `${docId}: edited section veiligheid`],
      ['update', gw, 'success', `${docId}: edited section evaluatie`],
      ['read', outsider, 'denied', `${docId}: open refused`],
    ]);
    const verdict = await server.services.accessLog.verify();
    expect(verdict.broken).toBeNull();
  });
});

describe('document routes log like the case routes', () => {
  it('records the actor’s role on the case and on whose responsibility they act', async () => {
    now = new Date('2026-11-23T10:00:00Z');
    const caseId = await createCase(server.services.db, { dateOfBirth: '2012-05-01' });
    const youngPerson = await addParticipant(server.services.db, caseId, 'jeugdige', 'Noor');
    const http = await sessionFor(server.services, server.url, youngPerson);
    const res = await http.post(`/api/documents/${caseId}.analysis/comments`, {
      section: 'veiligheid',
      text: 'Ik voel me veilig op school.',
    });
    expect(res.status).toBe(201);
    const [entry] = await server.services.accessLog.forCase(caseId);
    expect(entry).toMatchObject({
      event: 'create',
      user_id: youngPerson,
      user_role: 'jeugdige',
      responsible: 'eigen account',
      outcome: 'success',
    });
  });
});
