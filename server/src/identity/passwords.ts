/**
 * Passwords: argon2id with the OWASP baseline parameters (19 MiB, 2 passes, 1 lane). Only the PHC string
 * is stored; it carries its own salt and parameters, so they can be raised later without a migration.
 */
import crypto from 'node:crypto';
import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Algorithm is an ambient const enum, which isolatedModules forbids reading: 2 is Argon2id.
const ARGON2ID = 2 as Algorithm;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

let dummyHash: Promise<string> | null = null;

/**
 * True when `password` matches `stored`. Without a stored hash (unknown login, account without password)
 * a dummy hash is verified anyway, so the answer takes as long as for a real account.
 */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) {
    dummyHash ??= hashPassword(crypto.randomBytes(16).toString('hex'));
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  // A malformed stored hash is a wrong password, not a server error the caller could tell apart.
  return verify(stored, password).catch(() => false);
}

// No look-alikes (0/O, 1/l/I): the initial password is read off a screen and typed in.
const ALPHABET = 'abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A random initial password: 20 characters of a 56-letter alphabet, about 116 bits. */
export function generatePassword(length = 20): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += ALPHABET[crypto.randomInt(ALPHABET.length)];
  return out;
}
