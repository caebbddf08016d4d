/**
 * The inbox with a real server, real logins and socket.io clients: a director invited to a breakthrough
 * session gets an item and hears it live; a parent gets an item for a reply and for a mention; items of
 * a case the person left are hidden; read and unread; 'immediate' queues exactly one mail per item in
 * mail_outbox (the outbox is the contract with the mail worker); the daily digest is one mail per day.
 */
import { documentId, type InboxChanged, type InboxResponse } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runDigests } from '../../src/inbox/digest.js';
import { inboxDb } from '../../src/inbox/inboxDb.js';
import { Browser, PASSWORD } from '../identity/harness.js';
import {
  call,
  escalateToDbt,
  type Live,
  type LiveHarness,
  type LiveTeam,
  live,
  liveTeam,
  type Person,
  professional,
  startLiveServer,
} from '../realtime/liveSupport.js';
import { waitFor } from '../support/trackedClient.js';

let h: LiveHarness;
let team: LiveTeam;

beforeAll(async () => {
  h = await startLiveServer();
  team = await liveTeam(h);
});
afterAll(async () => {
  await h?.close();
});

const inbox = (p: Person): Promise<InboxResponse> => call(p, 'GET', '/api/inbox', undefined, 200);

/** A socket that counts `inbox:changed`. */
async function listen(p: Person): Promise<Live & { inbox: InboxChanged[] }> {
  const l = await live(h, p);
  const got: InboxChanged[] = [];
  l.socket.on('inbox:changed', (e) => got.push(e));
  return Object.assign(l, { inbox: got });
}

const outbox = () =>
  inboxDb(h.server.services.db)
    .selectFrom('mail_outbox' as never)
    .selectAll()
    .execute() as Promise<
    Array<{ idempotency_key: string; kind: string; link: string; user_id: string; to_address: string }>
  >;

const analysis = () => `/api/documents/${documentId(team.caseId, 'analysis')}/comments`;

describe('a director invited to a breakthrough session', () => {
  let director: Person;

  it('gets a session-invitation item, and the bell count rises live', async () => {
    await escalateToDbt(h, team);
    const session = await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/breakthrough-sessions`,
      { scheduledAt: new Date(h.clock.now.getTime() + 86_400_000).toISOString(), followUpDays: 30 },
      201,
    );
    director = await professional(h, 'dbt-lid');
    const before = await inbox(director);
    expect(before).toEqual({ items: [], unread: 0 });
    const dLive = await listen(director);
    await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/breakthrough-sessions/${session.session.id}/invitations`,
      { userId: director.userId },
      201,
    );
    await waitFor(() => dLive.inbox.length > 0, 5000, 'inbox:changed for the director');
    expect(dLive.inbox[0]).toEqual({ reason: 'added' });
    const after = await inbox(director);
    expect(after.unread).toBe(1);
    expect(after.items).toHaveLength(1);
    expect(after.items[0]).toMatchObject({
      kind: 'session-invitation',
      caseId: team.caseId,
      caseName: 'Noor',
      link: `/zaken/${team.caseId}/doorbraak`,
      params: { session: 'breakthrough', sessionId: session.session.id },
      readAt: null,
    });
    // Nobody else hears of it.
    expect((await inbox(team.teacher)).items.filter((i) => i.kind === 'session-invitation')).toEqual([]);
    // Reading the inbox is logged on the case (NEN 7513: the young person sees who looked).
    const logged = await h.server.services.db
      .selectFrom('access_log')
      .select(['user_id', 'detail'])
      .where('case_id', '=', team.caseId)
      .where('user_id', '=', director.userId)
      .execute();
    expect(logged.map((l) => l.detail)).toContain('GET /api/inbox inbox');
  });

  it('a professional defaults to the daily digest: no mail at once', async () => {
    expect(await call(director, 'GET', '/api/me/mail-preference', undefined, 200)).toEqual({
      preference: 'daily',
      chosen: false,
      // A professional's account carries the work address it logs in with (accounts, migration 0015).
      hasEmail: true,
    });
    expect((await outbox()).filter((m) => m.user_id === director.userId)).toEqual([]);
  });
});

