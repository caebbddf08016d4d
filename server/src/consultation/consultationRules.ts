/**
 * Pure rules of the public consultation form: a way to reach the asker, a receipt number, and the
 * per-address limit that keeps the public form from being used to flood a RET queue.
 */
import { randomInt } from 'node:crypto';
import { PHONE_PATTERN } from '@samenspraak/shared';
import { TokenBucket } from '../collab/rateLimiter.js';

/** A loose e-mail check: something@something.tld, no spaces. The mail itself proves the rest. */
const EMAIL_PATTERN = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

/** The RET must be able to call or mail back: at least one, and what is given must look right. */
export function contactProblem(
  phone: string | undefined,
  email: string | undefined,
): 'contact_required' | 'invalid_contact' | null {
  const p = phone?.trim() ?? '';
  const e = email?.trim() ?? '';
  if (!p && !e) return 'contact_required';
  if (p && !PHONE_PATTERN.test(p)) return 'invalid_contact';
  if (e && !EMAIL_PATTERN.test(e)) return 'invalid_contact';
  return null;
}

/** No 0/O, 1/I/L: the receipt is read out over the phone. */
const RECEIPT_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';

/** "C-7KQ4-M9XZ": 8 characters of 31 (about 40 bits), not a counter, so it tells nothing about others. */
export function receiptNumber(): string {
  const pick = () => RECEIPT_ALPHABET[randomInt(RECEIPT_ALPHABET.length)];
  const part = () => Array.from({ length: 4 }, pick).join('');
  return `C-${part()}-${part()}`;
}

/** Requests from one address: 5 at once, then one every 12 minutes (5 an hour). */
export const CONSULTATION_LIMIT = { burst: 5, perHour: 5 } as const;
const MAX_TRACKED = 10_000;

/**
 * Per remote address, in this process (the collaboration core's token bucket). Several instances each
 * allow the limit; the limit is a brake on abuse, not a quota, so that is accepted.
 */
export class AddressLimiter {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly policy: { burst: number; perHour: number } = CONSULTATION_LIMIT) {}

  take(address: string): boolean {
    let bucket = this.buckets.get(address);
    if (!bucket) {
      // Forget everyone at once rather than grow without bound (a flood from many addresses).
      if (this.buckets.size >= MAX_TRACKED) this.buckets.clear();
      bucket = new TokenBucket(this.policy.perHour / 3600, this.policy.burst);
      this.buckets.set(address, bucket);
    }
    return bucket.take();
  }
}
