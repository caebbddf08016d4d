/**
 * The logged-in app in end-to-end tests: a server seeded with the demo people and cases, their logins
 * read from the demo-logins file it writes, and browser contexts that carry a real session cookie.
 *
 * Logging in goes through the real routes (`/api/auth/login`, then `/api/auth/totp` with a code computed
 * from the demo TOTP secret), once per user and server; further contexts of the same user reuse the
 * session cookie, because the server refuses a TOTP step that was already used (replay protection).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { devices } from './browser.js';
import { startTestServer, type TestServer, type TestServerOptions } from './server.js';

export const SESSION_COOKIE = 'samenspraak_session';

/** Demo logins (server/src/admin/commands/seedDemoData.ts). */
export const demo = {
  procesregisseur: 'ria.de.graaf@ret.example',
  gedragswetenschapper: 'gert.bakker@deduinen.example',
  jeugdhulpaanbieder: 'pien.smit@deduinen.example',
  jeugdbeschermer: 'gijs.meijer@gi.example',
  lokaalTeam: 'lotte.vos@lokaalteam.example',
  onderwijs: 'olga.peters@swv.example',
  clientondersteuner: 'chris.mulder@clientondersteuning.example',
  benAdviseur: 'bas.kok@ben-nh.example',
  dbtLid: 'dirk.jacobs@deduinen.example',
  gemeente: 'greet.hendriks@alkmaar.example',
  /** Daan (14) and his mother, case `demo-alkmaar-daan`. */
  daan: 'daan.visser',
  marieke: 'marieke.visser',
  /** Sanne (16½) and her father, case `demo-westfriesland-sanne`. */
  sanne: 'sanne.de.boer',
  henk: 'henk.de.boer',
} as const;

export const demoCases = { daan: 'demo-alkmaar-daan', sanne: 'demo-westfriesland-sanne' } as const;

export interface DemoLogin {
  login: string;
  password: string;
  totpSecret: string | null;
}

/** Parses `<dataDir>/demo-logins.txt` (the format of `formatDemoLogins`). */
export function parseDemoLogins(text: string): Map<string, DemoLogin> {
  const out = new Map<string, DemoLogin>();
  let current: DemoLogin | null = null;
  for (const line of text.split('\n')) {
    const m = /^\s+(login|password|TOTP):\s+(.*)$/.exec(line);
    if (!m) continue;
    const [, key, value] = m as unknown as [string, string, string];
    if (key === 'login') {
      current = { login: value.trim(), password: '', totpSecret: null };
      out.set(current.login, current);
    } else if (current && key === 'password') current.password = value.trim();
    else if (current && key === 'TOTP') current.totpSecret = value.trim();
  }
  return out;
}

export interface DemoApp {
  server: TestServer;
  logins: Map<string, DemoLogin>;
  /** A session cookie for `login` (logs in once per server start, then reuses it). */
  sessionCookie(login: string, options?: { fresh?: boolean; at?: Date }): Promise<string>;
  /** A new browser context (laptop or phone) logged in as `login`. */
  contextAs(browser: Browser, login: string, device?: keyof typeof devices): Promise<BrowserContext>;
  /** A page in a new context logged in as `login`, at `path` (default `/`). Errors are collected. */
  pageAs(
    browser: Browser,
    login: string,
    path?: string,
    device?: keyof typeof devices,
  ): Promise<{ context: BrowserContext; page: Page; errors: string[] }>;
  /** A JSON API call as `login` (with the CSRF token), for setting up a scenario quickly. */
  apiAs<T = unknown>(login: string, method: string, path: string, body?: unknown): Promise<T>;
  /** Sets the server's domain clock (needs `testClock: true`). */
  setClock(now: Date): Promise<void>;
  dispose(): Promise<void>;
}

async function waitForFile(file: string, server: TestServer, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      if (text.includes('login:')) return text;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`demo logins not written within ${timeoutMs} ms:\n${server.output()}`);
}

function cookieFrom(res: Response): string | null {
  for (const header of res.headers.getSetCookie()) {
    const m = new RegExp(`^${SESSION_COOKIE}=([^;]*)`).exec(header);
    if (m?.[1]) return m[1];
  }
  return null;
}

