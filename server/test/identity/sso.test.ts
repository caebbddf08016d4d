/**
 * Single sign-on end to end against a real OpenID provider (`oidc-provider`, in this process, on its own
 * port): the real Samenspraak server discovers it, sends the "browser" there, the provider logs the
 * person in (the test answers its login interaction with the subject and the amr it wants) and sends the
 * browser back with a code; the server redeems it and checks the ID token with openid-client.
 *
 * Refused, each with its own Dutch message and an access-log entry: a wrong audience, an expired ID token,
 * a callback URL used twice (replayed state), no MFA asserted, a subject nobody linked.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ERROR_WORDS } from '@samenspraak/shared';
import { exportJWK, generateKeyPair } from 'jose';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { signInDb } from '../../src/identity/passkeysDb.js';
import { createRegionPro, REGION_A, REGION_B } from './accountsSupport.js';
import { Browser, logEntries, loginPro, startIdentityServer, type TestPro } from './harness.js';

type Started = Awaited<ReturnType<typeof startIdentityServer>>;

const CLIENT_ID = 'samenspraak';
const CLIENT_SECRET = 'a client secret long enough for HS256 and for us';

/** What the provider's login interaction answers next: the subject and how they authenticated. */
const nextLogin: { sub: string; amr: string[]; acr?: string } = { sub: '', amr: [] };
/** When set, the next ID tokens are issued for another client (a token meant for someone else). */
let wrongAudience = false;

let t: Started;
let idp: Server;
let issuer: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
  const { port } = probe.address() as AddressInfo;
  await new Promise((r) => probe.close(r));
  return port;
}

