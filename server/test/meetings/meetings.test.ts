/**
 * Case meetings (MDO) over HTTP on a real server: scheduling with its notes document, who may do what,
 * the meeting's course (start, chair, attendance, decisions, read-back, end), the required-roles check,
 * decisions landing in the analysis and the future plan through the live documents, the minutes, bad
 * input, and the access log.
 */
import { documentId, type MeetingView } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { docFromStore } from '../../src/documents/content.js';
import { createSession, SESSION_COOKIE } from '../../src/identity/sessions.js';
import { MISSING_EDUCATION, MISSING_VOICE } from '../../src/meetings/meetingRules.js';
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
import { readPdf } from '../support/pdfText.js';
import { tokenFor } from '../support/tokens.js';
import { TrackedClient, waitFor } from '../support/trackedClient.js';
import { paragraphsOf, setParagraphs } from '../versions/support.js';

let h: CaseHarness;
let team: CaseTeam;
let teacher: TestUser;
let outsider: TestUser;
let meeting: MeetingView;
const clients: TrackedClient[] = [];

type MeetingReply = { meeting: MeetingView; item?: { id: string } };
const base = () => `/api/cases/${team.caseId}/meetings`;
const at = (path = '') => `${base()}/${meeting.id}${path}`;
const schedule = {
  title: 'MDO Noor',
  scheduledAt: '2026-03-02T14:00:00+01:00',
  agenda: ['Wat Noor wil', 'School'],
  inviteeUserIds: [] as string[],
};

beforeAll(async () => {
  h = await startCaseServer();
  // 16½: the future plan applies; parents need consent (not given), so they do not see the case.
  team = await caseWithTeam(h, bornYearsAgo(START, 16, 180));
  teacher = await h.user({ role: 'onderwijsconsulent', name: 'Olga Onderwijs' });
  outsider = await h.user({ role: 'gedragswetenschapper', name: 'Otto Buiten' });
  const added = await h.api(team.regisseur, 'POST', `/api/cases/${team.caseId}/participants`, {
    userId: teacher.id,
    role: 'onderwijsconsulent',
  });
  expect(added.status).toBe(201);
});
afterAll(async () => {
  for (const c of clients) c.destroy();
  await h?.close();
});

describe('scheduling', () => {
  it('refuses bad bodies with 400 naming the field, writing nothing', async () => {
    const seq = await lastSeq(h.db);
    const bad: Array<[unknown, RegExp]> = [
      [{ ...schedule, title: '' }, /title: title is required/],
      [{ ...schedule, scheduledAt: 'maandag' }, /scheduledAt: expected an ISO date-time/],
      [{ ...schedule, agenda: 'School' }, /agenda/],
      [{ ...schedule, inviteeUserIds: [teacher.id, teacher.id] }, /must not repeat/],
      [{ ...schedule, room: 'B12' }, /room|Unrecognized/i],
      [{}, /title/],
    ];
    for (const [body, message] of bad) {
      const res = await h.api(team.regisseur, 'POST', base(), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.id).toBe('invalid_request');
      expect(res.body.error?.message).toMatch(message);
    }
    expect(await logSince(h.db, seq)).toEqual([]);
  });

  it('is for professionals on the case: the young person may not, an outsider does not see the case', async () => {
    expect((await h.api(team.youngPerson, 'POST', base(), schedule)).status).toBe(403);
    expect((await h.api(outsider, 'POST', base(), schedule)).status).toBe(404);
    const notOnCase = await h.api(team.regisseur, 'POST', base(), { ...schedule, inviteeUserIds: [outsider.id] });
    expect(notOnCase.status).toBe(400);
    expect(notOnCase.body.error?.message).toMatch(/does not take part in this case/);
  });

  it('schedules with invitees and registers the notes document, which then opens (and no other)', async () => {
    const res = await h.api<MeetingReply>(team.regisseur, 'POST', base(), {
      ...schedule,
      inviteeUserIds: [team.scientist.id, teacher.id, team.youngPerson.id],
    });
    expect(res.status).toBe(201);
    meeting = res.body.meeting;
    expect(meeting).toMatchObject({
      caseId: team.caseId,
      title: 'MDO Noor',
      scheduledAt: '2026-03-02T13:00:00.000Z',
      status: 'scheduled',
      chairUserId: null,
      agenda: ['Wat Noor wil', 'School'],
      items: [],
      readBack: null,
      notesDocumentId: documentId(team.caseId, 'meetingNotes', meeting.id),
    });
    expect(meeting.invitees.map((i) => [i.name, i.role])).toEqual([
      ['Gert Gedrag', 'gedragswetenschapper'],
      ['Noor Jansen', 'jeugdige'],
      ['Olga Onderwijs', 'onderwijsconsulent'],
    ]);
    const token = await h.api(team.scientist, 'POST', `/api/documents/${meeting.notesDocumentId}/token`);
    expect(token.status).toBe(200);
    const unknownNotes = documentId(team.caseId, 'meetingNotes', 'bestaat-niet');
    expect((await h.api(team.scientist, 'POST', `/api/documents/${unknownNotes}/token`)).status).toBe(404);
  });

  it('everyone with access lists and reads the meeting; the parents without consent and outsiders do not', async () => {
    for (const u of [team.youngPerson, team.provider, teacher]) {
      const list = await h.api<{ meetings: Array<{ id: string }> }>(u, 'GET', base());
      expect(list.status).toBe(200);
      expect(list.body.meetings.map((m) => m.id)).toEqual([meeting.id]);
      expect((await h.api(u, 'GET', at())).status).toBe(200);
    }
    expect((await h.api(team.parent, 'GET', at())).status).toBe(404);
    expect((await h.api(outsider, 'GET', at())).status).toBe(404);
    expect((await h.api(team.scientist, 'GET', `${base()}/no-such-meeting`)).status).toBe(404);
  });
});

