/**
 * Scenario `fanout` (issue 16, part 3): the fan-out load on Samenspraak SQLite and Hocuspocus 4, one after
 * the other in the same run, in two configurations — the default 500 clients / 100 documents / 4 edits/s,
 * and 300 clients / 60 documents / 4 edits/s — with the servers' event-loop delay (p99/max over the
 * window, see RunningServer.loopDelay) next to delivery p99 and CPU per 1,000 deliveries.
 *
 * Targets: Samenspraak's event-loop p99 ≤ 20 ms at 500 clients; at 300/60 delivery p99 ≤ 0.8× and CPU per
 * 1,000 deliveries ≤ 0.8× Hocuspocus'. Printed as met / MISSED; the exit code is not changed by them.
 */
import { type LoadParams, type LoadResult, runLoad, singleTarget } from './load.js';

export interface FanoutConfig {
  clients: number;
  docs: number;
  rate: number;
}
export const FANOUT_CONFIGS: FanoutConfig[] = [
  { clients: 500, docs: 100, rate: 4 },
  { clients: 300, docs: 60, rate: 4 },
];

export interface FanoutResult {
  load: LoadResult[];
  lines: string[];
}

const f = (v: number | null | undefined, d = 2) => (v === null || v === undefined ? 'n/a' : v.toFixed(d));

export async function runFanout(base: LoadParams, log: (s: string) => void): Promise<FanoutResult> {
  const load: LoadResult[] = [];
  const lines: string[] = [];
  for (const c of FANOUT_CONFIGS) {
    const params = { ...base, ...c };
    const tag = `${c.clients} clients / ${c.docs} docs / ${c.rate} edits/s`;
    const pair: LoadResult[] = [];
    for (const scenario of ['samenspraak', 'hocuspocus'] as const) {
      const r = await runLoad(singleTarget(scenario, base.secret), params, log);
      r.label = `${r.label} (${c.clients}/${c.docs})`;
      if (r.error) log(`${r.label} FAILED: ${r.error.split('\n')[0]}`);
      pair.push(r);
      globalThis.gc?.();
    }
    load.push(...pair);
    const [ours, hp] = pair as [LoadResult, LoadResult];
    const loopP99 = ours.serverLoopDelayP99Ms?.[0] ?? null;
    const p99Ratio = ours.latency && hp.latency ? ours.latency.p99 / hp.latency.p99 : null;
    const cpuRatio =
      ours.cpuMsPer1kDeliveries && hp.cpuMsPer1kDeliveries ? ours.cpuMsPer1kDeliveries / hp.cpuMsPer1kDeliveries : null;
    const met = (ok: boolean | null) => (ok === null ? 'n/a' : ok ? 'met' : 'MISSED');
    lines.push(
      `fanout ${tag}: Samenspraak event-loop p99 ${f(loopP99, 1)} ms (max ${f(ours.serverLoopDelayMaxMs?.[0], 0)}), ` +
        `Hocuspocus ${f(hp.serverLoopDelayP99Ms?.[0], 1)} ms (max ${f(hp.serverLoopDelayMaxMs?.[0], 0)})` +
        (c.clients === 500 ? ` — target ≤ 20 ms: ${met(loopP99 === null ? null : loopP99 <= 20)}` : ''),
      `fanout ${tag}: delivery p99 Samenspraak / Hocuspocus ${f(p99Ratio)}, CPU per 1,000 deliveries ${f(cpuRatio)}` +
        (c.clients === 300
          ? ` — targets ≤ 0.8: p99 ${met(p99Ratio === null ? null : p99Ratio <= 0.8)}, CPU ${met(cpuRatio === null ? null : cpuRatio <= 0.8)}`
          : '') +
        ` (other processes ${f(ours.otherCpuPercent, 0)}% / ${f(hp.otherCpuPercent, 0)}% of a core)`,
    );
  }
  return { load, lines };
}
