/**
 * Scale-out scenarios: Samenspraak on Postgres + Redis with 1 and 2 instances, and Hocuspocus 4 with
 * `@hocuspocus/extension-redis` on 2 instances. Every run gets a random tag; all names derive from it —
 * Postgres schemas `bench_<tag>_<n>`, documents `bench-<tag>-<scenario>-<d>` (so Samenspraak's streams are
 * `samenspraak:doc:bench-<tag>-…`), Hocuspocus' Redis prefix `bench_<tag>_hp` — so concurrent runs never
 * share state, and `cleanupScale` can drop exactly this run's schemas and keys afterwards.
 */
import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import pg from 'pg';
import type { LoadResult, LoadTarget } from './load.js';
import { freePort, makeTempDir, type RunningServer, removeTempDir, startServer } from './servers.js';

/** From the environment (a fresh clone: DATABASE_URL / REDIS_URL), else the local services. */
export const DATABASE_URL = process.env.DATABASE_URL || 'postgres://127.0.0.1:5432/test';
export const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
export const REDIS_HOST = new URL(REDIS_URL).hostname;
export const REDIS_PORT = Number(new URL(REDIS_URL).port || 6379);

export const SCALE_SCENARIOS = ['samenspraak-pg', 'samenspraak-pg-x2', 'hocuspocus-redis-x2'] as const;
export type ScaleScenario = (typeof SCALE_SCENARIOS)[number];

function withAppName(url: string): string {
  const u = new URL(url);
  u.searchParams.set('application_name', APP_NAME);
  return u.toString();
}

/** Why Postgres / Redis cannot be used (null: reachable), for the scenarios that need them. */
export async function probePostgres(): Promise<string | null> {
  try {
    await withPg((c) => c.query('SELECT 1'));
    return null;
  } catch (err) {
    return `Postgres unreachable at ${redact(DATABASE_URL)} (${(err as Error).message}); set DATABASE_URL`;
  }
}

export async function probeRedis(): Promise<string | null> {
  const r = redisClient();
  try {
    await r.connect();
    await r.ping();
    return null;
  } catch (err) {
    return `Redis unreachable at ${redact(REDIS_URL)} (${(err as Error).message}); set REDIS_URL`;
  } finally {
    r.disconnect();
  }
}

function redact(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
}

/** 8 hex characters, fixed for the process: one bench run. */
export const RUN_TAG = randomBytes(4).toString('hex');
/** Postgres application_name of this run's server connections, to find their backends' pids. */
const APP_NAME = `bench_${RUN_TAG}`;
const schemas = new Set<string>();
/** SCAN MATCH patterns of this run's Redis keys. */
const keyPatterns = new Set<string>();

function redisClient(): Redis {
  return new Redis({
    host: REDIS_HOST,
    port: REDIS_PORT,
    lazyConnect: true,
    connectTimeout: 3000,
    commandTimeout: 5000,
    maxRetriesPerRequest: 1,
    retryStrategy: () => null,
  });
}

async function withPg<T>(f: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: DATABASE_URL, connectionTimeoutMillis: 3000, statement_timeout: 10_000 });
  await c.connect();
  try {
    return await f(c);
  } finally {
    await c.end();
  }
}

/** redis-server's pid (local Redis) — its CPU is part of a scale-out scenario's cost, not "other" load. */
async function redisPid(): Promise<number[]> {
  const r = redisClient();
  try {
    await r.connect();
    const pid = Number(/process_id:(\d+)/.exec(await r.info('server'))?.[1]);
    return Number.isInteger(pid) ? [pid] : [];
  } finally {
    r.disconnect();
  }
}

/** This run's Postgres backends plus Postgres' own background processes (WAL writer, checkpointer, …). */
async function postgresPids(): Promise<number[]> {
  return withPg(async (c) => {
    const res = await c.query<{ pid: number }>(
      `SELECT pid FROM pg_stat_activity WHERE application_name = $1 OR backend_type <> 'client backend'`,
      [APP_NAME],
    );
    return res.rows.map((r) => r.pid);
  });
}

