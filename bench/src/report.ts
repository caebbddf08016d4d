/** Renders results as a console table and as markdown. Pure formatting; run.ts writes the files. */

import type { IdCheckCost } from './idCheckCost.js';
import { fmt } from './latency.js';
import type { LoadParams, LoadResult } from './load.js';
import { SCALE_SCENARIOS, type ScaleRatios, type ScaleScenario, type Target } from './scale.js';
import type { TraceResult } from './trace.js';

export interface Report {
  command: string;
  date: string;
  node: string;
  cpus: string;
  params: Omit<LoadParams, 'secret'>;
  load: LoadResult[];
  trace: TraceResult | null;
  /** In-process CPU of the client-id check per update; null when samenspraak was not run. */
  idCheck: IdCheckCost | null;
  traceError?: string;
  ratios: {
    p99SamenspraakOverHocuspocus: number | null;
    cpuSamenspraakOverHocuspocus: number | null;
    /** Samenspraak SQLite / the same without the client-id check, CPU per 1,000 deliveries (issue 12: ≤ 1.10). */
    cpuSamenspraakOverNoIdCheck: number | null;
    /** Same pair, delivery latency p99 (for information). */
    p99SamenspraakOverNoIdCheck: number | null;
  } & ScaleRatios;
  /** The scale-out targets of the issue, met or not (see scale.ts). */
  targets: Target[];
  failures: string[];
  warnings: string[];
}

type Row = [string, ...string[]];

/** Single-instance scenarios first, then the scale-out ones (which have a few more rows). */
function groups(load: LoadResult[]): Array<{ title: string; rows: Row[] }> {
  const scale = (r: LoadResult) => SCALE_SCENARIOS.includes(r.scenario as ScaleScenario);
  return [
    { title: 'Single instance', rows: load.filter((r) => !scale(r)) },
    { title: 'Scale-out (Postgres + Redis; Hocuspocus: Redis only)', rows: load.filter(scale) },
  ]
    .filter((g) => g.rows.length)
    .map((g) => ({ title: g.title, rows: loadRows(g.rows, g.rows.some(scale)) }));
}

function loadRows(load: LoadResult[], scale: boolean): Row[] {
  const col = (f: (r: LoadResult) => string) => load.map((r) => (r.error ? 'FAILED' : f(r)));
  const scaleRows: Row[] = [
    ['instances (clients per instance)', ...col((r) => `${r.instances} (${(r.clientsPerInstance ?? []).join(' + ')})`)],
  ];
  const crossRows: Row[] = [
    ['cross-instance deliveries', ...col((r) => (r.crossLatency ? String(r.crossLatency.count) : '–'))],
    ['cross-instance latency p50 (ms)', ...col((r) => (r.crossLatency ? fmt(r.crossLatency.p50, 2) : '–'))],
    ['cross-instance latency p99 (ms)', ...col((r) => (r.crossLatency ? fmt(r.crossLatency.p99, 2) : '–'))],
  ];
  const infraRows: Row[] = [
    ['Redis + Postgres CPU (% of one core)', ...col((r) => fmt(r.infraCpuPercent, 0))],
    ['Redis + Postgres CPU ms / 1,000 deliveries', ...col((r) => fmt(r.infraCpuMsPer1kDeliveries, 1))],
  ];
  return [
    ['metric', ...load.map((r) => r.label)],
    ...(scale ? scaleRows : []),
    ['clients synced in (ms)', ...col((r) => fmt(r.connectMs, 0))],
    ['edits in window (per s)', ...col((r) => `${r.editsInWindow} (${fmt(r.editsPerSecond, 0)})`)],
    ['deliveries observed / expected', ...col((r) => `${r.observed} / ${r.expected}`)],
    ['delivery ratio', ...col((r) => fmt(r.deliveryRatio, 5))],
    ['delivery latency p50 (ms)', ...col((r) => fmt(r.latency?.p50, 2))],
    ['delivery latency p90 (ms)', ...col((r) => fmt(r.latency?.p90, 2))],
    ['delivery latency p99 (ms)', ...col((r) => fmt(r.latency?.p99, 2))],
    ['delivery latency max (ms)', ...col((r) => fmt(r.latency?.max, 1))],
    ...(scale ? crossRows : []),
    ['ack latency p50 (ms)', ...col((r) => (r.ack ? fmt(r.ack.p50, 2) : '–'))],
    ['ack latency p99 (ms)', ...col((r) => (r.ack ? fmt(r.ack.p99, 2) : '–'))],
    [`server CPU ms / 1,000 deliveries${scale ? ' (Σ instances)' : ''}`, ...col((r) => fmt(r.cpuMsPer1kDeliveries, 1))],
    [`server CPU (% of one core${scale ? ', Σ instances' : ''})`, ...col((r) => fmt(r.serverCpuPercent, 0))],
    [
      `server RSS at window end (MB${scale ? ', per instance' : ''})`,
      ...col((r) => (r.serverRssPerInstanceMB ?? []).map((v) => fmt(v, 0)).join(' + ')),
    ],
    [
      `server event-loop delay p99 / max (ms${scale ? ', per instance' : ''})`,
      ...col((r) =>
        (r.serverLoopDelayP99Ms ?? [])
          .map((v, i) => (v === null ? '–' : `${fmt(v, 1)}/${fmt(r.serverLoopDelayMaxMs?.[i] ?? null, 0)}`))
          .join(' + '),
      ),
    ],
    ...(scale ? infraRows : []),
    ['client workers CPU (%)', ...col((r) => (r.workerCpuPercent ?? []).map((v) => fmt(v, 0)).join(' + '))],
    ['other processes on the machine CPU (%)', ...col((r) => fmt(r.otherCpuPercent, 0))],
    [
      'client event-loop delay p99 / max (ms)',
      ...col((r) =>
        (r.workerLoopDelayP99Ms ?? []).map((v, i) => `${fmt(v, 0)}/${fmt(r.workerLoopDelayMaxMs?.[i], 0)}`).join(' '),
      ),
    ],
    ['grace used (ms)', ...col((r) => fmt(r.graceMs, 0))],
    [
      'disconnects / rejected / unacked',
      ...col(
        (r) =>
          `${r.disconnects} / ${r.kind === 'samenspraak' ? r.rejected : '–'} / ${r.kind === 'samenspraak' ? r.pendingAcks : '–'}`,
      ),
    ],
  ];
}

