/**
 * RedisFanout against real Redis: binary-safe round trips, own entries ignored, the subscribe position,
 * prompt pick-up of new subscriptions, fail-fast publishing and resync after a Redis restart (on a
 * redis-server of its own, which this file kills and restarts).
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, expect, it } from 'vitest';
import type { RemoteHandlers } from '../../src/collab/types.js';
import { createLogger } from '../../src/observability/logger.js';
import { RedisFanout, STREAM_PREFIX } from '../../src/scale/redisFanout.js';
import { describeWithServices, freePort, OwnRedis, REDIS_URL } from '../support/services.js';
import { waitFor } from '../support/trackedClient.js';

const log = createLogger(process.env.TEST_LOG_LEVEL ?? 'silent');
const fanouts: RedisFanout[] = [];
const docs: string[] = [];

function fanout(url = REDIS_URL, extra: Partial<ConstructorParameters<typeof RedisFanout>[0]> = {}): RedisFanout {
  const f = new RedisFanout({ url, instanceId: 'test', log, blockMs: 500, lookbackMs: 0, ...extra });
  fanouts.push(f);
  return f;
}

function docId(): string {
  const id = `fanout-test-${randomBytes(6).toString('hex')}`;
  docs.push(id);
  return id;
}

function recorder() {
  const updates: Uint8Array[] = [];
  let resyncs = 0;
  const handlers: RemoteHandlers = {
    update: (u) => updates.push(u),
    resync: () => {
      resyncs += 1;
    },
  };
  return {
    handlers,
    updates,
    get resyncs() {
      return resyncs;
    },
  };
}

afterAll(async () => {
  await Promise.all(fanouts.map((f) => f.close()));
  const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 0 });
  redis.on('error', () => {});
  if (docs.length > 0) await redis.del(...docs.map((d) => STREAM_PREFIX + d)).catch(() => {});
  redis.disconnect();
});

await describeWithServices('RedisFanout on real Redis', { redis: true, binary: 'redis-server' }, () => {
  it('delivers binary updates to other instances, not to the publisher itself, in order', async () => {
    const a = fanout();
    const b = fanout();
    const doc = docId();
    const ra = recorder();
    const rb = recorder();
    await a.subscribe(doc, ra.handlers);
    await b.subscribe(doc, rb.handlers);
    const payloads = Array.from({ length: 20 }, (_, i) => new Uint8Array([i, 0, 255, 13, 10, ...randomBytes(40)]));
    for (const p of payloads) a.publish(doc, p);
    await waitFor(() => rb.updates.length === payloads.length, 5000, 'b to receive every update');
    expect(rb.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(
      payloads.map((p) => Buffer.from(p).toString('hex')),
    );
    await new Promise((r) => setTimeout(r, 300));
    expect(ra.updates).toHaveLength(0);
    expect((await a.counters.published.get()).values[0]!.value).toBe(20);
    // Trimmed (MAXLEN ~) and expiring when idle, so Redis memory stays bounded.
    const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 0 });
    try {
      expect(await redis.pttl(STREAM_PREFIX + doc)).toBeGreaterThan(0);
    } finally {
      redis.disconnect();
    }
  });

  it('starts at the stream position fixed by subscribe and picks new subscriptions up promptly', async () => {
    const a = fanout();
    // A block far longer than the wait below: only CLIENT UNBLOCK can deliver in time (no timing assertion).
    const b = fanout(REDIS_URL, { blockMs: 120_000 });
    const doc1 = docId();
    const doc2 = docId();
    const r1 = recorder();
    await b.subscribe(doc1, r1.handlers);
    // b's reader now blocks on doc1 only; published before b subscribes to doc2: not delivered.
    a.publish(doc2, new Uint8Array([1]));
    await new Promise((r) => setTimeout(r, 200));
    const r2 = recorder();
    await b.subscribe(doc2, r2.handlers);
    a.publish(doc2, new Uint8Array([2]));
    // CLIENT UNBLOCK interrupts the XREAD that did not cover doc2, long before its 120 s block ends.
    await waitFor(() => r2.updates.length >= 1, 30_000, 'the new subscription to deliver');
    await new Promise((r) => setTimeout(r, 200));
    expect(r2.updates.map((u) => [...u])).toEqual([[2]]);
    expect(r1.updates).toHaveLength(0);
  });

  it('replays a short look-back window on subscribe (duplicates are harmless, gaps are not)', async () => {
    const a = fanout();
    const b = fanout(REDIS_URL, { lookbackMs: 60_000 });
    const doc = docId();
    a.publish(doc, new Uint8Array([7]));
    await new Promise((r) => setTimeout(r, 100));
    const r = recorder();
    await b.subscribe(doc, r.handlers);
    await waitFor(() => r.updates.length === 1, 3000, 'the look-back entry');
    expect([...r.updates[0]!]).toEqual([7]);
  });

  it('stops delivering after unsubscribe', async () => {
    const a = fanout();
    const b = fanout();
    const doc = docId();
    const r = recorder();
    await b.subscribe(doc, r.handlers);
    a.publish(doc, new Uint8Array([1]));
    await waitFor(() => r.updates.length === 1, 3000, 'first update');
    b.unsubscribe(doc);
    a.publish(doc, new Uint8Array([2]));
    await new Promise((r) => setTimeout(r, 800));
    expect(r.updates).toHaveLength(1);
  });

  it('fails fast with Redis down, resyncs every document when it is back, and re-publishes', async () => {
    const redis = new OwnRedis(await freePort());
    await redis.start();
    try {
      const a = fanout(redis.url);
      const b = fanout(redis.url);
      const doc = docId();
      const ra = recorder();
      const rb = recorder();
      await a.subscribe(doc, ra.handlers);
      await b.subscribe(doc, rb.handlers);
      await waitFor(() => a.healthy && b.healthy, 5000, 'healthy');

      await redis.kill();
      await waitFor(() => !a.healthy && !b.healthy, 5000, 'unhealthy after the kill');
      // publish never waits for Redis: with it down, each one fails at once (counted before returning).
      for (let i = 0; i < 100; i++) a.publish(doc, new Uint8Array([9, i]));
      expect((await a.counters.publishFailures.get()).values[0]!.value).toBe(100);
      // A document opened during the outage still subscribes (without a position).
      const doc2 = docId();
      const rb2 = recorder();
      await b.subscribe(doc2, rb2.handlers);

      await redis.start();
      await waitFor(() => a.healthy && b.healthy, 10_000, 'healthy again');
      await waitFor(() => rb.resyncs >= 1 && ra.resyncs >= 1 && rb2.resyncs >= 1, 5000, 'resync of every document');
      // The updates that failed during the outage arrive after all.
      await waitFor(() => rb.updates.length >= 100, 5000, 're-published updates');
      a.publish(doc2, new Uint8Array([42]));
      await waitFor(() => rb2.updates.some((u) => u[0] === 42), 5000, 'delivery on the new subscription');
      expect((await a.counters.publishFailures.get()).values[0]!.value).toBeGreaterThanOrEqual(100);
    } finally {
      await redis.kill();
    }
  });
});
