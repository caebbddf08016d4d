/**
 * The live channel with the session cookie (as the browser connects): the handshake, case and meeting
 * rooms with their access checks, meeting state as people join, attend and decide, invalid payloads,
 * `case:changed` after a stored change, and a DBT member's live access ending with the follow-up.
 * People log in through the real login route; sockets are real socket.io clients.
 */
import { documentId } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docFromStore } from '../../src/documents/content.js';
import { MISSING_EDUCATION, MISSING_VOICE } from '../../src/meetings/meetingRules.js';
import { Browser, PASSWORD } from '../identity/harness.js';
import { tokenFor } from '../support/tokens.js';
import { waitFor } from '../support/trackedClient.js';
import { paragraphsOf } from '../versions/support.js';
import {
  call,
  connectError,
  escalateToDbt,
  type Live,
  type LiveHarness,
  type LiveTeam,
  live,
  liveTeam,
  openSocket,
  type Person,
  professional,
  startLiveServer,
  stateWhere,
} from './liveSupport.js';

let h: LiveHarness;
let team: LiveTeam;
let outsider: Person;
let meetingId: string;
let rLive: Live;
let sLive: Live;

const meetings = () => `/api/cases/${team.caseId}/meetings`;

beforeAll(async () => {
  h = await startLiveServer();
  team = await liveTeam(h);
  outsider = await professional(h, 'jeugdhulpaanbieder');
  const scheduled = await call(
    team.regisseur,
    'POST',
    meetings(),
    {
      title: 'MDO Noor',
      scheduledAt: '2026-11-23T13:00:00+01:00',
      agenda: ['Hoe gaat het thuis', 'School'],
      inviteeUserIds: [team.scientist.userId, team.teacher.userId, team.youngPerson.userId],
    },
    201,
  );
  meetingId = scheduled.meeting.id;
});
afterAll(async () => {
  await h?.close();
});

describe('the socket.io handshake with the session cookie', () => {
  it('refuses no credentials, an unknown cookie, a half-finished login, and another origin', async () => {
    const none = await connectError(openSocket(h, {}));
    expect(none.message).toMatch(/authentication required/);
    expect(none.data).toEqual({ code: 'unauthenticated' });

    const unknown = await connectError(openSocket(h, { cookie: 'x'.repeat(43) }));
    expect(unknown.message).toBe('session expired or not logged in');

    // Password given, TOTP not yet: a pre-auth session may do nothing but finish logging in.
    const halfway = new Browser(h.server.url);
    const first = await halfway.post('/api/auth/login', { login: team.scientist.pro?.login, password: PASSWORD });
    expect(first.body.next).toBe('totp');
    expect((await connectError(openSocket(h, { cookie: halfway.cookie }))).message).toBe(
      'session expired or not logged in',
    );

    const cross = await connectError(
      openSocket(h, { cookie: team.regisseur.browser.cookie, origin: 'https://evil.example' }),
    );
    expect(cross.message).toBe('cross-origin connection refused');
    expect(cross.data).toEqual({ code: 'forbidden' });
  });

  it('accepts the same origin', async () => {
    const socket = openSocket(h, { cookie: team.regisseur.browser.cookie, origin: h.server.url });
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', reject);
    });
    expect(socket.connected).toBe(true);
    socket.disconnect();
  });
});

