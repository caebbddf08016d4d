/**
 * The walk `verify` does, one entry at a time in seq order: each entry must link to the one before,
 * carry its own correct hash (HMAC for keyed entries), not be of the old recomputable kind once the
 * keyed chain began, and match every anchor written for it; at the end no anchored entry may be gone.
 * The first entry that fails is the one reported.
 */
import type { AccessLogTable } from '../db/schema.js';
import type { Anchor } from './logAnchors.js';
import { GENESIS, isKeyed, keyedHash, legacyHash, sameHash } from './logChain.js';

/** One row as read back (seq as the driver returns it). */
export type StoredRow = Omit<AccessLogTable, 'seq'> & { seq: number | string | bigint };

export interface BrokenLink {
  seq: number;
  problem: string;
}

export class ChainCheck {
  checked = 0;
  keyed = 0;
  private prev = GENESIS;
  private lastSeq = 0;
  private keyedSeenAt: number | null = null;
  /** Anchors in seq order; `next` is the first not yet passed. */
  private readonly anchors: Anchor[];
  private next = 0;
  /** Where the keyed chain began by the anchors' word (the earliest any anchor records). */
  private readonly keyedFrom: number | null;

  constructor(
    private readonly key: Uint8Array,
    anchors: Anchor[],
  ) {
    this.anchors = [...anchors].sort((a, b) => a.seq - b.seq);
    const starts = anchors.map((a) => a.keyedFrom).filter((s): s is number => s !== null);
    this.keyedFrom = starts.length > 0 ? Math.min(...starts) : null;
  }

  get anchorCount(): number {
    return this.anchors.length;
  }

  row(r: StoredRow): BrokenLink | null {
    const seq = Number(r.seq);
    const missing = this.anchors[this.next];
    if (missing && missing.seq < seq)
      return { seq: missing.seq, problem: `entry is missing, though anchored at ${missing.at}` };
    if (r.prev_hash !== this.prev) return { seq, problem: 'link to the previous entry is broken' };
    const { seq: _s, hash, ...fields } = r;
    if (isKeyed(hash)) {
      if (!sameHash(keyedHash(this.key, fields), hash))
        return { seq, problem: 'entry was altered (or the audit key is not the one it was written with)' };
      this.keyedSeenAt ??= seq;
      this.keyed += 1;
    } else {
      const keyedSince = this.keyedSeenAt ?? (this.keyedFrom !== null && seq >= this.keyedFrom ? this.keyedFrom : null);
      if (keyedSince !== null)
        return { seq, problem: `entry is not keyed, but the keyed chain began at entry ${keyedSince}` };
      if (legacyHash(fields) !== hash) return { seq, problem: 'entry was altered' };
    }
    for (; this.anchors[this.next]?.seq === seq; this.next += 1) {
      const anchor = this.anchors[this.next] as Anchor;
      if (!sameHash(anchor.mac, hash)) return { seq, problem: `entry differs from its anchor of ${anchor.at}` };
    }
    this.prev = hash;
    this.lastSeq = seq;
    this.checked += 1;
    return null;
  }

  /** After the last entry: anchored entries beyond it were removed. */
  end(): BrokenLink | null {
    const beyond = this.anchors[this.next];
    if (!beyond) return null;
    return {
      seq: this.lastSeq + 1,
      problem: `entries removed: the log ends at entry ${this.lastSeq}, but entry ${beyond.seq} was anchored at ${beyond.at}`,
    };
  }
}
