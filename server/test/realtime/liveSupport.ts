/**
 * Test support for the live channel with the session cookie: a real server with a clock the test moves,
 * people who log in through the real login route (professionals with password and TOTP, clients with a
 * password), a case set up through the API, and socket.io clients that carry the browser's cookie.
 */
import crypto from 'node:crypto';
import {
  type CaseChanged,
  type ClientToServerEvents,
  documentId,
  type MeetingView,
  type NotificationPush,
  REALTIME_PATH,
  type RealtimeAck,
  type RealtimeError,
  type Role,
  type ServerToClientEvents,
} from '@samenspraak/shared';
import { io, type Socket } from 'socket.io-client';
import { expect } from 'vitest';
import * as Y from 'yjs';
import type { RunningServer } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import { hashPassword } from '../../src/identity/passwords.js';
import { testMunicipality } from '../cases/support.js';
import { Browser, createPro, loginPro, PASSWORD, type TestClock, type TestPro } from '../identity/harness.js';
import { signOffByRule, writeRequiredAnalysis } from '../support/analysisSignOff.js';
import { startTestServer } from '../support/testServer.js';
import { waitFor } from '../support/trackedClient.js';

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export const LIVE_START = new Date('2026-11-23T09:00:00.000Z');

export interface LiveHarness {
  server: RunningServer & { config: Config };
  clock: TestClock;
  close(): Promise<void>;
}

export async function startLiveServer(overrides: Partial<Config> = {}): Promise<LiveHarness> {
  const clock: TestClock = {
    now: new Date(LIVE_START),
    advance(ms) {
      this.now = new Date(this.now.getTime() + ms);
    },
  };
  // No periodic sweep: the tests move time and say when to look (clockMoved, or PUT /api/test/clock).
  const server = await startTestServer({ notifyIntervalMs: 0, ...overrides }, { clock: () => clock.now });
  const sockets: ClientSocket[] = [];
  liveSockets.set(server, sockets);
  return {
    server,
    clock,
    close: async () => {
      for (const s of sockets) s.disconnect();
      await server.close();
    },
  };
}

const liveSockets = new WeakMap<RunningServer, ClientSocket[]>();

/** A person who logs in through the real login route; `browser` keeps their cookie and CSRF token. */
export interface Person {
  userId: string;
  name: string;
  role: Role | null;
  browser: Browser;
  /** Professionals: their password and TOTP secret, to log in again. */
  pro?: TestPro;
}

/** A professional with password and TOTP, logged in. */
export async function professional(h: LiveHarness, role: Role): Promise<Person> {
  const pro: TestPro = await createPro(h.server.services.db, {
    role,
    login: `${role}.${crypto.randomUUID().slice(0, 6)}@example.nl`,
  });
  const browser = new Browser(h.server.url);
  await loginPro(browser, pro, h.clock);
  const user = await h.server.services.db
    .selectFrom('users')
    .select('name')
    .where('id', '=', pro.userId)
    .executeTakeFirstOrThrow();
  return { userId: pro.userId, name: user.name, role, browser, pro };
}