describe('the course of a meeting', () => {
  it('records nothing before it starts', async () => {
    const res = await h.api(team.regisseur, 'POST', at('/items'), { kind: 'decision', text: 'Te vroeg' });
    expect(res.status).toBe(409);
    expect(res.body.error?.id).toBe('meeting_state');
    expect((await h.api(team.regisseur, 'POST', at('/end'))).status).toBe(409);
  });

  it('starts with a chair who is a professional on the case', async () => {
    const chairYoung = await h.api(team.regisseur, 'POST', at('/start'), { chairUserId: team.youngPerson.id });
    expect(chairYoung.status).toBe(400);
    expect(chairYoung.body.error?.message).toMatch(/chair must be a professional/);
    expect((await h.api(team.youngPerson, 'POST', at('/start'), {})).status).toBe(403);
    const started = await h.api<MeetingReply>(team.provider, 'POST', at('/start'), { chairUserId: team.regisseur.id });
    expect(started.status).toBe(200);
    expect(started.body.meeting).toMatchObject({ status: 'live', chairUserId: team.regisseur.id });
    expect(started.body.meeting.startedAt).toBe(START);
    expect((await h.api(team.regisseur, 'POST', at('/start'), {})).status).toBe(409);
    const chair = await h.api<MeetingReply>(team.regisseur, 'PUT', at('/chair'), { chairUserId: team.scientist.id });
    expect(chair.body.meeting.chairUserId).toBe(team.scientist.id);
  });

  it('checks the required roles: education, and the voice of the young person or the parents', async () => {
    const before = (await h.api<MeetingReply>(team.scientist, 'GET', at())).body.meeting;
    expect(before.requiredRoles).toEqual({
      educationPresent: false,
      youngPersonOrParentsHeard: false,
      missing: [MISSING_EDUCATION, MISSING_VOICE],
    });
    const phone = await h.api<MeetingReply>(team.scientist, 'POST', at('/attendance'), {
      name: 'Olga',
      role: 'onderwijsconsulent',
      via: 'phone',
      userId: teacher.id,
    });
    expect(phone.status).toBe(201);
    expect(phone.body.meeting.requiredRoles).toEqual({
      educationPresent: true,
      youngPersonOrParentsHeard: false,
      missing: [MISSING_VOICE],
    });
    // With an account: the name and role on the case count, not what the form said.
    expect(phone.body.meeting.attendance.find((a) => a.via === 'phone')).toMatchObject({
      userId: teacher.id,
      name: 'Olga Onderwijs',
      role: 'onderwijsconsulent',
      present: true,
      online: false,
    });
    const guest = await h.api<MeetingReply>(team.scientist, 'POST', at('/attendance'), {
      name: 'Tante Els',
      role: 'clientondersteuner',
      via: 'in-person',
    });
    expect(guest.body.meeting.attendance.find((a) => a.name === 'Tante Els')).toMatchObject({
      userId: null,
      via: 'in-person',
      present: true,
    });
    expect(
      (await h.api(team.scientist, 'POST', at('/attendance'), { name: 'X', role: 'oma', via: 'phone' })).status,
    ).toBe(400);
    expect(
      (await h.api(team.scientist, 'POST', at('/attendance'), { name: 'X', role: 'ouder', via: 'presence' })).status,
    ).toBe(400);
    // The young person wrote their voice in the notes beforehand: heard, without being there.
    await h.server.collab.applyServerChange(meeting.notesDocumentId, (d) =>
      setParagraphs(d, 'inbreng_jeugdige', ['Ik wil niet naar een andere school.']),
    );
    const heard = (await h.api<MeetingReply>(team.scientist, 'GET', at())).body.meeting;
    expect(heard.requiredRoles).toEqual({ educationPresent: true, youngPersonOrParentsHeard: true, missing: [] });
  });

  it('a mark that the voice was heard another way counts, and can be withdrawn', async () => {
    const marked = await h.api<MeetingReply>(team.scientist, 'PUT', at('/voice-heard'), {
      heard: true,
      note: 'Gesprek met de JIM vooraf',
    });
    expect(marked.status).toBe(200);
    expect(marked.body.meeting.voiceMarkedHeard).toEqual({
      by: team.scientist.id,
      note: 'Gesprek met de JIM vooraf',
      at: START,
    });
    const withdrawn = await h.api<MeetingReply>(team.scientist, 'PUT', at('/voice-heard'), { heard: false });
    expect(withdrawn.body.meeting.voiceMarkedHeard).toBeNull();
    expect((await h.api(team.scientist, 'PUT', at('/voice-heard'), { heard: 'ja' })).status).toBe(400);
  });

  it('refuses bad decisions and actions with 400', async () => {
    const bad: Array<[unknown, RegExp]> = [
      [{ kind: 'besluit', text: 'x' }, /kind must be decision or action/],
      [{ kind: 'decision', text: '  ' }, /text is required/],
      [{ kind: 'action', text: 'Bellen' }, /an action needs an owner/],
      [{ kind: 'action', text: 'Bellen', ownerName: 'School' }, /an action needs a due date/],
      [{ kind: 'action', text: 'Bellen', ownerName: 'School', due: '30-11-2026' }, /YYYY-MM-DD/],
      [{ kind: 'decision', text: 'x', link: { document: 'analysis', section: 'hulpvraag_jeugdige' } }, /cannot hold/],
      [{ kind: 'decision', text: 'x', link: { document: 'futurePlan', section: 'checklist_18' } }, /cannot hold/],
      [
        { kind: 'decision', text: 'x', link: { document: 'meetingNotes', section: 'notulen' } },
        /analysis or futurePlan/,
      ],
    ];
    for (const [body, message] of bad) {
      const res = await h.api(team.scientist, 'POST', at('/items'), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error?.message).toMatch(message);
    }
    const stranger = await h.api(team.scientist, 'POST', at('/items'), {
      kind: 'action',
      text: 'Bellen',
      ownerUserId: outsider.id,
      due: '2026-03-09',
    });
    expect(stranger.status).toBe(400);
    expect(stranger.body.error?.message).toMatch(/ownerUserId: does not take part/);
    expect((await h.api(team.youngPerson, 'POST', at('/items'), { kind: 'decision', text: 'Ik beslis' })).status).toBe(
      403,
    );
  });

  it('a linked decision appears at once in the analysis of someone who has it open', async () => {
    const analysisId = documentId(team.caseId, 'analysis');
    const open = new TrackedClient(
      h.server.url.replace(/^http/, 'ws'),
      analysisId,
      await tokenFor({ [analysisId]: 'write' }, { sub: team.scientist.id, role: 'gedragswetenschapper' }),
    );
    clients.push(open);
    await waitFor(() => open.provider.synced, 5000, 'analysis open');
    const res = await h.api<MeetingReply & { item: { id: string } }>(team.regisseur, 'POST', at('/items'), {
      kind: 'decision',
      text: 'Noor blijft op haar school; de school past het rooster aan',
      ownerUserId: teacher.id,
      due: '2026-03-16',
      link: { document: 'analysis', section: 'aanknopingspunten' },
    });
    expect(res.status).toBe(201);
    const line =
      'Besluit MDO 01-03-2026: Noor blijft op haar school; de school past het rooster aan — Olga Onderwijs, uiterlijk 16-03-2026';
    await waitFor(() => paragraphsOf(open.doc, 'aanknopingspunten').includes(line), 5000, 'decision in the analysis');
    // Durable, not only live.
    const stored = docFromStore(await h.server.store.load(analysisId));
    expect(paragraphsOf(stored, 'aanknopingspunten')).toEqual([line]);
    expect(res.body.meeting.items.map((i) => i.id)).toEqual([res.body.item.id]);
  });

  it('a linked action lands as an item in a life domain of the future plan; an unlinked one only in the meeting', async () => {
    const res = await h.api<MeetingReply & { item: { id: string } }>(team.scientist, 'POST', at('/items'), {
      kind: 'action',
      text: 'Bezichtiging kamertraining',
      ownerName: 'Lokaal team Alkmaar',
      due: '2026-04-01',
      link: { document: 'futurePlan', section: 'domein_wonen' },
    });
    expect(res.status).toBe(201);
    const plan = docFromStore(await h.server.store.load(documentId(team.caseId, 'futurePlan')));
    const items = plan.getArray<Y.Map<unknown>>('domein_wonen').toArray();
    expect(items.map((m) => m.toJSON())).toEqual([
      {
        id: res.body.item.id,
        wat: 'Bezichtiging kamertraining',
        wie: 'Lokaal team Alkmaar',
        wanneer: '2026-04-01',
        wet: null,
        bron: `meeting:${meeting.id}`,
      },
    ]);
    // Its free-text fields are Y.Text, so what people type into them later merges per character.
    for (const field of ['wat', 'wie', 'bron']) expect(items[0]?.get(field), field).toBeInstanceOf(Y.Text);
    expect(items[0]?.get('wanneer')).toBe('2026-04-01');
    const loose = await h.api<MeetingReply>(team.scientist, 'POST', at('/items'), {
      kind: 'decision',
      text: 'Volgend MDO over zes weken',
    });
    expect(loose.status).toBe(201);
    expect(loose.body.meeting.items.map((i) => [i.kind, i.link?.section ?? null])).toEqual([
      ['decision', 'aanknopingspunten'],
      ['action', 'domein_wonen'],
      ['decision', null],
    ]);
    const analysis = docFromStore(await h.server.store.load(documentId(team.caseId, 'analysis')));
    expect(paragraphsOf(analysis, 'aanknopingspunten')).toHaveLength(1);
  });

  it('the read-back is written for the young person, who reads it', async () => {
    expect((await h.api(team.scientist, 'PUT', at('/read-back'), { text: '' })).status).toBe(400);
    expect((await h.api(team.youngPerson, 'PUT', at('/read-back'), { text: 'Zelf' })).status).toBe(403);
    const text = 'Je blijft op je eigen school. De school maakt een rooster dat beter bij je past.';
    expect((await h.api(team.scientist, 'PUT', at('/read-back'), { text })).status).toBe(200);
    const seen = await h.api<MeetingReply>(team.youngPerson, 'GET', at());
    expect(seen.body.meeting.readBack).toBe(text);
  });

  it('ends; afterwards nothing more is recorded, but the read-back can still be settled', async () => {
    const ended = await h.api<MeetingReply>(team.regisseur, 'POST', at('/end'));
    expect(ended.status).toBe(200);
    expect(ended.body.meeting).toMatchObject({ status: 'ended', endedAt: START });
    expect((await h.api(team.regisseur, 'POST', at('/items'), { kind: 'decision', text: 'Na afloop' })).status).toBe(
      409,
    );
    expect(
      (await h.api(team.regisseur, 'POST', at('/attendance'), { name: 'Laat', role: 'ouder', via: 'in-person' }))
        .status,
    ).toBe(409);
    expect((await h.api(team.regisseur, 'PUT', at('/read-back'), { text: 'Definitief.' })).status).toBe(200);
  });
});

