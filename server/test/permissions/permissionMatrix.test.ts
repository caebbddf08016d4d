/**
 * The permission table, cell by cell, through the real server: every role × document type × section ×
 * action (open, edit, see presence). Generated from PERMISSION_TABLE, so a change to the table changes
 * the test. Each connection presents a token that *claims* write access: the server must ignore that
 * and decide from the case, the participant's role and the table.
 */
import {
  atLeast,
  CloseCode,
  DOCUMENT_TYPES,
  type DocumentType,
  documentId,
  documentPermission,
  INVITED_ROLES,
  RejectReason,
  ROLES,
  type Role,
  SECTIONS,
  type SectionDef,
  SyncStep,
  sectionPermission,
} from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { caseDb } from '../../src/cases/caseDb.js';
import { registerCaseDocument } from '../../src/cases/caseDocuments.js';
import { caseAccess } from '../../src/domain/caseAccess.js';
import { mayInvite } from '../../src/domain/invitations.js';
import { invitationDb } from '../../src/identity/invitationDb.js';
import { addParticipant, createCase } from '../support/caseFixture.js';
import { craftAs } from '../support/craftUpdates.js';
import { syncFrame } from '../support/rawCollabSocket.js';
import { sessionFor } from '../support/sessionClient.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { TrackedClient, waitFor } from '../support/trackedClient.js';

const NOW = new Date('2026-11-23T10:00:00Z');
let server: Awaited<ReturnType<typeof startTestServer>>;
let caseId: string;
const userOf = new Map<Role, string>();
const httpOf = new Map<Role, Awaited<ReturnType<typeof sessionFor>>>();

beforeAll(async () => {
  server = await startTestServer({}, { clock: () => NOW });
  // 14 years old: the young person has access, parents too (no consent needed under 16).
  caseId = await createCase(server.services.db, { dateOfBirth: '2012-05-01' });
  // Meeting notes open only for a meeting the case has (registered when it is scheduled).
  await registerCaseDocument(server.services.db, documentId(caseId, 'meetingNotes', 'mdo1'), NOW);
  for (const role of ROLES) {
    const userId = await addParticipant(server.services.db, caseId, role, `${role}-naam`);
    userOf.set(role, userId);
    httpOf.set(role, await sessionFor(server.services, server.url, userId));
  }
});
afterAll(async () => {
  await server?.close();
});

export function writeInto(doc: Y.Doc, section: SectionDef, mark: string): void {
  if (section.content === 'items') doc.getArray<string>(section.id).push([mark]);
  else doc.getXmlFragment(section.id).insert(0, [new Y.XmlText(mark)]);
}

export function sectionHolds(doc: Y.Doc, section: SectionDef, mark: string): boolean {
  if (section.content === 'items') return doc.getArray<string>(section.id).toArray().includes(mark);
  return doc.getXmlFragment(section.id).toString().includes(mark);
}

async function connect(docId: string, role: Role, wait = true): Promise<TrackedClient> {
  const token = await tokenFor({ [docId]: 'write' }, { sub: userOf.get(role), name: `${role}-naam`, role });
  const client = new TrackedClient(server.wsUrl, docId, token);
  if (wait) await waitFor(() => client.provider.synced, 5000, `${role} reconnected`);
  return client;
}

async function connectAll(docId: string): Promise<Map<Role, TrackedClient>> {
  const clients = new Map<Role, TrackedClient>();
  for (const role of ROLES) clients.set(role, await connect(docId, role, false));
  await waitFor(
    () => [...clients.values()].every((c) => c.provider.synced || c.closes.length > 0),
    10_000,
    'every connection synced or refused',
  );
  return clients;
}

