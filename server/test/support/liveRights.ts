/**
 * Test support for "live connections follow the person's rights": a case made through the real API of
 * a server (in-process or a separate process) whose database the test can also reach, and one person's
 * live connections to it — a stock y-websocket client and a token socket.io client on the document, a
 * session socket.io client in the case room — with a way to wait until all of them were cut off.
 */
import crypto from 'node:crypto';
import {
  type ClientToServerEvents,
  CloseCode,
  documentId,
  REALTIME_PATH,
  type RealtimeAck,
  type RealtimeError,
  type Role,
  type ServerToClientEvents,
} from '@samenspraak/shared';
import { io, type Socket } from 'socket.io-client';
import type { AppDb } from '../../src/db/database.js';
import { createSession, SESSION_COOKIE } from '../../src/identity/sessions.js';
import { testMunicipality } from '../cases/support.js';
import { RawCollabSocket } from './rawCollabSocket.js';
import { TrackedClient, waitFor } from './trackedClient.js';

export interface Person {
  id: string;
  name: string;
}

/** Where requests go: an instance's base URL. */
export interface Site {
  url: string;
}

const wsOf = (site: Site) => site.url.replace(/^http/, 'ws');

export class RightsFixture {
  private readonly closers: Array<() => void> = [];

  constructor(
    readonly db: AppDb,
    private readonly now: () => Date,
  ) {}

  async person(opts: { role?: Role; client?: boolean; name?: string }): Promise<Person> {
    const id = crypto.randomUUID();
    const name = opts.name ?? `${opts.role ?? 'client'} ${id.slice(0, 4)}`;
    let organisationId: string | null = null;
    if (!opts.client) {
      organisationId = crypto.randomUUID();
      await this.db
        .insertInto('organisations')
        .values({ id: organisationId, name: `Organisatie ${id.slice(0, 4)}`, kind: 'test', created_at: this.iso() })
        .execute();
    }
    await this.db
      .insertInto('users')
      .values({
        id,
        kind: opts.client ? 'client' : 'professional',
        login: `${id}@test.invalid`,
        name,
        role: opts.client ? null : (opts.role ?? 'jeugdhulpaanbieder'),
        organisation_id: organisationId,
        password_hash: null,
        totp_secret: null,
        failed_logins: 0,
        locked_until: null,
        disabled: 0,
        created_at: this.iso(),
      })
      .execute();
    return { id, name };
  }

  /** A fresh logged-in session of the person (cookie and CSRF token). */
  async session(who: Person): Promise<{ cookie: string; csrf: string }> {
    const s = await createSession(this.db, {
      userId: who.id,
      authenticated: true,
      remoteAddress: '127.0.0.1',
      userAgent: 'vitest',
      now: this.now(),
    });
    return { cookie: s.token, csrf: s.csrfToken };
  }

