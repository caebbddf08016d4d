/**
 * Login throttling, from the `login_attempts` table (so every instance sees the same counts):
 *  - per login: 5 failures within 15 minutes lock that login for 15 minutes. Unknown logins are counted
 *    and locked exactly like real ones, so a lock never tells whether an account exists. Attempts during
 *    a lock are refused unchecked; they are recorded (for the address limit) but do not extend the lock,
 *    so it ends 15 minutes after it began (a lockout is a nuisance an attacker can renew, never a trap);
 *  - per remote address: 30 failures a minute, whatever the logins, stops password spraying coarsely
 *    (coarse because many people may share one address, e.g. a care organisation's NAT).
 * A wrong second factor counts as a failure of the login; only a completed login resets the count.
 */
import type { AppDb } from '../db/database.js';

export const LOCKOUT = { maxFailures: 5, windowMs: 15 * 60_000, lockMs: 15 * 60_000 } as const;
export const ADDRESS_LIMIT = { maxFailures: 30, windowMs: 60_000 } as const;
/** Attempts are personal data (who tried from where): kept only as long as throttling needs, and a bit. */
const KEEP_ATTEMPTS_MS = 24 * 3600_000;

export interface Attempt {
  at: number;
  success: boolean;
}

/** When the current lock ends, or null if not locked. Pure: `attempts` in time order. */
export function lockedUntil(attempts: readonly Attempt[], now: number, policy = LOCKOUT): number | null {
  let failures: number[] = [];
  let lockEnd = Number.NEGATIVE_INFINITY;
  for (const a of attempts) {
    if (a.at < lockEnd) continue; // refused during the lock: does not count towards another
    if (a.success) {
      failures = [];
      continue;
    }
    failures = failures.filter((t) => t > a.at - policy.windowMs);
    failures.push(a.at);
    if (failures.length >= policy.maxFailures) {
      lockEnd = a.at + policy.lockMs;
      failures = [];
    }
  }
  return lockEnd > now ? lockEnd : null;
}

/**
 * How many more failures the login may have before it locks (0 while locked). Pure, like lockedUntil:
 * the same walk over the attempts, so the warning ("2 attempts left") and the lock never disagree.
 */
export function failuresLeft(attempts: readonly Attempt[], now: number, policy = LOCKOUT): number {
  let failures: number[] = [];
  let lockEnd = Number.NEGATIVE_INFINITY;
  for (const a of attempts) {
    if (a.at < lockEnd) continue;
    if (a.success) {
      failures = [];
      continue;
    }
    failures = failures.filter((t) => t > a.at - policy.windowMs);
    failures.push(a.at);
    if (failures.length >= policy.maxFailures) {
      lockEnd = a.at + policy.lockMs;
      failures = [];
    }
  }
  if (lockEnd > now) return 0;
  return policy.maxFailures - failures.filter((t) => t > now - policy.windowMs).length;
}

async function recentAttempts(db: AppDb, login: string, now: Date): Promise<Attempt[]> {
  // A lock still running began at most lockMs ago, and its failures lie within windowMs before that.
  const since = new Date(now.getTime() - LOCKOUT.windowMs - LOCKOUT.lockMs).toISOString();
  const rows = await db
    .selectFrom('login_attempts')
    .select(['at', 'success'])
    .where('login', '=', login)
    .where('at', '>', since)
    .orderBy('at')
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ at: Date.parse(r.at), success: r.success === 1 }));
}

export async function loginFailuresLeft(db: AppDb, login: string, now: Date): Promise<number> {
  return failuresLeft(await recentAttempts(db, login, now), now.getTime());
}

/** The beheerder's unlock: the login's recorded attempts are forgotten, so no lock and a fresh count. */
export async function clearAttempts(db: AppDb, login: string): Promise<void> {
  await db.deleteFrom('login_attempts').where('login', '=', login).execute();
}

export async function loginLockedUntil(db: AppDb, login: string, now: Date): Promise<Date | null> {
  const until = lockedUntil(await recentAttempts(db, login, now), now.getTime());
  return until === null ? null : new Date(until);
}

export async function addressLimited(db: AppDb, remoteAddress: string, now: Date): Promise<boolean> {
  const since = new Date(now.getTime() - ADDRESS_LIMIT.windowMs).toISOString();
  const row = await db
    .selectFrom('login_attempts')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('remote_address', '=', remoteAddress)
    .where('success', '=', 0)
    .where('at', '>', since)
    .executeTakeFirst();
  return Number(row?.n ?? 0) >= ADDRESS_LIMIT.maxFailures;
}

export async function recordAttempt(
  db: AppDb,
  a: { login: string; remoteAddress: string; success: boolean; now: Date },
): Promise<void> {
  await db
    .insertInto('login_attempts')
    .values({ login: a.login, remote_address: a.remoteAddress, at: a.now.toISOString(), success: a.success ? 1 : 0 })
    .execute();
  await db
    .deleteFrom('login_attempts')
    .where('login', '=', a.login)
    .where('at', '<', new Date(a.now.getTime() - KEEP_ATTEMPTS_MS).toISOString())
    .execute();
}
