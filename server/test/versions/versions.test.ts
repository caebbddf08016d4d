/**
 * Versions through the API, with content written through the real WebSocket server: save, list, read,
 * word diff, and restore — which reaches a connected client live and survives a restart.
 */
import { DEFAULT_LIMITS } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { startTestServer } from '../support/testServer.js';
import { type TrackedClient, waitFor } from '../support/trackedClient.js';
import { addHypothesis, apiFor, caseWithPeople, connect, paragraphsOf, setParagraphs, write } from './support.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
const clients: TrackedClient[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await server?.close();
});

async function versionCount(server: Server, docId: string, userId: string): Promise<number> {
  const api = await apiFor(server.services, server.url, userId);
  return ((await (await api.get(`/documents/${docId}/versions`)).json()) as { versions: unknown[] }).versions.length;
}

describe('versions of a document', () => {
  let docId: string;
  let people: Awaited<ReturnType<typeof caseWithPeople>>['people'];
  let scientist: TrackedClient;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    ({ docId, people } = await caseWithPeople(server.services));
    scientist = await connect(server.wsUrl, docId, people.scientist);
    clients.push(scientist);
    await write(scientist, (d) => {
      setParagraphs(d, 'veiligheid', ['Er is geen acuut gevaar.', 'Thuis is het vaak onrustig.']);
      addHypothesis(d, 'h1', 'Noor vermijdt school uit angst');
    });
  });

  it('saves the current state under a name, with author and time', async () => {
    const api = await apiFor(server.services, server.url, people.scientist);
    const res = await api.post(`/documents/${docId}/versions`, { name: 'eerste opzet' });
    expect(res.status).toBe(201);
    const { version } = (await res.json()) as { version: Record<string, unknown> & { id: string } };
    expect(version).toMatchObject({ name: 'eerste opzet', kind: 'manual', author: { id: people.scientist } });
    ids.first = version.id;

    await write(scientist, (d) =>
      setParagraphs(d, 'veiligheid', ['Er is op dit moment geen acuut gevaar.', 'Thuis is het soms onrustig.']),
    );
    const second = await api.post(`/documents/${docId}/versions`, { name: 'na overleg' });
    ids.second = ((await second.json()) as { version: { id: string } }).version.id;

    const list = (await (await api.get(`/documents/${docId}/versions`)).json()) as {
      versions: Array<{ id: string; name: string; kind: string; createdAt: string; author: { name: string } }>;
    };
    expect(list.versions.map((v) => [v.id, v.name, v.kind])).toEqual([
      [ids.first, 'eerste opzet', 'manual'],
      [ids.second, 'na overleg', 'manual'],
    ]);
    expect(list.versions[0]?.author.name).toBe('Sanne Bakker');
    expect(Date.parse(list.versions[0]?.createdAt ?? '')).not.toBeNaN();
  });

  it('returns a version’s content per section as JSON', async () => {
    const api = await apiFor(server.services, server.url, people.parent);
    const res = await api.get(`/documents/${docId}/versions/${ids.first}`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { sections: Record<string, { text?: string; items?: unknown[] }> };
    expect(body.sections.veiligheid?.text).toBe('Er is geen acuut gevaar.\nThuis is het vaak onrustig.');
    expect(body.sections.hypothesen?.items).toEqual([
      { id: 'h1', text: 'Noor vermijdt school uit angst', status: 'open' },
    ]);
    expect(Object.keys(body.sections)).toContain('hulpvraag_jeugdige');
  });

  it('compares two versions word by word, per section', async () => {
    const api = await apiFor(server.services, server.url, people.youngPerson);
    const res = await api.get(`/documents/${docId}/versions/${ids.first}/diff/${ids.second}`);
    expect(res.status).toBe(200);
    const { sections } = (await res.json()) as {
      sections: Record<string, { changed: boolean; parts: Array<{ op: string; text: string }> }>;
    };
    expect(sections.veiligheid?.changed).toBe(true);
    expect(sections.veiligheid?.parts).toEqual([
      { op: 'equal', text: 'Er is ' },
      { op: 'insert', text: 'op dit moment ' },
      { op: 'equal', text: 'geen acuut gevaar.\nThuis is het ' },
      { op: 'delete', text: 'vaak' },
      { op: 'insert', text: 'soms' },
      { op: 'equal', text: ' onrustig.' },
    ]);
    expect(sections.hypothesen?.changed).toBe(false);
    const current = (await (await api.get(`/documents/${docId}/versions/${ids.second}/diff/current`)).json()) as {
      sections: Record<string, { changed: boolean }>;
    };
    expect(Object.values(current.sections).some((s) => s.changed)).toBe(false);
  });

  it('restores as a new change: a connected client sees it live, a restored version is recorded', async () => {
    const watcher = await connect(server.wsUrl, docId, people.parent, 'ouder');
    clients.push(watcher);
    expect(paragraphsOf(watcher.doc, 'veiligheid')).toEqual([
      'Er is op dit moment geen acuut gevaar.',
      'Thuis is het soms onrustig.',
    ]);
    const stateBefore = Y.encodeStateVector(server.collab.loadedDocument(docId) as Y.Doc);
    const api = await apiFor(server.services, server.url, people.scientist);
    const res = await api.post(`/documents/${docId}/versions/${ids.first}/restore`);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      changed: string[];
      version: { kind: string; name: string; restoredFrom: string };
    };
    expect(body.changed).toEqual(['veiligheid']);
    expect(body.version).toMatchObject({ kind: 'restored', name: 'hersteld: eerste opzet', restoredFrom: ids.first });
    await waitFor(() => paragraphsOf(watcher.doc, 'veiligheid')[1] === 'Thuis is het vaak onrustig.', 3000, 'live');
    expect(paragraphsOf(watcher.doc, 'veiligheid')).toEqual([
      'Er is geen acuut gevaar.',
      'Thuis is het vaak onrustig.',
    ]);
    // History is not rewritten: the server's document only grew (new items, nothing replaced).
    const after = Y.decodeStateVector(Y.encodeStateVector(server.collab.loadedDocument(docId) as Y.Doc));
    for (const [client, clock] of Y.decodeStateVector(stateBefore))
      expect(after.get(client)).toBeGreaterThanOrEqual(clock);
    // The scientist's own connected client received it too, and can keep editing on top of it.
    await waitFor(() => paragraphsOf(scientist.doc, 'veiligheid')[1] === 'Thuis is het vaak onrustig.', 3000, 'own');
    await write(scientist, (d) => addHypothesis(d, 'h2', 'Spanning thuis houdt het verzuim in stand'));
    expect(scientist.rejections).toEqual([]);
    expect(await versionCount(server, docId, people.scientist)).toBe(3);
  });

  it('restoring what is already there changes nothing and records nothing', async () => {
    const api = await apiFor(server.services, server.url, people.scientist);
    const res = await api.post(`/documents/${docId}/versions/${ids.first}/restore`, { sections: ['veiligheid'] });
    expect(await res.json()).toEqual({ changed: [], version: null });
    expect(await versionCount(server, docId, people.scientist)).toBe(3);
  });

  it('bad input is refused with a clear message and writes nothing', async () => {
    const api = await apiFor(server.services, server.url, people.scientist);
    const cases: Array<[Promise<Response>, number, RegExp]> = [
      [api.post(`/documents/${docId}/versions`, { name: '   ' }), 400, /name: name is empty/],
      [api.post(`/documents/${docId}/versions`, {}), 400, /name/],
      [api.post(`/documents/${docId}/versions`, { name: 'x'.repeat(201) }), 400, /name/],
      [api.get(`/documents/${docId}/versions/nope`), 404, /version not found/],
      [api.get(`/documents/${docId}/versions/${ids.first}/diff/nope`), 404, /version not found/],
      [api.post(`/documents/${docId}/versions/nope/restore`), 404, /version not found/],
      [api.post(`/documents/${docId}/versions/${ids.first}/restore`, { sections: ['geheim'] }), 400, /unknown section/],
      [api.post(`/documents/${docId}/versions/${ids.first}/restore`, { sections: 'veiligheid' }), 400, /sections/],
      [api.get(`/documents/${docId}/versions/${ids.first}/export.docx`), 404, /unknown export format/],
      [api.get('/documents/case-onbekend.analysis/versions'), 404, /document not found/],
      [api.get('/documents/geen-document/versions'), 404, /document not found/],
    ];
    for (const [pending, status, message] of cases) {
      const res = await pending;
      expect(res.status).toBe(status);
      expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(message);
    }
    expect(await versionCount(server, docId, people.scientist)).toBe(3);
  });

  it('restores an items section (hypotheses) as copies of the version’s items', async () => {
    expect(scientist.doc.getArray('hypothesen').length).toBe(2);
    const api = await apiFor(server.services, server.url, people.localTeam);
    const res = await api.post(`/documents/${docId}/versions/${ids.first}/restore`);
    expect(((await res.json()) as { changed: string[] }).changed).toEqual(['hypothesen']);
    await waitFor(() => scientist.doc.getArray('hypothesen').length === 1, 3000, 'hypotheses restored');
    const item = scientist.doc.getArray('hypothesen').get(0) as Y.Map<unknown>;
    expect(item.toJSON()).toEqual({ id: 'h1', text: 'Noor vermijdt school uit angst', status: 'open' });
    // The restored item is a live Y.Map that can be edited further.
    await write(scientist, (d) => (d.getArray('hypothesen').get(0) as Y.Map<unknown>).set('status', 'supported'));
    expect(scientist.rejections).toEqual([]);
  });
});

