/** The fan-out's two Redis connections and its rate-limited warnings. */
import { createRequire } from 'node:module';
import type { Redis, RedisOptions } from 'ioredis';
import type client from 'prom-client';
import type { Logger } from '../observability/logger.js';

// ioredis is loaded only when Redis is configured: a single instance never holds it (issue 16, idle RSS).
const requireLazy = createRequire(import.meta.url);
const ioredis = () => requireLazy('ioredis') as typeof import('ioredis');

export interface RedisFanoutOptions {
  /** redis://host:port[/db] */
  url: string;
  /** Names this instance in the stream entries (a random suffix keeps two processes with one id apart). */
  instanceId: string;
  log: Logger;
  /** Registers the fan-out counters here (the instance's Prometheus registry). */
  registry?: client.Registry;
  /**
   * Approximate maximum entries kept per document stream (MAXLEN ~). The stream only bridges short gaps
   * (a reader that lost its connection resyncs from the store anyway), so this stays modest. Default 2000.
   */
  maxLen?: number;
  /** A stream nobody published to for this long disappears (PEXPIRE, refreshed while in use). Default 1 h. */
  streamTtlMs?: number;
  /** XREAD BLOCK timeout; bounds how long a changed subscription set waits if CLIENT UNBLOCK fails. Default 1000. */
  blockMs?: number;
  /**
   * A new subscription starts this far (by stream time) before the stream's newest entry: a safety margin
   * for an entry published around the moment the position is fixed whose commit the subscriber's store
   * load did not see yet (only possible if a publisher does not publish strictly after its commit; see
   * durablePublish.ts). Replaying a few seconds is harmless. Default 5000 ms.
   */
  lookbackMs?: number;
  /** Updates kept for re-publishing after an outage (count / bytes). Defaults 10 000 / 32 MiB. */
  republishMaxCount?: number;
  republishMaxBytes?: number;
  /** Reconnect delay cap (ms). Default 1000. */
  maxReconnectDelayMs?: number;
}

/** Do not log the same failure more than once per this many ms. */
const LOG_EVERY_MS = 10_000;

/**
 * One connection to publish on (auto-pipelined: the XADDs of one group commit leave in one write) and a
 * dedicated one for the blocking XREAD. No offline queue: with Redis down a command fails at once instead
 * of piling up in memory.
 */
export function fanoutConnections(url: string, maxReconnectDelayMs: number): { pub: Redis; reader: Redis } {
  const common: RedisOptions = {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    autoResendUnfulfilledCommands: false,
    connectTimeout: 3000,
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 10), maxReconnectDelayMs),
  };
  const pub = new (ioredis().Redis)(url, {
    ...common,
    commandTimeout: 3000,
    connectionName: 'samenspraak-fanout-pub',
    enableAutoPipelining: true,
  });
  const reader = new (ioredis().Redis)(url, { ...common, connectionName: 'samenspraak-fanout-reader' });
  return { pub, reader };
}

/** Warns about a kind of failure at most once per 10 s; `clear` lets the next one through at once. */
export class RateLimitedWarnings {
  private readonly lastLogged = new Map<string, number>();

  constructor(private readonly log: Logger) {}

  warn(kind: string, err: Error, msg: string): void {
    const now = Date.now();
    if (now - (this.lastLogged.get(kind) ?? 0) < LOG_EVERY_MS) return;
    this.lastLogged.set(kind, now);
    this.log.warn({ err: { message: err.message } }, msg);
  }

  clear(kind: string): void {
    this.lastLogged.delete(kind);
  }
}
