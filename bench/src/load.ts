/**
 * One load run against one scenario (one or more freshly started server instances): fork the client
 * workers, wait until every client has synced, edit through a warm-up and the measurement window,
 * sample the servers' /proc at the window edges, wait (bounded) for in-flight deliveries and acks, then
 * collect and aggregate worker results.
 */
import type { InitMsg, Progress, WorkerResult } from './clientWorker.js';
import { type Summary, sleep, summarize, wallNow } from './latency.js';
import { instanceOf } from './layout.js';
import {
  freePort,
  makeTempDir,
  type RunningServer,
  removeTempDir,
  SERVER_LABEL,
  type ServerKind,
  sampleMachineBusyMs,
  sampleProc,
  startServer,
} from './servers.js';
import { Worker } from './workers.js';

export interface LoadParams {
  clients: number;
  docs: number;
  rate: number;
  seconds: number;
  warmupSeconds: number;
  workers: number;
  graceSeconds: number;
  secret: string;
}

/** What to put the load on: the single-instance servers here, the scale-out scenarios in scale.ts. */
export interface LoadTarget {
  /** `--servers` name */
  scenario: string;
  label: string;
  /** Server software (and so client protocol) of every instance. */
  kind: ServerKind;
  instances: number;
  /** Document d is `${docPrefix}${d}`. */
  docPrefix: string;
  /** Starts the instances one by one, pushing each onto `started` (so a failed start still stops the rest). */
  start(started: RunningServer[]): Promise<void>;
  /** Shared infrastructure (Redis, Postgres) pids: their CPU is reported on its own row, not as "other". */
  infraPids?(): Promise<number[]>;
  /** Runs after the instances stopped, also after failures: drop schemas, delete keys, remove files. */
  cleanup(): Promise<string | undefined>;
}

export interface LoadResult {
  scenario: string;
  kind: ServerKind;
  label: string;
  instances: number;
  error?: string;
  clientsPerInstance?: number[];
  connectMs?: number;
  editsInWindow?: number;
  editsPerSecond?: number;
  expected?: number;
  observed?: number;
  deliveryRatio?: number;
  latency?: Summary;
  /** Deliveries whose sender is connected to another instance than the receiver (null with 1 instance). */
  crossLatency?: Summary | null;
  ack?: Summary | null;
  pendingAcks?: number;
  /** Summed over the instances. */
  serverCpuMs?: number;
  serverCpuPercent?: number;
  cpuMsPer1kDeliveries?: number;
  /** Summed over the instances; per instance in serverRssPerInstanceMB. */
  serverRssMB?: number;
  serverRssPerInstanceMB?: number[];
  /** Redis + Postgres (see scale.ts), null when the scenario uses neither. */
  infraCpuPercent?: number | null;
  infraCpuMsPer1kDeliveries?: number | null;
  /** Server event-loop delay over the window, per instance (null: the server has no readout). */
  serverLoopDelayP99Ms?: (number | null)[];
  serverLoopDelayMaxMs?: (number | null)[];
  workerCpuPercent?: number[];
  otherCpuPercent?: number;
  workerLoopDelayP99Ms?: number[];
  workerLoopDelayMaxMs?: number[];
  graceMs?: number;
  disconnects?: number;
  rejected?: number;
  closeCodes?: number[];
}

/**
 * Single-instance `--servers` names: the three servers, and Samenspraak SQLite once more with its Yjs
 * client-id check switched off — the baseline for that check's per-update cost (issue 12, ≤ 10 %).
 */
export const SINGLE_SCENARIOS = ['samenspraak', 'samenspraak-noidcheck', 'hocuspocus', 'ywebsocket'] as const;
export type SingleScenario = (typeof SINGLE_SCENARIOS)[number];

/**
 * The server refuses UNSAFE_SKIP_CLIENT_ID_CHECK=1 with NODE_ENV=production, so this baseline runs as
 * development. Nothing on the collaboration path reads NODE_ENV (it only sets the cookie `secure` flag
 * and allows --demo), so the two Samenspraak columns differ in the skipped check alone.
 */
const NO_ID_CHECK_ENV = { UNSAFE_SKIP_CLIENT_ID_CHECK: '1', NODE_ENV: 'development' };

