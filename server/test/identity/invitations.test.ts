/** Invitations of the young person and parents: creation by a professional on the case, acceptance. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadParticipation } from '../../src/cases/participation.js';
import { invitationRef } from '../../src/identity/invitations.js';
import {
  addParticipant,
  Browser,
  createCase,
  createPro,
  logEntries,
  loginPro,
  rowCounts,
  startIdentityServer,
  type TestPro,
} from './harness.js';

const DAY = 24 * 3600_000;
/** The date of birth `createCase` records: whoever accepts confirms it. */
const DOB = '2012-05-01';

describe('invitations', () => {
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  let pro: TestPro;
  let proBrowser: Browser;
  let caseCount = 0;

  beforeAll(async () => {
    t = await startIdentityServer();
    // The case's procesregisseur invites the young person and the parents (domain/invitations.ts).
    pro = await createPro(t.db, { role: 'procesregisseur' });
    proBrowser = new Browser(t.server.url);
    await loginPro(proBrowser, pro, t.clock);
  });
  afterAll(() => t.server.close());

  /** A case with the professional on it, and a fresh invitation to it. */
  async function invite(role: 'jeugdige' | 'ouder' = 'ouder') {
    caseCount += 1;
    const caseId = `case-inv-${caseCount}`;
    await createCase(t.db, caseId);
    await addParticipant(t.db, caseId, pro.userId, 'procesregisseur');
    const reply = await proBrowser.post(`/api/cases/${caseId}/invitations`, { role, name: 'Mirjam' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return { caseId, ...(reply.body as { invitationId: string; link: string; code: string; expiresAt: string }) };
  }

  const accept = (id: string, body: unknown, b = new Browser(t.server.url)) =>
    b.post(`/api/invitations/${id}/accept`, body);

  it('gives the professional a link and an 8-digit code, storing only a keyed hash of the code', async () => {
    const inv = await invite();
    expect(inv.link).toBe(`/uitnodiging/${inv.invitationId}`);
    expect(inv.code).toMatch(/^\d{8}$/);
    expect(Date.parse(inv.expiresAt) - t.clock.now.getTime()).toBe(7 * DAY);
    const row = await t.db
      .selectFrom('invitations')
      .selectAll()
      .where('id', '=', inv.invitationId)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      case_id: inv.caseId,
      role: 'ouder',
      name: 'Mirjam',
      created_by: pro.userId,
      attempts: 0,
    });
    expect(row.code_hash).not.toContain(inv.code);
    expect((await logEntries(t.db)).at(-1)).toMatchObject({
      event: 'create',
      case_id: inv.caseId,
      user_id: pro.userId,
      outcome: 'success',
      detail: `POST /api/cases/:caseId/invitations invitation ${invitationRef(inv.invitationId)} (ouder) created`,
    });
  });

  it('only professionals on the case may invite', async () => {
    const outsider = await createPro(t.db);
    const b = new Browser(t.server.url);
    await loginPro(b, outsider, t.clock);
    const inv = await invite();
    const before = await rowCounts(t.db);
    const reply = await b.post(`/api/cases/${inv.caseId}/invitations`, { role: 'ouder', name: 'X' });
    expect(reply.status).toBe(404);
    expect(reply.body.error.id).toBe('not_found');
    const anonymous = await new Browser(t.server.url).post(`/api/cases/${inv.caseId}/invitations`, {
      role: 'ouder',
      name: 'X',
    });
    expect(anonymous.status).toBe(401);
    // Nothing written but the gate's refusal in the access log.
    expect(await rowCounts(t.db)).toEqual({ ...before, access_log: before.access_log + 1 });
    expect((await logEntries(t.db)).at(-1)).toMatchObject({ case_id: inv.caseId, outcome: 'denied' });
  });

  it('accepting creates a client account on that case with that role and logs them in, without TOTP', async () => {
    const inv = await invite('jeugdige');
    const b = new Browser(t.server.url);
    const reply = await accept(
      inv.invitationId,
      { code: inv.code, login: 'Sam2012', password: 'mijn geheim 123', dateOfBirth: DOB },
      b,
    );
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    expect(reply.body).toEqual({
      caseId: inv.caseId,
      // The young person has the name recorded at registration, not the one the inviter typed.
      user: { id: expect.any(String), name: 'Sam', kind: 'client', role: null, organisation: null },
      csrfToken: expect.any(String),
    });
    const userId = reply.body.user.id as string;
    const participation = await loadParticipation(t.db, inv.caseId, userId);
    expect(participation?.role).toBe('jeugdige');
    const me = await b.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: userId, kind: 'client' });
    const user = await t.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirstOrThrow();
    expect(user).toMatchObject({ login: 'sam2012', kind: 'client', totp_secret: null, role: null });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const entries = (await logEntries(t.db)).slice(-2);
    expect(entries).toMatchObject([
      { event: 'create', case_id: inv.caseId, user_id: userId, user_role: 'jeugdige', outcome: 'success' },
      { event: 'login', case_id: inv.caseId, user_id: userId, outcome: 'success', detail: 'invitation accepted' },
    ]);

    // The client logs in later with login + password alone.
    await b.post('/api/auth/logout');
    const again = await new Browser(t.server.url).post('/api/auth/login', {
      login: 'SAM2012',
      password: 'mijn geheim 123',
    });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ next: 'done', user: { id: userId, kind: 'client' } });

    // A client is not a professional: they cannot invite others.
    const invited = await b.post(`/api/cases/${inv.caseId}/invitations`, { role: 'ouder', name: 'Papa' });
    expect(invited.status).toBe(401); // logged out above
    const client = new Browser(t.server.url);
    await client.post('/api/auth/login', { login: 'sam2012', password: 'mijn geheim 123', dateOfBirth: DOB });
    const byClient = await client.post(`/api/cases/${inv.caseId}/invitations`, { role: 'ouder', name: 'Papa' });
    expect(byClient.status).toBe(403);
    expect(byClient.body.error.id).toBe('invite_not_allowed');
  });

  it('an invitation works once', async () => {
    const inv = await invite();
    expect(
      (
        await accept(inv.invitationId, {
          code: inv.code,
          login: 'ouder-once',
          password: 'fiets regen kaas 74',
          dateOfBirth: DOB,
        })
      ).status,
    ).toBe(201);
    const before = await rowCounts(t.db);
    const reuse = await accept(inv.invitationId, {
      code: inv.code,
      login: 'ouder-twice',
      password: 'wolken boven de dijk 9',
      dateOfBirth: DOB,
    });
    expect(reuse.status).toBe(410);
    expect(reuse.body.error.id).toBe('invitation_used');
    const after = await rowCounts(t.db);
    expect({ ...after, access_log: before.access_log }).toEqual(before); // only the refusal is logged
    expect((await logEntries(t.db)).at(-1)).toMatchObject({ event: 'login', outcome: 'denied', case_id: inv.caseId });
  });

  it('counts wrong codes: after 5 the invitation is dead, even for the right code', async () => {
    const inv = await invite();
    const wrong = inv.code === '12345678' ? '87654321' : '12345678';
    const body = (code: string) => ({ code, login: 'ouder-guess', password: 'fiets regen kaas 74', dateOfBirth: DOB });
    const replies = [];
    for (let i = 0; i < 5; i += 1) replies.push(await accept(inv.invitationId, body(wrong)));
    expect(replies.map((r) => r.status)).toEqual([403, 403, 403, 403, 410]);
    expect(replies[0]!.body.error).toEqual({
      id: 'invalid_code',
      message: 'the code is wrong; 4 attempt(s) left',
      text: 'De code klopt niet. Je kunt het nog 4 keer proberen.',
      details: { attemptsLeft: 4 },
    });
    expect(replies[3]!.body.error.details).toEqual({ attemptsLeft: 1 });
    expect(replies[4]!.body.error.id).toBe('invitation_blocked');
    const right = await accept(inv.invitationId, body(inv.code));
    expect(right.status).toBe(410);
    expect(right.body.error.id).toBe('invitation_blocked');
    expect(await t.db.selectFrom('users').select('id').where('login', '=', 'ouder-guess').execute()).toEqual([]);
    const failures = (await logEntries(t.db)).filter((e) => e.case_id === inv.caseId && e.outcome === 'failure');
    expect(failures).toHaveLength(5);
  });

  it('a right code with a taken login costs no attempt', async () => {
    const inv = await invite();
    const taken = await accept(inv.invitationId, {
      code: inv.code,
      login: pro.login,
      password: 'fiets regen kaas 74',
      dateOfBirth: DOB,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.error.id).toBe('login_taken');
    const row = await t.db
      .selectFrom('invitations')
      .select('attempts')
      .where('id', '=', inv.invitationId)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(0);
    expect(
      (
        await accept(inv.invitationId, {
          code: inv.code,
          login: 'ouder-free',
          password: 'fiets regen kaas 74',
          dateOfBirth: DOB,
        })
      ).status,
    ).toBe(201);
  });

  it('expires after 7 days', async () => {
    const inv = await invite();
    t.clock.advance(7 * DAY);
    const before = await rowCounts(t.db);
    const late = await accept(inv.invitationId, {
      code: inv.code,
      login: 'ouder-late',
      password: 'fiets regen kaas 74',
      dateOfBirth: DOB,
    });
    expect(late.status).toBe(410);
    expect(late.body.error.id).toBe('invitation_expired');
    expect((await rowCounts(t.db)).users).toBe(before.users);
    // The professional's own session has long gone idle by now: log in again for later tests.
    await loginPro(proBrowser, pro, t.clock);
  });

  it('an unknown invitation is a plain 404, and a closed case accepts no one', async () => {
    const unknown = await accept('no-such-invitation', {
      code: '12345678',
      login: 'x-unknown',
      password: 'fiets regen kaas 74',
      dateOfBirth: DOB,
    });
    expect(unknown.status).toBe(404);
    const inv = await invite();
    await t.db
      .updateTable('cases')
      .set({ closed_at: t.clock.now.toISOString() })
      .where('id', '=', inv.caseId)
      .execute();
    const closed = await accept(inv.invitationId, {
      code: inv.code,
      login: 'x-closed',
      password: 'fiets regen kaas 74',
      dateOfBirth: DOB,
    });
    expect(closed.status).toBe(410);
    expect(closed.body.error.id).toBe('case_closed');
    const refused = await proBrowser.post(`/api/cases/${inv.caseId}/invitations`, { role: 'ouder', name: 'X' });
    expect(refused.status).toBe(409);
  });

  it('every identity event above went into one intact hash chain', async () => {
    expect(await t.server.services.accessLog.verify()).toMatchObject({ broken: null });
  });
});
