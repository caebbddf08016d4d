/**
 * A real server with a settable clock, users made directly in the database, and a fetch helper that
 * logs in as a user (a fresh authenticated session per call, so moving the clock by years never runs
 * into the session's idle timeout) and sends the CSRF token on writes.
 */
import crypto from 'node:crypto';
import type { Role } from '@samenspraak/shared';
import type { RunningServer } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { AppDb } from '../../src/db/database.js';
import { createSession, SESSION_COOKIE } from '../../src/identity/sessions.js';
import type { AppServices } from '../../src/services.js';
import { startTestServer } from '../support/testServer.js';

export const START = '2026-03-01T10:00:00.000Z';

export interface TestUser {
  id: string;
  name: string;
  kind: 'professional' | 'client';
  role: Role | null;
  organisation: string | null;
}

export interface ApiResult<T = Record<string, unknown>> {
  status: number;
  body: T & { error?: { id: string; message: string } };
}

export interface CaseHarness {
  server: RunningServer;
  services: AppServices;
  db: AppDb;
  setClock(iso: string): void;
  now(): Date;
  /** A professional in their organisation role, or a client (role per case). */
  user(opts: { role?: Role; name?: string; client?: boolean; organisation?: string }): Promise<TestUser>;
  api<T = Record<string, unknown>>(
    as: TestUser | null,
    method: string,
    path: string,
    body?: unknown,
  ): Promise<ApiResult<T>>;
  /** Raw request with a caller-chosen body string and headers (for malformed input). */
  raw(
    as: TestUser | null,
    method: string,
    path: string,
    body: string,
    headers?: Record<string, string>,
  ): Promise<ApiResult>;
  logCount(): Promise<number>;
  close(): Promise<void>;
}

