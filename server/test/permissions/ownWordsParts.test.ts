/**
 * 002 Bijlage 1 "in de woorden van de verschillende betrokkenen": one own-words part per person, kept
 * exact by the server's per-root write check over the real collaboration server (hand-crafted updates on
 * raw sockets, as a hostile participant would send them), and the recording of a part "zoals verteld
 * door" a child under 12 by a named professional (HTTP: status, error id, Dutch text, nothing half-written).
 */
import { ERROR_WORDS, MessageType, parentPartRoot, RejectReason, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { createSession, SESSION_COOKIE } from '../../src/identity/sessions.js';
import { addParticipant, createCase } from '../support/caseFixture.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { waitFor } from '../support/trackedClient.js';

const now = new Date('2026-11-23T10:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer({}, { clock: () => now });
});
afterAll(async () => {
  await server?.close();
});

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
  return { ws, rejections, sendUpdate, closedCode: () => closed };
}

function craft(base: Y.Doc, fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  const sv = Y.encodeStateVector(doc);
  doc.transact(() => fn(doc));
  return Y.encodeStateAsUpdate(doc, sv);
}

async function api(userId: string) {
  const s = await createSession(server.services.db, {
    userId,
    authenticated: true,
    remoteAddress: '127.0.0.1',
    userAgent: 'vitest',
    ttlMs: 3600_000,
    now: server.services.clock(),
  });
  const headers = {
    cookie: `${SESSION_COOKIE}=${s.token}`,
    'x-csrf-token': s.csrfToken,
    'content-type': 'application/json',
  };
  const call = (method: string, path: string, body?: unknown) =>
    fetch(`${server.url}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return {
    get: (path: string) => call('GET', path),
    put: (path: string, body: unknown) => call('PUT', path, body),
    del: (path: string) => call('DELETE', path),
  };
}

const write = (root: string, text: string) => (d: Y.Doc) => d.getXmlFragment(root).insert(0, [new Y.XmlText(text)]);

describe('002 Bijlage 1: each person writes their own request for help, nobody writes another’s', () => {
  let caseId: string;
  let docId: string;
  let mother: string;
  let father: string;
  let provider: string;
  let school: string;
  let serverDoc: Y.Doc;
  let observer: Awaited<ReturnType<typeof rawSocket>>;
  afterAll(() => observer?.ws.close());

  beforeAll(async () => {
    // Under 12 on the test date: the child has no account; a professional records their words.
    caseId = await createCase(server.services.db, { dateOfBirth: '2017-04-02', name: 'Sem Bakker' });
    docId = `${caseId}.analysis`;
    mother = await addParticipant(server.services.db, caseId, 'ouder', 'Anna Bakker');
    father = await addParticipant(server.services.db, caseId, 'ouder', 'Karim Bakker');
    provider = await addParticipant(server.services.db, caseId, 'jeugdhulpaanbieder', 'Petra Hulp');
    school = await addParticipant(server.services.db, caseId, 'onderwijsconsulent', 'Otto School');
    // Someone stays connected, so the server keeps the document loaded while the test looks at it.
    observer = await rawSocket(docId, school);
    serverDoc = server.collab.loadedDocument(docId) as Y.Doc;
  });

  const snapshot = () => Buffer.from(Y.encodeStateAsUpdate(serverDoc)).toString('base64');

  async function accepted(userId: string, change: (d: Y.Doc) => void, check: () => boolean) {
    const raw = await rawSocket(docId, userId);
    raw.sendUpdate(craft(serverDoc, change));
    await waitFor(check, 3000, 'applied');
    expect(raw.rejections()).toEqual([]);
    raw.ws.close();
  }

  async function rejected(userId: string, change: (d: Y.Doc) => void) {
    const before = snapshot();
    const raw = await rawSocket(docId, userId);
    raw.sendUpdate(craft(serverDoc, change));
    await waitFor(() => raw.rejections().length > 0, 3000, 'rejection');
    expect(raw.rejections()).toEqual([{ n: 1, reason: RejectReason.SectionForbidden }]);
    expect(snapshot()).toBe(before);
    expect(raw.closedCode()).toBeNull();
    raw.ws.close();
  }

  it('each parent writes in their own part', async () => {
    const motherPart = serverDoc.getXmlFragment(parentPartRoot(mother));
    const fatherPart = serverDoc.getXmlFragment(parentPartRoot(father));
    await accepted(mother, write(parentPartRoot(mother), 'Ik wil rust in huis.'), () =>
      motherPart.toString().includes('rust'),
    );
    await accepted(father, write(parentPartRoot(father), 'Ik wil dat Sem naar school gaat.'), () =>
      fatherPart.toString().includes('school'),
    );
  });

  it.each([
    ['the other parent’s part', (mother: string) => write(parentPartRoot(mother), 'Zij overdrijft. ')],
    ['a part of a parent who is not on the case', () => write(parentPartRoot('user-nietbestaand'), 'nep')],
    ['the young person’s part', () => write('hulpvraag_jeugdige', 'Sem zegt niks.')],
    [
      'its own part and the other parent’s in one update',
      (mother: string, father: string) => (d: Y.Doc) => {
        write(parentPartRoot(father), 'mag wel')(d);
        write(parentPartRoot(mother), 'mag niet')(d);
      },
    ],
  ])('a hostile parent’s raw update into %s is rejected whole; nothing changes', async (_what, change) => {
    await rejected(father, change(mother, father));
    expect(serverDoc.getXmlFragment(parentPartRoot(mother)).toString()).toContain('Ik wil rust in huis.');
    expect(serverDoc.getXmlFragment(parentPartRoot(mother)).toString()).not.toContain('overdrijft');
  });

  it('a professional may not write the parent’s or the child’s words', async () => {
    await rejected(provider, write(parentPartRoot(mother), 'Moeder is boos.'));
    await rejected(provider, write('hulpvraag_jeugdige', 'Sem zegt: '));
  });

  it('a parent may not name who records the child’s words; the API says why in Dutch; nothing is written', async () => {
    const res = await (await api(mother)).put(`/api/cases/${caseId}/analysis/parts/hulpvraag_jeugdige/recorder`, {
      recorderId: mother,
    });
    expect(res.status).toBe(403);
    const body = (await res.json()) as { error: { id: string; text: string } };
    expect(body.error.id).toBe('recorder_not_allowed');
    expect(body.error.text).toBe(ERROR_WORDS.recorder_not_allowed.nl);
    const parts = (await (await (await api(provider)).get(`/api/cases/${caseId}/analysis/parts`)).json()) as {
      parts: Array<{ root: string; recorder: unknown }>;
      childUnder12: boolean;
    };
    expect(parts.childUnder12).toBe(true);
    expect(parts.parts.map((p) => [p.root, p.recorder])).toEqual([
      ['hulpvraag_jeugdige', null],
      [parentPartRoot(mother), null],
      [parentPartRoot(father), null],
    ]);
  });

  it('only a professional on the case can be the recorder; an unknown part is refused', async () => {
    const pro = await api(provider);
    const notPro = await pro.put(`/api/cases/${caseId}/analysis/parts/hulpvraag_jeugdige/recorder`, {
      recorderId: father,
    });
    expect(notPro.status).toBe(400);
    const body = (await notPro.json()) as { error: { id: string; text: string } };
    expect([body.error.id, body.error.text]).toEqual([
      'recorder_not_professional',
      ERROR_WORDS.recorder_not_professional.nl,
    ]);
    const unknown = await pro.put(`/api/cases/${caseId}/analysis/parts/veiligheid/recorder`, { recorderId: provider });
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: { id: string } }).error.id).toBe('own_words_part_unknown');
    const rows = await server.services.db
      .selectFrom('own_words_recorders' as never)
      .selectAll()
      .where('case_id' as never, '=', caseId as never)
      .execute();
    expect(rows).toEqual([]);
  });

  it('a named professional records the child’s words "zoals verteld"; another professional still may not', async () => {
    const res = await (await api(provider)).put(`/api/cases/${caseId}/analysis/parts/hulpvraag_jeugdige/recorder`, {
      recorderId: provider,
    });
    expect(res.status).toBe(200);
    const view = (await res.json()) as {
      parts: Array<{ root: string; recorder: { name: string; onRequest: boolean } }>;
    };
    expect(view.parts[0]?.recorder).toMatchObject({ name: 'Petra Hulp', onRequest: false });
    const young = serverDoc.getXmlFragment('hulpvraag_jeugdige');
    await accepted(provider, write('hulpvraag_jeugdige', 'Ik wil weer voetballen.'), () =>
      young.toString().includes('voetballen'),
    );
    await rejected(school, write('hulpvraag_jeugdige', 'Niet waar.'));
    const log = await server.services.accessLog.forCase(caseId, 100);
    expect(log.some((e) => e.detail.includes('hulpvraag_jeugdige recorded by'))).toBe(true);
  });

  it('a parent added later gets their own part, and only they write in it', async () => {
    const stepmother = await addParticipant(server.services.db, caseId, 'ouder', 'Lotte de Wit');
    const part = serverDoc.getXmlFragment(parentPartRoot(stepmother));
    await rejected(mother, write(parentPartRoot(stepmother), 'Voor haar.'));
    await accepted(stepmother, write(parentPartRoot(stepmother), 'Ik help mee.'), () =>
      part.toString().includes('help'),
    );
    const parts = (await (await (await api(stepmother)).get(`/api/cases/${caseId}/analysis/parts`)).json()) as {
      parts: Array<{ root: string }>;
    };
    expect(parts.parts.map((p) => p.root)).toContain(parentPartRoot(stepmother));
  });
});