describe('a parent', () => {
  let parentComment: string;

  it('gets an item, live, when a professional replies to her comment', async () => {
    const posted = await call(
      team.parent,
      'POST',
      analysis(),
      { section: 'hulpvraag_ouders', text: 'Wij maken ons zorgen over school.' },
      201,
    );
    parentComment = posted.comment.id;
    expect((await inbox(team.parent)).unread).toBe(0); // her own comment is nothing for her
    const pLive = await listen(team.parent);
    h.clock.advance(1000);
    const reply = await call(
      team.scientist,
      'POST',
      analysis(),
      { section: 'hulpvraag_ouders', text: 'Dank je, dat nemen we mee.', parentId: parentComment },
      201,
    );
    await waitFor(() => pLive.inbox.length > 0, 5000, 'inbox:changed for the parent');
    const got = await inbox(team.parent);
    expect(got.unread).toBe(1);
    expect(got.items[0]).toMatchObject({
      kind: 'comment-reply',
      link: `/zaken/${team.caseId}/analyse#hulpvraag_ouders`,
      params: { commentId: reply.comment.id, section: 'hulpvraag_ouders', byRole: 'gedragswetenschapper' },
    });
    // The reply carries no text of the comment: the client words it from the kind.
    expect(JSON.stringify(got.items[0])).not.toContain('nemen we mee');
  });

  it('gets a mention item for @Name (full or unique first name), the writer does not', async () => {
    const before = (await inbox(team.parent)).unread;
    h.clock.advance(1000);
    await call(
      team.lokaal,
      'POST',
      analysis(),
      { section: 'hulpvraag_ouders', text: '@Petra Jansen wil je dit aanvullen? (cc @Noor)' },
      201,
    );
    const parent = await inbox(team.parent);
    expect(parent.unread).toBe(before + 1);
    expect(parent.items[0]?.kind).toBe('mention');
    const young = await inbox(team.youngPerson);
    expect(young.items.map((i) => i.kind)).toContain('mention');
    expect((await inbox(team.lokaal)).items.filter((i) => i.kind === 'mention')).toEqual([]);
  });

  it('marks items read one by one and all at once; another person’s item is a 404', async () => {
    const list = await inbox(team.parent);
    const first = list.items[0];
    if (!first) throw new Error('no item');
    const one = await call(team.parent, 'POST', `/api/inbox/${first.id}/read`, {}, 200);
    expect(one).toEqual({ unread: list.unread - 1 });
    const again = await inbox(team.parent);
    expect(again.items.find((i) => i.id === first.id)?.readAt).toBeTruthy();
    const foreign = await call(team.scientist, 'POST', `/api/inbox/${first.id}/read`, {}, 404);
    expect(foreign.error.id).toBe('not_found');
    expect(await call(team.parent, 'POST', '/api/inbox/read-all', {}, 200)).toEqual({ unread: 0 });
    expect((await inbox(team.parent)).items.every((i) => i.readAt !== null)).toBe(true);
  });

  it("with preference 'immediate' gets exactly one inbox-new mail per item (outbox, link only)", async () => {
    expect((await call(team.parent, 'GET', '/api/me/mail-preference', undefined, 200)).preference).toBe('off');
    const bad = await call(team.parent, 'PUT', '/api/me/mail-preference', { preference: 'hourly' }, 400);
    expect(bad.error.id).toBe('invalid_request');
    await h.server.services.db
      .updateTable('users')
      .set({ email: 'petra@example.nl' })
      .where('id', '=', team.parent.userId)
      .execute();
    expect(await call(team.parent, 'PUT', '/api/me/mail-preference', { preference: 'immediate' }, 200)).toEqual({
      preference: 'immediate',
      chosen: true,
      hasEmail: true,
    });
    const before = (await outbox()).length;
    h.clock.advance(1000);
    await call(
      team.scientist,
      'POST',
      analysis(),
      { section: 'hulpvraag_ouders', text: 'Nog een vraag: wanneer begon het?', parentId: parentComment },
      201,
    );
    const items = (await inbox(team.parent)).items;
    const newest = items[0];
    expect(newest?.kind).toBe('comment-reply');
    const mails = (await outbox()).slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({
      idempotency_key: `inbox:${newest?.id}`,
      kind: 'inbox-new',
      link: '/inbox',
      user_id: team.parent.userId,
      to_address: 'petra@example.nl',
    });
  });
});