describe('a meeting, live', () => {
  beforeAll(async () => {
    rLive = await live(h, team.regisseur);
    sLive = await live(h, team.scientist);
  });

  it('both professionals join the case and the meeting and see who is there', async () => {
    for (const l of [rLive, sLive]) {
      expect(await l.send('case:join', { caseId: team.caseId })).toEqual({ ok: true });
      expect(await l.send('meeting:join', { caseId: team.caseId, meetingId })).toEqual({ ok: true });
    }
    const state = await stateWhere(
      rLive,
      meetingId,
      (m) => m.attendance.some((a) => a.userId === team.scientist.userId && a.online),
      'the scientist online',
    );
    expect(state.status).toBe('scheduled');
    expect(state.agenda).toEqual(['Hoe gaat het thuis', 'School']);
    // Before the start nobody counts as present; the invitees are listed as not (yet) there.
    expect(state.attendance.every((a) => !a.present)).toBe(true);
    expect(state.attendance.map((a) => a.userId).sort()).toEqual(
      [team.scientist.userId, team.teacher.userId, team.youngPerson.userId].sort(),
    );
    expect(state.notesDocumentId).toBe(documentId(team.caseId, 'meetingNotes', meetingId));
  });

  it('starting the meeting makes everyone connected present, with the caller as chair', async () => {
    await call(team.regisseur, 'POST', `${meetings()}/${meetingId}/start`, {}, 200);
    for (const l of [rLive, sLive]) {
      const state = await stateWhere(l, meetingId, (m) => m.status === 'live', 'live');
      expect(state.chairUserId).toBe(team.regisseur.userId);
      const present = state.attendance.filter((a) => a.present);
      expect(present.map((a) => [a.userId, a.via]).sort()).toEqual(
        [
          [team.regisseur.userId, 'presence'],
          [team.scientist.userId, 'presence'],
        ].sort(),
      );
      expect(state.requiredRoles).toEqual({
        educationPresent: false,
        youngPersonOrParentsHeard: false,
        missing: [MISSING_EDUCATION, MISSING_VOICE],
      });
    }
    expect(sLive.caseChanged).toContainEqual({ caseId: team.caseId, kind: 'meetings', meetingId });
  });

  it('the teacher on the phone and the young person joining complete the required roles', async () => {
    await call(
      team.regisseur,
      'POST',
      `${meetings()}/${meetingId}/attendance`,
      { name: 'wordt genegeerd', role: 'jeugdhulpaanbieder', via: 'phone', userId: team.teacher.userId },
      201,
    );
    const withTeacher = await stateWhere(sLive, meetingId, (m) => m.requiredRoles.educationPresent, 'education');
    // The account's own name and role on the case count, not what the form said.
    expect(withTeacher.attendance.find((a) => a.userId === team.teacher.userId)).toMatchObject({
      name: team.teacher.name,
      role: 'onderwijsconsulent',
      via: 'phone',
      present: true,
    });

    const yLive = await live(h, team.youngPerson);
    expect(await yLive.send('meeting:join', { caseId: team.caseId, meetingId })).toEqual({ ok: true });
    const complete = await stateWhere(rLive, meetingId, (m) => m.requiredRoles.missing.length === 0, 'complete');
    expect(complete.requiredRoles).toEqual({ educationPresent: true, youngPersonOrParentsHeard: true, missing: [] });
    expect(complete.attendance.find((a) => a.userId === team.youngPerson.userId)).toMatchObject({
      role: 'jeugdige',
      via: 'presence',
      present: true,
      online: true,
    });
    // The young person sees the same meeting, and later the read-back.
    await stateWhere(yLive, meetingId, (m) => m.status === 'live', 'young person sees it');
    await call(
      team.regisseur,
      'PUT',
      `${meetings()}/${meetingId}/read-back`,
      { text: 'Je gaat maandag weer naar school.' },
      200,
    );
    await stateWhere(yLive, meetingId, (m) => m.readBack === 'Je gaat maandag weer naar school.', 'read-back');
    yLive.socket.disconnect();
    const gone = await stateWhere(
      rLive,
      meetingId,
      (m) => m.attendance.some((a) => a.userId === team.youngPerson.userId && !a.online),
      'young person offline',
    );
    expect(gone.attendance.find((a) => a.userId === team.youngPerson.userId)?.present).toBe(true);
  });

  it('a linked decision reaches everyone at once and lands in the analysis', async () => {
    const before = rLive.caseChanged.length;
    const body = await call(
      team.scientist,
      'POST',
      `${meetings()}/${meetingId}/items`,
      {
        kind: 'decision',
        text: 'Noor start maandag met halve dagen op school',
        ownerUserId: team.teacher.userId,
        due: '2026-11-30',
        link: { document: 'analysis', section: 'aanknopingspunten' },
      },
      201,
    );
    expect(body.item).toMatchObject({ kind: 'decision', ownerName: team.teacher.name, due: '2026-11-30' });
    for (const l of [rLive, sLive]) {
      const state = await stateWhere(l, meetingId, (m) => m.items.length === 1, 'the decision');
      expect(state.items[0]).toMatchObject({
        text: 'Noor start maandag met halve dagen op school',
        link: { document: 'analysis', section: 'aanknopingspunten' },
        createdBy: team.scientist.userId,
      });
    }
    await waitFor(() => rLive.caseChanged.length > before, 5000, 'case:changed');
    const analysis = docFromStore(await h.server.store.load(documentId(team.caseId, 'analysis')));
    expect(paragraphsOf(analysis, 'aanknopingspunten')).toEqual([
      `Besluit MDO 23-11-2026: Noor start maandag met halve dagen op school — ${team.teacher.name}, uiterlijk 30-11-2026`,
    ]);
  });

  it('leaving the meeting shows the person offline but still present', async () => {
    expect(await sLive.send('meeting:leave', { caseId: team.caseId, meetingId })).toEqual({ ok: true });
    const state = await stateWhere(
      rLive,
      meetingId,
      (m) => m.attendance.some((a) => a.userId === team.scientist.userId && !a.online),
      'scientist offline',
    );
    expect(state.attendance.find((a) => a.userId === team.scientist.userId)?.present).toBe(true);
  });
});