describe('the minutes', () => {
  it('hold agenda, attendance, the check, decisions and actions with where they landed, read-back and notes', async () => {
    await h.server.collab.applyServerChange(meeting.notesDocumentId, (d) =>
      setParagraphs(d, 'notulen', ['School en ouders zijn het eens over het rooster.']),
    );
    const session = await createSession(h.db, {
      userId: team.youngPerson.id,
      authenticated: true,
      remoteAddress: '127.0.0.1',
      userAgent: 'vitest',
      now: h.now(),
    });
    const res = await fetch(`${h.server.url}${at('/minutes.md')}`, {
      headers: { cookie: `${SESSION_COOKIE}=${session.token}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/markdown/);
    const md = await res.text();
    for (const expected of [
      '# MDO Noor',
      // The day it took place (it started a day before it was planned).
      'Multidisciplinair overleg over Noor — 01-03-2026 (afgerond)',
      'Voorzitter: Gert Gedrag',
      '1. Wat Noor wil',
      '- Olga Onderwijs (onderwijsconsulent, telefonisch)',
      'Uitgenodigd, niet aanwezig:\n\n- Gert Gedrag (gedragswetenschapper)\n- Noor Jansen (jeugdige)\n\n',
      '- Onderwijs aanwezig: ja',
      '- Jeugdige of ouders gehoord: ja',
      '## Besluiten',
      '- Noor blijft op haar school; de school past het rooster aan — wie: Olga Onderwijs — uiterlijk 16-03-2026 — vastgelegd in Verklarende analyse › Aanknopingspunten en passende aanpak',
      '- Volgend MDO over zes weken',
      '## Acties',
      '- Bezichtiging kamertraining — wie: Lokaal team Alkmaar — uiterlijk 01-04-2026 — vastgelegd in Toekomstplan › Wonen',
      '## Teruggelezen voor de jeugdige',
      'Definitief.',
      '### Inbreng van de jeugdige',
      'Ik wil niet naar een andere school.',
      '### Aantekeningen',
      'School en ouders zijn het eens over het rooster.',
    ]) {
      expect(md).toContain(expected);
    }
  });

  it("are part of the young person's complete dossier: JSON and the readable PDF", async () => {
    const session = await createSession(h.db, {
      userId: team.youngPerson.id,
      authenticated: true,
      remoteAddress: '127.0.0.1',
      userAgent: 'vitest',
      now: h.now(),
    });
    const exported = async (format: 'json' | 'pdf') =>
      fetch(`${h.server.url}/api/cases/${team.caseId}/export?format=${format}`, {
        method: 'POST',
        headers: {
          cookie: `${SESSION_COOKIE}=${session.token}`,
          origin: h.server.url,
          'x-csrf-token': session.csrfToken,
        },
      });
    const json = await exported('json');
    expect(json.status).toBe(200);
    const data = (await json.json()) as {
      meetings: Array<{ id: string; title: string; items: Array<{ text: string }>; readBack: string | null }>;
    };
    const mine = data.meetings.find((x) => x.id === meeting.id);
    expect(mine?.title).toBe('MDO Noor');
    expect(mine?.items.map((i) => i.text)).toContain('Volgend MDO over zes weken');
    expect(mine?.readBack).toMatch(/Definitief\./);
    const pdf = await exported('pdf');
    expect(pdf.status).toBe(200);
    const { text } = await readPdf(Buffer.from(await pdf.arrayBuffer()));
    expect(text).toContain('Overleggen: wat is besloten?');
    expect(text).toContain('Besluit: Volgend MDO over zes weken');
  });
});

describe('the access log', () => {
  it('records every change and read of a meeting with the actor’s role on the case, never content', async () => {
    const rows = await h.db
      .selectFrom('access_log')
      .selectAll()
      .where('case_id', '=', team.caseId)
      .where('detail', 'like', '%/meetings%')
      .orderBy('seq')
      .execute();
    const summary = rows.map(
      (r) => `${r.event} ${r.outcome} ${r.user_role} ${r.detail.split(' ').slice(0, 2).join(' ')}`,
    );
    expect(summary).toEqual(
      expect.arrayContaining([
        'create success procesregisseur POST /api/cases/:caseId/meetings',
        'create denied jeugdige POST /api/cases/:caseId/meetings',
        'update success jeugdhulpaanbieder POST /api/cases/:caseId/meetings/:meetingId/start',
        'update success procesregisseur POST /api/cases/:caseId/meetings/:meetingId/items',
        'read success jeugdige GET /api/cases/:caseId/meetings/:meetingId',
        'export success jeugdige GET /api/cases/:caseId/meetings/:meetingId/minutes.md',
        'update failure procesregisseur POST /api/cases/:caseId/meetings/:meetingId/items',
      ]),
    );
    for (const r of rows) {
      expect(r.detail).not.toMatch(/rooster|kamertraining|Definitief/);
    }
  });

  it('a closed case keeps its meetings readable but unchangeable', async () => {
    const closed = await h.api(team.regisseur, 'PUT', `/api/cases/${team.caseId}/status`, { status: 'afgeschaald' });
    expect(closed.status).toBe(200);
    expect((await h.api(team.youngPerson, 'GET', at())).status).toBe(200);
    const res = await h.api(team.regisseur, 'POST', base(), schedule);
    expect(res.status).toBe(403);
    expect(res.body.error?.message).toMatch(/closed/);
  });
});
