/**
 * Cross-instance fan-out on Redis Streams. Every accepted update is appended to the document's stream
 * (`samenspraak:doc:<docId>`, approximately trimmed); each instance runs one reader loop on a dedicated
 * connection that blocks in XREAD over the streams of all documents it has loaded and remembers the last
 * id per stream, so a short hiccup is replayed rather than lost (pub/sub alone would drop it).
 *
 * Redis is an accelerator, never the source of truth: the shared store already holds every update.
 * - `publish` never blocks or throws; with Redis down it fails fast (no offline queue), counts, and keeps
 *   the update in a bounded buffer that is re-published when the connection is back.
 * - After an outage every subscribed document is told to `resync()` (reload from the store), which also
 *   covers entries the stream trimmed or lost in a Redis restart.
 * - Yjs updates are idempotent, so replaying a little too much (see `lookbackMs`) is harmless.
 */
import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import client from 'prom-client';
import type { Fanout, RemoteHandlers } from '../collab/types.js';
import type { Logger } from '../observability/logger.js';
import type { ClientClaim } from '../storage/documentStore.js';
import { fanoutConnections, RateLimitedWarnings, type RedisFanoutOptions } from './redisConnections.js';

export type { RedisFanoutOptions };

import {
  type FanoutCounters,
  fanoutCounters,
  idBefore,
  parseClaims,
  RepublishBuffer,
  STREAM_PREFIX,
  toBuffer,
} from './streamEntries.js';

export { STREAM_PREFIX };

interface Subscription {
  docId: string;
  key: string;
  handlers: RemoteHandlers;
  /** Last stream id consumed (exclusive start of the next XREAD); null: unknown, fix it once Redis answers. */
  lastId: string | null;
}

const ENTRIES_PER_READ = 1000;
/** How long a subscription right after start waits for the first connection. */
const STARTUP_WAIT_MS = 1000;

export class RedisFanout implements Fanout {
  /** The `i` field of this process's entries. */
  readonly origin: string;
  private readonly subs = new Map<string, Subscription>();
  private readonly pub: Redis;
  private readonly reader: Redis;
  private readonly log: Logger;
  private readonly maxLen: number;
  private readonly streamTtlMs: number;
  /** When each document's stream TTL was last refreshed (only documents this instance has loaded). */
  private readonly ttlRefreshed = new Map<string, number>();
  private readonly blockMs: number;
  private readonly lookbackMs: number;
  private closed = false;
  private loop: Promise<void> | null = null;
  private wake: (() => void) | null = null;
  /** Reader connection's CLIENT ID (for CLIENT UNBLOCK); null until known for the current connection. */
  private readerClientId: number | null = null;
  /** Keys of the XREAD in progress, to know whether a new subscription needs it interrupted. */
  private blockedOn: Set<string> | null = null;
  /** Set when the reader connection dropped: every subscription resyncs once it is back. */
  private resyncAll = false;
  private readonly republish: RepublishBuffer;
  private republishing = false;
  private readonly warnings: RateLimitedWarnings;
  private everReady = false;

  readonly counters: FanoutCounters;

  constructor(opts: RedisFanoutOptions) {
    this.origin = `${opts.instanceId}#${randomBytes(4).toString('hex')}`;
    this.log = opts.log;
    this.warnings = new RateLimitedWarnings(opts.log);
    this.maxLen = opts.maxLen ?? 2000;
    this.streamTtlMs = opts.streamTtlMs ?? 3_600_000;
    this.blockMs = opts.blockMs ?? 1000;
    this.lookbackMs = opts.lookbackMs ?? 5000;
    this.republish = new RepublishBuffer(opts.republishMaxCount ?? 10_000, opts.republishMaxBytes ?? 32 * 1024 * 1024);
    const maxDelay = opts.maxReconnectDelayMs ?? 1000;
    this.counters = fanoutCounters(opts.registry);
    if (opts.registry) {
      const fanout = this;
      new client.Gauge({
        name: 'samenspraak_fanout_healthy',
        help: '1 when both Redis connections of the fan-out are ready',
        registers: [opts.registry],
        collect() {
          this.set(fanout.healthy ? 1 : 0);
        },
      });
    }

    ({ pub: this.pub, reader: this.reader } = fanoutConnections(opts.url, maxDelay));
    for (const [name, conn] of [
      ['pub', this.pub],
      ['reader', this.reader],
    ] as const) {
      conn.on('error', (err: Error) =>
        this.warnings.warn(`${name}-error`, err, `redis fan-out ${name} connection error`),
      );
      conn.on('ready', () => {
        this.log.info({ connection: name }, 'redis fan-out connected');
        this.warnings.clear(`${name}-error`);
      });
    }
    this.reader.on('close', () => {
      this.readerClientId = null;
      if (!this.closed) this.resyncAll = true;
      this.wakeUp();
    });
    this.reader.on('ready', () => this.wakeUp());
    this.pub.on('ready', () => {
      this.everReady = true;
      void this.flushRepublish();
    });
  }

