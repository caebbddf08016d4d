/**
 * The second factor of professionals: TOTP (RFC 6238), 30 s steps, 6 digits, SHA-1 (what every
 * authenticator app supports), one step of clock drift either way. A step, once accepted, is used up.
 */
import * as OTPAuth from 'otpauth';
import type { AppDb } from '../db/database.js';
import { identityDb } from './identityDb.js';

const ISSUER = 'Samenspraak';
const PERIOD = 30;
const DIGITS = 6;
const WINDOW = 1;

function totpFor(secretBase32: string, label = 'user'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: ISSUER,
    label,
    secret: OTPAuth.Secret.fromBase32(secretBase32),
    algorithm: 'SHA1',
    digits: DIGITS,
    period: PERIOD,
  });
}

/** A fresh 160-bit secret (the RFC 4226 recommendation), base32 as authenticator apps expect. */
export function newTotpSecret(): string {
  return new OTPAuth.Secret({ size: 20 }).base32;
}

/** The `otpauth://` URI an authenticator app scans (as a QR code) or imports. */
export function totpUri(secretBase32: string, login: string): string {
  return totpFor(secretBase32, login).toString();
}

/** The time step `code` belongs to, if it is valid at `now` (±1 step); null otherwise. */
export function matchTotpStep(secretBase32: string, code: string, now: Date): number | null {
  const totp = totpFor(secretBase32);
  const timestamp = now.getTime();
  const delta = totp.validate({ token: code, timestamp, window: WINDOW });
  return delta === null ? null : totp.counter({ timestamp }) + delta;
}

/**
 * Uses up `step` for the user: true if it is later than every step accepted before. One conditional
 * UPDATE, so two requests racing with the same code cannot both win, on any instance.
 */
export async function claimTotpStep(db: AppDb, userId: string, step: number): Promise<boolean> {
  const result = await identityDb(db)
    .updateTable('users')
    .set({ totp_last_step: step })
    .where('id', '=', userId)
    .where((eb) => eb.or([eb('totp_last_step', 'is', null), eb('totp_last_step', '<', step)]))
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
