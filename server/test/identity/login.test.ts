/** Password + TOTP login of professionals, through the real server. */
import * as argon2 from '@node-rs/argon2';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  Browser,
  createPro,
  logEntries,
  loginPro,
  rowCounts,
  startIdentityServer,
  type TestPro,
  totpCode,
  wrongCode,
} from './harness.js';

type Started = Awaited<ReturnType<typeof startIdentityServer>>;

// The real argon2, only wrapped so a test can see which hash each login verified.
vi.mock('@node-rs/argon2', async (importOriginal) => {
  const real = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...real, verify: vi.fn(real.verify) };
});

describe('professional login', () => {
  let t: Started;
  let pro: TestPro;

  beforeAll(async () => {
    t = await startIdentityServer();
  });
  // A fresh professional per test: failures of one test must not add up to another's lockout.
  beforeEach(async () => {
    pro = await createPro(t.db);
  });
  afterAll(() => t.server.close());

  const browser = () => new Browser(t.server.url);

  it('stores an argon2id hash and never the password', async () => {
    const row = await t.db.selectFrom('users').selectAll().where('id', '=', pro.userId).executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row.password_hash).not.toContain(pro.password);
  });

  it('answers a wrong password and an unknown login identically, after the same argon2 work', async () => {
    const verify = vi.mocked(argon2.verify);
    // What each login made argon2 verify: the same work (one argon2id hash of the same cost) for both
    // means the same time, on any machine; without the dummy hash an unknown login verifies nothing.
    const attempt = async (login: string) => {
      verify.mockClear();
      const reply = await browser().post('/api/auth/login', { login, password: 'not the password' });
      return { reply, verified: verify.mock.calls.map(([hash]) => String(hash).replace(/\$[^$]*\$[^$]*$/, '')) };
    };
    const replies = [];
    for (let i = 0; i < 3; i += 1) {
      const wrong = await attempt(pro.login);
      const unknown = await attempt('nobody@example.nl');
      expect(wrong.verified).toEqual(['$argon2id$v=19$m=19456,t=2,p=1']);
      expect(unknown.verified).toEqual(wrong.verified);
      // The same answer at the same count of failures, the lockout warning included (accounts work).
      expect(unknown.reply.body).toEqual(wrong.reply.body);
      replies.push(wrong.reply, unknown.reply);
    }
    for (const [i, reply] of replies.entries()) {
      expect(reply.status).toBe(401);
      const warned = i >= 4; // the third failure of each login: 2 attempts left
      expect(reply.body).toEqual({
        error: {
          id: 'invalid_credentials',
          message: 'login or password is wrong',
          text: warned
            ? 'Je gebruikersnaam of wachtwoord klopt niet. Nog 2 pogingen, daarna gaat inloggen een tijdje op slot.'
            : 'Je gebruikersnaam of wachtwoord klopt niet.',
          ...(warned ? { details: { attemptsLeft: 2 } } : {}),
        },
      });
      expect(reply.setCookies).toEqual([]);
    }
  });

  it('accepts the password, then asks for the TOTP code in a pre-auth session that can do nothing else', async () => {
    const b = browser();
    const first = await b.post('/api/auth/login', { login: pro.login.toUpperCase(), password: pro.password });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ next: 'totp', csrfToken: expect.any(String) });
    const cookie = first.setCookies.find((c) => c.startsWith('samenspraak_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i); // not production
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect((await b.post('/api/auth/logout-all')).status).toBe(401);
    // The pre-auth session has its own CSRF token, required to finish the login.
    const noToken = await b.post('/api/auth/totp', { code: totpCode(pro.totpSecret, t.clock.now) }, { csrf: false });
    expect(noToken.status).toBe(403);
    expect(noToken.body.error.id).toBe('csrf');
    const session = await t.db.selectFrom('sessions').selectAll().where('user_id', '=', pro.userId).execute();
    expect(session.map((s) => s.authenticated)).toContain(0);
  });

  it('refuses a wrong TOTP code and counts it as a failure', async () => {
    const b = browser();
    t.clock.advance(30_000);
    await b.post('/api/auth/login', { login: pro.login, password: pro.password });
    const before = await rowCounts(t.db);
    const wrong = await b.post('/api/auth/totp', { code: wrongCode(pro.totpSecret, t.clock.now) });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.id).toBe('invalid_code');
    expect(wrong.body.error.details).toBeUndefined(); // a wrong code is not a used one
    const after = await rowCounts(t.db);
    expect(after.login_attempts).toBe(before.login_attempts + 1);
    const last = (await logEntries(t.db)).at(-1)!;
    expect(last).toMatchObject({ event: 'login', outcome: 'failure', user_id: pro.userId, detail: 'totp' });
    // The right code still works in the same pre-auth session.
    const right = await b.post('/api/auth/totp', { code: totpCode(pro.totpSecret, t.clock.now) });
    expect(right.status).toBe(200);
  });

  it('rotates the session id on TOTP: the pre-auth cookie is useless afterwards (session fixation)', async () => {
    const b = browser();
    t.clock.advance(30_000);
    await b.post('/api/auth/login', { login: pro.login, password: pro.password });
    const preAuthCookie = b.cookie!;
    const preAuthCsrf = b.csrf!;
    const done = await b.post('/api/auth/totp', { code: totpCode(pro.totpSecret, t.clock.now) });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ next: 'done', user: { id: pro.userId, kind: 'professional' } });
    expect(b.cookie).not.toBe(preAuthCookie);
    expect(b.csrf).not.toBe(preAuthCsrf);
    const me = await b.get('/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      user: {
        id: pro.userId,
        name: expect.any(String),
        kind: 'professional',
        role: 'gedragswetenschapper',
        organisation: 'Jeugdzorg Test',
      },
      csrfToken: b.csrf,
    });

    // Whoever planted or stole the pre-auth cookie has nothing: it names no session any more.
    const attacker = browser();
    attacker.cookie = preAuthCookie;
    attacker.csrf = preAuthCsrf;
    expect((await attacker.get('/api/auth/me')).status).toBe(401);
    expect(attacker.cookie).toBeNull(); // the server cleared the dead cookie
    attacker.cookie = preAuthCookie;
    const again = await attacker.post('/api/auth/totp', { code: totpCode(pro.totpSecret, t.clock.now) });
    expect(again.status).toBe(401);
    expect(again.body.error.id).toBe('unauthenticated');
  });

  it('refuses a replayed TOTP code, also within its validity window', async () => {
    const b1 = browser();
    t.clock.advance(30_000);
    const code = totpCode(pro.totpSecret, t.clock.now);
    await b1.post('/api/auth/login', { login: pro.login, password: pro.password });
    expect((await b1.post('/api/auth/totp', { code })).status).toBe(200);

    const b2 = browser();
    t.clock.advance(10_000); // same code still inside the ±1 step window
    await b2.post('/api/auth/login', { login: pro.login, password: pro.password });
    const replay = await b2.post('/api/auth/totp', { code });
    expect(replay.status).toBe(401);
    expect(replay.body.error).toEqual({
      id: 'invalid_code',
      message: 'this code was already used; wait for the next one',
      text: 'Deze code is al gebruikt. Wacht op de volgende code in je app.',
      details: { replayed: true },
    });
    expect((await logEntries(t.db)).at(-1)).toMatchObject({ outcome: 'failure', detail: 'totp replayed' });
    // An earlier step (the previous code, still in the window) is refused as well.
    const previous = totpCode(pro.totpSecret, new Date(t.clock.now.getTime() - 30_000));
    expect((await b2.post('/api/auth/totp', { code: previous })).status).toBe(401);
    t.clock.advance(30_000);
    expect((await b2.post('/api/auth/totp', { code: totpCode(pro.totpSecret, t.clock.now) })).status).toBe(200);
  });

  it('logs successful logins with who, from where and the outcome', async () => {
    await loginPro(browser(), pro, t.clock);
    const last = (await logEntries(t.db)).at(-1)!;
    expect(last).toMatchObject({
      event: 'login',
      outcome: 'success',
      user_id: pro.userId,
      user_role: 'gedragswetenschapper',
      detail: 'password + totp',
      case_id: null,
    });
    expect(last.source).toMatch(/^(::ffff:)?127\.0\.0\.1 http$/);
    expect(last.responsible).toEqual(expect.any(String));
  });

  it('a pre-auth session dies after 5 minutes', async () => {
    const b = browser();
    t.clock.advance(30_000);
    await b.post('/api/auth/login', { login: pro.login, password: pro.password });
    t.clock.advance(5 * 60_000);
    const late = await b.post('/api/auth/totp', { code: totpCode(pro.totpSecret, t.clock.now) });
    expect(late.status).toBe(401);
    expect(late.body.error.id).toBe('unauthenticated');
  });
});
