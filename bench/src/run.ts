/**
 * Benchmark orchestrator: runs the same load against Samenspraak, Samenspraak without its client-id check
 * (the baseline for that check's cost), Hocuspocus 4 and the classic y-websocket server (one after
 * another, each a fresh child process), then the scale-out scenarios
 * (Samenspraak on Postgres + Redis with 1 and 2 instances, Hocuspocus 4 + Redis with 2 instances), then
 * the Samenspraak trace replay, and writes bench/results/latest.{json,md}. See bench/README.md.
 *
 *   node --expose-gc bench/dist/run.js [--clients 500] [--docs 100] [--rate 4] [--seconds 20]
 *     [--warmup 3] [--workers 2] [--grace 10]
 *     [--servers samenspraak,samenspraak-noidcheck,hocuspocus,ywebsocket,samenspraak-pg,samenspraak-pg-x2,
 *                hocuspocus-redis-x2]
 *     [--no-scale] [--no-trace] [--trace-restarts 5]          (BENCH_QUICK=1: small smoke configuration)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { type IdCheckCost, measureIdCheckCost } from './idCheckCost.js';
import { sleep } from './latency.js';
import {
  type LoadParams,
  type LoadResult,
  runLoad,
  SINGLE_SCENARIOS,
  type SingleScenario,
  singleTarget,
} from './load.js';
import { runLoopScenarios } from './loopScenarios.js';
import { type Report, renderMarkdown, renderText } from './report.js';
import { cleanupScale, RUN_TAG, SCALE_SCENARIOS, type ScaleScenario, scaleRatios, scaleTarget } from './scale.js';
import { killAllChildren, ROOT } from './servers.js';
import { runTrace, type TraceResult } from './trace.js';

const SINGLE: readonly string[] = SINGLE_SCENARIOS;
const ALL: string[] = [...SINGLE, ...SCALE_SCENARIOS];
const quick = process.env.BENCH_QUICK === '1';

const { values: args } = parseArgs({
  options: {
    clients: { type: 'string' },
    docs: { type: 'string' },
    rate: { type: 'string' },
    seconds: { type: 'string' },
    warmup: { type: 'string' },
    workers: { type: 'string' },
    grace: { type: 'string' },
    servers: { type: 'string' },
    'no-trace': { type: 'boolean', default: false },
    'no-scale': { type: 'boolean', default: false },
    'trace-restarts': { type: 'string' },
    // Temporary (perf-loop branch): run only these of issue 16's scenarios, see loopScenarios.ts.
    'loop-scenarios': { type: 'string' },
  },
});

function num(name: string, raw: string | undefined, fallback: number, min: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}, got "${raw}"`);
  return n;
}

const params: LoadParams = {
  clients: num('clients', args.clients, quick ? 20 : 500, 2),
  docs: num('docs', args.docs, quick ? 5 : 100, 1),
  rate: num('rate', args.rate, 4, 0.1),
  seconds: num('seconds', args.seconds, quick ? 5 : 20, 1),
  warmupSeconds: num('warmup', args.warmup, quick ? 2 : 3, 0),
  workers: num('workers', args.workers, 2, 1),
  graceSeconds: num('grace', args.grace, 10, 1),
  secret: randomBytes(32).toString('hex'),
};
const traceRestarts = num('trace-restarts', args['trace-restarts'], quick ? 1 : 5, 1);
const requested = args.servers?.split(',').map((s) => s.trim()) ?? ALL;
for (const s of requested) if (!ALL.includes(s)) throw new Error(`unknown server "${s}" (use ${ALL.join(',')})`);
// In the order of ALL (single-instance first), --no-scale drops the scale-out scenarios.
const servers = ALL.filter((s) => requested.includes(s) && !(args['no-scale'] && !SINGLE.includes(s)));
if (servers.length === 0)
  throw new Error('nothing to run: --servers lists only scale-out scenarios and --no-scale is set');
if (params.docs > params.clients) throw new Error('--docs must not exceed --clients');

const div = (a: number | undefined, b: number | undefined) => (a && b ? a / b : null);
const log = (line: string) => console.error(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);

/** Drops this run's Postgres schemas and Redis keys; bounded, never throws. */
async function cleanup(): Promise<void> {
  const done = await Promise.race([
    cleanupScale().catch((err: Error) => `cleanup FAILED: ${err.message}`),
    sleep(10_000).then(() => 'cleanup timed out after 10 s'),
  ]);
  if (done) log(done);
}

// Never leave servers, workers, schemas or keys behind: on normal exit, on errors and on Ctrl-C.
process.on('exit', killAllChildren);
for (const sig of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.on(sig, () => {
    console.error(`\n${sig}: stopping child processes`);
    killAllChildren();
    void cleanup().finally(() => process.exit(130));
  });
}