export async function startCaseServer(overrides: Partial<Config> = {}, start = START): Promise<CaseHarness> {
  let now = new Date(start);
  const server = await startTestServer(overrides, { clock: () => now });
  const { services } = server;
  const db = services.db;
  const orgIds = new Map<string, string>();

  async function organisation(name: string): Promise<string> {
    const known = orgIds.get(name);
    if (known) return known;
    const id = crypto.randomUUID();
    await db.insertInto('organisations').values({ id, name, kind: 'test', created_at: now.toISOString() }).execute();
    orgIds.set(name, id);
    return id;
  }

  async function headersFor(as: TestUser | null, write: boolean): Promise<Record<string, string>> {
    if (!as) return {};
    const session = await createSession(db, {
      userId: as.id,
      authenticated: true,
      remoteAddress: '127.0.0.1',
      userAgent: 'vitest',
      now,
    });
    const headers: Record<string, string> = { cookie: `${SESSION_COOKIE}=${session.token}` };
    if (write) headers['x-csrf-token'] = session.csrfToken;
    return headers;
  }

  async function send(
    as: TestUser | null,
    method: string,
    path: string,
    body: string | undefined,
    extra: Record<string, string>,
  ) {
    const headers = { ...(await headersFor(as, method !== 'GET')), ...extra };
    const res = await fetch(`${server.url}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = {};
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      parsed = { text };
    }
    return { status: res.status, body: parsed as ApiResult['body'] };
  }

  return {
    server,
    services,
    db,
    setClock(iso) {
      now = new Date(iso);
    },
    now: () => now,
    async user({ role, name, client, organisation: org }) {
      const id = crypto.randomUUID();
      const kind = client ? 'client' : 'professional';
      const userRole = client ? null : (role ?? 'jeugdhulpaanbieder');
      const displayName = name ?? `${role ?? 'client'} ${id.slice(0, 4)}`;
      const orgName = client ? null : (org ?? `Organisatie ${userRole}`);
      await db
        .insertInto('users')
        .values({
          id,
          kind,
          login: `${id}@test.invalid`,
          name: displayName,
          role: userRole,
          organisation_id: orgName ? await organisation(orgName) : null,
          password_hash: null,
          totp_secret: null,
          failed_logins: 0,
          locked_until: null,
          disabled: 0,
          created_at: now.toISOString(),
        })
        .execute();
      return { id, name: displayName, kind, role: userRole, organisation: orgName };
    },
    api(as, method, path, body) {
      const extra: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
      return send(as, method, path, body === undefined ? undefined : JSON.stringify(body), extra) as never;
    },
    raw(as, method, path, body, headers = {}) {
      return send(as, method, path, body, headers);
    },
    async logCount() {
      const row = await db
        .selectFrom('access_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    close: async () => {
      await server.close();
    },
  };
}

/** The access-log rows appended after `afterSeq`, oldest first. */
export async function logSince(db: AppDb, afterSeq: number) {
  const rows = await db.selectFrom('access_log').selectAll().where('seq', '>', afterSeq).orderBy('seq').execute();
  return rows.map((r) => ({ ...r, seq: Number(r.seq) }));
}

export async function lastSeq(db: AppDb): Promise<number> {
  const row = await db.selectFrom('access_log').select('seq').orderBy('seq', 'desc').limit(1).executeTakeFirst();
  return row ? Number(row.seq) : 0;
}

/** A date of birth making someone `years` old (plus `extraDays`) at `at`. */
export function bornYearsAgo(at: string, years: number, extraDays = 0): string {
  const d = new Date(at);
  const birth = new Date(Date.UTC(d.getUTCFullYear() - years, d.getUTCMonth(), d.getUTCDate() - extraDays));
  return birth.toISOString().slice(0, 10);
}

export interface CaseTeam {
  caseId: string;
  regisseur: TestUser;
  scientist: TestUser;
  provider: TestUser;
  youngPerson: TestUser;
  parent: TestUser;
}

let registrations = 0;
/**
 * A municipality per registration ('Alkmaar', 'Alkmaar 2', …): tests register "Noor Jansen" many times
 * in one server, and a second open case of the same young person is refused (cases/registration.ts).
 */
export function testMunicipality(): string {
  registrations += 1;
  return registrations === 1 ? 'Alkmaar' : `Alkmaar ${registrations}`;
}

/** A case registered through the API by a procesregisseur, with scientist, provider, young person and a parent. */
export async function caseWithTeam(
  h: CaseHarness,
  dateOfBirth: string,
  youngPersonName = 'Noor Jansen',
): Promise<CaseTeam> {
  const regisseur = await h.user({ role: 'procesregisseur', name: 'Ria Regisseur', organisation: 'RET Alkmaar' });
  const scientist = await h.user({
    role: 'gedragswetenschapper',
    name: 'Gert Gedrag',
    organisation: 'Zorgaanbieder Noord',
  });
  const provider = await h.user({
    role: 'jeugdhulpaanbieder',
    name: 'Pien Provider',
    organisation: 'Zorgaanbieder Noord',
  });
  const youngPerson = await h.user({ client: true, name: youngPersonName });
  const parent = await h.user({ client: true, name: 'Petra Jansen' });
  const created = await h.api<{ case: { id: string } }>(regisseur, 'POST', '/api/cases', {
    youngPerson: { name: youngPersonName, dateOfBirth, municipality: testMunicipality() },
    region: 'Alkmaar (Noord-Kennemerland)',
    responsibleScientistId: scientist.id,
  });
  if (created.status !== 201) throw new Error(`case not created: ${JSON.stringify(created.body)}`);
  const caseId = created.body.case.id;
  for (const [u, role] of [
    [provider, 'jeugdhulpaanbieder'],
    [youngPerson, 'jeugdige'],
    [parent, 'ouder'],
  ] as const) {
    const added = await h.api(regisseur, 'POST', `/api/cases/${caseId}/participants`, { userId: u.id, role });
    if (added.status !== 201) throw new Error(`participant not added: ${JSON.stringify(added.body)}`);
  }
  return { caseId, regisseur, scientist, provider, youngPerson, parent };
}

/**
 * Puts `user` on the case as a Doorbraakteam director whose access ended the day before START (the
 * follow-up is over): a participant in the database who may no longer see or do anything.
 */
export async function addEndedDirector(h: CaseHarness, team: CaseTeam, user: TestUser): Promise<void> {
  await h.db
    .insertInto('participants')
    .values({
      case_id: team.caseId,
      user_id: user.id,
      role: 'dbt-lid',
      added_at: START,
      added_by: team.regisseur.id,
      access_until: new Date(Date.parse(START) - 24 * 3600_000).toISOString(),
    } as never)
    .execute();
}
