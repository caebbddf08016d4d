/**
 * Benchmark orchestrator. Runs the scenarios of the table SCENARIOS below, in its order, each one that
 * `--scenarios` names (default: all) and the machine allows; a scenario that cannot run (no Postgres, no
 * Redis, no trace file, not built in this branch) is reported as skipped with its reason. Writes
 * bench/results/<time>.{json,md} and bench/results/latest.{json,md}. See bench/README.md.
 *
 *   node --expose-gc bench/dist/run.js [--scenarios phone,api,fanout,scaleout,coldload,idle,trace]
 *     [--clients 500] [--docs 100] [--rate 4] [--seconds 20] [--warmup 3] [--workers 2] [--grace 10]
 *     [--servers samenspraak,samenspraak-noidcheck,hocuspocus,ywebsocket,samenspraak-pg,samenspraak-pg-x2,
 *                hocuspocus-redis-x2]
 *     [--no-scale] [--no-trace] [--trace-restarts 5]          (BENCH_QUICK=1: small smoke configuration)
 *
 * fanout: the collaboration load on the single-instance servers (--servers picks among them); scaleout:
 * the same load on Postgres + Redis (--servers picks, --no-scale drops it); trace: the editing-trace
 * replay (--no-trace drops it). --servers without --scenarios runs what it names (and the trace when it
 * names samenspraak), as before.
 *   phone: BENCH_PHONE_LOADS=3 (loads per page), BENCH_PHONE_BASE=<built checkout> (a baseline measured first)
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { runApiScenario } from './api.js';
import { runColdLoad } from './coldload.js';
import { runFanout } from './fanout.js';
import { type IdCheckCost, measureIdCheckCost } from './idCheckCost.js';
import { idleLines, runIdle } from './idle.js';
import { sleep } from './latency.js';
import {
  type LoadParams,
  type LoadResult,
  runLoad,
  SINGLE_SCENARIOS,
  type SingleScenario,
  singleTarget,
} from './load.js';
import { runPhoneBenchScenario } from './phone.js';
import { type Report, renderMarkdown, renderText } from './report.js';
import {
  cleanupScale,
  probePostgres,
  probeRedis,
  RUN_TAG,
  SCALE_SCENARIOS,
  type ScaleScenario,
  scaleRatios,
  scaleTarget,
} from './scale.js';
import type { Scenario, ScenarioContext, ScenarioOutcome } from './scenarios.js';
import { killAllChildren, ROOT } from './servers.js';
import { runTrace, TRACE_FILE, type TraceResult } from './trace.js';

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
    scenarios: { type: 'string' },
    'no-trace': { type: 'boolean', default: false },
    'no-scale': { type: 'boolean', default: false },
    'trace-restarts': { type: 'string' },
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

/** What the collaboration scenarios (fanout, scaleout, trace) gather for the collaboration report. */
const load: LoadResult[] = [];
let idCheck: IdCheckCost | null = null;
let trace: TraceResult | null = null;
let traceError: string | undefined;

async function runServers(names: string[]): Promise<ScenarioOutcome> {
  for (const name of names) {
    const target = SINGLE.includes(name)
      ? singleTarget(name as SingleScenario, params.secret)
      : scaleTarget(name as ScaleScenario, params.secret);
    load.push(await runLoad(target, params, log));
    const last = load[load.length - 1]!;
    if (last.error) log(`${last.label} FAILED: ${last.error.split('\n')[0]}`);
    globalThis.gc?.(); // keep the orchestrator's own heap out of the next server's way
  }
  // Their tables are the collaboration report's (report.ts), below the scenario sections.
  return { status: 'ran', data: { servers: names }, markdown: ['See "Collaboration load" below.'] };
}

const singleServers = servers.filter((s) => SINGLE.includes(s));
const scaleServers = servers.filter((s) => !SINGLE.includes(s));
/** Scale-out servers this machine can run: Samenspraak's need Postgres and Redis, Hocuspocus' Redis. */
let scaleRunnable: string[] = [];
let scaleSkipped: string[] = [];

/**
 * THE SCENARIO TABLE: `--scenarios` names come from here, they run in this order, each reports itself.
 * To add one: a file with `async function runX(ctx: ScenarioContext): Promise<ScenarioOutcome>` and an
 * entry here.
 */