describe.each(DOCUMENT_TYPES.map((t) => [t]))('permission matrix: %s', (type: DocumentType) => {
  let clients: Map<Role, TrackedClient>;
  const docIdNow = () => documentId(caseId, type, type === 'meetingNotes' ? 'mdo1' : undefined);

  let observer: TrackedClient;
  beforeAll(async () => {
    clients = await connectAll(docIdNow());
    // A second connection of the behavioural scientist watches presence.
    observer = await connect(docIdNow(), 'gedragswetenschapper');
    observer.provider.awareness.setLocalStateField('user', { name: 'waarnemer' });
  });
  afterAll(() => {
    for (const c of clients.values()) c.destroy();
    observer.destroy();
  });

  it.each(ROLES.map((r) => [r]))('open: %s', (role: Role) => {
    const client = clients.get(role) as TrackedClient;
    const mayOpen = documentPermission(type, role) !== 'none';
    if (mayOpen) {
      expect(client.provider.synced).toBe(true);
      expect(client.closes).toEqual([]);
    } else {
      expect(client.closes[0]?.code).toBe(CloseCode.Forbidden);
      expect(client.provider.synced).toBe(false);
    }
  });

  it.each(ROLES.map((r) => [r]))('see presence: %s', async (role: Role) => {
    const client = clients.get(role) as TrackedClient;
    if (documentPermission(type, role) === 'none') {
      // Closed before anything was sent: no presence in either direction.
      expect(client.provider.awareness.getStates().has(observer.doc.clientID)).toBe(false);
      return;
    }
    client.provider.awareness.setLocalStateField('user', { name: `${role}-naam` });
    await waitFor(
      // The observer calls itself 'waarnemer'; presence shows the name on its token.
      () =>
        client.provider.awareness.getStates().get(observer.doc.clientID)?.user?.name === 'gedragswetenschapper-naam',
      3000,
      'observer seen',
    );
    await waitFor(
      () => observer.provider.awareness.getStates().get(client.doc.clientID)?.user?.name === `${role}-naam`,
      3000,
      'role seen by observer',
    );
  });

  const cells = ROLES.flatMap((role) => SECTIONS[type].map((section) => [role, section.id] as const));
  it.each(cells)('edit: %s → %s', async (role: Role, sectionId: string) => {
    const client = clients.get(role) as TrackedClient;
    if (documentPermission(type, role) === 'none') return expect(client.closes[0]?.code).toBe(CloseCode.Forbidden);
    const section = SECTIONS[type].find((s) => s.id === sectionId) as SectionDef;
    const mark = `${role}:${sectionId}:${Math.random().toString(36).slice(2)}`;
    const rejectedBefore = client.rejections.length;
    client.edit(mark, (doc) => writeInto(doc, section, mark));
    const frame = client.sent;
    await waitFor(() => client.saved >= frame, 3000, `answer to ${role} editing ${sectionId}`);
    const serverDoc = server.collab.loadedDocument(docIdNow()) as Y.Doc;
    const canEdit = sectionPermission(type, sectionId, role) === 'edit';
    if (canEdit) {
      expect(client.rejections.slice(rejectedBefore)).toEqual([]);
      expect(sectionHolds(serverDoc, section, mark)).toBe(true);
    } else {
      const hasAnyEdit = documentPermission(type, role) === 'edit';
      expect(client.rejections.slice(rejectedBefore).map((r) => [r.n, r.reason])).toEqual([
        [frame, hasAnyEdit ? RejectReason.SectionForbidden : RejectReason.ReadOnly],
      ]);
      expect(sectionHolds(serverDoc, section, mark)).toBe(false);
      // A client whose edit was refused has diverged from the server (its next updates would build on
      // the refused one); like the real client, start afresh.
      client.destroy();
      clients.set(role, await connect(docIdNow(), role));
    }
  });

  it.each(ROLES.map((r) => [r]))('session token: %s', async (role: Role) => {
    const res = await (httpOf.get(role) as Awaited<ReturnType<typeof sessionFor>>).post(
      `/api/documents/${docIdNow()}/token`,
    );
    const permission = documentPermission(type, role);
    if (permission === 'none') return expect(res.status).toBe(404);
    expect(res.status).toBe(200);
    const body = (await res.json()) as { access: string; sections: Record<string, string> };
    expect(body.access).toBe(permission === 'edit' ? 'write' : 'read');
    for (const section of SECTIONS[type])
      expect(body.sections[section.id]).toBe(sectionPermission(type, section.id, role));
  });

  it.each(cells)('comment: %s → %s', async (role: Role, sectionId: string) => {
    const http = httpOf.get(role) as Awaited<ReturnType<typeof sessionFor>>;
    const res = await http.post(`/api/documents/${docIdNow()}/comments`, {
      section: sectionId,
      text: `Vraag van ${role}`,
    });
    if (documentPermission(type, role) === 'none') return expect(res.status).toBe(404);
    expect(res.status).toBe(atLeast(sectionPermission(type, sectionId, role), 'comment') ? 201 : 403);
  });

  it.each(ROLES.map((r) => [r]))(
    'write under another person’s client id: %s is refused, in a section it may edit',
    async (role: Role) => {
      const editable = SECTIONS[type].find((s) => sectionPermission(type, s.id, role) === 'edit');
      if (!editable) return expect(documentPermission(type, role)).not.toBe('edit');
      // The victim is the observer (the behavioural scientist), or for that role itself another editor.
      const victimRole = (role === 'gedragswetenschapper' ? 'procesregisseur' : 'gedragswetenschapper') as Role;
      const victim = victimRole === 'gedragswetenschapper' ? observer : await connect(docIdNow(), victimRole);
      const victimSection = SECTIONS[type].find((s) => sectionPermission(type, s.id, victimRole) === 'edit');
      if (!victimSection) throw new Error(`${victimRole} edits nothing in ${type}`);
      const claim = `${victimRole}:claim:${Math.random().toString(36).slice(2)}`;
      victim.edit(claim, (doc) => writeInto(doc, victimSection, claim));
      await waitFor(() => victim.allSaved, 3000, 'victim’s write saved');
      const serverDoc = server.collab.loadedDocument(docIdNow()) as Y.Doc;

      const client = await connect(docIdNow(), role);
      const mark = `${role}:as:${victimRole}:${Math.random().toString(36).slice(2)}`;
      const before = client.rejections.length;
      (client.provider.ws as WebSocket).send(
        syncFrame(
          SyncStep.Update,
          craftAs(victim.doc.clientID, serverDoc, (d) => writeInto(d, editable, mark)),
        ),
      );
      await waitFor(() => client.rejections.length > before, 3000, `answer to ${role}`);
      expect(client.rejections.slice(before).map((r) => r.reason)).toEqual([RejectReason.ForeignClient]);
      expect(sectionHolds(serverDoc, editable, mark)).toBe(false);
      client.destroy();
      if (victim !== observer) victim.destroy();
    },
  );

  it('every cell of the table was exercised', () => {
    expect(docIdNow()).toContain(type);
    expect(cells.length).toBe(ROLES.length * SECTIONS[type].length);
  });
});

