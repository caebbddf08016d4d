/**
 * Real Redis and Postgres for the scale-out and realtime tests. When a service is unreachable the
 * tests FAIL in CI (CI=true) and are skipped with a loud warning elsewhere: never a silent pass.
 *
 * TEST_REDIS_URL (default redis://127.0.0.1:6379) and TEST_DATABASE_URL (default
 * postgres://root@127.0.0.1:5432/test; node-postgres needs the user in the URL when $USER is unset).
 * Postgres isolation: every test file works in its own schema (DATABASE_SCHEMA for server processes).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net from 'node:net';
import { Redis } from 'ioredis';
import pg from 'pg';
import { describe, it } from 'vitest';

export const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
export const DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://root@127.0.0.1:5432/test';

/** The URL without its password, for messages. */
export function redacted(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '<unparseable url>';
  }
}

/** null when Redis answers PING, otherwise why not. */
export async function probeRedis(url = REDIS_URL): Promise<string | null> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 2000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  let cause = '';
  redis.on('error', (err: Error) => {
    cause ||= err.message;
  });
  try {
    await redis.connect();
    await redis.ping();
    return null;
  } catch (err) {
    return cause || (err as Error).message || String(err);
  } finally {
    redis.disconnect();
  }
}

/** null when Postgres answers, otherwise why not. */
export async function probePostgres(url = DATABASE_URL): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000, query_timeout: 5000 });
  client.on('error', () => {});
  try {
    await client.connect();
    await client.query('SELECT 1');
    return null;
  } catch (err) {
    return (err as Error).message || String(err);
  } finally {
    await client.end().catch(() => {});
  }
}

export interface Needs {
  redis?: boolean;
  postgres?: boolean;
  /** An executable that must be on PATH (e.g. redis-server). */
  binary?: string;
}

/** Problems with the services a suite needs; empty when all are there. */
export async function missingServices(needs: Needs): Promise<string[]> {
  const problems: string[] = [];
  if (needs.redis) {
    const why = await probeRedis();
    if (why) problems.push(`Redis at ${redacted(REDIS_URL)} (${why}); set TEST_REDIS_URL`);
  }
  if (needs.postgres) {
    const why = await probePostgres();
    if (why) problems.push(`Postgres at ${redacted(DATABASE_URL)} (${why}); set TEST_DATABASE_URL`);
  }
  if (needs.binary && spawnSync('which', [needs.binary]).status !== 0) {
    problems.push(`the ${needs.binary} executable (not on PATH)`);
  }
  return problems;
}

/**
 * `describe` when the services are reachable; otherwise a failing test in CI, or a loudly announced
 * `describe.skip` on a workstation.
 */
export async function describeWithServices(name: string, needs: Needs, body: () => void): Promise<void> {
  const problems = await missingServices(needs);
  if (problems.length === 0) {
    describe(name, body);
  } else if (process.env.CI === 'true') {
    describe(name, () => {
      it('needs its services', () => {
        throw new Error(`required in CI but unreachable: ${problems.join('; ')}`);
      });
    });
  } else {
    console.warn(`\n!!! ${name}: SKIPPED — unreachable: ${problems.join('; ')}\n`);
    describe.skip(name, body);
  }
}

/** A fresh schema name; the store creates it on open. */
export function freshSchemaName(prefix = 't'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

export async function withPg<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  client.on('error', () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withPg(DATABASE_URL, (c) => c.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A throwaway redis-server (no persistence) on a fixed port, which tests may kill and start again. */
export class OwnRedis {
  private proc: ChildProcess | null = null;
  private log = '';

  constructor(readonly port: number) {}

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(timeoutMs = 10_000): Promise<void> {
    if (this.proc) throw new Error('redis-server already running');
    const proc = spawn(
      'redis-server',
      ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.proc = proc;
    proc.stdout?.on('data', (c: Buffer) => {
      this.log = (this.log + c.toString()).slice(-4000);
    });
    proc.stderr?.on('data', (c: Buffer) => {
      this.log = (this.log + c.toString()).slice(-4000);
    });
    proc.once('exit', () => {
      if (this.proc === proc) this.proc = null;
    });
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      if (proc.exitCode !== null) throw new Error(`redis-server exited (${proc.exitCode}):\n${this.log}`);
      if ((await probeRedis(this.url)) === null) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    proc.kill('SIGKILL');
    throw new Error(`redis-server did not answer within ${timeoutMs} ms:\n${this.log}`);
  }

  /** SIGKILL and wait until it is gone. */
  async kill(): Promise<void> {
    const proc = this.proc;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGKILL');
    await exited;
  }
}
