/**
 * Samenspraak instances as separate processes (`node server/dist/main.js`), as in production. The
 * build must be current: `npx tsc -b shared server` (checked here, so a stale build cannot pass a test).
 * Every process started here is killed in `killAllInstances()` and when the test process exits.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort } from './services.js';
import { TEST_SECRET } from './testServer.js';

export const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const MAIN = path.join(ROOT, 'server/dist/main.js');

/**
 * Throws a clear message when server/dist is missing or older than its sources (asking TypeScript's own
 * build mode, `tsc -b --dry`), so a stale build cannot make a multi-process test pass or fail.
 */
export function assertBuilt(): void {
  const hint = 'build it first: npx tsc -b shared server (from the repository root)';
  if (!fs.existsSync(MAIN)) throw new Error(`server/dist/main.js is missing — ${hint}`);
  const tsc = path.join(ROOT, 'node_modules/typescript/bin/tsc');
  const dry = spawnSync(process.execPath, [tsc, '-b', 'shared', 'server', '--dry'], { cwd: ROOT, encoding: 'utf8' });
  const stale = /would build project '([^']+)'/.exec(dry.stdout ?? '');
  if (stale) throw new Error(`the build of ${path.relative(ROOT, stale[1]!)} is out of date — ${hint}`);
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGKILL');
});

export interface Instance {
  readonly name: string;
  readonly url: string;
  readonly wsUrl: string;
  readonly port: number;
  readonly pid: number | undefined;
  readonly alive: boolean;
  output(): string;
  readyz(): Promise<{ status: number; body: { status: string; checks: Record<string, string> } }>;
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** SIGTERM (graceful: flush), SIGKILL after the timeout; resolves with the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
}

export interface InstanceOptions {
  name: string;
  databaseUrl?: string;
  databaseSchema?: string;
  redisUrl?: string;
  env?: Record<string, string>;
  /** A data directory of the caller's (kept after exit), e.g. on a small tmpfs; default a fresh temp dir. */
  dataDir?: string;
  /** Where the process's stdout and stderr go: collected (default), or an open file descriptor. */
  output?: 'collect' | number;
}

export const TEST_METRICS_TOKEN = 'test-metrics-token-that-is-long-enough-42';

/** The Prometheus text of a production instance (which needs the metrics token). */
export async function instanceMetrics(instance: { url: string }): Promise<string> {
  const res = await fetch(`${instance.url}/metrics`, { headers: { authorization: `Bearer ${TEST_METRICS_TOKEN}` } });
  if (!res.ok) throw new Error(`/metrics answered ${res.status}`);
  return res.text();
}

export async function startInstance(opts: InstanceOptions): Promise<Instance> {
  const port = await freePort();
  const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), `samenspraak-${opts.name}-`));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    AUTH_SECRET: TEST_SECRET,
    // Production instances serve /metrics only with the token.
    METRICS_TOKEN: TEST_METRICS_TOKEN,
    INSTANCE_ID: opts.name,
    LOG_LEVEL: process.env.TEST_INSTANCE_LOG_LEVEL ?? 'warn',
    CLIENT_DIR: path.join(dataDir, 'no-client'),
    ...(opts.databaseUrl && { DATABASE_URL: opts.databaseUrl }),
    ...(opts.databaseSchema && { DATABASE_SCHEMA: opts.databaseSchema }),
    ...(opts.redisUrl && { REDIS_URL: opts.redisUrl }),
    ...opts.env,
  };
  let log = '';
  const out = opts.output ?? 'collect';
  const stdio = typeof out === 'number' ? (['ignore', out, out] as const) : (['ignore', 'pipe', 'pipe'] as const);
  const proc = spawn(process.execPath, [MAIN], { cwd: ROOT, env, stdio: [...stdio] });
  live.add(proc);
  const append = (c: Buffer) => {
    log = (log + c.toString()).slice(-20_000);
  };
  if (out === 'collect') {
    proc.stdout?.on('data', append);
    proc.stderr?.on('data', append);
  }
  const exited = new Promise<number | null>((resolve) =>
    proc.once('exit', (code) => {
      live.delete(proc);
      if (!opts.dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${port}`;
  const instance: Instance = {
    name: opts.name,
    url,
    wsUrl: `ws://127.0.0.1:${port}`,
    port,
    pid: proc.pid,
    get alive() {
      return proc.exitCode === null && proc.signalCode === null;
    },
    output: () => log,
    async readyz() {
      const res = await fetch(`${url}/readyz`, { signal: AbortSignal.timeout(5000) });
      return { status: res.status, body: (await res.json()) as { status: string; checks: Record<string, string> } };
    },
    async kill(signal = 'SIGKILL') {
      if (!instance.alive) return;
      proc.kill(signal);
      await exited;
    },
    async stop(timeoutMs = 20_000) {
      if (!instance.alive) return proc.exitCode;
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  const deadline = Date.now() + 20_000;
  while (true) {
    if (!instance.alive) throw new Error(`instance ${opts.name} exited before it was healthy:\n${log}`);
    try {
      const res = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) });
      if (res.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`instance ${opts.name} not healthy within 20 s:\n${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return instance;
}

export async function killAllInstances(): Promise<void> {
  await Promise.all(
    [...live].map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGKILL');
        }),
    ),
  );
}

/** Polls /readyz until `status` is reported (bounded). */
export async function waitForReadiness(instance: Instance, status: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const r = await instance.readyz();
      last = JSON.stringify(r);
      if (r.body.status === status) return;
    } catch (err) {
      last = (err as Error).message;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${instance.name}: /readyz never said "${status}" within ${timeoutMs} ms; last: ${last}`);
}
