/**
 * Presence (awareness) across instances over Redis pub/sub. Awareness is ephemeral and renewed by every
 * client every 15 s, so a message lost while Redis is down costs nothing lasting: no stream, no replay.
 * Each message carries the sending instance's tag so an instance ignores its own.
 */
import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type { Redis } from 'ioredis';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Fanout } from '../collab/types.js';
import type { Logger } from '../observability/logger.js';

// ioredis is loaded only when Redis is configured: a single instance never holds it (issue 16, idle RSS).
const requireLazy = createRequire(import.meta.url);
const ioredis = () => requireLazy('ioredis') as typeof import('ioredis');

const CHANNEL_PREFIX = 'samenspraak:awareness:';

export class RedisAwarenessRelay {
  private readonly pub: Redis;
  private readonly sub: Redis;
  private readonly origin: string;
  private readonly handlers = new Map<string, (update: Uint8Array) => void>();
  private lastError = 0;

  constructor(
    url: string,
    instanceId: string,
    private readonly log: Logger,
  ) {
    this.origin = `${instanceId}#${crypto.randomBytes(4).toString('hex')}`;
    const retryStrategy = (times: number) => Math.min(50 * 2 ** Math.min(times, 10), 2000);
    this.pub = new (ioredis().Redis)(url, {
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      retryStrategy,
      enableAutoPipelining: true,
    });
    // The subscriber keeps its SUBSCRIBE commands until connected and resubscribes after a reconnect.
    this.sub = new (ioredis().Redis)(url, { maxRetriesPerRequest: null, retryStrategy });
    for (const conn of [this.pub, this.sub]) conn.on('error', (err: Error) => this.warn(err));
    this.sub.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message));
  }

  publish(docId: string, update: Uint8Array): void {
    const e = encoding.createEncoder();
    encoding.writeVarString(e, this.origin);
    encoding.writeVarUint8Array(e, update);
    this.pub
      .publish(CHANNEL_PREFIX + docId, Buffer.from(encoding.toUint8Array(e)))
      .catch((err: Error) => this.warn(err));
  }

  subscribe(docId: string, onUpdate: (update: Uint8Array) => void): void {
    this.handlers.set(docId, onUpdate);
    this.sub.subscribe(CHANNEL_PREFIX + docId).catch((err: Error) => this.warn(err));
  }

  unsubscribe(docId: string): void {
    if (!this.handlers.delete(docId)) return;
    this.sub.unsubscribe(CHANNEL_PREFIX + docId).catch((err: Error) => this.warn(err));
  }

  close(): void {
    this.handlers.clear();
    this.pub.disconnect();
    this.sub.disconnect();
  }

  private receive(channel: string, message: Buffer): void {
    const handler = this.handlers.get(channel.slice(CHANNEL_PREFIX.length));
    if (!handler) return;
    try {
      const d = decoding.createDecoder(new Uint8Array(message.buffer, message.byteOffset, message.byteLength));
      if (decoding.readVarString(d) === this.origin) return;
      handler(decoding.readVarUint8Array(d));
    } catch (err) {
      this.warn(err as Error);
    }
  }

  private warn(err: Error): void {
    if (Date.now() - this.lastError < 10_000) return;
    this.lastError = Date.now();
    this.log.warn(
      { err: { message: err.message } },
      'awareness relay: Redis unavailable; presence stays on this instance',
    );
  }
}

/** The document fan-out plus presence: one Fanout for the collaboration core. */
export function withAwareness(fanout: Fanout, relay: RedisAwarenessRelay): Fanout {
  return {
    publish: (docId, update, claims) => fanout.publish(docId, update, claims),
    publishAwareness: (docId, update) => relay.publish(docId, update),
    subscribe: async (docId, handlers) => {
      if (handlers.awareness) relay.subscribe(docId, handlers.awareness);
      await fanout.subscribe(docId, handlers);
    },
    unsubscribe: (docId) => {
      relay.unsubscribe(docId);
      fanout.unsubscribe(docId);
    },
    close: async () => {
      relay.close();
      await fanout.close();
    },
  };
}
