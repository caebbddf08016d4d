/**
 * Starts and stops the three servers under test, each as its own child process (spawned directly with
 * the node binary, so the pid we sample in /proc is the server itself and not a shell or npm wrapper).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './latency.js';

export type ServerKind = 'samenspraak' | 'hocuspocus' | 'ywebsocket';
export const SERVER_LABEL: Record<ServerKind, string> = {
  samenspraak: 'Samenspraak',
  hocuspocus: 'Hocuspocus 4',
  ywebsocket: 'y-websocket 2.x',
};

/** Repository root: this file lives in bench/dist/. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
/** BENCH_SAMENSPRAAK_MAIN: another build of the server (e.g. a baseline) for a before/after comparison. */
export const SAMENSPRAAK_MAIN = process.env.BENCH_SAMENSPRAAK_MAIN || path.join(ROOT, 'server', 'dist', 'main.js');

export interface RunningServer {
  kind: ServerKind;
  pid: number;
  port: number;
  /** ws:// base URL clients connect to (Samenspraak: including /collab). */
  wsUrl: string;
  /** Last lines of the server's stdout/stderr, for error messages. */
  output(): string;
  /** SIGTERM, wait for a clean exit (Samenspraak flushes and compacts), SIGKILL after the timeout. */
  stop(timeoutMs?: number): Promise<number | null>;
  /**
   * The server's event-loop delay (perf_hooks.monitorEventLoopDelay, 10 ms resolution) since the previous
   * call, which resets it: Samenspraak's from /metrics (prom-client resets at every scrape), Hocuspocus'
   * from the peer's own readout port. null where the server has none (y-websocket).
   */
  loopDelay(): Promise<LoopDelay | null>;
}

export interface LoopDelay {
  p99Ms: number;
  maxMs: number;
}

/** Reads `<name> <value>` from a Prometheus text exposition. */
function promValue(text: string, name: string): number {
  const m = new RegExp(`^${name} ([0-9.eE+-]+)$`, 'm').exec(text);
  return m ? Number(m[1]) : Number.NaN;
}

export interface SamenspraakOptions {
  dataDir: string;
  secret: string;
  /** Extra environment for the child (scale-out: DATABASE_URL, REDIS_URL, INSTANCE_ID, Hocuspocus' Redis). */
  env?: Record<string, string>;
  /** Extra arguments after main.js (the api scenario: --demo-empty). */
  args?: string[];
}

/** Every child we started, so the exit handlers in run.ts can kill whatever is still alive. */
const live = new Set<ChildProcess>();
const tempDirs = new Set<string>();
export function killAllChildren(): void {
  for (const child of live) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  live.clear();
  for (const dir of tempDirs) removeTempDir(dir);
}