  /** Both connections are up (for readiness: false means "degraded", not "down"). */
  get healthy(): boolean {
    return !this.closed && this.pub.status === 'ready' && this.reader.status === 'ready';
  }

  /** Number of documents this instance reads streams of. */
  get subscriptionCount(): number {
    return this.subs.size;
  }

  publish(docId: string, update: Uint8Array, claims?: ClientClaim[]): void {
    if (this.closed) return;
    if (this.pub.status !== 'ready') {
      this.publishFailed(docId, update, new Error(`redis connection is ${this.pub.status}`), claims);
      return;
    }
    this.xadd(docId, update, claims).catch((err: Error) => this.publishFailed(docId, update, err, claims));
  }

  async subscribe(docId: string, handlers: RemoteHandlers): Promise<void> {
    if (this.closed) throw new Error('fan-out is closed');
    const sub: Subscription = { docId, key: STREAM_PREFIX + docId, handlers, lastId: null };
    // Right after start the connection may still be on its way: give it a moment rather than resyncing later.
    if (!this.everReady) await this.pubReady(STARTUP_WAIT_MS);
    try {
      sub.lastId = await this.startPosition(this.pub, sub.key);
    } catch (err) {
      // Redis is down: the document still opens from the store; the reader fixes the position and
      // asks for a resync once Redis answers again.
      this.warnings.warn('subscribe', err as Error, 'redis fan-out: subscribing without a stream position');
    }
    this.subs.set(docId, sub);
    this.ensureLoop();
    this.wakeUp();
    this.interruptRead(sub.key);
  }

  unsubscribe(docId: string): void {
    this.subs.delete(docId);
    this.ttlRefreshed.delete(docId);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.subs.clear();
    this.wakeUp();
    // disconnect() rejects the blocked XREAD at once, which ends the loop.
    this.reader.disconnect();
    await this.loop?.catch(() => {});
    await Promise.race([this.pub.quit().catch(() => {}), new Promise((r) => setTimeout(r, 1000).unref())]);
    this.pub.disconnect();
  }

  private xadd(docId: string, update: Uint8Array, claims?: ClientClaim[]): Promise<unknown> {
    const key = STREAM_PREFIX + docId;
    // Client-id claims travel with the update that made them, so other instances refuse the same ids.
    const extra = claims && claims.length > 0 ? ['c', JSON.stringify(claims)] : [];
    return this.pub
      .xaddBuffer(key, 'MAXLEN', '~', String(this.maxLen), '*', 'i', this.origin, 'u', toBuffer(update), ...extra)
      .then((id) => {
        this.counters.published.inc();
        this.refreshTtl(docId, key);
        return id;
      });
  }

  /** Keeps a stream in use alive; an idle one expires (at most one PEXPIRE per document per minute). */
  private refreshTtl(docId: string, key: string): void {
    const now = Date.now();
    if (now - (this.ttlRefreshed.get(docId) ?? 0) < Math.min(60_000, this.streamTtlMs / 2)) return;
    this.ttlRefreshed.set(docId, now);
    this.pub.pexpire(key, this.streamTtlMs).catch(() => this.ttlRefreshed.delete(docId));
  }

  private publishFailed(docId: string, update: Uint8Array, err: Error, claims?: ClientClaim[]): void {
    this.counters.publishFailures.inc();
    this.warnings.warn('publish', err, 'redis fan-out: publish failed (the update is durable in the store)');
    if (this.closed) return;
    this.republish.push({ docId, update, claims });
    // The connection may have come back between the failure and now.
    if (this.pub.status === 'ready') void this.flushRepublish();
  }

  /**
   * Sends updates that failed during an outage. Other instances resync from the store when their reader
   * reconnects, but an update accepted here just before our own reconnect may have been committed after
   * their reload; re-publishing closes that gap.
   */
  private async flushRepublish(): Promise<void> {
    if (this.republishing || this.republish.size === 0 || this.closed) return;
    this.republishing = true;
    try {
      while (this.republish.size > 0 && this.pub.status === 'ready') {
        const batch = this.republish.take(500);
        const results = await Promise.allSettled(batch.map((item) => this.xadd(item.docId, item.update, item.claims)));
        const failed = batch.filter((_, i) => results[i]!.status === 'rejected');
        if (failed.length > 0) {
          this.republish.putBack(failed);
          break;
        }
      }
      if (this.republish.size === 0) this.log.info('redis fan-out: updates from the outage re-published');
    } finally {
      this.republishing = false;
    }
  }

