/**
 * Enrolment and recovery commands: finishing an activation or re-enrolment link (password, TOTP
 * confirmed with a code, ten recovery codes), asking for and using a password-reset link, and checking a
 * logged-in person's current password. Each refusal is a domain error with a Dutch word; nothing is
 * written until every check passed.
 */
import type { UsersTable } from '../db/schema.js';
import { Conflict, Invalid, NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { accountsDb } from './accountsDb.js';
import { consumeToken, enqueueAccountMail, issueToken, openToken } from './accountTokens.js';
import { logAuth } from './authLog.js';
import { endPersonAccess } from './endAccess.js';
import { assertUsablePassword, lockedError } from './identityHttp.js';
import type { Client } from './login.js';
import { hashPassword, verifyPassword } from './passwords.js';
import { recoveryCodesLeft, replaceRecoveryCodes } from './recoveryCodes.js';
import { loginLockedUntil, recordAttempt } from './throttle.js';
import { matchTotpStep } from './totp.js';

const linkInvalid = () => new NotFound('link unknown, used or expired', 'account_link_invalid');

/** Password-reset requests per person per hour: more are silently not sent (the answer stays the same). */
export const RESET_MAILS_PER_HOUR = 3;
/** The login name under which reset requests count for the per-address limit (no login starts with a space). */
export const RESET_ATTEMPT_LOGIN = ' password-reset';

async function userOf(services: AppServices, userId: string): Promise<UsersTable | null> {
  const user = await services.db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
  return user && !user.disabled ? user : null;
}

/** The open activation or enrolment link and its person, or 404 `account_link_invalid`. */
export async function openEnrolment(services: AppServices, token: string) {
  const row = await openToken(services.db as never, token, ['activation', 'enrolment'], services.clock());
  const user = row && (await userOf(services, row.user_id));
  if (!row || !user || !row.totp_secret) throw linkInvalid();
  return { row: { ...row, totp_secret: row.totp_secret }, user };
}

/**
 * The current password of a logged-in or enrolling person: a wrong one counts as a failed login (so
 * this is no side door for guessing), a running lock refuses.
 */
export async function checkCurrentPassword(services: AppServices, user: UsersTable, password: string, client: Client) {
  const now = services.clock();
  if (await loginLockedUntil(services.db, user.login, now)) throw lockedError();
  if (await verifyPassword(user.password_hash, password)) return;
  await recordAttempt(services.db, { login: user.login, remoteAddress: client.remoteAddress, success: false, now });
  await logAuth(services, { event: 'login', outcome: 'failure', user, ...client, detail: 'current password' });
  throw new Invalid('the current password is wrong', 'wrong_password');
}

/** Finishes an activation (new password) or re-enrolment (current password) link; returns the recovery codes. */
export async function completeEnrolment(
  services: AppServices,
  token: string,
  input: { password: string; code: string },
  client: Client,
): Promise<string[]> {
  const { row, user } = await openEnrolment(services, token);
  const now = services.clock();
  let passwordHash: string | null = null;
  if (row.purpose === 'activation') {
    assertUsablePassword(input.password, [user.login, user.name]);
    passwordHash = await hashPassword(input.password);
  } else {
    await checkCurrentPassword(services, user, input.password, client);
  }
  const step = matchTotpStep(row.totp_secret, input.code, now);
  if (step === null) throw new Invalid('the code does not match the new secret', 'invalid_code');
  const codes = await services.db.transaction().execute(async (trx) => {
    if (!(await consumeToken(trx as never, row.id, now))) return null;
    await accountsDb(trx as never)
      .updateTable('users')
      .set({
        totp_secret: row.totp_secret,
        totp_last_step: step,
        ...(passwordHash ? { password_hash: passwordHash } : {}),
      })
      .where('id', '=', user.id)
      .execute();
    return replaceRecoveryCodes(trx as never, services.authKey, user.id, now);
  });
  if (!codes) throw linkInvalid();
  await endPersonAccess(services, user.id);
  await logAuth(services, {
    event: 'update',
    outcome: 'success',
    user,
    ...client,
    detail: `${row.purpose === 'activation' ? 'account activated' : 'TOTP enrolled again'}; recovery codes issued`,
  });
  return codes;
}

/**
 * A reset link for every live account with this address (usually one), at most RESET_MAILS_PER_HOUR an
 * hour each. Says nothing back: the route answers the same whether or not anything was sent.
 */
export async function requestPasswordReset(services: AppServices, email: string, client: Client): Promise<void> {
  const now = services.clock();
  await recordAttempt(services.db, {
    login: RESET_ATTEMPT_LOGIN,
    remoteAddress: client.remoteAddress,
    success: false,
    now,
  });
  const users = await services.db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email)
    .where('disabled', '=', 0)
    .execute();
  const hourAgo = new Date(now.getTime() - 3600_000).toISOString();
  for (const user of users) {
    const recent = await accountsDb(services.db)
      .selectFrom('account_tokens')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', user.id)
      .where('purpose', '=', 'password-reset')
      .where('created_at', '>', hourAgo)
      .executeTakeFirst();
    if (Number(recent?.n ?? 0) >= RESET_MAILS_PER_HOUR) {
      services.log.warn({ userId: user.id }, 'password reset: hourly limit reached, no mail');
      continue;
    }
    await services.db.transaction().execute(async (trx) => {
      const token = await issueToken(trx as never, {
        userId: user.id,
        purpose: 'password-reset',
        createdBy: null,
        now,
      });
      await enqueueAccountMail(trx as never, { userId: user.id, to: email, kind: 'password-reset', token }, now);
    });
    await logAuth(services, {
      event: 'update',
      outcome: 'success',
      user,
      ...client,
      detail: 'password reset link sent',
    });
  }
}

/** Sets a new password through a reset link; every session and token of the person ends. */
export async function completePasswordReset(services: AppServices, token: string, password: string, client: Client) {
  const now = services.clock();
  const row = await openToken(services.db as never, token, ['password-reset'], now);
  const user = row && (await userOf(services, row.user_id));
  if (!row || !user) throw linkInvalid();
  assertUsablePassword(password, [user.login, user.name]);
  const passwordHash = await hashPassword(password);
  const done = await services.db.transaction().execute(async (trx) => {
    if (!(await consumeToken(trx as never, row.id, now))) return false;
    await trx.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    return true;
  });
  if (!done) throw linkInvalid();
  const ended = await endPersonAccess(services, user.id);
  await logAuth(services, {
    event: 'update',
    outcome: 'success',
    user,
    ...client,
    detail: `password reset by link; sessions ended (${ended.sessionsEnded})`,
  });
}

/** New recovery codes for an enrolled professional (the old ones stop working). */
export async function regenerateRecoveryCodes(services: AppServices, user: UsersTable, client: Client) {
  if (user.kind !== 'professional' || !user.totp_secret) throw new Conflict('no TOTP enrolment', 'conflict');
  const codes = await replaceRecoveryCodes(services.db as never, services.authKey, user.id, services.clock());
  await logAuth(services, { event: 'update', outcome: 'success', user, ...client, detail: 'recovery codes replaced' });
  return codes;
}

export { recoveryCodesLeft };