/** Deletes the keys matching one pattern; bounded (at most 10,000 SCAN rounds). Returns how many. */
async function deleteKeys(r: Redis, pattern: string): Promise<number> {
  let cursor = '0';
  let deleted = 0;
  for (let round = 0; round < 10_000; round++) {
    const [next, keys] = await r.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    if (keys.length) deleted += await r.unlink(...keys);
    cursor = next;
    if (cursor === '0') break;
  }
  return deleted;
}

/**
 * Drops this run's schemas and deletes its Redis keys (idempotent; also run at exit and on signals).
 * Returns what it did, for the log.
 */
export async function cleanupScale(): Promise<string> {
  const done: string[] = [];
  if (schemas.size) {
    await withPg(async (c) => {
      for (const s of schemas) await c.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(s)} CASCADE`);
    });
    done.push(`dropped schema(s) ${[...schemas].join(', ')}`);
    schemas.clear();
  }
  if (keyPatterns.size) {
    const r = redisClient();
    try {
      await r.connect();
      let n = 0;
      for (const p of keyPatterns) n += await deleteKeys(r, p);
      done.push(`deleted ${n} Redis key(s) matching ${[...keyPatterns].join(', ')}`);
      keyPatterns.clear();
    } finally {
      r.disconnect();
    }
  }
  return done.join('; ');
}

/** Samenspraak on one Postgres schema and one Redis, `instances` processes, distinct INSTANCE_IDs. */
export function samenspraakScale(instances: 1 | 2, secret: string): LoadTarget {
  const schema = `bench_${RUN_TAG}_${instances}`;
  const docPrefix = `bench-${RUN_TAG}-s${instances}-`;
  const dirs: string[] = [];
  return {
    scenario: instances === 1 ? 'samenspraak-pg' : 'samenspraak-pg-x2',
    label: `Samenspraak PG+Redis ×${instances}`,
    kind: 'samenspraak',
    instances,
    docPrefix,
    async start(started: RunningServer[]) {
      schemas.add(schema);
      keyPatterns.add(`samenspraak:doc:${docPrefix}*`);
      // One after the other: the first creates the schema and runs the migrations.
      for (let k = 0; k < instances; k++) {
        const dataDir = makeTempDir(`bench-samenspraak-${k + 1}-`);
        dirs.push(dataDir);
        const env = {
          DATABASE_URL: withAppName(DATABASE_URL),
          DATABASE_SCHEMA: schema,
          REDIS_URL,
          INSTANCE_ID: `bench-${RUN_TAG}-${k + 1}`,
        };
        started.push(await startServer('samenspraak', await freePort(), { dataDir, secret, env }));
      }
    },
    infraPids: async () => [...(await redisPid()), ...(await postgresPids())],
    async cleanup() {
      for (const d of dirs.splice(0)) removeTempDir(d);
      return cleanupScale();
    },
  };
}

/** Hocuspocus 4 + @hocuspocus/extension-redis (pub/sub) on 2 instances, with this run's key prefix. */
export function hocuspocusScale(): LoadTarget {
  const prefix = `bench_${RUN_TAG}_hp`;
  return {
    scenario: 'hocuspocus-redis-x2',
    label: 'Hocuspocus 4 Redis ×2',
    kind: 'hocuspocus',
    instances: 2,
    docPrefix: `bench-${RUN_TAG}-h2-`,
    async start(started: RunningServer[]) {
      keyPatterns.add(`${prefix}*`);
      for (let k = 0; k < 2; k++) {
        const env = {
          HOCUSPOCUS_REDIS_PREFIX: prefix,
          HOCUSPOCUS_REDIS_HOST: REDIS_HOST,
          HOCUSPOCUS_REDIS_PORT: String(REDIS_PORT),
          HOCUSPOCUS_INSTANCE_ID: `bench-${RUN_TAG}-hp-${k + 1}`,
        };
        started.push(await startServer('hocuspocus', await freePort(), { dataDir: '', secret: '', env }));
      }
    },
    infraPids: redisPid,
    cleanup: cleanupScale,
  };
}

export function scaleTarget(name: ScaleScenario, secret: string): LoadTarget {
  if (name === 'samenspraak-pg') return samenspraakScale(1, secret);
  if (name === 'samenspraak-pg-x2') return samenspraakScale(2, secret);
  return hocuspocusScale();
}

export interface ScaleRatios {
  /** Samenspraak ×2 cross-instance p99 / Hocuspocus ×2 cross-instance p99 (target ≤ 1). */
  crossP99SamenspraakX2OverHocuspocusX2: number | null;
  /** Samenspraak ×2 / Samenspraak PG+Redis ×1 server CPU per 1,000 deliveries (target ≤ 1.3). */
  cpuSamenspraakX2OverPgX1: number | null;
  /** Samenspraak ×2 / Samenspraak SQLite ×1 server CPU per 1,000 deliveries (information). */
  cpuSamenspraakX2OverSqliteX1: number | null;
}
export interface Target {
  name: string;
  value: string;
  /** '' for a ratio printed for information only. */
  target: string;
  /** null: not measured (scenario skipped or failed). */
  met: boolean | null;
}

const div = (a: number | undefined, b: number | undefined) => (a && b ? a / b : null);

/** The ratios and targets from the load results (absent scenarios give null / "not measured"). */
export function scaleRatios(load: LoadResult[]): { ratios: ScaleRatios; targets: Target[] } {
  const by = (s: string) => load.find((r) => r.scenario === s && !r.error);
  const sqlite = by('samenspraak');
  const pg1 = by('samenspraak-pg');
  const ss2 = by('samenspraak-pg-x2');
  const hp2 = by('hocuspocus-redis-x2');
  const ratios: ScaleRatios = {
    crossP99SamenspraakX2OverHocuspocusX2: div(ss2?.crossLatency?.p99, hp2?.crossLatency?.p99),
    cpuSamenspraakX2OverPgX1: div(ss2?.cpuMsPer1kDeliveries, pg1?.cpuMsPer1kDeliveries),
    cpuSamenspraakX2OverSqliteX1: div(ss2?.cpuMsPer1kDeliveries, sqlite?.cpuMsPer1kDeliveries),
  };
  const f = (v: number | null, d = 2) => (v === null ? 'n/a' : v.toFixed(d));
  const targets: Target[] = [
    {
      name: 'Samenspraak ×2 / Hocuspocus ×2 cross-instance p99',
      value: f(ratios.crossP99SamenspraakX2OverHocuspocusX2),
      target: '≤ 1',
      met:
        ratios.crossP99SamenspraakX2OverHocuspocusX2 === null
          ? null
          : ratios.crossP99SamenspraakX2OverHocuspocusX2 <= 1,
    },
    {
      name: 'Samenspraak ×2 / Samenspraak PG+Redis ×1 server CPU per 1,000 deliveries',
      value: f(ratios.cpuSamenspraakX2OverPgX1),
      target: '≤ 1.3',
      met: ratios.cpuSamenspraakX2OverPgX1 === null ? null : ratios.cpuSamenspraakX2OverPgX1 <= 1.3,
    },
    {
      name: 'Samenspraak ×2 / Samenspraak SQLite ×1 server CPU per 1,000 deliveries',
      value: f(ratios.cpuSamenspraakX2OverSqliteX1),
      target: '',
      met: null,
    },
  ];
  for (const r of load.filter((l) => SCALE_SCENARIOS.includes(l.scenario as ScaleScenario))) {
    targets.push({
      name: `${r.label} delivery ratio`,
      value: r.error ? 'FAILED' : f(r.deliveryRatio ?? null, 5),
      target: 'no loss (1.00000)',
      met: r.error ? false : (r.observed ?? 0) >= (r.expected ?? 1),
    });
  }
  return { ratios, targets };
}
