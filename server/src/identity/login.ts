/**
 * The login commands: password first, then (professionals) the TOTP code. Routes only validate,
 * call these and present the outcome. Every path that rejects answers the same for a wrong password,
 * an unknown login and a disabled account, so the answer never tells which accounts exist.
 */
import type { UsersTable } from '../db/schema.js';
import type { AppServices } from '../services.js';
import { logAuth } from './authLog.js';
import { verifyPassword } from './passwords.js';
import { useRecoveryCode } from './recoveryCodes.js';
import { createSession, endSession, type NewSession, pruneSessions } from './sessions.js';
import { addressLimited, LOCKOUT, loginFailuresLeft, loginLockedUntil, recordAttempt } from './throttle.js';
import { claimTotpStep, matchTotpStep } from './totp.js';
import { findUserByLogin } from './users.js';

export interface Client {
  remoteAddress: string;
  userAgent: string;
}

export type LoginRefusal =
  | { kind: 'invalid'; replayed?: boolean; attemptsLeft?: number }
  | { kind: 'locked' }
  | { kind: 'rate_limited' };
export type LoginDone = { kind: 'done'; session: NewSession; user: UsersTable };
export type LoginOutcome = { kind: 'totp'; session: NewSession; user: UsersTable } | LoginDone | LoginRefusal;

/**
 * Refuses before any password or code is checked: the address or the login is over its limit.
 * These refusals go to the application log, not the access log: an attacker hammering a locked login
 * must not be able to flood the hash-chained log (the lockout itself is logged once, when it starts).
 * A refusal during a lock still counts for the address limit; it cannot extend the lock (throttle.ts).
 */
export async function throttled(services: AppServices, login: string, client: Client): Promise<LoginRefusal | null> {
  const now = services.clock();
  if (await addressLimited(services.db, client.remoteAddress, now)) {
    services.log.warn({ remoteAddress: client.remoteAddress }, 'login refused: address rate limit');
    return { kind: 'rate_limited' };
  }
  if (await loginLockedUntil(services.db, login, now)) {
    await recordAttempt(services.db, { login, remoteAddress: client.remoteAddress, success: false, now });
    services.log.warn({ remoteAddress: client.remoteAddress }, 'login refused: login locked');
    return { kind: 'locked' };
  }
  return null;
}

/** The lockout warning is given from this many tries left (the same for unknown logins). */
export const WARN_FROM_ATTEMPTS_LEFT = 2;

type Failure = { kind: 'locked' } | { kind: 'invalid'; attemptsLeft?: number };

/**
 * Records a failure; if it completes a lockout, logs the lockout and says so; otherwise says how many
 * tries are left once that is WARN_FROM_ATTEMPTS_LEFT or fewer (computed from the attempts alone, so an
 * unknown login is warned exactly like a real one).
 */
export async function failed(
  services: AppServices,
  login: string,
  user: UsersTable | null,
  client: Client,
  detail: string,
): Promise<Failure> {
  const now = services.clock();
  await recordAttempt(services.db, { login, remoteAddress: client.remoteAddress, success: false, now });
  await logAuth(services, { event: 'login', outcome: 'failure', user, ...client, detail });
  if (!(await loginLockedUntil(services.db, login, now))) {
    const left = await loginFailuresLeft(services.db, login, now);
    return left <= WARN_FROM_ATTEMPTS_LEFT ? { kind: 'invalid', attemptsLeft: left } : { kind: 'invalid' };
  }
  const minutes = LOCKOUT.lockMs / 60_000;
  await logAuth(services, { event: 'login', outcome: 'denied', user, ...client, detail: `locked for ${minutes} min` });
  return { kind: 'locked' };
}

export async function completed(
  services: AppServices,
  user: UsersTable,
  client: Client,
  detail: string,
): Promise<NewSession> {
  const now = services.clock();
  await recordAttempt(services.db, { login: user.login, remoteAddress: client.remoteAddress, success: true, now });
  await pruneSessions(services.db, user.id, now);
  const session = await createSession(services.db, { userId: user.id, authenticated: true, ...client, now });
  await logAuth(services, { event: 'login', outcome: 'success', user, ...client, detail });
  return session;
}

export async function passwordLogin(
  services: AppServices,
  input: { login: string; password: string },
  client: Client,
): Promise<LoginOutcome> {
  const found = (await findUserByLogin(services.db, input.login)) ?? null;
  const early = await throttled(services, input.login, client);
  if (early) return early;
  // Always verify (a dummy hash when there is no account), so every refusal takes the same time.
  const passwordOk = await verifyPassword(found?.password_hash, input.password);
  const user = found && !found.disabled && passwordOk ? found : null;
  const professional = user?.kind === 'professional';
  if (!user || (professional && !user.totp_secret)) {
    return failed(services, input.login, found, client, 'password');
  }
  if (!professional) return { kind: 'done', user, session: await completed(services, user, client, 'password') };
  // Password right, second factor owed: a short pre-auth session that can only finish the login.
  const now = services.clock();
  await pruneSessions(services.db, user.id, now);
  const session = await createSession(services.db, { userId: user.id, authenticated: false, ...client, now });
  return { kind: 'totp', user, session };
}

/**
 * Finishes a professional's login with a TOTP code. On success the pre-auth session is ended and a new
 * one with a new token is made (no session fixation: whoever knew the old cookie has nothing).
 */
export async function totpLogin(
  services: AppServices,
  input: { preAuthSessionId: string; user: UsersTable; code: string },
  client: Client,
): Promise<LoginDone | LoginRefusal> {
  const { user } = input;
  const early = await throttled(services, user.login, client);
  if (early) {
    if (early.kind === 'locked') await endSession(services.db, input.preAuthSessionId);
    return early;
  }
  const now = services.clock();
  const step = user.totp_secret ? matchTotpStep(user.totp_secret, input.code, now) : null;
  const claimed = step !== null && (await claimTotpStep(services.db, user.id, step));
  if (!claimed) {
    const replayed = step !== null;
    const outcome = await failed(services, user.login, user, client, replayed ? 'totp replayed' : 'totp');
    if (outcome.kind === 'locked') await endSession(services.db, input.preAuthSessionId);
    return outcome.kind === 'locked' ? outcome : { ...outcome, replayed };
  }
  await endSession(services.db, input.preAuthSessionId);
  return { kind: 'done', user, session: await completed(services, user, client, 'password + totp') };
}

/**
 * Finishes a professional's login with a recovery code instead of the TOTP code (a lost phone). The
 * same throttling as a TOTP code; a code works once. The access log says a recovery code was used.
 */
export async function recoveryCodeLogin(
  services: AppServices,
  input: { preAuthSessionId: string; user: UsersTable; code: string },
  client: Client,
): Promise<LoginDone | LoginRefusal> {
  const { user } = input;
  const early = await throttled(services, user.login, client);
  if (early) {
    if (early.kind === 'locked') await endSession(services.db, input.preAuthSessionId);
    return early;
  }
  const now = services.clock();
  if (!(await useRecoveryCode(services.db as never, services.authKey, user.id, input.code, now))) {
    const outcome = await failed(services, user.login, user, client, 'recovery code');
    if (outcome.kind === 'locked') await endSession(services.db, input.preAuthSessionId);
    return outcome;
  }
  await endSession(services.db, input.preAuthSessionId);
  return { kind: 'done', user, session: await completed(services, user, client, 'password + recovery code') };
}