describe('a restore survives a restart', () => {
  it('is persisted through the normal queue, also when the document was not loaded', async () => {
    const first = await startTestServer({ limits: { ...DEFAULT_LIMITS, unloadGraceMs: 50 } });
    const { docId, people } = await caseWithPeople(first.services);
    const client = await connect(first.wsUrl, docId, people.scientist);
    await write(client, (d) => setParagraphs(d, 'evaluatie', ['Over zes weken evalueren.']));
    const api = await apiFor(first.services, first.url, people.scientist);
    const v = (
      (await (await api.post(`/documents/${docId}/versions`, { name: 'v1' })).json()) as { version: { id: string } }
    ).version.id;
    await write(client, (d) => setParagraphs(d, 'evaluatie', ['Over drie maanden evalueren.']));
    client.destroy();
    // Let the room unload (grace period), so the restore has to load it from the store first.
    await waitFor(() => first.collab.loadedDocument(docId) === undefined, 15_000, 'unloaded');
    const res = await api.post(`/documents/${docId}/versions/${v}/restore`);
    expect(((await res.json()) as { changed: string[] }).changed).toEqual(['evaluatie']);
    await first.close();

    const second = await startTestServer({ dataDir: first.config.dataDir });
    try {
      const reader = await connect(second.wsUrl, docId, people.parent, 'ouder');
      expect(paragraphsOf(reader.doc, 'evaluatie')).toEqual(['Over zes weken evalueren.']);
      reader.destroy();
      expect(await versionCount(second, docId, people.parent)).toBe(2);
    } finally {
      await second.close();
    }
  });
});
