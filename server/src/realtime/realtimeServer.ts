/**
 * socket.io at `/realtime` on the instance's HTTP server. With Redis configured, the Redis adapter
 * carries room broadcasts and `fetchSockets` across instances; while Redis is down the channel keeps
 * working on this instance alone (and /readyz reports "degraded").
 */

import type { Server as HttpServer } from 'node:http';
import { REALTIME_PATH } from '@samenspraak/shared';
import { createAdapter } from '@socket.io/redis-adapter';
import { Redis } from 'ioredis';
import { Server } from 'socket.io';
import type { Logger } from '../observability/logger.js';
import { authenticate, type RealtimeServer, registerHandlers } from './handlers.js';

export interface RealtimeOptions {
  authKey: Uint8Array;
  log: Logger;
  /** When set, use the Redis adapter so events cross instances. */
  redisUrl?: string | null;
}

export interface RealtimeChannel {
  io: RealtimeServer;
  /** Redis connections of the adapter are up (true without Redis). */
  readonly healthy: boolean;
  /** Disconnects this instance's sockets and closes the adapter's connections (not the HTTP server). */
  close(): Promise<void>;
}

/**
 * The adapter fires Redis commands without handling their rejections (a publish while Redis is down,
 * a queued SUBSCRIBE flushed at shutdown); mark them handled so they cannot crash the process.
 */
function handleRejections(conn: Redis, methods: string[]): void {
  const target = conn as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of methods) {
    const original = target[name]!.bind(conn);
    target[name] = (...args: unknown[]) => {
      const result = original(...args);
      if (result instanceof Promise) result.catch(() => {});
      return result;
    };
  }
}

function adapterClients(url: string, log: Logger) {
  const retryStrategy = (times: number) => Math.min(50 * 2 ** Math.min(times, 10), 1000);
  // Publishing fails fast while Redis is down: no offline queue growing with every broadcast.
  const pub = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy });
  // The subscriber keeps its few SUBSCRIBE commands queued until connected and resubscribes by itself.
  const sub = new Redis(url, { maxRetriesPerRequest: null, retryStrategy });
  handleRejections(pub, ['publish']);
  handleRejections(sub, ['subscribe', 'psubscribe', 'unsubscribe', 'punsubscribe']);
  let lastLog = 0;
  for (const conn of [pub, sub]) {
    conn.on('error', (err: Error) => {
      if (Date.now() - lastLog < 10_000) return;
      lastLog = Date.now();
      log.warn({ err: { message: err.message } }, 'realtime redis adapter connection error');
    });
  }
  return { pub, sub };
}

export function attachRealtime(httpServer: HttpServer, opts: RealtimeOptions): RealtimeChannel {
  const io: RealtimeServer = new Server(httpServer, {
    path: REALTIME_PATH,
    serveClient: false,
    // Other upgrade paths (/collab/) belong to other handlers; app.ts refuses unknown ones.
    destroyUpgrade: false,
    maxHttpBufferSize: 64 * 1024,
  });
  const clients = opts.redisUrl ? adapterClients(opts.redisUrl, opts.log) : null;
  if (clients) io.adapter(createAdapter(clients.pub, clients.sub, { requestsTimeout: 2000 }));
  const crossInstance = () => !clients || (clients.pub.status === 'ready' && clients.sub.status === 'ready');

  io.use(authenticate(opts.authKey));
  io.on('connection', (socket) => registerHandlers({ io, log: opts.log, crossInstance }, socket));
  io.engine.on('connection_error', (err: { code: number; message: string }) => {
    opts.log.debug({ code: err.code, message: err.message }, 'realtime connection error');
  });

  let closing: Promise<void> | null = null;
  return {
    io,
    get healthy() {
      return crossInstance();
    },
    close() {
      closing ??= (async () => {
        io.local.disconnectSockets(true);
        io.engine.close();
        await Promise.resolve(io.of('/').adapter.close()).catch(() => {});
        if (clients) {
          clients.sub.disconnect();
          await Promise.race([clients.pub.quit().catch(() => {}), new Promise((r) => setTimeout(r, 1000).unref())]);
          clients.pub.disconnect();
        }
      })();
      return closing;
    },
  };
}
