/**
 * Test support for the identity suites: a real server with a clock the test moves, a cookie-keeping
 * "browser" over fetch, professionals and cases made directly in the database.
 */
import type { Role } from '@samenspraak/shared';
import * as OTPAuth from 'otpauth';
import { expect } from 'vitest';
import { caseDb } from '../../src/cases/caseDb.js';
import type { Config } from '../../src/config.js';
import type { AppDb } from '../../src/db/database.js';
import { createProfessional } from '../../src/identity/users.js';
import { startTestServer } from '../support/testServer.js';

export const START = new Date('2026-03-02T09:00:00.000Z');
export const PASSWORD = 'correct horse battery staple';

export interface TestClock {
  now: Date;
  advance(ms: number): void;
}

export async function startIdentityServer(overrides: Partial<Config> = {}) {
  const clock: TestClock = {
    now: new Date(START),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  const server = await startTestServer(overrides, { clock: () => clock.now });
  return { server, clock, db: server.services.db };
}

export interface Reply {
  status: number;
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON
  body: any;
  setCookies: string[];
}

export interface CallOptions {
  /** The X-CSRF-Token to send: default the one this browser learnt; false sends none. */
  csrf?: string | false;
  headers?: Record<string, string>;
  /** Sent as is instead of JSON.stringify(body). */
  raw?: string;
}

/** Keeps the session cookie and CSRF token like the real client does. */
export class Browser {
  cookie: string | null = null;
  csrf: string | null = null;

  constructor(readonly baseUrl: string) {}

  async call(method: string, path: string, body?: unknown, opts: CallOptions = {}): Promise<Reply> {
    const headers: Record<string, string> = { ...opts.headers };
    if (body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
    if (this.cookie) headers.cookie = `samenspraak_session=${this.cookie}`;
    const csrf = opts.csrf === undefined ? this.csrf : opts.csrf;
    if (csrf) headers['x-csrf-token'] = csrf;
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers,
      body: opts.raw ?? (body === undefined ? undefined : JSON.stringify(body)),
    });
    const setCookies = res.headers.getSetCookie();
    for (const c of setCookies) {
      const match = /^samenspraak_session=([^;]*)/.exec(c);
      if (!match) continue;
      const cleared = match[1] === '' || /Expires=Thu, 01 Jan 1970/i.test(c) || /Max-Age=0(;|$)/i.test(c);
      this.cookie = cleared ? null : match[1]!;
    }
    const text = await res.text();
    const json = text ? JSON.parse(text) : null;
    if (json && typeof json.csrfToken === 'string') this.csrf = json.csrfToken;
    return { status: res.status, body: json, setCookies };
  }

  post(path: string, body?: unknown, opts?: CallOptions): Promise<Reply> {
    return this.call('POST', path, body, opts);
  }

  get(path: string, opts?: CallOptions): Promise<Reply> {
    return this.call('GET', path, undefined, opts);
  }
}

export interface TestPro {
  userId: string;
  login: string;
  password: string;
  totpSecret: string;
}

let counter = 0;

export async function createPro(db: AppDb, opts: { login?: string; role?: Role } = {}): Promise<TestPro> {
  counter += 1;
  const created = await createProfessional(
    db,
    {
      login: opts.login ?? `pro${counter}@example.nl`,
      name: `Professional ${counter}`,
      role: opts.role ?? 'gedragswetenschapper',
      organisation: 'Jeugdzorg Test',
      password: PASSWORD,
    },
    START,
  );
  return { userId: created.userId, login: created.login, password: PASSWORD, totpSecret: created.totpSecret };
}

export function totpCode(secret: string, at: Date): string {
  return OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: at.getTime() });
}

/** A well-formed code that is valid for none of the steps around `at`. */
export function wrongCode(secret: string, at: Date): string {
  const valid = [-1, 0, 1].map((d) => totpCode(secret, new Date(at.getTime() + d * 30_000)));
  return ['000000', '111111', '222222', '333333'].find((c) => !valid.includes(c))!;
}

/** Password then TOTP; leaves the browser logged in. Moves the clock one step so the code is fresh. */
export async function loginPro(browser: Browser, pro: TestPro, clock: TestClock): Promise<Reply> {
  clock.advance(30_000);
  const first = await browser.post('/api/auth/login', { login: pro.login, password: pro.password });
  expect(first.status, JSON.stringify(first.body)).toBe(200);
  expect(first.body.next).toBe('totp');
  const second = await browser.post('/api/auth/totp', { code: totpCode(pro.totpSecret, clock.now) });
  expect(second.status, JSON.stringify(second.body)).toBe(200);
  return second;
}

/** `createdBy`: the professional recorded as having registered it (invites the young person and parents). */
export async function createCase(
  db: AppDb,
  id: string,
  opts: { dateOfBirth?: string; closed?: boolean; createdBy?: string } = {},
) {
  await db
    .insertInto('cases')
    .values({
      id,
      young_person_name: 'Sam',
      date_of_birth: opts.dateOfBirth ?? '2012-05-01',
      municipality: 'Haarlem',
      region: 'Zuid-Kennemerland',
      status: 'open',
      responsible_scientist_id: null,
      parents_consent: 0,
      created_at: START.toISOString(),
      closed_at: opts.closed ? START.toISOString() : null,
      retention_until: null,
    })
    .execute();
  if (opts.createdBy)
    await caseDb(db).updateTable('cases').set({ created_by: opts.createdBy }).where('id', '=', id).execute();
}

export async function addParticipant(db: AppDb, caseId: string, userId: string, role: Role) {
  await db
    .insertInto('participants')
    .values({ case_id: caseId, user_id: userId, role, added_at: START.toISOString(), added_by: null })
    .execute();
}

const TABLES = ['users', 'sessions', 'invitations', 'participants', 'login_attempts', 'access_log'] as const;

/** Row counts of the tables a request could write: equal before and after means nothing was written. */
export async function rowCounts(db: AppDb): Promise<Record<(typeof TABLES)[number], number>> {
  const out = {} as Record<(typeof TABLES)[number], number>;
  for (const table of TABLES) {
    const row = await db
      .selectFrom(table)
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .executeTakeFirstOrThrow();
    out[table] = Number(row.n);
  }
  return out;
}

export async function logEntries(db: AppDb) {
  return db.selectFrom('access_log').selectAll().orderBy('seq').execute();
}
