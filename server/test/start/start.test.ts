/**
 * `GET /api/start` (issue #18) over the real server: the start view of the person asking, for the cases
 * they may open now — through the case gate, so never a case they are not on, never one they cannot
 * open (a parent without consent from 16), never someone else's items. The young person's own part links
 * straight to its anchor and waits until it holds words; a comment for them and the next meeting show.
 */
import { documentId, type StartView, YOUNG_PERSON_PART } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { addToInbox } from '../../src/inbox/inbox.js';
import {
  bornYearsAgo,
  type CaseHarness,
  type CaseTeam,
  caseWithTeam,
  lastSeq,
  logSince,
  START,
  startCaseServer,
  type TestUser,
} from '../cases/support.js';
import { tokenFor } from '../support/tokens.js';
import { TrackedClient, waitFor } from '../support/trackedClient.js';

let h: CaseHarness;
let daan: CaseTeam;
let sanne: CaseTeam;
let stranger: TestUser;
const clients: TrackedClient[] = [];

beforeAll(async () => {
  h = await startCaseServer();
  daan = await caseWithTeam(h, bornYearsAgo(START, 14), 'Daan Visser');
  // Sanne is 16½ and her parents gave no consent: her father may not open the case.
  sanne = await caseWithTeam(h, bornYearsAgo(START, 16, 180), 'Sanne de Boer');
  stranger = await h.user({ client: true, name: 'Stijn Vreemd' });
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h?.close();
});

const start = (as: TestUser | null) => h.api<StartView>(as, 'GET', '/api/start');