  private pubReady(timeoutMs: number): Promise<void> {
    if (this.pub.status === 'ready') return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.pub.off('ready', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.pub.once('ready', done);
    });
  }

  /** The exclusive start for a new subscription: `lookbackMs` before the newest entry, '0-0' when empty. */
  private async startPosition(conn: Redis, key: string): Promise<string> {
    const newest = await conn.xrevrange(key, '+', '-', 'COUNT', 1);
    const id = newest[0]?.[0];
    return id ? idBefore(id, this.lookbackMs) : '0-0';
  }

  private ensureLoop(): void {
    if (this.loop || this.closed) return;
    this.loop = this.readLoop().catch((err: Error) => {
      this.log.error({ err }, 'redis fan-out reader loop ended unexpectedly');
    });
  }

  private wakeUp(): void {
    const w = this.wake;
    this.wake = null;
    w?.();
  }

  /** Waits until woken (subscription change, connection event, close) or `ms` passed. */
  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = null;
        resolve();
      }, ms);
      timer.unref();
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /** A subscription the blocked XREAD does not cover: interrupt it so the loop picks it up now. */
  private interruptRead(key: string): void {
    if (this.blockedOn === null || this.blockedOn.has(key)) return;
    const id = this.readerClientId;
    if (id === null || this.pub.status !== 'ready') return; // the BLOCK timeout bounds the delay
    this.pub.client('UNBLOCK', id).catch(() => {});
  }

  private async readLoop(): Promise<void> {
    while (!this.closed) {
      if (this.subs.size === 0) {
        await this.sleep(60_000);
        continue;
      }
      if (this.reader.status !== 'ready') {
        await this.sleep(this.blockMs);
        continue;
      }
      try {
        await this.prepareReads();
        await this.readOnce();
      } catch (err) {
        if (this.closed) return;
        this.warnings.warn('read', err as Error, 'redis fan-out: reading streams failed; retrying');
        await this.sleep(200);
      }
    }
  }

  /**
   * Before reading: learn the connection id, fix unknown positions, and resync what may have missed
   * updates (a position that was unknown, or every document after the reader lost its connection). Each
   * position is fixed before its document reloads from the store, so nothing falls between the two.
   */
  private async prepareReads(): Promise<void> {
    if (this.readerClientId === null) this.readerClientId = Number(await this.reader.client('ID'));
    const all = this.resyncAll;
    this.resyncAll = false;
    let resynced = 0;
    try {
      for (const sub of [...this.subs.values()]) {
        if (sub.lastId === null) {
          const position = await this.startPosition(this.reader, sub.key);
          if (this.subs.get(sub.docId) !== sub) continue;
          sub.lastId = position;
        } else if (!all) {
          continue;
        }
        resynced += 1;
        this.counters.resyncs.inc();
        try {
          sub.handlers.resync();
        } catch (err) {
          this.log.error({ err, docId: sub.docId }, 'redis fan-out: resync handler failed');
        }
      }
    } catch (err) {
      if (all) this.resyncAll = true; // again, completely, once Redis answers (duplicates are harmless)
      throw err;
    } finally {
      if (resynced > 0) this.log.warn({ documents: resynced }, 'redis fan-out: documents reloaded from the store');
    }
  }

  private async readOnce(): Promise<void> {
    const batch = [...this.subs.values()].filter((s): s is Subscription & { lastId: string } => s.lastId !== null);
    if (batch.length === 0) return;
    const byKey = new Map(batch.map((s) => [s.key, s]));
    this.blockedOn = new Set(byKey.keys());
    let reply: Awaited<ReturnType<Redis['xreadBuffer']>>;
    try {
      reply = await this.reader.xreadBuffer(
        'COUNT',
        ENTRIES_PER_READ,
        'BLOCK',
        this.blockMs,
        'STREAMS',
        ...batch.map((s) => s.key),
        ...batch.map((s) => s.lastId),
      );
    } finally {
      this.blockedOn = null;
    }
    if (!reply) return;
    for (const [keyBuf, entries] of reply as Array<[Buffer, Array<[Buffer, Buffer[]]>]>) {
      const sub = byKey.get(keyBuf.toString());
      // Unsubscribed (or replaced by a newer subscription with its own position) while we read.
      if (!sub || this.subs.get(sub.docId) !== sub) continue;
      for (const [idBuf, fields] of entries) {
        sub.lastId = idBuf.toString();
        let from: string | null = null;
        let update: Buffer | null = null;
        let claims: ClientClaim[] | undefined;
        for (let i = 0; i + 1 < fields.length; i += 2) {
          const name = fields[i]!.toString();
          if (name === 'i') from = fields[i + 1]!.toString();
          else if (name === 'u') update = fields[i + 1]!;
          else if (name === 'c') claims = parseClaims(fields[i + 1]!.toString());
        }
        if (from === this.origin || update === null) continue;
        this.counters.received.inc();
        try {
          sub.handlers.update(new Uint8Array(update.buffer, update.byteOffset, update.byteLength), claims);
        } catch (err) {
          this.log.error({ err, docId: sub.docId }, 'redis fan-out: update handler failed');
        }
        if (this.subs.get(sub.docId) !== sub) break;
      }
    }
  }
}