const SCENARIOS: Scenario[] = [
  {
    name: 'phone',
    title: 'Phone: LCP and editor ready on Slow 4G, 4× CPU',
    unavailable: () =>
      fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')
        ? null
        : 'no Chromium at /usr/bin/chromium (apt-get install -y chromium, or set CHROMIUM_PATH)',
    run: runPhoneBenchScenario,
  },
  { name: 'api', title: 'API read routes vs /api/auth/me (access-log group commit)', run: runApiScenario },
  {
    name: 'fanout',
    title: 'Collaboration load, single instance: 500/100 and 300/60 vs Hocuspocus, with event-loop delay',
    run: async (ctx): Promise<ScenarioOutcome> => {
      let out: ScenarioOutcome;
      if (args.servers) {
        // --servers names the single-instance servers: the load at --clients/--docs on each (as before).
        if (!singleServers.length) return { status: 'skipped', reason: '--servers names no single-instance server' };
        out = await runServers(singleServers);
      } else {
        // Issue 16 part 3: Samenspraak then Hocuspocus at 500/100 and at 300/60 (bench/src/fanout.ts).
        const r = await runFanout(ctx.params, log);
        load.push(...r.load);
        out = {
          status: 'ran',
          data: { lines: r.lines },
          markdown: [...r.lines.map((l) => `- ${l}`), '', 'Tables: "Collaboration load" below.'],
        };
      }
      // The client-id check's own cost per update (see idCheckCost.ts), next to Samenspraak's CPU per update.
      if (!args.servers || singleServers.includes('samenspraak')) {
        log('client-id check: timing checkClientOwnership in-process…');
        idCheck = await measureIdCheckCost(quick ? 1000 : 5000);
      }
      return out;
    },
  },
  {
    name: 'scaleout',
    title: 'Collaboration load on Postgres + Redis, 1 and 2 instances',
    unavailable: async () => {
      if (args['no-scale']) return '--no-scale';
      if (scaleServers.length === 0) return '--servers names no scale-out server';
      const [pgDown, redisDown] = await Promise.all([probePostgres(), probeRedis()]);
      scaleRunnable = scaleServers.filter((s) => !redisDown && (s.startsWith('hocuspocus') || !pgDown));
      scaleSkipped = scaleServers
        .filter((s) => !scaleRunnable.includes(s))
        .map((s) => `${s}: ${[redisDown, s.startsWith('hocuspocus') ? null : pgDown].filter(Boolean).join('; ')}`);
      return scaleRunnable.length ? null : scaleSkipped.join(' — ');
    },
    run: async () => {
      if (scaleSkipped.length) log(`scaleout: skipping ${scaleSkipped.join(' — ')}`);
      log(`scale-out run tag: ${RUN_TAG}`);
      const out = await runServers(scaleRunnable);
      if (out.status === 'ran' && scaleSkipped.length) out.warnings = scaleSkipped.map((s) => `scaleout skipped ${s}`);
      return out;
    },
  },
  {
    name: 'coldload',
    title: 'Cold load of a stored document (snapshot + tail, first reader after a restart)',
    run: async (ctx): Promise<ScenarioOutcome> => {
      const r = await runColdLoad(ctx.secret, ctx.log);
      return {
        status: 'ran',
        data: r,
        markdown: r.lines.map((l) => `- ${l}`),
        failures: r.textOk ? [] : ['coldload: text differs after the cold load'],
      };
    },
  },
  {
    name: 'idle',
    title: 'Idle RSS after start vs Hocuspocus',
    run: async (ctx): Promise<ScenarioOutcome> => {
      const rows = await runIdle(ctx.secret, ctx.log);
      return {
        status: 'ran',
        data: rows,
        markdown: idleLines(rows).map((l) => `- ${l}`),
        failures: rows.filter((r) => r.error).map((r) => `idle ${r.label}: ${r.error}`),
      };
    },
  },
  {
    name: 'trace',
    title: 'Editing trace replay (Samenspraak)',
    unavailable: () => {
      if (args['no-trace']) return '--no-trace';
      if (args.servers && !requested.includes('samenspraak')) return '--servers does not name samenspraak';
      return TRACE_FILE ? null : 'no editing trace file (bench/trace/editing-trace.json.gz missing; set BENCH_TRACE)';
    },
    run: async () => {
      try {
        trace = await runTrace(params.secret, traceRestarts, log);
      } catch (err) {
        traceError = (err as Error).message;
      }
      return { status: 'ran', data: { file: TRACE_FILE }, markdown: ['See "Trace replay" below.'] };
    },
  },
];

const NAMES = SCENARIOS.map((s) => s.name);
/** --scenarios, else (old style) what --servers implies, else all. */
const chosen: string[] = args.scenarios
  ? args.scenarios.split(',').map((s) => s.trim())
  : args.servers
    ? [
        ...(singleServers.length ? ['fanout'] : []),
        ...(scaleServers.length ? ['scaleout'] : []),
        ...(requested.includes('samenspraak') ? ['trace'] : []),
      ]
    : NAMES;
for (const s of chosen) if (!NAMES.includes(s)) throw new Error(`unknown scenario "${s}" (use ${NAMES.join(',')})`);

