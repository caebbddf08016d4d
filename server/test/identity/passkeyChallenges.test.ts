/**
 * Passkey challenges are the server's: stored with an expiry and a purpose, and taken once. A response
 * to a challenge that was already used, has expired or was made for the other ceremony is refused
 * before any signature is looked at (`challenge_expired`). The ceremonies themselves run in a real
 * browser with Chrome's virtual authenticator (e2e/tests/passkey.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHALLENGE_TTL_MS } from '../../src/identity/passkeys.js';
import { signInDb } from '../../src/identity/passkeysDb.js';
import { Browser, createPro, logEntries, loginPro, startIdentityServer } from './harness.js';

type Started = Awaited<ReturnType<typeof startIdentityServer>>;

/** A response of the right shape for a passkey nobody has: enough to reach the challenge check. */
const fakeAssertion = {
  id: 'AAAAAAAAAAAAAAAAAAAAAA',
  rawId: 'AAAAAAAAAAAAAAAAAAAAAA',
  type: 'public-key',
  response: { clientDataJSON: 'e30', authenticatorData: 'AAAA', signature: 'AAAA' },
  clientExtensionResults: {},
};

describe('passkey challenges', () => {
  let t: Started;
  beforeAll(async () => {
    t = await startIdentityServer();
  });
  afterAll(() => t.server.close());

  const options = async (browser: Browser, body: unknown = {}) => {
    const reply = await browser.post('/api/auth/passkey/login-options', body);
    expect(reply.status).toBe(200);
    return reply.body as {
      challengeId: string;
      options: { challenge: string; rpId: string; userVerification: string };
    };
  };

  it('hands out a stored challenge for this relying party, with user verification required', async () => {
    const browser = new Browser(t.server.url);
    const { challengeId, options: o } = await options(browser);
    expect(o.rpId).toBe(new URL(t.server.services.publicUrl).hostname);
    expect(o.userVerification).toBe('required');
    const row = await signInDb(t.db)
      .selectFrom('webauthn_challenges')
      .selectAll()
      .where('id', '=', challengeId)
      .executeTakeFirstOrThrow();
    expect(row.challenge).toBe(o.challenge);
    expect(row.purpose).toBe('login');
    expect(Date.parse(row.expires_at) - Date.parse(row.created_at)).toBe(CHALLENGE_TTL_MS);
  });

  it('refuses a challenge used a second time', async () => {
    const browser = new Browser(t.server.url);
    const { challengeId } = await options(browser);
    const first = await browser.post('/api/auth/passkey/login', { challengeId, response: fakeAssertion });
    expect(first.status).toBe(401);
    expect(first.body.error.id).toBe('passkey_failed');
    expect(first.body.error.text).toContain('toegangssleutel');
    const again = await browser.post('/api/auth/passkey/login', { challengeId, response: fakeAssertion });
    expect(again.status).toBe(400);
    expect(again.body.error.id).toBe('challenge_expired');
    expect(again.body.error.text).toContain('verlopen of al gebruikt');
  });

  it('refuses an expired challenge', async () => {
    const browser = new Browser(t.server.url);
    const { challengeId } = await options(browser);
    t.clock.advance(CHALLENGE_TTL_MS + 1000);
    const late = await browser.post('/api/auth/passkey/login', { challengeId, response: fakeAssertion });
    expect(late.body.error.id).toBe('challenge_expired');
  });

  it('refuses a login challenge offered to a registration, and another person’s registration challenge', async () => {
    const pro = await createPro(t.db);
    const browser = new Browser(t.server.url);
    expect((await loginPro(browser, pro, t.clock)).status).toBe(200);
    const login = await options(new Browser(t.server.url));
    const wrongPurpose = await browser.post('/api/account/passkeys', { challengeId: login.challengeId, response: {} });
    expect(wrongPurpose.body.error.id).toBe('challenge_expired');

    const other = await createPro(t.db);
    const otherBrowser = new Browser(t.server.url);
    expect((await loginPro(otherBrowser, other, t.clock)).status).toBe(200);
    const theirs = await otherBrowser.post('/api/account/passkeys/options');
    expect(theirs.status).toBe(200);
    const stolen = await browser.post('/api/account/passkeys', { challengeId: theirs.body.challengeId, response: {} });
    expect(stolen.body.error.id).toBe('challenge_expired');
  });

  it('counts failed passkey logins in the address limit and logs them like password logins', async () => {
    const browser = new Browser(t.server.url);
    const { challengeId } = await options(browser);
    await browser.post('/api/auth/passkey/login', { challengeId, response: fakeAssertion });
    const entry = (await logEntries(t.db)).filter((e) => e.event === 'login').at(-1)!;
    expect(entry.outcome).toBe('failure');
    expect(entry.detail).toBe('passkey');
    const attempts = await t.db
      .selectFrom('login_attempts')
      .selectAll()
      .where('login', '=', `passkey:${fakeAssertion.id}`)
      .execute();
    expect(attempts.length).toBeGreaterThan(0);
  });

  it('needs a logged-in session to register a passkey', async () => {
    const reply = await new Browser(t.server.url).post('/api/account/passkeys/options');
    expect(reply.status).toBe(401);
  });
});
