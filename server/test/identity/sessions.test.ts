/** Session lifetime (absolute and idle), CSRF and Origin checks, logout and logout everywhere. */
import { CloseCode } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import {
  addParticipant,
  Browser,
  createCase,
  createPro,
  logEntries,
  loginPro,
  rowCounts,
  startIdentityServer,
} from './harness.js';

const MIN = 60_000;

describe('sessions', () => {
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  beforeAll(async () => {
    t = await startIdentityServer();
  });
  afterAll(() => t.server.close());

  async function loggedIn() {
    const pro = await createPro(t.db);
    const b = new Browser(t.server.url);
    await loginPro(b, pro, t.clock);
    return { pro, b };
  }

  it('dies after 30 minutes without a request, and the dead cookie is cleared', async () => {
    const { b } = await loggedIn();
    t.clock.advance(29 * MIN);
    expect((await b.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(29 * MIN); // 29 min after the last request: still alive
    expect((await b.get('/api/auth/me')).status).toBe(200);
    t.clock.advance(30 * MIN);
    const me = await b.get('/api/auth/me');
    expect(me.status).toBe(401);
    expect(me.body.error.id).toBe('unauthenticated');
    expect(b.cookie).toBeNull();
  });

  it('records activity at most once a minute', async () => {
    const { pro, b } = await loggedIn();
    const lastSeen = async () =>
      (
        await t.db
          .selectFrom('sessions')
          .select('last_seen_at')
          .where('user_id', '=', pro.userId)
          .executeTakeFirstOrThrow()
      ).last_seen_at;
    const first = await lastSeen();
    t.clock.advance(30_000);
    await b.get('/api/auth/me');
    expect(await lastSeen()).toBe(first);
    t.clock.advance(31_000);
    await b.get('/api/auth/me');
    expect(await lastSeen()).toBe(t.clock.now.toISOString());
  });

  it('dies 12 hours after login however active it is', async () => {
    const { b } = await loggedIn();
    for (let elapsed = 0; elapsed < 12 * 60 - 20; elapsed += 20) {
      t.clock.advance(20 * MIN);
      expect((await b.get('/api/auth/me')).status, `after ${elapsed + 20} min`).toBe(200);
    }
    t.clock.advance(20 * MIN);
    expect((await b.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses writes without the CSRF token, or with a wrong one, and writes nothing', async () => {
    const { pro, b } = await loggedIn();
    await createCase(t.db, 'case-csrf', { createdBy: pro.userId });
    await addParticipant(t.db, 'case-csrf', pro.userId, 'gedragswetenschapper');
    const before = await rowCounts(t.db);
    const invite = { role: 'ouder', name: 'Ouder' };
    for (const csrf of [false, 'wrong-token', `${b.csrf}x`] as const) {
      const reply = await b.post('/api/cases/case-csrf/invitations', invite, { csrf });
      expect(reply.status).toBe(403);
      expect(reply.body.error).toEqual({
        id: 'csrf',
        message: 'missing or wrong X-CSRF-Token header',
        text: 'Je sessie is verlopen of in een ander venster veranderd. Laad de pagina opnieuw.',
      });
      const logout = await b.post('/api/auth/logout', undefined, { csrf });
      expect(logout.status).toBe(403);
      expect((await b.post('/api/auth/logout-all', undefined, { csrf })).status).toBe(403);
    }
    expect(await rowCounts(t.db)).toEqual(before);
    expect((await b.get('/api/auth/me')).status).toBe(200); // still logged in
    expect((await b.post('/api/cases/case-csrf/invitations', invite)).status).toBe(201);
  });

  it('refuses writes from another origin, even with the token', async () => {
    const { b } = await loggedIn();
    const before = await rowCounts(t.db);
    const evil = await b.post('/api/auth/logout', undefined, { headers: { origin: 'https://evil.example' } });
    expect(evil.status).toBe(403);
    expect(evil.body.error.message).toBe('cross-origin request refused');
    const nullOrigin = await b.post(
      '/api/auth/login',
      { login: 'a@b.nl', password: 'x' },
      { headers: { origin: 'null' } },
    );
    expect(nullOrigin.status).toBe(403);
    expect(await rowCounts(t.db)).toEqual(before);
    const own = await b.post('/api/auth/logout', undefined, { headers: { origin: t.server.url } });
    expect(own.status).toBe(204);
  });

  it('logout ends this session only', async () => {
    const pro = await createPro(t.db);
    const laptop = new Browser(t.server.url);
    const phone = new Browser(t.server.url);
    await loginPro(laptop, pro, t.clock);
    await loginPro(phone, pro, t.clock);
    const oldCookie = laptop.cookie;
    const out = await laptop.post('/api/auth/logout');
    expect(out.status).toBe(204);
    expect(laptop.cookie).toBeNull();
    laptop.cookie = oldCookie; // a copy of the cookie kept by someone else does not work either
    expect((await laptop.get('/api/auth/me')).status).toBe(401);
    expect((await phone.get('/api/auth/me')).status).toBe(200);
    expect((await logEntries(t.db)).at(-1)).toMatchObject({ event: 'logout', outcome: 'success', user_id: pro.userId });
  });

  it('logout-all ends every session of the user and closes their collaboration connections', async () => {
    const pro = await createPro(t.db);
    const other = await createPro(t.db);
    const laptop = new Browser(t.server.url);
    const phone = new Browser(t.server.url);
    const colleague = new Browser(t.server.url);
    await loginPro(laptop, pro, t.clock);
    await loginPro(phone, pro, t.clock);
    await loginPro(colleague, other, t.clock);

    const token = await tokenFor({ 'logout-all-demo': 'write' }, { sub: pro.userId });
    const ws = new WebSocket(`${t.server.wsUrl}/collab/logout-all-demo?token=${token}`);
    await new Promise((resolve, reject) => {
      ws.once('open', resolve);
      ws.once('error', reject);
    });
    // Wait until the server has admitted the connection (authentication is asynchronous).
    await new Promise((resolve) => ws.once('message', resolve));
    const closed = new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));

    const reply = await phone.post('/api/auth/logout-all');
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({ sessionsEnded: 2, connectionsClosed: 1 });
    expect(await closed).toBe(CloseCode.AccessRevoked);
    expect((await laptop.get('/api/auth/me')).status).toBe(401);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await colleague.get('/api/auth/me')).status).toBe(200);
    expect((await logEntries(t.db)).at(-1)).toMatchObject({
      event: 'logout',
      user_id: pro.userId,
      detail: 'all sessions (2), collaboration connections (1)',
    });
  });

  it('logging in again in the same browser ends the previous session', async () => {
    const { pro, b } = await loggedIn();
    const old = b.cookie;
    await loginPro(b, pro, t.clock);
    const stale = new Browser(t.server.url);
    stale.cookie = old;
    expect((await stale.get('/api/auth/me')).status).toBe(401);
    expect((await b.get('/api/auth/me')).status).toBe(200);
  });
});

describe('the session cookie in production', () => {
  it('is Secure, HttpOnly, SameSite=Strict, Path=/ and lives no longer than the session', async () => {
    const server = await startTestServer({ production: true });
    try {
      const pro = await createPro(server.services.db);
      const reply = await new Browser(server.url).post('/api/auth/login', { login: pro.login, password: pro.password });
      const cookie = reply.setCookies.find((c) => c.startsWith('samenspraak_session='))!;
      expect(cookie.split(/;\s*/).slice(1).sort()).toEqual([
        expect.stringMatching(/^Expires=/),
        'HttpOnly',
        expect.stringMatching(/^Max-Age=(299|300)$/), // the pre-auth session: 5 minutes
        'Path=/',
        'SameSite=Strict',
        'Secure',
      ]);
    } finally {
      await server.close();
    }
  });
});
