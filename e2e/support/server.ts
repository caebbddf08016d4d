/**
 * Starts the real Samenspraak server (`node server/dist/main.js`) as a child process on a free port,
 * with a fresh data directory, and stops it the way production does (SIGTERM).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const serverEntry = path.join(repoRoot, 'server/dist/main.js');
const clientIndex = path.join(repoRoot, 'client/dist/index.html');

export interface TestServer {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  readonly secret: string;
  /** The running process (undefined while stopped). */
  readonly pid: number | undefined;
  /** Everything the process wrote so far (stdout and stderr). */
  output(): string;
  /** SIGTERM, then wait for exit (SIGKILL after `timeoutMs`). Resolves with the exit code. */
  stop(timeoutMs?: number): Promise<number | null>;
  /** Start again on the same port and data directory. */
  start(): Promise<void>;
  /** Pause / resume the process (SIGSTOP / SIGCONT): the sockets stay open but nothing is answered. */
  pause(): void;
  resume(): void;
  /** Stop and delete the data directory. */
  dispose(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const probe = createServer();
  probe.listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const address = probe.address();
  probe.close();
  await once(probe, 'close');
  if (!address || typeof address === 'string') throw new Error('could not determine a free port');
  return address.port;
}

async function waitForHealth(url: string, child: ChildProcess, output: () => string, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`server exited (${child.exitCode ?? child.signalCode}) before it was healthy:\n${output()}`);
    }
    try {
      const res = await fetch(`${url}/healthz`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server not healthy within ${timeoutMs} ms:\n${output()}`);
}

export interface TestServerOptions {
  /**
   * Seed the demo organisations, people and cases; logins land in `<dataDir>/demo-logins.txt`. The
   * documents stay empty (`--demo-empty`) unless `exampleText` is set (`--demo`, what `npm start` does).
   */
  demo?: boolean;
  exampleText?: boolean;
  /** A settable domain clock (`PUT /api/test/clock {now}`), for deadlines in end-to-end scenarios. */
  testClock?: boolean;
  /** Extra environment for the server process. */
  env?: Record<string, string>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  for (const [file, hint] of [
    [serverEntry, 'the server is not built: run `npm run build` (or `npx tsc -b shared server`) first'],
    [clientIndex, 'the client is not built: run `npm run build -w client` first'],
  ] as const) {
    if (!existsSync(file)) throw new Error(`${path.relative(repoRoot, file)} is missing — ${hint}`);
  }
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'samenspraak-e2e-'));
  const secret = randomBytes(32).toString('base64url');
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let log = '';

  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    PORT: String(port),
    HOST: '127.0.0.1',
    DATA_DIR: dataDir,
    AUTH_SECRET: secret,
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? 'warn',
    ...(options.testClock ? { SAMENSPRAAK_TEST_CLOCK: '1' } : {}),
    ...options.env,
  };
  const args = [serverEntry, ...(options.demo ? [options.exampleText ? '--demo' : '--demo-empty'] : [])];
  // Always the embedded SQLite store in dataDir, whatever the surrounding environment configures.
  delete env.DATABASE_URL;
  delete env.REDIS_URL;

  const server: TestServer = {
    url,
    port,
    dataDir,
    secret,
    get pid() {
      return child?.pid;
    },
    output: () => log,
    async start() {
      if (child) throw new Error('server already running');
      const proc = spawn(process.execPath, args, { cwd: repoRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
      child = proc;
      proc.stdout?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
      });
      proc.stderr?.on('data', (chunk: Buffer) => {
        log += chunk.toString();
      });
      proc.once('exit', () => {
        if (child === proc) child = undefined;
      });
      try {
        await waitForHealth(url, proc, () => log);
      } catch (err) {
        proc.kill('SIGKILL');
        throw err;
      }
    },
    async stop(timeoutMs = 25_000) {
      const proc = child;
      if (!proc) return null;
      if (proc.exitCode !== null || proc.signalCode !== null) return proc.exitCode;
      const exited = once(proc, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      proc.kill('SIGCONT'); // in case a test paused it
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), timeoutMs);
      const [code] = await exited;
      clearTimeout(timer);
      return code;
    },
    pause() {
      child?.kill('SIGSTOP');
    },
    resume() {
      child?.kill('SIGCONT');
    },
    async dispose() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  await server.start();
  return server;
}
