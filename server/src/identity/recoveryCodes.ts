/**
 * Recovery codes: ten per enrolment, shown once, each opening one login instead of a TOTP code (for a
 * lost phone). Stored as an HMAC under the server key, so a copy of the database does not hold them and
 * an offline guess needs the key; used with one conditional UPDATE, so a code works exactly once.
 */
import crypto from 'node:crypto';
import { RECOVERY_CODE_COUNT } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import { accountsDb } from './accountsDb.js';

/** No 0/o, 1/l/i: read aloud or copied from paper without doubt. 31 letters: ~49.5 bits per code. */
const ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export function newRecoveryCode(): string {
  let s = '';
  for (let i = 0; i < 10; i += 1) s += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return `${s.slice(0, 5)}-${s.slice(5)}`;
}

function codeHash(key: Uint8Array, userId: string, code: string): string {
  const normal = code.toLowerCase().replace(/[\s-]/g, '');
  return crypto.createHmac('sha256', key).update(`${userId}:${normal}`).digest('hex');
}

/** Replaces the person's codes with ten new ones; returns them (the only time they exist in clear). */
export async function replaceRecoveryCodes(
  db: Kysely<never>,
  key: Uint8Array,
  userId: string,
  now: Date,
): Promise<string[]> {
  const adb = accountsDb(db);
  await adb.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await adb
    .insertInto('recovery_codes')
    .values(
      codes.map((code) => ({
        id: crypto.randomUUID(),
        user_id: userId,
        code_hash: codeHash(key, userId, code),
        created_at: now.toISOString(),
        used_at: null,
      })),
    )
    .execute();
  return codes;
}

/** Uses up one code: true when it was the person's and unused. */
export async function useRecoveryCode(
  db: Kysely<never>,
  key: Uint8Array,
  userId: string,
  code: string,
  now: Date,
): Promise<boolean> {
  const result = await accountsDb(db)
    .updateTable('recovery_codes')
    .set({ used_at: now.toISOString() })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash(key, userId, code))
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function recoveryCodesLeft(db: Kysely<never>, userId: string): Promise<number> {
  const row = await accountsDb(db)
    .selectFrom('recovery_codes')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('user_id', '=', userId)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
