/**
 * Access changes reach every instance at once. The instance that stored a change re-checks its own
 * connections and asks the others, through the socket.io Redis adapter (`serverSideEmit`), to re-check
 * theirs: the documents (collaboration core) and the socket.io rooms of the case, or every connection
 * of a person. Without Redis there are no other instances; while Redis is down the message is lost and
 * the periodic sweep (NOTIFY_INTERVAL_MS) is the fallback.
 */
import { createRequire } from 'node:module';
import { Server } from 'socket.io';
import type { HandlerContext, RealtimeServer } from '../realtime/types.js';
import { sweep } from './accessSweep.js';
import type { MeetingBroadcaster } from './meetingBroadcast.js';

// ioredis and the socket.io Redis adapter are loaded only when Redis is configured (issue 16, idle RSS).
const requireLazy = createRequire(import.meta.url);
const ioredis = () => requireLazy('ioredis') as typeof import('ioredis');
const redisAdapter = () => requireLazy('@socket.io/redis-adapter') as typeof import('@socket.io/redis-adapter');

/** Ids as the rest of the server makes them; anything else from Redis is ignored. */
const ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,199}$/;

export interface PeerAccess {
  /** Re-checks of a case's connections on the other instances. */
  caseChanged(caseId: string): void;
  /** Re-checks of a person's connections on the other instances. */
  personChanged(userId: string): void;
}

export function peerAccess(ctx: HandlerContext, broadcaster: MeetingBroadcaster, withPeers: boolean): PeerAccess {
  const warn = (what: string) => (err: Error) =>
    ctx.log.warn({ err: { message: err.message } }, `access re-check asked by another instance failed (${what})`);
  if (withPeers) {
    ctx.io.on('access:case', (caseId) => {
      if (typeof caseId !== 'string' || !ID.test(caseId)) return;
      void Promise.all([ctx.services.collab?.recheckCase(caseId), sweep(ctx, broadcaster, { caseId })]).catch(
        warn('case'),
      );
    });
    ctx.io.on('access:person', (userId) => {
      if (typeof userId !== 'string' || !ID.test(userId)) return;
      void Promise.all([ctx.services.collab?.recheckUser(userId), sweep(ctx, broadcaster, { userId })]).catch(
        warn('person'),
      );
    });
  }
  return {
    caseChanged(caseId) {
      if (withPeers) ctx.io.serverSideEmit('access:case', caseId);
    },
    personChanged(userId) {
      if (withPeers) ctx.io.serverSideEmit('access:person', userId);
    },
  };
}

/**
 * From a process that is no instance (the admin CLI): asks every running instance to re-check one
 * person's connections, the way an instance asks its peers. Resolves once Redis has the message.
 */
export async function announcePersonChanged(redisUrl: string, userId: string): Promise<void> {
  const pub = new (ioredis().Redis)(redisUrl, { maxRetriesPerRequest: 1 });
  const sub = new (ioredis().Redis)(redisUrl, { maxRetriesPerRequest: 1 });
  const io: RealtimeServer = new Server();
  try {
    io.adapter(redisAdapter().createAdapter(pub, sub));
    io.serverSideEmit('access:person', userId);
  } finally {
    // QUIT runs after the commands queued before it (the adapter's SUBSCRIBEs, the PUBLISH above), so
    // none is cut off with a rejection nobody handles. Not io.close(): this server has no engine.
    await Promise.all([pub.quit(), sub.quit()]);
  }
}