/**
 * Invitations in the matrix: every role on a case × every role they might bring onto it, by an
 * invitation link (the young person, a parent) and by adding an existing account. Expected answers
 * come from the one table (domain/invitations.ts) and the case's access rules, so a change to either
 * changes the test. A second case without a young person, registered by the lokaal-team member.
 */
describe('permission matrix: invitations', () => {
  let inviteCase: string;
  const inviters = new Map<Role, { userId: string; http: Awaited<ReturnType<typeof sessionFor>> }>();
  const registrantRole: Role = 'lokaal-team';

  beforeAll(async () => {
    const db = server.services.db;
    inviteCase = await createCase(db, { dateOfBirth: '2012-05-01' });
    for (const role of ROLES.filter((r) => r !== 'jeugdige')) {
      const userId = await addParticipant(db, inviteCase, role, `${role}-uitnodiger`);
      inviters.set(role, { userId, http: await sessionFor(server.services, server.url, userId) });
    }
    await caseDb(db)
      .updateTable('cases')
      .set({ created_by: inviters.get(registrantRole)?.userId ?? null })
      .where('id', '=', inviteCase)
      .execute();
  });

  const expected = (inviter: Role, invited: Role, ok: number): number => {
    if (!caseAccess({ dateOfBirth: '2012-05-01', parentsConsent: false, closed: false }, inviter, NOW).allowed)
      return 404;
    return mayInvite({ role: inviter, registeredCase: inviter === registrantRole }, invited) ? ok : 403;
  };

  const linkCells = ROLES.filter((r) => r !== 'jeugdige').flatMap((inviter) =>
    INVITED_ROLES.map((invited) => [inviter, invited] as const),
  );
  it.each(linkCells)('invitation link: %s invites %s', async (inviter: Role, invited: Role) => {
    const { http } = inviters.get(inviter)!;
    const db = invitationDb(server.services.db);
    const before = await db.selectFrom('invitations').select('id').where('case_id', '=', inviteCase).execute();
    const res = await http.post(`/api/cases/${inviteCase}/invitations`, { role: invited, name: 'Genodigde' });
    const want = expected(inviter, invited, 201);
    expect(res.status).toBe(want);
    const after = await db.selectFrom('invitations').select('id').where('case_id', '=', inviteCase).execute();
    expect(after.length - before.length).toBe(want === 201 ? 1 : 0);
    // One open invitation for the young person at a time: withdraw it for the next cell.
    await db
      .updateTable('invitations')
      .set({ revoked_at: NOW.toISOString() })
      .where('case_id', '=', inviteCase)
      .execute();
  });

  const addCells = ROLES.filter((r) => r !== 'jeugdige').flatMap((inviter) =>
    ROLES.map((invited) => [inviter, invited] as const),
  );
  it.each(addCells)('add an account: %s adds a %s', async (inviter: Role, invited: Role) => {
    const { http } = inviters.get(inviter)!;
    const db = caseDb(server.services.db);
    const newcomer = await newAccount(invited);
    const res = await http.post(`/api/cases/${inviteCase}/participants`, { userId: newcomer, role: invited });
    // Allowed by the table, the account still has to fit the role: a director comes via a session (400).
    const want = expected(inviter, invited, invited === 'dbt-lid' ? 400 : 201);
    expect(res.status).toBe(want);
    const row = await db
      .selectFrom('participants')
      .select('role')
      .where('case_id', '=', inviteCase)
      .where('user_id', '=', newcomer)
      .executeTakeFirst();
    expect(row?.role).toBe(want === 201 ? invited : undefined);
    // Keep the case without a young person for the next cell.
    await db.deleteFrom('participants').where('user_id', '=', newcomer).execute();
  });

  async function newAccount(role: Role): Promise<string> {
    const client = role === 'jeugdige' || role === 'ouder';
    const id = `new-${Math.random().toString(36).slice(2, 10)}`;
    await server.services.db
      .insertInto('users')
      .values({
        id,
        kind: client ? 'client' : 'professional',
        login: `${id}@test.invalid`,
        name: id,
        role: client ? null : role,
        organisation_id: null,
        password_hash: null,
        totp_secret: null,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        created_at: NOW.toISOString(),
      })
      .execute();
    return id;
  }

  it('every cell of the invitation table was exercised', () => {
    expect(linkCells.length).toBe((ROLES.length - 1) * INVITED_ROLES.length);
    expect(addCells.length).toBe((ROLES.length - 1) * ROLES.length);
  });
});