/** Starts a demo server (SQLite in a fresh data directory) and waits until its demo data exists. */
export async function startDemoApp(options: Omit<TestServerOptions, 'demo'> = {}): Promise<DemoApp> {
  const server = await startTestServer({ ...options, demo: true });
  const logins = parseDemoLogins(await waitForFile(path.join(server.dataDir, 'demo-logins.txt'), server));
  const sessions = new Map<string, { cookie: string; csrf: string }>();
  const origin = server.url;

  async function post(pathname: string, body: unknown, cookie?: string, csrf?: string): Promise<Response> {
    return fetch(`${origin}${pathname}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: origin,
        ...(cookie ? { Cookie: `${SESSION_COOKIE}=${cookie}` } : {}),
        ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
      },
      body: JSON.stringify(body),
    });
  }

  async function login(name: string, at?: Date): Promise<{ cookie: string; csrf: string }> {
    const entry = logins.get(name);
    if (!entry) throw new Error(`no demo login ${name}; known: ${[...logins.keys()].join(', ')}`);
    const first = await post('/api/auth/login', { login: entry.login, password: entry.password });
    if (!first.ok) throw new Error(`login ${name}: HTTP ${first.status} ${await first.text()}`);
    const data = (await first.json()) as { next: 'totp' | 'done'; csrfToken: string };
    let cookie = cookieFrom(first);
    if (!cookie) throw new Error(`login ${name}: no session cookie`);
    if (data.next === 'done') return { cookie, csrf: data.csrfToken };
    if (!entry.totpSecret) throw new Error(`login ${name}: TOTP asked but no secret in the demo logins`);
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(entry.totpSecret), digits: 6, period: 30 });
    const code = totp.generate({ timestamp: (at ?? new Date()).getTime() });
    const second = await post('/api/auth/totp', { code }, cookie, data.csrfToken);
    if (!second.ok) throw new Error(`TOTP ${name}: HTTP ${second.status} ${await second.text()}`);
    cookie = cookieFrom(second) ?? cookie;
    const me = await fetch(`${origin}/api/auth/me`, { headers: { Cookie: `${SESSION_COOKIE}=${cookie}` } });
    if (!me.ok) throw new Error(`me ${name}: HTTP ${me.status}`);
    const { csrfToken } = (await me.json()) as { csrfToken: string };
    return { cookie, csrf: csrfToken };
  }

  async function session(name: string, options: { fresh?: boolean; at?: Date } = {}) {
    const known = sessions.get(name);
    if (known && !options.fresh) return known;
    const made = await login(name, options.at);
    sessions.set(name, made);
    return made;
  }

  const app: DemoApp = {
    server,
    logins,
    async sessionCookie(name, options) {
      return (await session(name, options)).cookie;
    },
    async contextAs(browser, name, device = 'laptop') {
      const { cookie } = await session(name);
      const context = await browser.newContext(devices[device]);
      await context.addCookies([
        { name: SESSION_COOKIE, value: cookie, url: origin, httpOnly: true, sameSite: 'Strict' },
      ]);
      return context;
    },
    async pageAs(browser, name, pathname = '/', device = 'laptop') {
      const context = await app.contextAs(browser, name, device);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
      });
      await page.goto(`${origin}${pathname}`);
      return { context, page, errors };
    },
    async apiAs<T>(name: string, method: string, pathname: string, body?: unknown): Promise<T> {
      const { cookie, csrf } = await session(name);
      const res = await fetch(`${origin}${pathname}`, {
        method,
        headers: {
          Origin: origin,
          Cookie: `${SESSION_COOKIE}=${cookie}`,
          'X-CSRF-Token': csrf,
          ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      if (!res.ok) throw new Error(`${method} ${pathname} as ${name}: HTTP ${res.status} ${text}`);
      return (text ? JSON.parse(text) : undefined) as T;
    },
    async setClock(now) {
      const res = await fetch(`${origin}/api/test/clock`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Origin: origin },
        body: JSON.stringify({ now: now.toISOString() }),
      });
      if (!res.ok) throw new Error(`set clock: HTTP ${res.status} ${await res.text()}`);
    },
    dispose: () => server.dispose(),
  };
  return app;
}
