/** Lockout per login (5 failures in 15 min → 15 min) and the coarse per-address limit. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { lockedUntil } from '../../src/identity/throttle.js';
import { Browser, createPro, logEntries, startIdentityServer, totpCode, wrongCode } from './harness.js';

const MIN = 60_000;

describe('lockedUntil (pure)', () => {
  const fail = (m: number) => ({ at: m * MIN, success: false });
  const ok = (m: number) => ({ at: m * MIN, success: true });

  it('locks for 15 minutes from the fifth failure within 15 minutes', () => {
    const attempts = [fail(0), fail(1), fail(2), fail(3), fail(4)];
    expect(lockedUntil(attempts.slice(0, 4), 4 * MIN)).toBeNull();
    expect(lockedUntil(attempts, 4 * MIN)).toBe(19 * MIN);
    expect(lockedUntil(attempts, 18.9 * MIN)).toBe(19 * MIN);
    expect(lockedUntil(attempts, 19 * MIN)).toBeNull();
  });

  it('does not count failures older than the window, nor those before a success', () => {
    expect(lockedUntil([fail(0), fail(1), fail(2), fail(3), fail(16)], 16 * MIN)).toBeNull();
    expect(lockedUntil([fail(0), fail(1), fail(2), fail(3), ok(4), fail(5)], 5 * MIN)).toBeNull();
  });

  it('starts counting afresh after a lock, and attempts raced into a lock do not extend it', () => {
    const locked = [fail(0), fail(1), fail(2), fail(3), fail(4)];
    expect(lockedUntil([...locked, fail(10)], 20 * MIN)).toBeNull();
    expect(lockedUntil([...locked, fail(20)], 20 * MIN)).toBeNull();
  });
});

describe('login lockout through the server', () => {
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  beforeAll(async () => {
    t = await startIdentityServer();
  });
  afterAll(() => t.server.close());

  const login = (b: Browser, l: string, password: string) => b.post('/api/auth/login', { login: l, password });

  it('locks after 5 wrong passwords, refuses even the right one, and unlocks after 15 minutes', async () => {
    const pro = await createPro(t.db);
    const b = new Browser(t.server.url);
    for (let i = 0; i < 4; i += 1) expect((await login(b, pro.login, 'wrong password')).status).toBe(401);
    const fifth = await login(b, pro.login, 'wrong password');
    expect(fifth.status).toBe(429);
    expect(fifth.body.error).toEqual({
      id: 'locked',
      message: 'too many failed attempts; try again later',
      text: 'Te veel verkeerde pogingen. Je account is even op slot. Binnen 15 minuten kun je het opnieuw proberen.',
      details: { retryAfterMinutes: 15 },
    });
    const lockEntry = (await logEntries(t.db)).at(-1)!;
    expect(lockEntry).toMatchObject({
      event: 'login',
      outcome: 'denied',
      user_id: pro.userId,
      detail: 'locked for 15 min',
    });

    expect((await login(b, pro.login, pro.password)).status).toBe(429);
    expect(b.cookie).toBeNull();
    // Hammering the locked login neither extends the lock nor floods the access log.
    const logged = (await logEntries(t.db)).length;
    for (let i = 0; i < 5; i += 1) expect((await login(b, pro.login, 'wrong password')).status).toBe(429);
    expect(await logEntries(t.db)).toHaveLength(logged);
    t.clock.advance(14 * MIN);
    expect((await login(b, pro.login, pro.password)).status).toBe(429);
    t.clock.advance(1 * MIN);
    const after = await login(b, pro.login, pro.password);
    expect(after.status).toBe(200);
    expect(after.body.next).toBe('totp');
    expect((await b.post('/api/auth/totp', { code: totpCode(pro.totpSecret, t.clock.now) })).status).toBe(200);
  });

  it('locks unknown logins the same way, so a lock does not reveal that an account exists', async () => {
    const b = new Browser(t.server.url);
    const replies = [];
    for (let i = 0; i < 6; i += 1) replies.push(await login(b, 'ghost@example.nl', 'whatever-password'));
    expect(replies.map((r) => r.status)).toEqual([401, 401, 401, 401, 429, 429]);
    expect(replies[4]!.body.error.id).toBe('locked');
    t.clock.advance(15 * MIN);
  });

  it('counts wrong TOTP codes: the lock ends the pre-auth session', async () => {
    const pro = await createPro(t.db);
    const b = new Browser(t.server.url);
    for (let i = 0; i < 2; i += 1) expect((await login(b, pro.login, 'wrong password')).status).toBe(401);
    expect((await login(b, pro.login, pro.password)).status).toBe(200);
    const codes = [];
    for (let i = 0; i < 3; i += 1) {
      codes.push((await b.post('/api/auth/totp', { code: wrongCode(pro.totpSecret, t.clock.now) })).status);
    }
    expect(codes).toEqual([401, 401, 429]);
    expect(b.cookie).toBeNull();
    const left = await t.db.selectFrom('sessions').select('id').where('user_id', '=', pro.userId).execute();
    expect(left).toEqual([]);
    t.clock.advance(15 * MIN);
  });

  it('a completed login resets the count; failures more than 15 minutes apart do not add up', async () => {
    const pro = await createPro(t.db);
    const b = new Browser(t.server.url);
    for (let i = 0; i < 4; i += 1) await login(b, pro.login, 'wrong password');
    t.clock.advance(30_000);
    await login(b, pro.login, pro.password);
    expect((await b.post('/api/auth/totp', { code: totpCode(pro.totpSecret, t.clock.now) })).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await login(b, pro.login, 'wrong password')).status).toBe(401);
    t.clock.advance(16 * MIN);
    expect((await login(b, pro.login, 'wrong password')).status).toBe(401);
  });
});

describe('per-address limit', () => {
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  beforeAll(async () => {
    t = await startIdentityServer();
  });
  afterAll(() => t.server.close());

  it('refuses a 31st failure from one address within a minute, whatever the logins', async () => {
    const b = new Browser(t.server.url);
    const pro = await createPro(t.db);
    for (let i = 0; i < 30; i += 1) {
      const r = await b.post('/api/auth/login', { login: `spray${i}@example.nl`, password: 'Welkom01!' });
      expect(r.status).toBe(401);
    }
    const logged = (await logEntries(t.db)).length;
    const limited = await b.post('/api/auth/login', { login: pro.login, password: pro.password });
    expect(limited.status).toBe(429);
    expect(limited.body.error.id).toBe('rate_limited');
    // Refusals by the throttle are not written to the access log: it cannot be flooded this way.
    expect(await logEntries(t.db)).toHaveLength(logged);
    t.clock.advance(61_000);
    expect((await b.post('/api/auth/login', { login: pro.login, password: pro.password })).status).toBe(200);
  });
});