async function startProvider(port: number, redirectUri: string): Promise<Server> {
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const jwk = { ...(await exportJWK(privateKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        redirect_uris: [redirectUri],
        token_endpoint_auth_method: 'client_secret_post',
      },
    ],
    jwks: { keys: [jwk] },
    cookies: { keys: ['a cookie key for the test provider only'] },
    features: { devInteractions: { enabled: false } },
    pkce: { required: () => true },
    // The provider says how the person authenticated (amr) and at what level (acr) in the ID token.
    claims: { openid: ['sub', 'amr', 'acr'], auth_time: null, sid: null, iss: null },
    acrValues: ['urn:test:laag', 'urn:test:substantieel'],
    // A short ID token life, so the "expired token" case only needs the domain clock moved 5 minutes.
    ttl: { IdToken: 60 },
    async findAccount(_ctx, sub) {
      return { accountId: sub, claims: () => ({ sub }) };
    },
  });
  // Tokens for another audience: the provider's real key, another client's id.
  const IdToken = provider.IdToken as unknown as {
    prototype: { issue(this: { client: object }, o: unknown): unknown };
  };
  const issue = IdToken.prototype.issue;
  IdToken.prototype.issue = function (this: { client: object }, opts: unknown) {
    if (wrongAudience) {
      const real = this.client;
      this.client = new Proxy(real, {
        get(target, prop) {
          if (prop === 'clientId') return 'another-app';
          const v = Reflect.get(target, prop, target);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    }
    return issue.call(this, opts);
  };
  const callback = provider.callback();
  const server = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (!req.url?.startsWith('/interaction/')) return callback(req, res);
    try {
      const details = await provider.interactionDetails(req, res);
      const clientId = String(details.params.client_id);
      const accountId = details.session?.accountId ?? nextLogin.sub;
      const grant = new provider.Grant({ accountId, clientId });
      grant.addOIDCScope('openid');
      const grantId = await grant.save();
      const result =
        details.prompt.name === 'login'
          ? {
              login: { accountId, amr: nextLogin.amr, ...(nextLogin.acr ? { acr: nextLogin.acr } : {}) },
              consent: { grantId },
            }
          : { consent: { grantId } };
      await provider.interactionFinished(req, res, result, { mergeWithLastSubmission: false });
    } catch (err) {
      res.statusCode = 500;
      res.end(String(err));
    }
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return server;
}

/** A browser over fetch: one cookie jar per host, redirects followed by hand so each hop is visible. */
class SsoBrowser {
  jar = new Map<string, Map<string, string>>();

  private cookiesFor(url: URL) {
    let jar = this.jar.get(url.host);
    if (!jar) {
      jar = new Map();
      this.jar.set(url.host, jar);
    }
    return jar;
  }

  async get(href: string): Promise<Response> {
    const url = new URL(href.replace('//localhost:', '//127.0.0.1:'));
    const jar = this.cookiesFor(url);
    const cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
    const res = await fetch(url, { redirect: 'manual', headers: cookie ? { cookie } : {} });
    for (const c of res.headers.getSetCookie()) {
      const m = /^([^=]+)=([^;]*)/.exec(c);
      if (!m) continue;
      const cleared = m[2] === '' || /Expires=Thu, 01 Jan 1970/i.test(c) || /Max-Age=0(;|$)/i.test(c);
      if (cleared) jar.delete(m[1]!);
      else jar.set(m[1]!, m[2]!);
    }
    return res;
  }

  /** From `href`, follows redirects until one points at the Samenspraak callback; returns that URL. */
  async toCallback(href: string): Promise<string> {
    let next = href;
    for (let i = 0; i < 10; i += 1) {
      const res = await this.get(next);
      const location = res.headers.get('location');
      if (!location) throw new Error(`no redirect from ${next}: ${res.status} ${await res.text()}`);
      next = new URL(location, next).href;
      if (next.includes('/api/auth/sso/callback')) return next;
    }
    throw new Error('too many redirects');
  }

  /** Starts at Samenspraak, logs in at the provider, stops before the callback. */
  async throughProvider(): Promise<string> {
    return this.toCallback(`${t.server.url}/api/auth/sso/start`);
  }

  session(): string | undefined {
    return this.jar.get(new URL(t.server.url).host)?.get('samenspraak_session');
  }
}

/** The callback's answer: where it sends the browser. */
async function callback(browser: SsoBrowser, href: string) {
  const res = await browser.get(href);
  return { status: res.status, location: res.headers.get('location') ?? '' };
}

async function link(pro: TestPro, subject: string) {
  await signInDb(t.db)
    .insertInto('sso_links')
    .values({ user_id: pro.userId, issuer, subject, created_by: null, created_at: new Date().toISOString() })
    .execute();
}

async function lastLogin() {
  const entries = (await logEntries(t.db)).filter((e) => e.event === 'login');
  return entries.at(-1)!;
}

beforeAll(async () => {
  const port = await freePort();
  issuer = `http://127.0.0.1:${port}`;
  t = await startIdentityServer({
    oidc: {
      issuer,
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      mfa: { claim: 'amr', values: ['mfa', 'otp', 'hwk'] },
    },
  });
  // The server's clock is the test's; the provider's is the real one: start them together.
  t.clock.now = new Date();
  idp = await startProvider(port, `${t.server.services.publicUrl}/api/auth/sso/callback`);
});

afterAll(async () => {
  await new Promise((r) => idp?.close(r));
  await t?.server.close();
});

beforeEach(() => {
  wrongAudience = false;
  t.clock.now = new Date();
});

describe('single sign-on with OpenID Connect', () => {
  let pro: TestPro;
  let subject: string;
  beforeEach(async () => {
    pro = await createRegionPro(t.db, { region: REGION_A });
    subject = `medewerker-${pro.userId}`;
    await link(pro, subject);
    nextLogin.sub = subject;
    nextLogin.amr = ['pwd', 'otp', 'mfa'];
  });

  it('says it is configured, so the login page shows its button', async () => {
    const reply = await new Browser(t.server.url).get('/api/auth/sso');
    expect(reply.body).toEqual({ enabled: true });
  });

  it('logs a linked professional in without a second factor here when the provider asserts MFA', async () => {
    const browser = new SsoBrowser();
    const start = await browser.get(`${t.server.url}/api/auth/sso/start`);
    const authorize = new URL(start.headers.get('location')!);
    // Authorization code flow with PKCE (S256), state and nonce.
    expect(authorize.origin).toBe(issuer);
    expect(authorize.searchParams.get('response_type')).toBe('code');
    expect(authorize.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authorize.searchParams.get('state')).toBeTruthy();
    expect(authorize.searchParams.get('nonce')).toBeTruthy();
    const back = await browser.toCallback(authorize.href);
    const done = await callback(browser, back);
    expect(done).toEqual({ status: 303, location: '/' });
    const me = new Browser(t.server.url);
    me.cookie = browser.session() ?? null;
    const who = await me.get('/api/auth/me');
    expect(who.status).toBe(200);
    expect(who.body.user.id).toBe(pro.userId);
    const entry = await lastLogin();
    expect(entry.outcome).toBe('success');
    expect(entry.user_id).toBe(pro.userId);
    expect(entry.detail).toContain('sso');
  });

  it('refuses an ID token issued for another audience', async () => {
    const browser = new SsoBrowser();
    const back = await browser.throughProvider();
    wrongAudience = true;
    const done = await callback(browser, back);
    expect(done).toEqual({ status: 303, location: '/inloggen?sso=sso_failed' });
    expect(browser.session()).toBeUndefined();
    const entry = await lastLogin();
    expect(entry.outcome).toBe('failure');
    expect(entry.detail).toMatch(/aud/);
  });

  it('refuses an expired ID token', async () => {
    const browser = new SsoBrowser();
    const back = await browser.throughProvider();
    // The ID token lives 60 s; the server judges it 5 minutes later (its own clock; the flow lasts 10).
    t.clock.advance(5 * 60_000);
    const done = await callback(browser, back);
    expect(done.location).toBe('/inloggen?sso=sso_failed');
    expect(browser.session()).toBeUndefined();
    expect((await lastLogin()).detail).toMatch(/exp/);
  });

  it('refuses the callback URL used a second time (replayed state)', async () => {
    const browser = new SsoBrowser();
    const back = await browser.throughProvider();
    const first = await callback(browser, back);
    expect(first.location).toBe('/');
    const cookie = browser.jar.get(new URL(t.server.url).host)?.get('samenspraak_sso');
    expect(cookie).toBeUndefined(); // the flow cookie is cleared after use
    // The same URL again, even with the flow cookie put back: the state was used once.
    const replayer = new SsoBrowser();
    const again = await callback(replayer, back);
    expect(again.location).toBe('/inloggen?sso=sso_state');
    expect(replayer.session()).toBeUndefined();
    expect((await lastLogin()).detail).toContain('state');
  });

  it('refuses a callback carried to another browser (state bound to the browser that started)', async () => {
    const browser = new SsoBrowser();
    const back = await browser.throughProvider();
    const other = new SsoBrowser();
    expect((await callback(other, back)).location).toBe('/inloggen?sso=sso_state');
  });

  it('refuses a login without MFA at the provider, with a clear Dutch message', async () => {
    nextLogin.amr = ['pwd'];
    const browser = new SsoBrowser();
    const done = await callback(browser, await browser.throughProvider());
    expect(done.location).toBe('/inloggen?sso=sso_no_mfa');
    expect(browser.session()).toBeUndefined();
    expect(ERROR_WORDS.sso_no_mfa.nl).toContain('twee stappen');
    const entry = await lastLogin();
    expect(entry.user_id).toBe(pro.userId);
    expect(entry.detail).toContain('no MFA');
  });

  it('refuses a subject nobody linked, and creates no account', async () => {
    nextLogin.sub = 'iemand-onbekend';
    const before = await t.db.selectFrom('users').select('id').execute();
    const browser = new SsoBrowser();
    const done = await callback(browser, await browser.throughProvider());
    expect(done.location).toBe('/inloggen?sso=sso_unlinked');
    expect(browser.session()).toBeUndefined();
    expect(await t.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
    expect(ERROR_WORDS.sso_unlinked.nl).toContain('beheerder');
    expect((await lastLogin()).detail).toContain('not linked');
  });
});

describe('the beheerder links an organisation account', () => {
  it('links through the API (never by a first login), after which SSO logs the person in; other regions are refused', async () => {
    const pro = await createRegionPro(t.db, { region: REGION_A });
    const beheerder = await createRegionPro(t.db, { role: 'beheerder', region: REGION_A });
    const otherBeheerder = await createRegionPro(t.db, { role: 'beheerder', region: REGION_B });
    const admin = new Browser(t.server.url);
    expect((await loginPro(admin, beheerder, t.clock)).status).toBe(200);
    const other = new Browser(t.server.url);
    expect((await loginPro(other, otherBeheerder, t.clock)).status).toBe(200);

    nextLogin.sub = `linked-by-beheerder-${pro.userId}`;
    nextLogin.amr = ['hwk'];
    // Before the link: refused, and nothing was made.
    const early = new SsoBrowser();
    expect((await callback(early, await early.throughProvider())).location).toBe('/inloggen?sso=sso_unlinked');

    const refused = await other.call('PUT', `/api/admin/accounts/${pro.userId}/sso`, { subject: nextLogin.sub });
    expect(refused.status).toBe(404);
    expect((await logEntries(t.db)).at(-1)).toMatchObject({ outcome: 'denied', user_id: otherBeheerder.userId });

    const linked = await admin.call('PUT', `/api/admin/accounts/${pro.userId}/sso`, { subject: nextLogin.sub });
    expect(linked.status).toBe(200);
    expect(linked.body).toEqual({ passkeys: 0, sso: { issuer, subject: nextLogin.sub } });

    const browser = new SsoBrowser();
    expect((await callback(browser, await browser.throughProvider())).location).toBe('/');

    // Unlinked again: refused again.
    expect((await admin.call('PUT', `/api/admin/accounts/${pro.userId}/sso`, { subject: null })).body.sso).toBeNull();
    const late = new SsoBrowser();
    expect((await callback(late, await late.throughProvider())).location).toBe('/inloggen?sso=sso_unlinked');
  });
});