function traceRows(t: TraceResult): Row[] {
  return [
    ['trace metric', 'value'],
    ['edits (update frames)', `${t.edits} (${t.updateFrames})`],
    ['first edit → last durable ack (s)', fmt(t.totalMs / 1000, 2)],
    ['edits / s (durable)', fmt(t.editsPerSec, 0)],
    ['first edit → last frame sent (s)', fmt(t.sendMs / 1000, 2)],
    ['second client text = finalText', t.secondClientTextOk ? 'yes' : 'NO'],
    ['stored bytes (snapshot + tail rows)', `${t.storedBytes} (${t.snapshotBytes} + ${t.tailBytes} in ${t.tailRows})`],
    ['Y.encodeStateAsUpdate bytes (V2 for reference)', `${t.encodedStateBytes} (${t.encodedStateBytesV2})`],
    ['stored / encoded', fmt(t.storedToEncodedRatio, 3)],
    [
      'cold load connect → synced, median (ms)',
      `${fmt(t.coldLoadMedianMs, 1)} [${t.coldLoadMs.map((v) => fmt(v, 1)).join(', ')}]`,
    ],
    ['cold load text = finalText', t.coldLoadTextOk ? 'yes' : 'NO'],
  ];
}

function textTable(rows: Row[]): string {
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length)));
  const line = (r: Row) =>
    r.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ');
  return [line(rows[0]!), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

function mdTable(rows: Row[]): string {
  const line = (r: Row) => `| ${r.join(' | ')} |`;
  return [
    line(rows[0]!),
    `|${rows[0]!.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
    ...rows.slice(1).map(line),
  ].join('\n');
}

function ratioLines(r: Report): string[] {
  const verdict = (t: Target) => (t.met === null ? '' : t.met ? ' — met' : ' — MISSED');
  const cpuCheck = r.ratios.cpuSamenspraakOverNoIdCheck;
  return [
    `Samenspraak SQLite p99 / Hocuspocus p99 delivery latency: ${fmt(r.ratios.p99SamenspraakOverHocuspocus, 2)}`,
    `Samenspraak SQLite / Hocuspocus server CPU per 1,000 deliveries: ${fmt(r.ratios.cpuSamenspraakOverHocuspocus, 2)}`,
    `Samenspraak / Samenspraak without client-id check: server CPU per 1,000 deliveries: ${fmt(cpuCheck, 2)}` +
      ` (issue 12: ≤ 1.10${cpuCheck === null ? ', not measured' : cpuCheck <= 1.1 ? ' — met' : ' — MISSED'})`,
    `Samenspraak / Samenspraak without client-id check: delivery latency p99: ${fmt(r.ratios.p99SamenspraakOverNoIdCheck, 2)} (for information)`,
    ...idCheckLines(r),
    ...r.targets.map(
      (t) => `${t.name}: ${t.value} (${t.target ? `target ${t.target}${verdict(t)}` : 'for information'})`,
    ),
  ];
}

/** The check's own µs per update against Samenspraak SQLite's server CPU per update (window CPU / edits). */
function idCheckLines(r: Report): string[] {
  const c = r.idCheck;
  if (!c) return [];
  const ours = r.load.find((l) => l.scenario === 'samenspraak' && !l.error);
  const perUpdateUs = ours?.serverCpuMs && ours.editsInWindow ? (ours.serverCpuMs * 1000) / ours.editsInWindow : null;
  const share = perUpdateUs ? c.checkUsPerUpdate / perUpdateUs : null;
  // With the check the server spends T, without it T − check: the with/without ratio is 1 / (1 − share).
  const ratio = share !== null && share < 1 ? 1 / (1 - share) : null;
  return [
    `Client-id check alone (in-process, ${c.updates} updates, ${c.writers} writers): ${fmt(c.checkUsPerUpdate, 2)} µs CPU per update` +
      ` (Yjs decode + apply of the same updates: ${fmt(c.decodeApplyUsPerUpdate, 1)} µs)`,
    `Client-id check share of Samenspraak SQLite server CPU per update (${fmt(perUpdateUs, 0)} µs): ` +
      `${share === null ? 'n/a' : `${(share * 100).toFixed(2)} %`}, so with / without ≈ ${fmt(ratio, 3)}` +
      ` (issue 12: ≤ 1.10${ratio === null ? '' : ratio <= 1.1 ? ' — met' : ' — MISSED'})`,
  ];
}

function errorLines(r: Report): string[] {
  return [
    ...r.load.filter((l) => l.error).map((l) => `${l.label} FAILED: ${l.error}`),
    ...(r.traceError ? [`Trace FAILED: ${r.traceError}`] : []),
  ];
}

export function renderText(r: Report): string {
  const parts = [...groups(r.load).flatMap((g) => [g.title, textTable(g.rows), '']), ...ratioLines(r)];
  if (r.trace) parts.push('', 'Trace replay (Samenspraak)', textTable(traceRows(r.trace)));
  if (r.warnings.length) parts.push('', 'WARNING (latencies are noise-dominated):', ...r.warnings.map((w) => `- ${w}`));
  parts.push(...errorLines(r).map((l) => `\n${l}`));
  return parts.join('\n');
}

export function renderMarkdown(r: Report): string {
  const p = r.params;
  const parts = [
    '# Collaboration server benchmark',
    '',
    `- command: \`${r.command}\``,
    `- date: ${r.date}`,
    `- node: ${r.node}; CPU: ${r.cpus}`,
    `- load: ${p.clients} clients over ${p.docs} documents, ${p.rate} edits/s per client (±50% jitter), ` +
      `${p.warmupSeconds} s warm-up, ${p.seconds} s window, ≤ ${p.graceSeconds} s grace, ${p.workers} client worker process(es)`,
    '',
    ...groups(r.load).flatMap((g) => [`## ${g.title}`, '', mdTable(g.rows), '']),
    '## Ratios and targets',
    '',
    ...ratioLines(r).map((l) => `- ${l}`),
  ];
  if (r.trace) parts.push('', '## Trace replay (Samenspraak)', '', mdTable(traceRows(r.trace)));
  else if (!r.traceError) parts.push('', 'Trace replay skipped (--no-trace).');
  if (r.warnings.length)
    parts.push('', '## Warnings (latencies are noise-dominated)', '', ...r.warnings.map((w) => `- ${w}`));
  const errors = errorLines(r);
  if (errors.length) parts.push('', '## Failures', '', ...errors.map((e) => `\`\`\`\n${e}\n\`\`\``));
  return `${parts.join('\n')}\n`;
}
