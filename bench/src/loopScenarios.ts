/**
 * Runs issue 16's scenarios `fanout`, `idle` and `coldload` (parts 3 and 4) on their own and writes
 * bench/results/loop.{json,md}. Called by run.ts for `--loop-scenarios fanout,idle,coldload` until the
 * scenario table of run.ts takes them.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { runColdLoad } from './coldload.js';
import { runFanout } from './fanout.js';
import { idleLines, runIdle } from './idle.js';
import type { LoadParams, LoadResult } from './load.js';
import { renderMarkdown, renderText } from './report.js';
import { ROOT } from './servers.js';

export async function runLoopScenarios(names: string[], params: LoadParams, log: (s: string) => void): Promise<number> {
  const known = ['fanout', 'idle', 'coldload'];
  for (const n of names) if (!known.includes(n)) throw new Error(`unknown scenario "${n}" (use ${known.join(',')})`);
  const lines: string[] = [];
  const load: LoadResult[] = [];
  const out: Record<string, unknown> = {};
  if (names.includes('idle')) {
    const idle = await runIdle(params.secret, log);
    out.idle = idle;
    lines.push(...idleLines(idle));
  }
  if (names.includes('coldload')) {
    const cold = await runColdLoad(params.secret, log);
    out.coldload = cold;
    lines.push(...cold.lines);
  }
  if (names.includes('fanout')) {
    const r = await runFanout(params, log);
    load.push(...r.load);
    lines.push(...r.lines);
  }
  const { secret: _s, ...shownParams } = params;
  const report = {
    command: ['node', ...process.execArgv, path.relative(ROOT, process.argv[1]!), ...process.argv.slice(2)].join(' '),
    date: new Date().toISOString(),
    node: process.version,
    cpus: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'unknown'}`,
    params: shownParams,
    load,
    trace: null,
    idCheck: null,
    ratios: {
      p99SamenspraakOverHocuspocus: null,
      cpuSamenspraakOverHocuspocus: null,
      cpuSamenspraakOverNoIdCheck: null,
      p99SamenspraakOverNoIdCheck: null,
    },
    targets: [],
    failures: load.filter((r) => r.error).map((r) => `${r.label} failed`),
    warnings: [],
  };
  const dir = path.join(ROOT, 'bench', 'results');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'loop.json'), `${JSON.stringify({ ...report, ...out, lines }, null, 2)}\n`);
  // biome-ignore lint/suspicious/noExplicitAny: the scale ratios are absent here and render as n/a
  const md = load.length ? renderMarkdown(report as any) : '';
  fs.writeFileSync(path.join(dir, 'loop.md'), `${md}\n${lines.map((l) => `- ${l}`).join('\n')}\n`);
  // biome-ignore lint/suspicious/noExplicitAny: as above
  if (load.length) console.log(renderText(report as any));
  console.log(`\n${lines.join('\n')}`);
  return report.failures.length ? 1 : 0;
}
