/**
 * Reads the session cookie, sets the Actor, enforces CSRF on cookie-authenticated writes.
 *
 *  - Only an authenticated session gets an Actor. A pre-auth session (password given, TOTP owed) is
 *    kept aside in res.locals for /auth/totp and /auth/logout; to every other route it is anonymous.
 *  - An unknown or expired cookie is cleared and the request goes on anonymously.
 *  - Writes (anything but GET/HEAD/OPTIONS) with a live session must echo its CSRF token in
 *    X-CSRF-Token. Login and invitation acceptance are exempt: they replace whatever session the cookie
 *    names, and a client holding a stale pre-auth cookie has no way to learn its token.
 *  - Writes with an Origin header must come from this host, which is what keeps cross-site pages from
 *    using the exempt routes (login CSRF) and is a second wall behind the token everywhere else.
 */
import crypto from 'node:crypto';
import { RoleSchema } from '@samenspraak/shared';
import type { Request, RequestHandler, Response } from 'express';
import type { SessionsTable, UsersTable } from '../db/schema.js';
import { setActor } from '../http/authContext.js';
import { HttpError } from '../http/errors.js';
import type { Actor } from '../kernel/actor.js';
import type { AppServices } from '../services.js';
import { clearSessionCookie, clientOf } from './identityHttp.js';
import { loadSession, SESSION_COOKIE, touchSession } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Paths (under /api) that start a new session: see the header. */
const SESSION_STARTING = [
  /^\/auth\/login\/?$/,
  /^\/auth\/passkey\/login(-options)?\/?$/,
  /^\/invitations\/[^/]+\/accept\/?$/,
];
/** What a session token looks like (anything else is not even looked up). */
export const TOKEN_SHAPE = /^[A-Za-z0-9_-]{20,200}$/;

export interface LiveSession {
  session: SessionsTable;
  user: UsersTable;
}

/** The session the cookie named, authenticated or not (for the auth routes only). */
export function liveSessionOf(res: Response): LiveSession | null {
  return (res.locals.liveSession as LiveSession | undefined) ?? null;
}

/** The first value of one cookie, from the raw header (no cookie-parser here). */
export function readCookie(header: string | undefined, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0 || part.slice(0, eq).trim() !== name) continue;
    const raw = part.slice(eq + 1).trim();
    try {
      return decodeURIComponent(raw.startsWith('"') && raw.endsWith('"') ? raw.slice(1, -1) : raw);
    } catch {
      return null;
    }
  }
  return null;
}

function sameOrigin(req: Request): boolean {
  const origin = req.get('origin');
  if (origin === undefined) return true; // not a browser, or a same-origin request that omits it
  try {
    // req.host: the Host header, or X-Forwarded-Host from a trusted proxy (see 'trust proxy' in httpApp).
    return new URL(origin).host === req.host;
  } catch {
    return false; // includes "null" (sandboxed frames, privacy redirects)
  }
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

export function sessionMiddleware(services: AppServices): RequestHandler {
  return async (req, res, next) => {
    const write = !SAFE_METHODS.has(req.method);
    if (write && !sameOrigin(req)) throw new HttpError(403, 'csrf', 'cross-origin request refused');
    const token = readCookie(req.headers.cookie, SESSION_COOKIE);
    if (token === null) return next();
    const now = services.clock();
    const live = TOKEN_SHAPE.test(token) ? await loadSession(services.db, token, now) : null;
    if (!live) {
      clearSessionCookie(res, services);
      return next();
    }
    if (write && !SESSION_STARTING.some((p) => p.test(req.path))) {
      if (!sameToken(req.get('x-csrf-token'), live.session.csrf_token)) {
        throw new HttpError(403, 'csrf', 'missing or wrong X-CSRF-Token header');
      }
    }
    res.locals.liveSession = live satisfies LiveSession;
    if (live.session.authenticated !== 1) return next();
    await touchSession(services.db, live.session, now);
    const { user } = live;
    const actor: Actor = {
      userId: user.id,
      name: user.name,
      kind: user.kind === 'professional' ? 'professional' : 'client',
      role: user.kind === 'professional' ? (RoleSchema.safeParse(user.role).data ?? null) : null,
      organisationId: user.organisation_id,
      sessionId: live.session.id,
      remoteAddress: clientOf(req).remoteAddress,
    };
    setActor(res, actor);
    next();
  };
}
