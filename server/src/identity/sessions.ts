/**
 * Sessions: a random token in an HttpOnly cookie; the database keeps only its SHA-256, so a leaked
 * database does not leak live sessions. Each session carries its own CSRF token.
 *
 * Lifetimes, all judged with the domain clock so tests can move time:
 *  - a full session lives at most 12 hours, and dies after 30 minutes without a request;
 *  - a pre-auth session (password given, TOTP not yet) lives 5 minutes and can do nothing but finish login.
 */
import crypto from 'node:crypto';
import type { AppDb } from '../db/database.js';
import type { SessionsTable, UsersTable } from '../db/schema.js';

export const SESSION_COOKIE = 'samenspraak_session';
export const SESSION_ABSOLUTE_MS = 12 * 3600_000;
export const SESSION_IDLE_MS = 30 * 60_000;
export const PRE_AUTH_MS = 5 * 60_000;
/** last_seen_at is written at most this often: idle expiry needs minutes, not every request's write. */
export const TOUCH_INTERVAL_MS = 60_000;

export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

export function randomToken(bytes = 32): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

export interface NewSession {
  token: string;
  id: string;
  csrfToken: string;
  expiresAt: Date;
}

export async function createSession(
  db: AppDb,
  opts: { userId: string; authenticated: boolean; remoteAddress: string; userAgent: string; ttlMs?: number; now: Date },
): Promise<NewSession> {
  const token = randomToken();
  const id = hashToken(token);
  const csrfToken = randomToken(24);
  const ttlMs = opts.ttlMs ?? (opts.authenticated ? SESSION_ABSOLUTE_MS : PRE_AUTH_MS);
  const expiresAt = new Date(opts.now.getTime() + ttlMs);
  await db
    .insertInto('sessions')
    .values({
      id,
      user_id: opts.userId,
      csrf_token: csrfToken,
      authenticated: opts.authenticated ? 1 : 0,
      created_at: opts.now.toISOString(),
      expires_at: expiresAt.toISOString(),
      last_seen_at: opts.now.toISOString(),
      remote_address: opts.remoteAddress.slice(0, 100),
      user_agent: opts.userAgent.slice(0, 300),
    })
    .execute();
  return { token, id, csrfToken, expiresAt };
}

function expired(session: SessionsTable, now: Date): boolean {
  if (session.expires_at <= now.toISOString()) return true;
  return Date.parse(session.last_seen_at) + SESSION_IDLE_MS <= now.getTime();
}

/**
 * The live session for a cookie token, with its user; null when unknown, expired (absolute or idle) or
 * the user is disabled. An expired session is deleted on sight.
 */
export async function loadSession(
  db: AppDb,
  token: string,
  now: Date,
): Promise<{ session: SessionsTable; user: UsersTable } | null> {
  return loadSessionById(db, hashToken(token), now);
}

/** As loadSession, by the session's id (the token's hash): for channels that keep a session open (socket.io). */
export async function loadSessionById(
  db: AppDb,
  id: string,
  now: Date,
): Promise<{ session: SessionsTable; user: UsersTable } | null> {
  const session = await db.selectFrom('sessions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!session) return null;
  if (expired(session, now)) {
    await endSession(db, id);
    return null;
  }
  const user = await db.selectFrom('users').selectAll().where('id', '=', session.user_id).executeTakeFirst();
  if (!user || user.disabled) return null;
  return { session, user };
}

/** Records activity for the idle timeout, at most once per TOUCH_INTERVAL_MS. */
export async function touchSession(db: AppDb, session: SessionsTable, now: Date): Promise<void> {
  if (now.getTime() - Date.parse(session.last_seen_at) < TOUCH_INTERVAL_MS) return;
  await db.updateTable('sessions').set({ last_seen_at: now.toISOString() }).where('id', '=', session.id).execute();
}

export async function endSession(db: AppDb, id: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', id).execute();
}

/** Ends every session of a user; returns how many were live or lingering. */
export async function endAllSessions(db: AppDb, userId: string): Promise<number> {
  const result = await db.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Drops a user's dead sessions, so the table does not grow with abandoned logins. */
export async function pruneSessions(db: AppDb, userId: string, now: Date): Promise<void> {
  const idleSince = new Date(now.getTime() - SESSION_IDLE_MS).toISOString();
  await db
    .deleteFrom('sessions')
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('expires_at', '<=', now.toISOString()), eb('last_seen_at', '<=', idleSince)]))
    .execute();
}
