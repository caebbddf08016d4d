/** How a document update travels as a Redis stream entry: the key, the id arithmetic, and the claims field. */
import client from 'prom-client';
import type { ClientClaim } from '../storage/documentStore.js';

export const STREAM_PREFIX = 'samenspraak:doc:';

export function toBuffer(u: Uint8Array): Buffer {
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}

/** The exclusive XREAD start `lookbackMs` before a stream id (`<ms>-<seq>`). */
export function idBefore(id: string, lookbackMs: number): string {
  const ms = Number(id.split('-')[0]);
  if (!Number.isFinite(ms) || ms <= lookbackMs) return '0-0';
  return `${ms - lookbackMs}-0`;
}

/** Claims as another instance wrote them; anything malformed is dropped (the store stays authoritative). */
export function parseClaims(json: string): ClientClaim[] | undefined {
  try {
    const value: unknown = JSON.parse(json);
    if (!Array.isArray(value)) return undefined;
    return value.filter(
      (c): c is ClientClaim =>
        typeof c === 'object' &&
        c !== null &&
        Number.isSafeInteger((c as ClientClaim).client) &&
        typeof (c as ClientClaim).owner === 'string',
    );
  } catch {
    return undefined;
  }
}

export interface FanoutCounters {
  published: client.Counter;
  publishFailures: client.Counter;
  received: client.Counter;
  resyncs: client.Counter;
}

/** The fan-out's counters, registered in the instance's Prometheus registry (none without one). */
export function fanoutCounters(registry: client.Registry | undefined): FanoutCounters {
  const registers = registry ? [registry] : [];
  const counter = (name: string, help: string) => new client.Counter({ name, help, registers });
  return {
    published: counter('samenspraak_fanout_published_total', 'Updates appended to Redis streams'),
    publishFailures: counter(
      'samenspraak_fanout_publish_failures_total',
      'Updates that could not be appended to Redis (kept for re-publishing, bounded)',
    ),
    received: counter('samenspraak_fanout_received_total', 'Updates of other instances received from Redis streams'),
    resyncs: counter('samenspraak_fanout_resyncs_total', 'Documents reloaded from the store after a Redis outage'),
  };
}

export interface PendingPublish {
  docId: string;
  update: Uint8Array;
  claims?: ClientClaim[];
}

/**
 * Updates that could not be published during a Redis outage, kept for re-publishing, bounded by count
 * and bytes: the oldest go first (the store holds them; other instances resync from it anyway).
 */
export class RepublishBuffer {
  private items: PendingPublish[] = [];
  private bytes = 0;

  constructor(
    private readonly maxCount: number,
    private readonly maxBytes: number,
  ) {}

  get size(): number {
    return this.items.length;
  }

  push(item: PendingPublish): void {
    this.items.push(item);
    this.bytes += item.update.byteLength;
    while (this.items.length > this.maxCount || (this.bytes > this.maxBytes && this.items.length > 0)) {
      const dropped = this.items.shift()!;
      this.bytes -= dropped.update.byteLength;
    }
  }

  /** Takes up to `n` of the oldest. */
  take(n: number): PendingPublish[] {
    const batch = this.items.splice(0, n);
    for (const item of batch) this.bytes -= item.update.byteLength;
    return batch;
  }

  /** Puts back, in front, what failed again. */
  putBack(failed: PendingPublish[]): void {
    this.items.unshift(...failed);
    for (const item of failed) this.bytes += item.update.byteLength;
  }
}