/** Fresh data directories under the OS temp dir, removed again even when the run is interrupted. */
export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}
export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}
export function track(child: ChildProcess): void {
  live.add(child);
  child.once('exit', () => live.delete(child));
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

export async function startServer(kind: ServerKind, port: number, opts?: SamenspraakOptions): Promise<RunningServer> {
  let loopPort = 0;
  const base = { ...process.env, HOST: '127.0.0.1', PORT: String(port) };
  let args: string[];
  let env: NodeJS.ProcessEnv = base;
  if (kind === 'samenspraak') {
    if (!opts) throw new Error('samenspraak needs dataDir and secret');
    if (!fs.existsSync(SAMENSPRAAK_MAIN)) {
      throw new Error(`${SAMENSPRAAK_MAIN} does not exist — build it with: npx tsc -b shared server`);
    }
    args = [SAMENSPRAAK_MAIN, ...(opts.args ?? [])];
    env = {
      ...base,
      DATA_DIR: opts.dataDir,
      AUTH_SECRET: opts.secret,
      LOG_LEVEL: 'warn',
      NODE_ENV: 'production',
      // The bench sends far more than a human would; the default per-connection rate limit would close us.
      LIMIT_RATE_MESSAGES_PER_SECOND: '100000',
      LIMIT_RATE_BURST: '100000',
      // The bench reads the event-loop delay from /metrics (see RunningServer.loopDelay).
      METRICS_TOKEN: opts.secret,
      // SQLite and no fan-out unless the scenario says otherwise, whatever the caller's shell exports.
      DATABASE_URL: '',
      DATABASE_SCHEMA: '',
      REDIS_URL: '',
      ...opts.env,
    };
  } else if (kind === 'hocuspocus') {
    args = [path.join(ROOT, 'bench', 'dist', 'peers', 'hocuspocusServer.js')];
    loopPort = await freePort();
    env = { ...base, LOOP_PORT: String(loopPort), ...opts?.env };
  } else {
    args = [path.join(ROOT, 'node_modules', 'y-websocket', 'bin', 'server.cjs')];
  }
  const child = spawn(process.execPath, args, { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  track(child);
  let tail = '';
  const keep = (chunk: Buffer) => {
    tail = (tail + chunk.toString()).slice(-4000);
  };
  child.stdout!.on('data', keep);
  child.stderr!.on('data', keep);
  const wsUrl = kind === 'samenspraak' ? `ws://127.0.0.1:${port}/collab` : `ws://127.0.0.1:${port}`;
  const server: RunningServer = {
    kind,
    pid: child.pid!,
    port,
    wsUrl,
    output: () => tail,
    stop: (timeoutMs = 15_000) => stopChild(child, timeoutMs),
    async loopDelay() {
      try {
        if (kind === 'samenspraak') {
          const res = await fetch(`http://127.0.0.1:${port}/metrics`, {
            headers: { authorization: `Bearer ${opts!.secret}` },
            signal: AbortSignal.timeout(15_000),
          });
          const text = await res.text();
          const p99 = promValue(text, 'samenspraak_nodejs_eventloop_lag_p99_seconds');
          const max = promValue(text, 'samenspraak_nodejs_eventloop_lag_max_seconds');
          return Number.isFinite(p99) ? { p99Ms: p99 * 1000, maxMs: max * 1000 } : null;
        }
        if (kind === 'hocuspocus' && loopPort) {
          const res = await fetch(`http://127.0.0.1:${loopPort}/`, { signal: AbortSignal.timeout(15_000) });
          return (await res.json()) as LoopDelay;
        }
      } catch {
        // a server that cannot answer has no readout; the report shows –
      }
      return null;
    },
  };
  return waitReady(server, child);
}

async function stopChild(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  const code = await exited;
  clearTimeout(timer);
  return code;
}

/**
 * Polls the HTTP port until the server answers. Samenspraak must answer 200 on /healthz (its readiness
 * contract); the peers answer every GET with 200 too. Bounded by a 30 s deadline and by the child exiting.
 */
async function waitReady(server: RunningServer, child: ChildProcess): Promise<RunningServer> {
  const url = `http://127.0.0.1:${server.port}${server.kind === 'samenspraak' ? '/healthz' : '/'}`;
  const deadline = Date.now() + 30_000;
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `${SERVER_LABEL[server.kind]} exited during start-up (code ${child.exitCode}, signal ${child.signalCode}):\n${server.output()}`,
      );
    }
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) return server;
      last = `HTTP ${res.status}`;
    } catch (err) {
      last = (err as Error).message;
    }
    await sleep(100);
  }
  await stopChild(child, 2000);
  throw new Error(`${SERVER_LABEL[server.kind]} not ready after 30 s at ${url} (${last}):\n${server.output()}`);
}

/** Clock ticks per second for /proc/<pid>/stat utime/stime (100 on Linux, but ask rather than assume). */
export const CLK_TCK = (() => {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK']).toString().trim());
    return Number.isFinite(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
})();

export interface ProcSample {
  /** utime + stime in ms */
  cpuMs: number;
  rssBytes: number;
}

/** Reads CPU time and RSS of a pid. Fields are parsed after the last ')' because comm may contain spaces. */
export function sampleProc(pid: number): ProcSample {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // After "pid (comm) ": index 0 is field 3 (state); utime is field 14 and stime field 15.
  const ticks = Number(fields[11]) + Number(fields[12]);
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const rssKb = Number(/VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1] ?? Number.NaN);
  return { cpuMs: (ticks * 1000) / CLK_TCK, rssBytes: rssKb * 1024 };
}

/** Machine-wide busy CPU time (all cores, ms) from /proc/stat: shows load from processes outside the bench. */
export function sampleMachineBusyMs(): number {
  const cpu = fs.readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  // user nice system idle iowait irq softirq steal …; guest time is already included in user/nice.
  const busy = cpu.slice(0, 8).reduce((s, v, i) => (i === 3 || i === 4 ? s : s + v), 0);
  return (busy * 1000) / CLK_TCK;
}