describe('people invited to a case meeting', () => {
  it('each get a session-invitation item; the one who schedules it does not', async () => {
    h.clock.advance(1000);
    const scheduled = await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/meetings`,
      {
        title: 'MDO',
        scheduledAt: '2026-12-01T13:00:00Z',
        agenda: ['School'],
        inviteeUserIds: [team.youngPerson.userId, team.regisseur.userId],
      },
      201,
    );
    const young = await inbox(team.youngPerson);
    expect(young.items[0]).toMatchObject({
      kind: 'session-invitation',
      link: `/zaken/${team.caseId}/overleg/${scheduled.meeting.id}`,
      params: { session: 'meeting', meetingId: scheduled.meeting.id },
    });
    const own = (await inbox(team.regisseur)).items.filter((i) => i.params.meetingId === scheduled.meeting.id);
    expect(own).toEqual([]);
  });
});

describe('a parent who accepts an invitation', () => {
  it('finds her own words in the analysis waiting in her inbox', async () => {
    const inv = await call(
      team.regisseur,
      'POST',
      `/api/cases/${team.caseId}/invitations`,
      { role: 'ouder', name: 'Mo Jansen' },
      201,
    );
    const browser = new Browser(h.server.url);
    const accepted = await browser.post(`/api/invitations/${inv.invitationId}/accept`, {
      code: inv.code,
      login: 'mo.jansen',
      password: PASSWORD,
      dateOfBirth: '2012-05-01',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    const got = await browser.call('GET', '/api/inbox');
    const me = await browser.call('GET', '/api/auth/me');
    // Her own part of the request for help (002 Bijlage 1: each parent in their own words).
    const part = `hulpvraag_ouder_${(me.body as { user: { id: string } }).user.id}`;
    expect(got.body).toMatchObject({
      unread: 1,
      items: [
        {
          kind: 'own-words-waiting',
          caseId: team.caseId,
          link: `/zaken/${team.caseId}/analyse#${part}`,
          params: { section: part, document: 'analysis' },
        },
      ],
    });
  });
});

describe('a case the person left', () => {
  it('its items are hidden from the list and the count', async () => {
    const before = await inbox(team.teacher);
    h.clock.advance(1000);
    await call(
      team.lokaal,
      'POST',
      analysis(),
      { section: 'hulpvraag_ouders', text: `Zie dit, @${team.teacher.name}.` },
      201,
    );
    const mentioned = await inbox(team.teacher);
    expect(mentioned.unread).toBe(before.unread + 1);
    await call(
      team.regisseur,
      'DELETE',
      `/api/cases/${team.caseId}/participants/${team.teacher.userId}`,
      { reason: 'Andere school, andere consulent.' },
      204,
    );
    const after = await inbox(team.teacher);
    expect(after).toEqual({ items: [], unread: 0 });
    // Still stored (a participation may return), only hidden; and not to be marked read either.
    const stored = await inboxDb(h.server.services.db)
      .selectFrom('inbox_items')
      .select('id')
      .where('user_id', '=', team.teacher.userId)
      .execute();
    expect(stored.length).toBeGreaterThan(0);
    await call(team.teacher, 'POST', `/api/inbox/${stored[0]?.id}/read`, {}, 404);
  });
});

describe('the daily digest', () => {
  it('queues one inbox-digest per person and day, even when run twice (or by two instances at once)', async () => {
    const db = h.server.services.db;
    await db.updateTable('users').set({ email: 'ria@example.nl' }).where('id', '=', team.regisseur.userId).execute();
    // Something new for the process director: a mention.
    await call(
      team.lokaal,
      'POST',
      analysis(),
      { section: 'hulpvraag_ouders', text: `@${team.regisseur.name} kijk je mee?` },
      201,
    );
    expect((await inbox(team.regisseur)).unread).toBeGreaterThan(0);
    const digests = async () =>
      (await outbox()).filter((m) => m.kind === 'inbox-digest' && m.user_id === team.regisseur.userId);
    // 06:59 Amsterdam (05:59 UTC in winter): not yet.
    expect(await runDigests(db, new Date('2026-11-24T05:59:00Z'))).toBe(0);
    const at = new Date('2026-11-24T06:30:00Z');
    const [a, b] = await Promise.all([runDigests(db, at), runDigests(db, at)]);
    expect(await runDigests(db, new Date('2026-11-24T15:00:00Z'))).toBe(0);
    const mails = await digests();
    expect(mails).toHaveLength(1);
    expect(a + b).toBeGreaterThanOrEqual(1);
    expect(mails[0]).toMatchObject({
      idempotency_key: `digest:${team.regisseur.userId}:2026-11-24`,
      link: '/inbox',
      to_address: 'ria@example.nl',
    });
    // The parent chose 'immediate': no digest for her.
    expect((await outbox()).filter((m) => m.kind === 'inbox-digest' && m.user_id === team.parent.userId)).toEqual([]);
    // The next day with nothing new since: no digest.
    expect(await runDigests(db, new Date('2026-11-25T07:00:00Z'))).toBe(0);
    expect(await digests()).toHaveLength(1);
  });
});