describe('refusals', () => {
  it('invalid payloads get an error event and a failed ack', async () => {
    const cases: Array<[Parameters<Live['send']>[0], unknown]> = [
      ['case:join', {}],
      ['case:join', { caseId: 42 }],
      ['case:join', 'case-1'],
      ['case:join', { caseId: team.caseId, extra: true }],
      ['meeting:join', { caseId: team.caseId }],
      ['meeting:join', { caseId: '', meetingId }],
      ['meeting:leave', null],
    ];
    for (const [event, payload] of cases) {
      const errorsBefore = rLive.errors.length;
      const ack = await rLive.send(event, payload);
      expect(ack.ok, `${event} ${JSON.stringify(payload)}`).toBe(false);
      await waitFor(() => rLive.errors.length > errorsBefore, 2000, 'error event');
      expect(rLive.errors.at(-1)).toMatchObject({ event, code: 'invalid-payload' });
    }
  });

  it('someone without access to the case is refused on case:join and meeting:join, and it is logged', async () => {
    const oLive = await live(h, outsider);
    for (const [event, payload] of [
      ['case:join', { caseId: team.caseId }],
      ['meeting:join', { caseId: team.caseId, meetingId }],
      ['case:join', { caseId: 'no-such-case' }],
    ] as const) {
      const ack = await oLive.send(event, payload);
      expect(ack).toEqual({ ok: false, error: 'no access to this case' });
      await waitFor(() => oLive.errors.some((e) => e.event === event), 2000, 'error event');
    }
    expect(oLive.errors.every((e) => e.code === 'forbidden')).toBe(true);
    const denied = await h.server.services.db
      .selectFrom('access_log')
      .selectAll()
      .where('user_id', '=', outsider.userId)
      .where('outcome', '=', 'denied')
      .execute();
    expect(denied.map((d) => d.source)).toEqual(['127.0.0.1 realtime', '127.0.0.1 realtime', '127.0.0.1 realtime']);
    expect(denied.map((d) => d.detail.split(' ').slice(0, 2).join(' '))).toEqual([
      'socket.io case:join',
      'socket.io meeting:join',
      'socket.io case:join',
    ]);
    // Nothing of the case reaches them: a later change is not sent to their socket.
    await call(team.regisseur, 'PUT', `${meetings()}/${meetingId}/read-back`, { text: 'Nog een keer.' }, 200);
    await waitFor(() => rLive.caseChanged.some((e) => e.kind === 'meetings'), 2000, 'member informed');
    expect(oLive.caseChanged).toEqual([]);
    expect(oLive.states).toEqual([]);
  });

  it('a meeting of another case cannot be joined through this case', async () => {
    const other = await call(
      team.regisseur,
      'POST',
      '/api/cases',
      {
        youngPerson: { name: 'Sam de Wit', dateOfBirth: '2011-01-01', municipality: 'Hoorn' },
        region: 'West-Friesland',
      },
      201,
    );
    const foreign = await call(
      team.regisseur,
      'POST',
      `/api/cases/${other.case.id}/meetings`,
      { title: 'MDO Sam', scheduledAt: '2026-11-24T10:00:00Z', agenda: [], inviteeUserIds: [] },
      201,
    );
    const tLive = await live(h, team.teacher);
    const ack = await tLive.send('meeting:join', { caseId: team.caseId, meetingId: foreign.meeting.id });
    expect(ack).toEqual({ ok: false, error: 'no such meeting on this case' });
    // The teacher does not take part in the other case at all.
    expect((await tLive.send('meeting:join', { caseId: other.case.id, meetingId: foreign.meeting.id })).ok).toBe(false);
  });

  it('a document token opens document channels only, never a case room', async () => {
    const token = await tokenFor({ [documentId(team.caseId, 'analysis')]: 'write' }, { sub: team.regisseur.userId });
    const tokenLive = await live(h, { token });
    const ack = await tokenLive.send('case:join', { caseId: team.caseId });
    expect(ack.ok).toBe(false);
    await waitFor(() => tokenLive.errors.length > 0, 2000, 'error');
    expect(tokenLive.errors[0]).toMatchObject({ event: 'case:join', code: 'forbidden' });
  });
});