/** A client account (young person or parent) with a password, logged in. */
export async function client(h: LiveHarness, name: string): Promise<Person> {
  const userId = crypto.randomUUID();
  const login = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${userId.slice(0, 4)}`;
  await h.server.services.db
    .insertInto('users')
    .values({
      id: userId,
      kind: 'client',
      login,
      name,
      role: null,
      organisation_id: null,
      password_hash: await hashPassword(PASSWORD),
      totp_secret: null,
      failed_logins: 0,
      locked_until: null,
      disabled: 0,
      created_at: h.clock.now.toISOString(),
    })
    .execute();
  const browser = new Browser(h.server.url);
  const res = await browser.post('/api/auth/login', { login, password: PASSWORD });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  expect(browser.cookie).toBeTruthy();
  return { userId, name, role: null, browser };
}

/** Logs a professional in again (a fresh session at the current time). */
export async function relogin(h: LiveHarness, person: Person): Promise<void> {
  if (!person.pro) throw new Error('relogin is for professionals');
  person.browser = new Browser(h.server.url);
  await loginPro(person.browser, person.pro, h.clock);
}

/** A live client: the socket and everything it received. */
export interface Live {
  socket: ClientSocket;
  caseChanged: CaseChanged[];
  states: MeetingView[];
  notifications: NotificationPush[];
  errors: RealtimeError[];
  /** Emits with an acknowledgement; the payload is `unknown` so tests can send invalid ones too. */
  send(event: keyof ClientToServerEvents, payload: unknown): Promise<RealtimeAck>;
  /** The last meeting:state of a meeting. */
  state(meetingId: string): MeetingView | undefined;
}

export function openSocket(h: LiveHarness, opts: { cookie?: string | null; origin?: string; token?: string }) {
  const headers: Record<string, string> = {};
  if (opts.cookie) headers.cookie = `samenspraak_session=${opts.cookie}`;
  if (opts.origin) headers.origin = opts.origin;
  const socket: ClientSocket = io(h.server.url, {
    path: REALTIME_PATH,
    transports: ['websocket'],
    extraHeaders: headers,
    auth: opts.token ? { token: opts.token } : {},
    reconnection: false,
    timeout: 5000,
  });
  liveSockets.get(h.server)?.push(socket);
  return socket;
}

export function connectError(socket: ClientSocket): Promise<Error & { data?: unknown }> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => reject(new Error('connected although it should have been refused')));
    socket.once('connect_error', resolve);
  });
}

export async function live(h: LiveHarness, who: Person | { token: string }): Promise<Live> {
  const socket = 'token' in who ? openSocket(h, { token: who.token }) : openSocket(h, { cookie: who.browser.cookie });
  const l: Live = {
    socket,
    caseChanged: [],
    states: [],
    notifications: [],
    errors: [],
    send(event, payload) {
      const s = socket.timeout(5000) as unknown as {
        emitWithAck(event: string, payload: unknown): Promise<RealtimeAck>;
      };
      return s.emitWithAck(event, payload);
    },
    state(meetingId) {
      return l.states.filter((s) => s.id === meetingId).at(-1);
    },
  };
  socket.on('case:changed', (e) => l.caseChanged.push(e));
  socket.on('meeting:state', (m) => l.states.push(m));
  socket.on('notification', (n) => l.notifications.push(n));
  socket.on('error', (e) => l.errors.push(e));
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', resolve);
    socket.once('connect_error', reject);
  });
  return l;
}

/** Waits until the last meeting:state of the meeting satisfies `check`. */
export async function stateWhere(l: Live, meetingId: string, check: (m: MeetingView) => boolean, what: string) {
  await waitFor(
    () => {
      const m = l.state(meetingId);
      return m !== undefined && check(m);
    },
    5000,
    what,
  );
  return l.state(meetingId) as MeetingView;
}

/** A JSON API call as the person (cookie + CSRF), expecting `status`. */
export async function call(
  person: Person,
  method: string,
  path: string,
  body?: unknown,
  status?: number,
  // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON
): Promise<any> {
  const res = await person.browser.call(method, path, body);
  if (status !== undefined) expect(res.status, `${method} ${path}: ${JSON.stringify(res.body)}`).toBe(status);
  return res.body;
}

export interface LiveTeam {
  caseId: string;
  regisseur: Person;
  scientist: Person;
  lokaal: Person;
  teacher: Person;
  youngPerson: Person;
  parent: Person;
}

/** A case of a 14-year-old registered by the process director through the API, with a full team. */
export async function liveTeam(h: LiveHarness): Promise<LiveTeam> {
  const regisseur = await professional(h, 'procesregisseur');
  const scientist = await professional(h, 'gedragswetenschapper');
  const lokaal = await professional(h, 'lokaal-team');
  const teacher = await professional(h, 'onderwijsconsulent');
  const youngPerson = await client(h, 'Noor Jansen');
  const parent = await client(h, 'Petra Jansen');
  const created = await call(
    regisseur,
    'POST',
    '/api/cases',
    {
      youngPerson: { name: 'Noor Jansen', dateOfBirth: '2012-05-01', municipality: testMunicipality() },
      region: 'Alkmaar (Noord-Kennemerland)',
      responsibleScientistId: scientist.userId,
    },
    201,
  );
  const caseId = created.case.id as string;
  for (const [p, role] of [
    [lokaal, 'lokaal-team'],
    [teacher, 'onderwijsconsulent'],
    [youngPerson, 'jeugdige'],
    [parent, 'ouder'],
  ] as const) {
    await call(regisseur, 'POST', `/api/cases/${caseId}/participants`, { userId: p.userId, role }, 201);
  }
  return { caseId, regisseur, scientist, lokaal, teacher, youngPerson, parent };
}

/** Escalates the case to the breakthrough team through the API. */
export async function escalateToDbt(h: LiveHarness, team: LiveTeam): Promise<void> {
  const step = { bottleneck: 'geen passende woonplek', tried: 'drie aanbieders en een MDO' };
  // The DBT takes only cases with a signed-off analysis (domain §5): the required sections written, then
  // the responsible scientist signs off by the rule.
  const doc = new Y.Doc();
  writeRequiredAnalysis(doc);
  await h.server.services.store.append([
    { docId: documentId(team.caseId, 'analysis'), update: Y.encodeStateAsUpdate(doc) },
  ]);
  doc.destroy();
  await signOffByRule((method, path, body) => team.scientist.browser.call(method, path, body), team.caseId);
  await call(team.lokaal, 'POST', `/api/cases/${team.caseId}/escalation`, { to: 'ret', ...step }, 201);
  await call(team.regisseur, 'POST', `/api/cases/${team.caseId}/escalation`, { to: 'ben-nh', ...step }, 201);
  await call(team.regisseur, 'POST', `/api/cases/${team.caseId}/escalation`, { to: 'dbt', ...step }, 201);
}