/** A single fresh instance of one server (Samenspraak on SQLite in a temp dir). */
export function singleTarget(scenario: SingleScenario, secret: string): LoadTarget {
  const noIdCheck = scenario === 'samenspraak-noidcheck';
  const kind: ServerKind = noIdCheck ? 'samenspraak' : scenario;
  let dataDir: string | null = null;
  return {
    scenario,
    label: noIdCheck
      ? 'Samenspraak without client-id check'
      : kind === 'samenspraak'
        ? 'Samenspraak SQLite'
        : SERVER_LABEL[kind],
    kind,
    instances: 1,
    docPrefix: 'bench-',
    async start(started) {
      dataDir = makeTempDir(`bench-${scenario}-`);
      const env = noIdCheck ? NO_ID_CHECK_ENV : undefined;
      started.push(await startServer(kind, await freePort(), { dataDir, secret, env }));
    },
    async cleanup() {
      if (dataDir) removeTempDir(dataDir);
      return undefined;
    },
  };
}

function cpuDelta(pid: number, before: number, fallback = Number.NaN): number {
  try {
    return sampleProc(pid).cpuMs - before;
  } catch {
    return fallback;
  }
}
function cpuNow(pid: number): number {
  try {
    return sampleProc(pid).cpuMs;
  } catch {
    return Number.NaN;
  }
}
const total = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