describe('case:changed', () => {
  it('arrives in the case room after a comment is posted, with the document, and nowhere else', async () => {
    const yLive = await live(h, team.youngPerson);
    const oLive = await live(h, outsider);
    expect(await yLive.send('case:join', { caseId: team.caseId })).toEqual({ ok: true });
    const docId = documentId(team.caseId, 'analysis');
    const posted = await call(team.scientist, 'POST', `/api/documents/${docId}/comments`, {
      section: 'veiligheid',
      text: 'Hoe is het thuis nu?',
    });
    expect(posted.comment).toBeDefined();
    await waitFor(() => yLive.caseChanged.some((e) => e.kind === 'comments'), 5000, 'case:changed');
    expect(yLive.caseChanged.find((e) => e.kind === 'comments')).toEqual({
      caseId: team.caseId,
      kind: 'comments',
      documentId: docId,
    });
    expect(oLive.caseChanged).toEqual([]);
  });
});

describe("a DBT member's live access", () => {
  it('ends with the follow-up of the breakthrough session: rooms are left and joins refused', async () => {
    await escalateToDbt(h, team);
    // A session that ended a day ago with one day of follow-up: access runs for 10 more minutes.
    const scheduledAt = new Date(h.clock.now.getTime() - 26 * 3_600_000 + 10 * 60_000).toISOString();
    const session = await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/breakthrough-sessions`,
      { scheduledAt, followUpDays: 1 },
      201,
    );
    const director = await professional(h, 'dbt-lid');
    await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/breakthrough-sessions/${session.session.id}/invitations`,
      { userId: director.userId },
      201,
    );
    const dLive = await live(h, director);
    expect(await dLive.send('case:join', { caseId: team.caseId })).toEqual({ ok: true });
    expect(await dLive.send('meeting:join', { caseId: team.caseId, meetingId })).toEqual({ ok: true });
    const regisseurView = await live(h, team.regisseur);
    expect(await regisseurView.send('meeting:join', { caseId: team.caseId, meetingId })).toEqual({ ok: true });
    await stateWhere(
      regisseurView,
      meetingId,
      (m) => m.attendance.some((a) => a.userId === director.userId && a.online),
      'director online',
    );

    h.clock.advance(12 * 60_000);
    await h.server.services.caseEvents.clockMoved();

    await waitFor(() => dLive.errors.length >= 2, 5000, 'the director is told');
    expect(dLive.errors.map((e) => [e.event, e.code]).sort()).toEqual([
      ['case:join', 'forbidden'],
      ['meeting:join', 'forbidden'],
    ]);
    await stateWhere(
      regisseurView,
      meetingId,
      (m) => m.attendance.some((a) => a.userId === director.userId && !a.online),
      'director gone from the meeting',
    );
    // Changes no longer reach the director.
    const seen = dLive.caseChanged.length;
    await call(team.regisseur, 'PUT', `${meetings()}/${meetingId}/read-back`, { text: 'Na de follow-up.' }, 200);
    await waitFor(() => regisseurView.states.some((s) => s.readBack === 'Na de follow-up.'), 5000, 'regisseur sees it');
    expect(dLive.caseChanged.length).toBe(seen);
    // And joining again is refused.
    expect((await dLive.send('case:join', { caseId: team.caseId })).ok).toBe(false);
    expect((await dLive.send('meeting:join', { caseId: team.caseId, meetingId })).ok).toBe(false);
    const ended = await h.server.services.db
      .selectFrom('access_log')
      .select('detail')
      .where('user_id', '=', director.userId)
      .where('outcome', '=', 'denied')
      .execute();
    expect(ended.map((e) => e.detail)).toEqual(
      expect.arrayContaining([expect.stringMatching(/access ended, left the room/)]),
    );
  });
});

describe('logging out', () => {
  it("ends that session's live sockets at once (no periodic sweep runs here), and only those", async () => {
    const leaving = await professional(h, 'lokaal-team');
    const staying = await professional(h, 'lokaal-team');
    const gone = await live(h, leaving);
    const still = await live(h, staying);
    const disconnected = new Promise<string>((resolve) => gone.socket.once('disconnect', resolve));
    await call(leaving, 'POST', '/api/auth/logout', undefined, 204);
    await waitFor(() => gone.errors.some((e) => e.code === 'unauthenticated'), 5000, 'session-ended error');
    expect(await disconnected).toBe('io server disconnect');
    expect(still.socket.connected).toBe(true);
    expect(still.errors).toEqual([]);
  });
});