async function main(): Promise<number> {
  if (args['loop-scenarios']) return runLoopScenarios(args['loop-scenarios'].split(','), params, log);
  const load: LoadResult[] = [];
  if (servers.some((s) => !SINGLE.includes(s))) log(`scale-out run tag: ${RUN_TAG}`);
  for (const name of servers) {
    const target = SINGLE.includes(name)
      ? singleTarget(name as SingleScenario, params.secret)
      : scaleTarget(name as ScaleScenario, params.secret);
    load.push(await runLoad(target, params, log));
    const last = load[load.length - 1]!;
    if (last.error) log(`${last.label} FAILED: ${last.error.split('\n')[0]}`);
    globalThis.gc?.(); // keep the orchestrator's own heap out of the next server's way
  }

  // The client-id check's own cost per update (see idCheckCost.ts), next to Samenspraak's CPU per update.
  let idCheck: IdCheckCost | null = null;
  if (servers.includes('samenspraak')) {
    log('client-id check: timing checkClientOwnership in-process…');
    idCheck = await measureIdCheckCost(quick ? 1000 : 5000);
  }

  let trace: TraceResult | null = null;
  let traceError: string | undefined;
  if (!args['no-trace'] && servers.includes('samenspraak')) {
    try {
      trace = await runTrace(params.secret, traceRestarts, log);
    } catch (err) {
      traceError = (err as Error).message;
    }
  }

  await cleanup();
  const by = (s: string) => load.find((r) => r.scenario === s && !r.error);
  const ours = by('samenspraak');
  const hp = by('hocuspocus');
  const noIdCheck = by('samenspraak-noidcheck');
  const failures: string[] = [];
  for (const r of load) if (r.error) failures.push(`${r.label} failed: ${r.error.split('\n')[0]}`);
  for (const r of load) {
    if (r.kind !== 'samenspraak' || r.error) continue;
    if (!((r.deliveryRatio ?? 0) >= 0.999)) failures.push(`${r.label} delivery ratio ${r.deliveryRatio} < 0.999`);
    if (r.rejected) failures.push(`${r.label} rejected ${r.rejected} updates`);
  }
  if (traceError) failures.push(`trace failed: ${traceError.split('\n')[0]}`);
  if (trace && !(trace.secondClientTextOk && trace.coldLoadTextOk)) failures.push('trace text ≠ finalText');

  // Contention makes latencies measure the machine rather than the server: say so in the report.
  const warnings: string[] = [];
  for (const r of load) {
    if (r.error) continue;
    if ((r.otherCpuPercent ?? 0) > 25) {
      warnings.push(`${r.label}: other processes used ${r.otherCpuPercent!.toFixed(0)}% of a core during the window`);
    }
    const lag = Math.max(...(r.workerLoopDelayP99Ms ?? [0]));
    if (lag > 50)
      warnings.push(`${r.label}: client event-loop delay p99 ${lag.toFixed(0)} ms — clients were CPU-starved`);
  }
  const { secret: _secret, ...shownParams } = params;
  const scale = scaleRatios(load);
  const report: Report = {
    command:
      ['node', ...process.execArgv, path.relative(ROOT, process.argv[1]!), ...process.argv.slice(2)].join(' ') +
      (quick ? ' (BENCH_QUICK=1)' : ''),
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    params: shownParams,
    load,
    trace,
    idCheck,
    ...(traceError ? { traceError } : {}),
    ratios: {
      p99SamenspraakOverHocuspocus: ours?.latency && hp?.latency ? ours.latency.p99 / hp.latency.p99 : null,
      cpuSamenspraakOverHocuspocus:
        ours?.cpuMsPer1kDeliveries && hp?.cpuMsPer1kDeliveries
          ? ours.cpuMsPer1kDeliveries / hp.cpuMsPer1kDeliveries
          : null,
      cpuSamenspraakOverNoIdCheck: div(ours?.cpuMsPer1kDeliveries, noIdCheck?.cpuMsPer1kDeliveries),
      p99SamenspraakOverNoIdCheck: div(ours?.latency?.p99, noIdCheck?.latency?.p99),
      ...scale.ratios,
    },
    targets: scale.targets,
    failures,
    warnings,
  };

  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'latest.json'), `${JSON.stringify(report, null, 2)}\n`);
  fs.writeFileSync(path.join(dir, 'latest.md'), renderMarkdown(report));
  console.log(renderText(report));
  console.log(`\nWrote ${path.relative(ROOT, dir)}/latest.json and latest.md`);
  if (failures.length) {
    console.error(`\nFAILED:\n- ${failures.join('\n- ')}`);
    return 1;
  }
  return 0;
}

main().then(
  (code) => {
    killAllChildren();
    process.exit(code);
  },
  async (err: Error) => {
    console.error(err.stack ?? err.message);
    killAllChildren();
    await cleanup();
    process.exit(1);
  },
);