export async function runLoad(t: LoadTarget, p: LoadParams, log: (s: string) => void): Promise<LoadResult> {
  const { label, kind, instances } = t;
  const servers: RunningServer[] = [];
  const workers: Worker[] = [];
  try {
    if (instances > 1 && p.clients < instances * p.docs) {
      throw new Error(`needs --clients ≥ ${instances} × --docs so every document has clients on every instance`);
    }
    await t.start(servers);
    const clientsPerInstance = Array.from({ length: instances }, (_, k) =>
      Array.from({ length: p.clients }, (_, i) => instanceOf(i, p.docs, instances)).filter((x) => x === k),
    ).map((xs) => xs.length);
    log(
      `${label}: started (pid ${servers.map((s) => s.pid).join(', ')}); connecting ${p.clients} clients ` +
        `(${clientsPerInstance.join(' + ')} per instance) over ${p.docs} documents…`,
    );
    const clientsPerDoc = Array.from({ length: p.docs }, (_, d) => Math.floor((p.clients - d - 1) / p.docs) + 1);
    const nWorkers = Math.max(1, Math.min(p.workers, p.clients));
    for (let w = 0; w < nWorkers; w++) workers.push(new Worker(w));
    const readies = await Promise.all(
      workers.map((w) => {
        const clientIds = Array.from({ length: p.clients }, (_, i) => i).filter((i) => i % nWorkers === w.index);
        const init: InitMsg = {
          type: 'init',
          kind,
          wsUrls: servers.map((s) => s.wsUrl),
          secret: p.secret,
          clientIds,
          docPrefix: t.docPrefix,
          docs: p.docs,
          clientsPerDoc,
          rate: p.rate,
        };
        return w.request('ready', 120_000, init);
      }),
    );
    const notReady = readies.find((r) => r.error);
    if (notReady) throw new Error(`${label}: ${notReady.error}`);
    const connectMs = Math.max(...readies.map((r) => r.ms));
    log(`${label}: all clients synced in ${connectMs} ms; warm-up ${p.warmupSeconds} s, window ${p.seconds} s`);

    // The clients edit from now on; only edits sent inside [windowStart, windowEnd) are measured.
    const windowStart = wallNow() + p.warmupSeconds * 1000;
    const windowEnd = windowStart + p.seconds * 1000;
    for (const w of workers) w.send({ type: 'run', windowStart, windowEnd });
    // Redis/Postgres pids late in the warm-up (connection pools have grown by then), again at the end.
    await sleep(windowStart - Math.min(500, p.warmupSeconds * 500) - wallNow());
    const infra = t.infraPids ? await t.infraPids() : null;
    await sleep(windowStart - wallNow());
    // Reading the servers' event-loop delay resets it: this read starts the window's histogram (not
    // awaited, so a slow answer does not shift the CPU window).
    for (const s of servers) void s.loopDelay();
    const serverBefore = servers.map((s) => sampleProc(s.pid).cpuMs);
    const workerBefore = workers.map((w) => sampleProc(w.proc.pid!).cpuMs);
    const infraBefore = new Map((infra ?? []).map((pid) => [pid, cpuNow(pid)]));
    const machineBefore = sampleMachineBusyMs();
    const selfBefore = process.cpuUsage();
    const t0 = wallNow();
    await sleep(windowEnd - wallNow());
    const elapsed = wallNow() - t0;
    const serverCpuMs = total(servers.map((s, i) => cpuDelta(s.pid, serverBefore[i]!)));
    const workerCpuPercent = workers.map((w, i) => (cpuDelta(w.proc.pid!, workerBefore[i]!) / elapsed) * 100);
    const machineMs = sampleMachineBusyMs() - machineBefore;
    const self = process.cpuUsage(selfBefore);
    const serverRssPerInstanceMB = servers.map((s) => sampleProc(s.pid).rssBytes / 1024 / 1024);
    const loopDelays = await Promise.all(servers.map((s) => s.loopDelay()));
    // A backend that appeared during the window started at 0 CPU; one that went away is lost (counted 0).
    const infraCpuMs =
      infra && t.infraPids
        ? total(
            [...new Set([...infra, ...(await t.infraPids())])].map(
              (pid) => cpuDelta(pid, infraBefore.get(pid) ?? 0, 0) || 0,
            ),
          )
        : null;
    // Everything else on the machine (other users' builds, browsers…) competes for the same cores.
    const ourMs =
      serverCpuMs + (infraCpuMs ?? 0) + (total(workerCpuPercent) * elapsed) / 100 + (self.user + self.system) / 1000;
    // Clamped at 0: the samples are taken a few ms apart, so a quiet machine can read slightly negative.
    const otherCpuPercent = Math.max(0, ((machineMs - ourMs) / elapsed) * 100);

    // Grace: poll until every in-window edit has reached every other client (and been acked), bounded.
    const graceStart = Date.now();
    let progress: Progress = { observed: 0, expected: 1, pendingAcks: 0 };
    while (Date.now() - graceStart < p.graceSeconds * 1000) {
      const replies = await Promise.all(workers.map((w) => w.request('progress', 30_000, { type: 'progress' })));
      progress = replies.reduce(
        (a, r) => ({
          observed: a.observed + r.observed,
          expected: a.expected + r.expected,
          pendingAcks: a.pendingAcks + r.pendingAcks,
        }),
        { observed: 0, expected: 0, pendingAcks: 0 },
      );
      if (progress.observed >= progress.expected && progress.pendingAcks === 0) break;
      await sleep(200);
    }
    const graceMs = Date.now() - graceStart;
    const results: WorkerResult[] = await Promise.all(
      workers.map((w) => w.request('result', 60_000, { type: 'finish' })),
    );
    const sum = (f: (r: WorkerResult) => number) => results.reduce((s, r) => s + f(r), 0);
    const observed = sum((r) => r.observed);
    const expected = sum((r) => r.expected);
    return {
      scenario: t.scenario,
      kind,
      label,
      instances,
      clientsPerInstance,
      connectMs,
      editsInWindow: sum((r) => r.editsInWindow),
      editsPerSecond: sum((r) => r.editsInWindow) / p.seconds,
      expected,
      observed,
      deliveryRatio: expected > 0 ? observed / expected : Number.NaN,
      latency: summarize(results.flatMap((r) => r.latencies)),
      crossLatency: instances > 1 ? summarize(results.flatMap((r) => r.crossLatencies)) : null,
      ack: kind === 'samenspraak' ? summarize(results.flatMap((r) => r.ackLatencies)) : null,
      pendingAcks: sum((r) => r.pendingAcks),
      serverCpuMs,
      serverCpuPercent: (serverCpuMs / elapsed) * 100,
      cpuMsPer1kDeliveries: serverCpuMs / (observed / 1000),
      serverRssMB: total(serverRssPerInstanceMB),
      serverRssPerInstanceMB,
      infraCpuPercent: infraCpuMs === null ? null : (infraCpuMs / elapsed) * 100,
      infraCpuMsPer1kDeliveries: infraCpuMs === null ? null : infraCpuMs / (observed / 1000),
      serverLoopDelayP99Ms: loopDelays.map((d) => d?.p99Ms ?? null),
      serverLoopDelayMaxMs: loopDelays.map((d) => d?.maxMs ?? null),
      workerCpuPercent,
      otherCpuPercent,
      workerLoopDelayP99Ms: results.map((r) => r.loopDelayP99),
      workerLoopDelayMaxMs: results.map((r) => r.loopDelayMax),
      graceMs,
      disconnects: sum((r) => r.disconnects),
      rejected: sum((r) => r.rejected),
      closeCodes: results.flatMap((r) => r.closeCodes).slice(0, 20),
    };
  } catch (err) {
    const out = servers.map((s, i) => `\n--- instance ${i + 1} output ---\n${s.output()}`).join('');
    return { scenario: t.scenario, kind, label, instances, error: `${(err as Error).message}${out}` };
  } finally {
    for (const w of workers) w.kill();
    await Promise.all(servers.map((s) => s.stop()));
    try {
      const done = await t.cleanup();
      if (done) log(`${label}: ${done}`);
    } catch (err) {
      log(`${label}: cleanup failed: ${(err as Error).message}`);
    }
  }
}