describe('GET /api/start', () => {
  it('needs a session', async () => {
    expect((await start(null)).status).toBe(401);
  });

  it('the young person sees their own case only: their part waits, with a direct link to it; the team says who does what', async () => {
    const before = await lastSeq(h.db);
    const res = await start(daan.youngPerson);
    expect(res.status).toBe(200);
    expect(res.body.firstName).toBe('Daan');
    expect(res.body.kind).toBe('client');
    expect(res.body.cases.map((c) => c.caseId)).toEqual([daan.caseId]);
    const [c] = res.body.cases;
    expect(c?.myRole).toBe('jeugdige');
    expect(c?.myPart).toEqual({
      sectionId: YOUNG_PERSON_PART,
      link: `/zaken/${daan.caseId}/analyse#sectie-${YOUNG_PERSON_PART}`,
      written: false,
    });
    expect(c?.waiting.map((w) => w.kind)).toEqual(['own-words']);
    expect(c?.team.map((p) => p.role).sort()).toEqual(
      ['gedragswetenschapper', 'jeugdhulpaanbieder', 'jeugdige', 'ouder', 'procesregisseur'].sort(),
    );
    expect(c?.team.filter((p) => p.isMe).map((p) => p.userId)).toEqual([daan.youngPerson.id]);
    expect(c?.nextMeeting).toBeNull();
    // Read through the gate: one 'read' entry for the case shown, naming the start page.
    const entries = await logSince(h.db, before);
    expect(
      entries.filter((e) => e.case_id === daan.caseId && e.event === 'read' && e.outcome === 'success'),
    ).toHaveLength(1);
    expect(entries.some((e) => e.case_id === sanne.caseId)).toBe(false);
  });

  it('a parent sees their own part; without consent from 16 the case is not there at all', async () => {
    const mother = await start(daan.parent);
    expect(mother.body.cases.map((c) => c.caseId)).toEqual([daan.caseId]);
    expect(mother.body.cases[0]?.myPart?.sectionId).toBe(`hulpvraag_ouder_${daan.parent.id}`);
    const father = await start(sanne.parent);
    expect(father.status).toBe(200);
    expect(father.body.cases).toEqual([]);
  });

  it('someone on no case gets an empty start view, never another person’s case', async () => {
    const res = await start(stranger);
    expect(res.status).toBe(200);
    expect(res.body.cases).toEqual([]);
  });

  it('a comment for you and the next meeting show; items of others do not', async () => {
    const link = `/zaken/${daan.caseId}/analyse#hulpvraag_jeugdige`;
    await addToInbox(
      h.db,
      [
        {
          userId: daan.youngPerson.id,
          caseId: daan.caseId,
          kind: 'comment-reply',
          key: 'reply:test-1',
          link,
          params: { section: YOUNG_PERSON_PART, document: 'analysis' },
        },
        {
          userId: daan.parent.id,
          caseId: daan.caseId,
          kind: 'mention',
          key: 'mention:test-2',
          link,
          params: { section: YOUNG_PERSON_PART, document: 'analysis' },
        },
      ],
      h.now(),
    );
    const scheduled = await h.api<{ meeting: { id: string } }>(
      daan.regisseur,
      'POST',
      `/api/cases/${daan.caseId}/meetings`,
      {
        title: 'Overleg over Daan',
        scheduledAt: '2026-03-10T14:00:00.000Z',
        agenda: [],
        inviteeUserIds: [daan.youngPerson.id],
      },
    );
    expect(scheduled.status).toBe(201);
    const [c] = (await start(daan.youngPerson)).body.cases;
    const comments = c?.waiting.filter((w) => w.kind === 'comment') ?? [];
    expect(comments).toHaveLength(1);
    expect(comments[0]).toMatchObject({ link, sectionId: YOUNG_PERSON_PART, documentType: 'analysis' });
    expect(c?.nextMeeting).toMatchObject({
      id: scheduled.body.meeting.id,
      scheduledAt: '2026-03-10T14:00:00.000Z',
      link: `/zaken/${daan.caseId}/overleg/${scheduled.body.meeting.id}`,
    });
    // The mother's mention is hers alone.
    const mine = c?.waiting.filter((w) => w.inboxItemId !== null) ?? [];
    expect(mine.every((w) => w.kind !== 'comment' || w.link === link)).toBe(true);
    expect(mine.filter((w) => w.kind === 'comment')).toHaveLength(1);
  });

  it('once the young person wrote their part, it no longer waits', async () => {
    const docId = documentId(daan.caseId, 'analysis');
    const token = await tokenFor({ [docId]: 'write' }, { sub: daan.youngPerson.id, role: 'jeugdige' });
    const client = new TrackedClient(h.server.url.replace(/^http/, 'ws'), docId, token);
    clients.push(client);
    await waitFor(() => client.provider.synced, 5000, 'synced');
    client.edit('daan-1', (d) => {
      const p = new Y.XmlElement('paragraph');
      p.insert(0, [new Y.XmlText('Ik wil weer naar school.')]);
      d.getXmlFragment(YOUNG_PERSON_PART).insert(0, [p]);
    });
    await waitFor(() => client.confirmed.has('daan-1') || client.rejections.length > 0, 5000, 'saved');
    expect(client.rejections).toEqual([]);
    const [c] = (await start(daan.youngPerson)).body.cases;
    expect(c?.myPart?.written).toBe(true);
    expect(c?.waiting.some((w) => w.kind === 'own-words')).toBe(false);
    // The words themselves never travel in the start view.
    expect(JSON.stringify(c)).not.toContain('school');
  });

  it('an analysis that was requested and not yet signed off asks the young person and parents whether they agree', async () => {
    const before = (await start(daan.youngPerson)).body.cases[0]?.waiting ?? [];
    expect(before.some((w) => w.kind === 'endorsement')).toBe(false);
    await h.db
      .updateTable('cases')
      .set({ analysis_requested_at: h.now().toISOString() } as never)
      .where('id', '=', daan.caseId)
      .execute();
    const young = (await start(daan.youngPerson)).body.cases[0]?.waiting ?? [];
    expect(young.filter((w) => w.kind === 'endorsement')).toEqual([
      {
        kind: 'endorsement',
        link: `/zaken/${daan.caseId}/analyse`,
        documentType: 'analysis',
        sectionId: null,
        inboxItemId: null,
      },
    ]);
    // Not asked of the professionals.
    const pro = (await start(daan.scientist)).body.cases[0]?.waiting ?? [];
    expect(pro.some((w) => w.kind === 'endorsement')).toBe(false);
  });
});
