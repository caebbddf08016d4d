/** A logged-in HTTP client with PUT as well, and case setup for the version tests. */
import { type Role, SECTIONS } from '@samenspraak/shared';
import * as Y from 'yjs';
import { createSession, SESSION_COOKIE } from '../../src/identity/sessions.js';
import type { AppServices } from '../../src/services.js';
import { addParticipant, createCase } from '../support/caseFixture.js';
import { tokenFor } from '../support/tokens.js';
import { TrackedClient, waitFor } from '../support/trackedClient.js';

export type Api = Awaited<ReturnType<typeof apiFor>>;

export async function apiFor(services: AppServices, baseUrl: string, userId: string) {
  const s = await createSession(services.db, {
    userId,
    authenticated: true,
    remoteAddress: '127.0.0.1',
    userAgent: 'vitest',
    ttlMs: 3600_000,
    now: services.clock(),
  });
  const headers = { cookie: `${SESSION_COOKIE}=${s.token}`, 'x-csrf-token': s.csrfToken };
  const send = (method: string, path: string, body?: unknown) =>
    fetch(`${baseUrl}/api${path}`, {
      method,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  return {
    userId,
    get: (path: string) => send('GET', path),
    post: (path: string, body: unknown = {}) => send('POST', path, body),
    put: (path: string, body: unknown = {}) => send('PUT', path, body),
  };
}

/** A case with a behavioural scientist (responsible), a young person of `age` and a parent. */
export async function caseWithPeople(services: AppServices, opts: { dateOfBirth?: string; name?: string } = {}) {
  const caseId = await createCase(services.db, {
    dateOfBirth: opts.dateOfBirth ?? '2012-05-01',
    name: opts.name ?? 'Noor de Vries',
  });
  const people: Record<'scientist' | 'youngPerson' | 'parent' | 'localTeam', string> = {
    scientist: await addParticipant(services.db, caseId, 'gedragswetenschapper', 'Sanne Bakker'),
    youngPerson: await addParticipant(services.db, caseId, 'jeugdige', 'Noor'),
    parent: await addParticipant(services.db, caseId, 'ouder', 'Petra de Vries'),
    localTeam: await addParticipant(services.db, caseId, 'lokaal-team', 'Ahmed Lokaal'),
  };
  await services.db
    .updateTable('cases')
    .set({ responsible_scientist_id: people.scientist })
    .where('id', '=', caseId)
    .execute();
  return { caseId, docId: `${caseId}.analysis`, people };
}

/** A real client on the WebSocket server, as `userId`, synced. */
export async function connect(wsUrl: string, docId: string, userId: string, role: Role = 'gedragswetenschapper') {
  const client = new TrackedClient(wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: userId, role }));
  await waitFor(() => client.provider.synced, 5000, 'client synced');
  return client;
}

/** Writes through the WebSocket and waits until the server reported it durable. */
export async function write(client: TrackedClient, fn: (doc: Y.Doc) => void): Promise<void> {
  client.edit(`w${client.sent}`, fn);
  await waitFor(() => client.saved >= client.sent, 5000, 'saved');
  if (client.rejections.length > 0) throw new Error(`rejected: ${JSON.stringify(client.rejections)}`);
}

/** Replaces a rich-text section with paragraphs, the way Tiptap writes them. */
export function setParagraphs(doc: Y.Doc, section: string, paragraphs: string[]): void {
  const fragment = doc.getXmlFragment(section);
  fragment.delete(0, fragment.length);
  fragment.insert(
    0,
    paragraphs.map((text) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText(text)]);
      return p;
    }),
  );
}

export function paragraphsOf(doc: Y.Doc, section: string): string[] {
  return doc
    .getXmlFragment(section)
    .toArray()
    .map((node) =>
      node instanceof Y.XmlElement
        ? node
            .toArray()
            .map((t) => (t as Y.XmlText).toString())
            .join('')
        : '',
    );
}

export function addHypothesis(doc: Y.Doc, id: string, text: string): void {
  const item = new Y.Map<unknown>();
  item.set('id', id);
  item.set('text', text);
  item.set('status', 'open');
  doc.getArray('hypothesen').push([item]);
}

/** An item whose words are a Y.Text `tekst` (a point of the summary, a checklist line). */
export function addTextItem(doc: Y.Doc, section: string, id: string, text: string): void {
  const item = new Y.Map<unknown>();
  item.set('id', id);
  item.set('tekst', new Y.Text(text));
  doc.getArray(section).push([item]);
}

/** A point of the analysis summary (002 Bijlage 1: "een puntsgewijze opsomming"). */
export function addSummaryPoint(doc: Y.Doc, id: string, tekst: string): void {
  addTextItem(doc, 'samenvatting', id, tekst);
}

/** The hash of the text as this person is shown it now (what the client sends back when endorsing). */
export async function currentHash(api: Api, docId: string): Promise<string> {
  const res = await api.get(`/documents/${docId}/sign-off`);
  return ((await res.json()) as { currentHash: string }).currentHash;
}

/** Endorses the text as it is now (the hash the person was shown). */
export async function endorseNow(api: Api, docId: string, body: { stance: string; words?: string }) {
  return api.put(`/documents/${docId}/endorsement`, { ...body, versionHash: await currentHash(api, docId) });
}

/** Signs off the text as it is now (the responsible scientist's api). */
export async function signOffNow(api: Api, docId: string, body: { name?: string } = {}) {
  return api.post(`/documents/${docId}/sign-off`, { ...body, versionHash: await currentHash(api, docId) });
}

/**
 * Writes every section the template marks required (002 Bijlage 1) that is still empty: a paragraph in a
 * text section, an item in an item section (`words` lets a test make its own text distinct).
 */
export function writeRequiredSections(d: Y.Doc, words = 'ingevuld'): void {
  for (const s of SECTIONS.analysis.filter((x) => x.required)) {
    if (s.content === 'items') {
      if (d.getArray(s.id).length > 0) continue;
      if (s.id === 'hypothesen') addHypothesis(d, `req-${s.id}`, `${s.title.nl}: ${words}`);
      else addTextItem(d, s.id, `req-${s.id}`, `${s.title.nl}: ${words}`);
    } else if (d.getXmlFragment(s.id).length === 0) setParagraphs(d, s.id, [`${s.title.nl}: ${words}.`]);
  }
}

/**
 * Makes an analysis pass the sign-off rule without anyone's endorsement: the required sections written
 * (through the scientist's real client) and the facts recorded (a reason with the child's view,
 * education consulted). For tests about something else than the rule itself.
 */
export async function satisfySignOffRule(
  scientist: Api,
  client: TrackedClient | ((fn: (doc: Y.Doc) => void) => Promise<unknown>),
  docId: string,
): Promise<void> {
  const apply =
    typeof client === 'function' ? client : (fn: (doc: Y.Doc) => void): Promise<unknown> => write(client, fn);
  await apply((d) => writeRequiredSections(d));
  for (const fact of [
    { kind: 'no-endorsement-reason', words: 'Vastgelegd voor de test.', childViewRecorded: true },
    { kind: 'education-consulted', words: 'Onderwijsconsulent SWV', consultedOn: '2026-01-05' },
  ]) {
    const res = await scientist.put(`/documents/${docId}/sign-off-facts`, fact);
    if (res.status !== 200) throw new Error(`sign-off fact refused: ${res.status} ${await res.text()}`);
  }
}