interface ScenarioRecord {
  name: string;
  title: string;
  status: 'ran' | 'skipped' | 'failed';
  reason?: string;
  seconds?: number;
  outcome?: ScenarioOutcome;
}

async function main(): Promise<number> {
  const ctx: ScenarioContext = { params, secret: params.secret, quick, log };
  const records: ScenarioRecord[] = [];
  for (const s of SCENARIOS) {
    if (!chosen.includes(s.name)) {
      records.push({ name: s.name, title: s.title, status: 'skipped', reason: 'not selected (--scenarios)' });
      continue;
    }
    const why = await s.unavailable?.();
    if (why) {
      log(`${s.name}: SKIPPED — ${why}`);
      records.push({ name: s.name, title: s.title, status: 'skipped', reason: why });
      continue;
    }
    log(`${s.name}: ${s.title}`);
    const t0 = Date.now();
    try {
      const outcome = await s.run(ctx);
      const seconds = (Date.now() - t0) / 1000;
      if (outcome.status === 'skipped') {
        log(`${s.name}: SKIPPED — ${outcome.reason}`);
        records.push({ name: s.name, title: s.title, status: 'skipped', reason: outcome.reason, seconds });
      } else records.push({ name: s.name, title: s.title, status: 'ran', seconds, outcome });
    } catch (err) {
      const message = (err as Error).stack ?? String(err);
      log(`${s.name}: FAILED — ${message.split('\n')[0]}`);
      records.push({ name: s.name, title: s.title, status: 'failed', reason: message });
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
  for (const r of records) {
    if (r.status === 'failed') failures.push(`${r.name} failed: ${r.reason?.split('\n')[0]}`);
    if (r.outcome?.status === 'ran') failures.push(...(r.outcome.failures ?? []));
  }
  if (trace && !(trace.secondClientTextOk && trace.coldLoadTextOk)) failures.push('trace text ≠ finalText');

  // Contention makes latencies measure the machine rather than the server: say so in the report.
  const warnings: string[] = records.flatMap((r) => (r.outcome?.status === 'ran' ? (r.outcome.warnings ?? []) : []));
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

  const scenarios = Object.fromEntries(
    records.map((r) => [
      r.name,
      {
        title: r.title,
        status: r.status,
        ...(r.reason ? { reason: r.reason } : {}),
        ...(r.seconds !== undefined ? { seconds: r.seconds } : {}),
        ...(r.outcome?.status === 'ran' ? { data: r.outcome.data } : {}),
      },
    ]),
  );
  const collab = load.length > 0 || trace !== null || traceError !== undefined;
  const md = [
    '# Samenspraak benchmark',
    '',
    `- command: \`${report.command}\``,
    `- date: ${report.date}`,
    `- node: ${report.node}; CPU: ${report.cpus}; load average at the end: ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
    '',
    '| scenario | status | why / time |',
    '| --- | --- | --- |',
    ...records.map(
      (r) =>
        `| ${r.name} | ${r.status} | ${r.status === 'ran' ? `${r.seconds?.toFixed(0)} s` : (r.reason ?? '').split('\n')[0]} |`,
    ),
    '',
    ...records.flatMap((r) =>
      r.outcome?.status === 'ran' && !['fanout', 'scaleout', 'trace'].includes(r.name)
        ? [`## ${r.name}: ${r.title}`, '', ...r.outcome.markdown, '']
        : [],
    ),
    ...(collab ? [renderMarkdown(report).replace(/^# Collaboration server benchmark/, '## Collaboration load')] : []),
    ...(!collab && failures.length ? ['## Failures', '', ...failures.map((f) => `- ${f}`), ''] : []),
  ].join('\n');
  const json = `${JSON.stringify({ ...report, scenarios }, null, 2)}\n`;
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  const stamp = report.date.replace(/:/g, '-').replace(/\.\d+Z$/, 'Z');
  for (const name of [stamp, 'latest']) {
    fs.writeFileSync(path.join(dir, `${name}.json`), json);
    fs.writeFileSync(path.join(dir, `${name}.md`), md.endsWith('\n') ? md : `${md}\n`);
  }
  if (collab) console.log(renderText(report));
  for (const r of records) {
    if (r.outcome?.status === 'ran' && !['fanout', 'scaleout', 'trace'].includes(r.name))
      console.log(`\n${r.name}: ${r.title}\n${r.outcome.markdown.join('\n')}`);
  }
  console.log(
    `\nScenarios:\n${records.map((r) => `- ${r.name}: ${r.status}${r.reason ? ` — ${r.reason.split('\n')[0]}` : ''}`).join('\n')}`,
  );
  console.log(`\nWrote ${path.relative(ROOT, dir)}/${stamp}.json and .md (also latest.json, latest.md)`);
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
