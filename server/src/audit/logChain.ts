/**
 * How one access-log entry is sealed into the chain. Two kinds, told apart by the stored hash itself:
 * - legacy: a plain SHA-256 (64 hex), written before the log was keyed; anyone can recompute it, so it
 *   is only accepted before the keyed chain began (see verifyChain);
 * - keyed: `hmac1:` + HMAC-SHA-256 under the audit key; the prefix is part of the value the next entry
 *   links to, so a keyed entry cannot be turned back into a legacy one without breaking the chain.
 */
import crypto from 'node:crypto';
import type { AccessLogTable } from '../db/schema.js';

export const GENESIS = '0'.repeat(64);
export const KEYED_PREFIX = 'hmac1:';

export type ChainFields = Omit<AccessLogTable, 'seq' | 'hash' | 'case_ids'> & { case_ids?: string | null };

/**
 * The sealed fields in a fixed order. `case_ids` (the cases of a request that touched several, since
 * migration 0029) is sealed only when present, so entries written before it keep their hashes.
 */
function canonical(e: ChainFields): string {
  const fields: unknown[] = [
    e.at,
    e.event,
    e.case_id,
    e.user_id,
    e.user_name,
    e.user_role,
    e.responsible,
    e.source,
    e.outcome,
    e.detail,
    e.prev_hash,
  ];
  if (e.case_ids != null) fields.push(e.case_ids);
  return JSON.stringify(fields);
}

export function legacyHash(e: ChainFields): string {
  return crypto.createHash('sha256').update(canonical(e)).digest('hex');
}

export function keyedHash(key: Uint8Array, e: ChainFields): string {
  return KEYED_PREFIX + crypto.createHmac('sha256', key).update(canonical(e)).digest('hex');
}

export function isKeyed(hash: string): boolean {
  return hash.startsWith(KEYED_PREFIX);
}

/** Constant-time comparison of two stored hashes. */
export function sameHash(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}
