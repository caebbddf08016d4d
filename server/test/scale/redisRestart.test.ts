/**
 * Redis dies during edits (a redis-server of this test's own, without persistence, so its streams are
 * gone when it comes back): both instances report "degraded", clients on one instance keep seeing each
 * other, and after Redis is back on the same port every client converges (resync from Postgres).
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { Editor, editContinuously, missingMarks, waitConverged } from '../support/coEditing.js';
import {
  assertBuilt,
  type Instance,
  instanceMetrics,
  killAllInstances,
  startInstance,
  waitForReadiness,
} from '../support/instances.js';
import {
  DATABASE_URL,
  describeWithServices,
  dropSchema,
  freePort,
  freshSchemaName,
  OwnRedis,
} from '../support/services.js';
import { tokenFor } from '../support/tokens.js';
import { sleep, waitFor } from '../support/trackedClient.js';

const schema = freshSchemaName('redisrestart');
const editors: Editor[] = [];
let redis: OwnRedis;
let a: Instance;
let b: Instance;

async function editor(name: string, instance: Instance, docId: string): Promise<Editor> {
  const e = new Editor(name, instance.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: name, name }));
  editors.push(e);
  await waitFor(() => e.client.provider.synced, 10_000, `${name} synced`);
  return e;
}

await describeWithServices('Redis restart during edits', { postgres: true, binary: 'redis-server' }, () => {
  beforeAll(async () => {
    assertBuilt();
    redis = new OwnRedis(await freePort());
    await redis.start();
    const common = { databaseUrl: DATABASE_URL, databaseSchema: schema, redisUrl: redis.url };
    a = await startInstance({ name: 'a', ...common });
    b = await startInstance({ name: 'b', ...common });
  });

  afterAll(async () => {
    for (const e of editors) e.destroy();
    await killAllInstances();
    await redis?.kill();
    await dropSchema(schema).catch(() => {});
  });

  it('degrades without Redis, keeps same-instance editing live, and converges once Redis is back', async () => {
    const docId = `redis-restart-${randomBytes(6).toString('hex')}`;
    const [a1, a2, b1] = [await editor('a1', a, docId), await editor('a2', a, docId), await editor('b1', b, docId)];
    const all = [a1, a2, b1];
    const editing = editContinuously(all, 30);
    try {
      await sleep(800);
      await redis.kill();
      await Promise.all([waitForReadiness(a, 'degraded', 5000), waitForReadiness(b, 'degraded', 5000)]);
      for (const r of await Promise.all([a.readyz(), b.readyz()])) {
        expect(r.status).toBe(200);
        expect(r.body.checks.store).toBe('ok');
        expect(r.body.checks.redis).not.toBe('ok');
      }
      // Clients on the same instance still see each other's edits made during the outage.
      const a1During = a1.edit();
      const a2During = a2.edit();
      await waitFor(
        () => a2.text.includes(`[${a1During}]`) && a1.text.includes(`[${a2During}]`),
        5000,
        'a1 and a2 to see each other during the outage',
      );
      await sleep(1000);

      await redis.start();
      await Promise.all([waitForReadiness(a, 'ready', 10_000), waitForReadiness(b, 'ready', 10_000)]);
      await sleep(800);
      editing.stop();
      await waitConverged(all, 20_000);
      const everyMark = all.flatMap((e) => e.marks);
      console.log(
        `[redis restart] edits: ${everyMark.length}; reported saved: ${all.reduce((n, e) => n + e.confirmed.size, 0)}; ` +
          `missing on a1/a2/b1: ${all.map((e) => missingMarks(e.text, everyMark).length).join('/')}`,
      );
      for (const e of all) expect(missingMarks(e.text, everyMark)).toEqual([]);
      expect(a.alive && b.alive).toBe(true);
      // The documents were reloaded from the store once Redis was back (its streams were lost).
      for (const instance of [a, b]) {
        const metrics = await instanceMetrics(instance);
        const resyncs = Number(/^samenspraak_fanout_resyncs_total (\d+)/m.exec(metrics)?.[1] ?? 0);
        expect(resyncs, `${instance.name} resyncs`).toBeGreaterThanOrEqual(1);
        if (process.env.TEST_SHOW_INSTANCE_LOGS) console.log(`--- ${instance.name}\n${instance.output()}`);
      }
    } finally {
      editing.stop();
    }
  });

  it('shuts down gracefully while Redis is down (no hang, no unhandled rejection)', async () => {
    const docId = `redis-down-stop-${randomBytes(6).toString('hex')}`;
    const e = await editor('s1', a, docId);
    await redis.kill();
    await waitForReadiness(a, 'degraded', 5000);
    e.edit();
    await waitFor(() => e.client.allSaved, 5000, 'saved with Redis down');
    // Exit code 0 means it stopped on its own; a hang ends in SIGKILL after the bound (exit code null).
    expect(await a.stop(30_000)).toBe(0);
    expect(a.output()).not.toMatch(/unhandled|UnhandledPromiseRejection/i);
  });
});
