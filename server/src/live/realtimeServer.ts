/**
 * socket.io at `/realtime` on the instance's HTTP server. With Redis configured, the Redis adapter
 * carries room broadcasts and `fetchSockets` across instances; while Redis is down the channel keeps
 * working on this instance alone (and /readyz reports "degraded").
 */

import type { Server as HttpServer } from 'node:http';
import { createRequire } from 'node:module';
import { REALTIME_PATH, userRoom } from '@samenspraak/shared';
import type { Redis } from 'ioredis';
import { Server } from 'socket.io';
import { Notifier, type OnlinePerson } from '../escalation/notifier.js';
import { runDigests } from '../inbox/digest.js';
import { registerInboxPusher } from '../inbox/inboxPush.js';
import type { CaseEvents } from '../kernel/caseEvents.js';
import type { Logger } from '../observability/logger.js';
import { toRoom } from '../realtime/rooms.js';
import type { HandlerContext, RealtimeServer, RealtimeSocket } from '../realtime/types.js';
import type { AppServices } from '../services.js';
import { sweep } from './accessSweep.js';
import { registerHandlers } from './handlers.js';
import { liveCaseEvents } from './liveCaseEvents.js';
import { MeetingBroadcaster } from './meetingBroadcast.js';
import { peerAccess } from './peerAccess.js';
import { authenticate, sessionActor } from './socketAuth.js';

// ioredis and the socket.io Redis adapter are loaded only when Redis is configured (issue 16, idle RSS).
const requireLazy = createRequire(import.meta.url);
const ioredis = () => requireLazy('ioredis') as typeof import('ioredis');
const redisAdapter = () => requireLazy('@socket.io/redis-adapter') as typeof import('@socket.io/redis-adapter');

/** How often the notices of everyone (not only who is online) are turned into inbox items. */
const EVERYONE_EVERY_MS = 10 * 60_000;

export interface RealtimeOptions {
  authKey: Uint8Array;
  log: Logger;
  services: AppServices;
  /** When set, use the Redis adapter so events cross instances. */
  redisUrl?: string | null;
  /** How often sessions, access and notifications are re-checked (0: only on changes). */
  sweepIntervalMs: number;
}

export interface RealtimeChannel {
  io: RealtimeServer;
  /** What the rest of the server calls after a stored change (bind it into AppServices.caseEvents). */
  events: CaseEvents;
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
  const pub = new (ioredis().Redis)(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy });
  // The subscriber keeps its few SUBSCRIBE commands queued until connected and resubscribes by itself.
  const sub = new (ioredis().Redis)(url, { maxRetriesPerRequest: null, retryStrategy });
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
  if (clients) io.adapter(redisAdapter().createAdapter(clients.pub, clients.sub, { requestsTimeout: 2000 }));
  const crossInstance = () => !clients || (clients.pub.status === 'ready' && clients.sub.status === 'ready');

  const ctx: HandlerContext = { io, log: opts.log, services: opts.services, crossInstance };
  const broadcaster = new MeetingBroadcaster(ctx);
  const notifier = new Notifier({
    services: opts.services,
    onlinePeople: () => {
      const people: OnlinePerson[] = [];
      for (const socket of io.of('/').sockets.values()) {
        const actor = sessionActor(socket as RealtimeSocket);
        if (actor) people.push(actor);
      }
      return people;
    },
    push: (userId, notification) => toRoom(ctx, userRoom(userId)).emit('notification', notification),
  });
  // Inbox items reach the person's devices on every instance (the room crosses the Redis adapter).
  const unregisterInbox = registerInboxPusher({
    db: opts.services.db,
    push: (userId, event) => toRoom(ctx, userRoom(userId)).emit('inbox:changed', event),
  });
  const events = liveCaseEvents(ctx, broadcaster, notifier, peerAccess(ctx, broadcaster, clients !== null));

  io.use(authenticate({ authKey: opts.authKey, services: opts.services }));
  io.on('connection', (socket) => registerHandlers(ctx, { broadcaster, notifier }, socket));

  // Now and then the notices of every professional, not only those online, become inbox items.
  let everyoneAt = 0;
  const everyoneDue = () => {
    if (Date.now() - everyoneAt < EVERYONE_EVERY_MS) return false;
    everyoneAt = Date.now();
    return true;
  };
  // Sessions expire, DBT follow-ups end and deadlines pass without anyone changing anything; and an
  // access change announced while Redis was down is caught here (documents and rooms alike).
  const ticker =
    opts.sweepIntervalMs > 0
      ? setInterval(() => {
          void Promise.all([sweep(ctx, broadcaster), opts.services.collab?.recheckAccess(() => true)])
            .catch((err: Error) => opts.log.warn({ err: { message: err.message } }, 'realtime sweep failed'))
            .then(() => notifier.runNow({ everyone: everyoneDue() }))
            .then(() => runDigests(opts.services.db, opts.services.clock()))
            .catch((err: Error) => opts.log.warn({ err: { message: err.message } }, 'inbox digest failed'));
        }, opts.sweepIntervalMs)
      : null;
  ticker?.unref();
  io.engine.on('connection_error', (err: { code: number; message: string }) => {
    opts.log.debug({ code: err.code, message: err.message }, 'realtime connection error');
  });

  let closing: Promise<void> | null = null;
  return {
    io,
    events,
    get healthy() {
      return crossInstance();
    },
    close() {
      closing ??= (async () => {
        if (ticker) clearInterval(ticker);
        unregisterInbox();
        await notifier.stop();
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
