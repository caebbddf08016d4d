/** HTTP helpers shared by the identity routes: body validation, the session cookie, the caller's address. */
import type { Request, Response } from 'express';
import type { ZodType } from 'zod';
import { HttpError } from '../http/errors.js';
import type { AppServices } from '../services.js';
import type { Client } from './login.js';
import { passwordWeakness } from './passwordPolicy.js';
import { type NewSession, SESSION_COOKIE } from './sessions.js';
import { LOCKOUT } from './throttle.js';

/** The parsed body, or a 400 naming each bad field. Nothing is written before this passes. */
export function parseBody<T>(schema: ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const problems = result.error.issues.slice(0, 5).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : 'body';
    const missing = issue.code === 'invalid_type' && issue.message.endsWith('received undefined');
    return `${field}: ${missing ? 'is required' : issue.message}`;
  });
  throw new HttpError(400, 'invalid_request', problems.join('; '));
}

/** A 400 `weak_password` naming the reason, unless the new password may be used (passwordPolicy.ts). */
export function assertUsablePassword(password: string, personal: readonly string[]): void {
  const weakness = passwordWeakness(password, personal);
  if (weakness) {
    throw new HttpError(400, 'weak_password', `password refused: ${weakness.message}`, {
      passwordReason: weakness.reason,
    });
  }
}

export function clientOf(req: Request): Client {
  return {
    remoteAddress: req.ip ?? req.socket.remoteAddress ?? 'unknown',
    userAgent: req.get('user-agent') ?? '',
  };
}

/**
 * SameSite=Strict: the app is a single-page client whose HTML needs no session; every API call is a
 * same-site fetch, which carries a Strict cookie even when the page was opened from a link in an
 * e-mail (an invitation, a case). Strict only withholds the cookie from the cross-site navigation
 * itself, so another site cannot make a logged-in browser open (and get logged as reading) a dossier.
 */
function cookieOptions(services: AppServices) {
  return { httpOnly: true, sameSite: 'strict' as const, secure: services.config.production, path: '/' };
}

export function setSessionCookie(res: Response, services: AppServices, session: NewSession): void {
  const maxAge = Math.max(0, session.expiresAt.getTime() - services.clock().getTime());
  res.cookie(SESSION_COOKIE, session.token, { ...cookieOptions(services), maxAge });
}

export function clearSessionCookie(res: Response, services: AppServices): void {
  res.clearCookie(SESSION_COOKIE, cookieOptions(services));
}

export const lockedError = () =>
  new HttpError(429, 'locked', 'too many failed attempts; try again later', {
    retryAfterMinutes: Math.ceil(LOCKOUT.lockMs / 60_000),
  });
export const rateLimitedError = () =>
  new HttpError(429, 'rate_limited', 'too many failed attempts from this address; try again later');