  async api(
    site: Site,
    who: Person,
    method: string,
    path: string,
    body?: unknown,
    // biome-ignore lint/suspicious/noExplicitAny: test assertions read arbitrary JSON
  ): Promise<{ status: number; body: any }> {
    const { cookie, csrf } = await this.session(who);
    const headers: Record<string, string> = { cookie: `${SESSION_COOKIE}=${cookie}`, 'x-csrf-token': csrf };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${site.url}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : null };
  }

  /**
   * A case registered through the API, with its team: the young person is 16 and a month, or turns 16
   * in `sixteenInDays` days.
   */
  async team(site: Site, opts: { sixteenInDays?: number } = {}) {
    const regisseur = await this.person({ role: 'procesregisseur' });
    const scientist = await this.person({ role: 'gedragswetenschapper' });
    const provider = await this.person({ role: 'jeugdhulpaanbieder' });
    const youngPerson = await this.person({ client: true, name: 'Noor Jansen' });
    const parent = await this.person({ client: true, name: 'Petra Jansen' });
    const now = this.now();
    const offset = opts.sixteenInDays ?? -30;
    const born = new Date(Date.UTC(now.getUTCFullYear() - 16, now.getUTCMonth(), now.getUTCDate() + offset));
    const created = await this.api(site, regisseur, 'POST', '/api/cases', {
      youngPerson: {
        name: 'Noor Jansen',
        dateOfBirth: born.toISOString().slice(0, 10),
        municipality: testMunicipality(),
      },
      region: 'Alkmaar (Noord-Kennemerland)',
      responsibleScientistId: scientist.id,
    });
    if (created.status !== 201) throw new Error(`case not created: ${JSON.stringify(created.body)}`);
    const caseId = created.body.case.id as string;
    for (const [who, role] of [
      [provider, 'jeugdhulpaanbieder'],
      [youngPerson, 'jeugdige'],
      [parent, 'ouder'],
    ] as const) {
      const added = await this.api(site, regisseur, 'POST', `/api/cases/${caseId}/participants`, {
        userId: who.id,
        role,
      });
      if (added.status !== 201) throw new Error(`participant not added: ${JSON.stringify(added.body)}`);
    }
    return { caseId, docId: documentId(caseId, 'analysis'), regisseur, scientist, provider, youngPerson, parent };
  }

  /** A document token from the real route, as the browser gets it. */
  async documentToken(site: Site, who: Person, docId: string): Promise<string> {
    const res = await this.api(site, who, 'POST', `/api/documents/${docId}/token`);
    if (res.status !== 200) throw new Error(`no token: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.token as string;
  }

  /** The person's live connections on `site`: all three open, joined and synced when this resolves. */
  async connect(site: Site, who: Person, caseId: string, docId: string): Promise<LiveConnections> {
    const token = await this.documentToken(site, who, docId);
    const editor = new TrackedClient(wsOf(site), docId, token);
    this.closers.push(() => editor.destroy());
    await waitFor(() => editor.provider.synced, 10_000, 'stock client synced');

    const tokenSocket = this.socket(site, { auth: { token } });
    await connected(tokenSocket);
    expectOk(await emitWithAck(tokenSocket, 'document:join', { documentId: docId }), 'token socket joins document');

    const { cookie } = await this.session(who);
    const sessionSocket = this.socket(site, { cookie });
    await connected(sessionSocket);
    expectOk(await emitWithAck(sessionSocket, 'case:join', { caseId }), 'session socket joins case');
    return new LiveConnections(site, token, docId, editor, tokenSocket, sessionSocket, this);
  }

  socket(site: Site, opts: { auth?: { token: string }; cookie?: string }): ClientSocket {
    const socket: ClientSocket = io(site.url, {
      path: REALTIME_PATH,
      transports: ['websocket'],
      extraHeaders: opts.cookie ? { cookie: `${SESSION_COOKIE}=${opts.cookie}` } : {},
      auth: opts.auth ?? {},
      reconnection: false,
      timeout: 5000,
    });
    this.closers.push(() => socket.disconnect());
    return socket;
  }

  rawCollab(site: Site, docId: string, token: string): RawCollabSocket {
    const raw = new RawCollabSocket(wsOf(site), docId, token);
    this.closers.push(() => raw.close());
    return raw;
  }

  closeAll(): void {
    for (const close of this.closers.splice(0)) close();
  }

  private iso(): string {
    return this.now().toISOString();
  }
}

export type ClientSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

function connected(socket: ClientSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
}

function emitWithAck(socket: ClientSocket, event: keyof ClientToServerEvents, payload: unknown): Promise<RealtimeAck> {
  const s = socket.timeout(5000) as unknown as { emitWithAck(e: string, p: unknown): Promise<RealtimeAck> };
  return s.emitWithAck(event, payload);
}

function expectOk(ack: RealtimeAck, what: string): void {
  if (!ack.ok) throw new Error(`${what}: ${JSON.stringify(ack)}`);
}

/** Generous: a hang, not a speed, fails these waits (the machine is shared). */
export const CUT_TIMEOUT_MS = 5000;

export class LiveConnections {
  constructor(
    readonly site: Site,
    readonly token: string,
    readonly docId: string,
    readonly editor: TrackedClient,
    readonly tokenSocket: ClientSocket,
    readonly sessionSocket: ClientSocket,
    private readonly fixture: RightsFixture,
  ) {
    sessionSocket.on('error', (e) => this.sessionErrors.push(e));
  }

  readonly sessionErrors: RealtimeError[] = [];

  /** The stock client's socket was closed by the server with AccessRevoked. */
  async editorRevoked(): Promise<void> {
    await waitFor(
      () => this.editor.closes.some((c) => c.code === CloseCode.AccessRevoked),
      CUT_TIMEOUT_MS,
      `stock client closed with AccessRevoked (closes: ${JSON.stringify(this.editor.closes)})`,
    );
  }

  async tokenSocketGone(): Promise<void> {
    await waitFor(() => !this.tokenSocket.connected, CUT_TIMEOUT_MS, 'token socket.io client disconnected');
  }

  async sessionSocketGone(): Promise<void> {
    await waitFor(() => !this.sessionSocket.connected, CUT_TIMEOUT_MS, 'session socket.io client disconnected');
  }

  /** The session socket was put out of the case room (it stays connected: the session is still good). */
  async sessionSocketLeftCase(): Promise<void> {
    await waitFor(
      () => this.sessionErrors.some((e) => e.event === 'case:join' && e.code === 'forbidden'),
      CUT_TIMEOUT_MS,
      'session socket.io client told it left the case room',
    );
  }

  /** Is the token socket still in the document's room? Asks the server by sending a notice to it. */
  async tokenSocketMayNotice(): Promise<boolean> {
    if (!this.tokenSocket.connected) return false;
    const ack = await emitWithAck(this.tokenSocket, 'notice:send', { documentId: this.docId, text: 'hallo' });
    return ack.ok;
  }

  /** The close code a fresh collaboration connection with the person's token gets (null: it opened). */
  async tokenOpensDocument(): Promise<number | null> {
    const raw = this.fixture.rawCollab(this.site, this.docId, this.token);
    await waitFor(() => raw.messages.length > 0 || raw.closeInfo !== null, CUT_TIMEOUT_MS, 'collab answer');
    const code = raw.closeInfo?.code ?? null;
    raw.close();
    return code;
  }

  /** Whether a fresh socket.io connection with the token is accepted and may join the document. */
  async tokenJoinsOverSocketIo(): Promise<boolean> {
    const socket = this.fixture.socket(this.site, { auth: { token: this.token } });
    try {
      await connected(socket);
    } catch {
      return false;
    }
    const ack = await emitWithAck(socket, 'document:join', { documentId: this.docId });
    socket.disconnect();
    return ack.ok;
  }
}
