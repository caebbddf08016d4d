/**
 * Scenario `idle` (issue 16, part 4): resident memory of a freshly started, idle server — Samenspraak
 * (SQLite, fresh DATA_DIR, production) and the Hocuspocus 4 peer, one after the other in the same run.
 * Each is started, answers its readiness URL, is left alone for `settleSeconds`, and its VmRSS is read
 * from /proc (and again after a further `settleSeconds`, to show it is not still growing).
 */
import { sleep } from './latency.js';
import {
  freePort,
  makeTempDir,
  removeTempDir,
  SERVER_LABEL,
  type ServerKind,
  sampleProc,
  startServer,
} from './servers.js';

export interface IdleResult {
  kind: ServerKind;
  label: string;
  startMs: number;
  rssMB: number;
  rssLaterMB: number;
  error?: string;
}

export async function runIdle(secret: string, log: (s: string) => void, settleSeconds = 5): Promise<IdleResult[]> {
  const out: IdleResult[] = [];
  for (const kind of ['samenspraak', 'hocuspocus'] as const) {
    const dataDir = makeTempDir(`bench-idle-${kind}-`);
    const label = SERVER_LABEL[kind];
    try {
      const t0 = performance.now();
      const server = await startServer(kind, await freePort(), { dataDir, secret });
      const startMs = performance.now() - t0;
      try {
        await sleep(settleSeconds * 1000);
        const rssMB = sampleProc(server.pid).rssBytes / 1024 / 1024;
        await sleep(settleSeconds * 1000);
        const rssLaterMB = sampleProc(server.pid).rssBytes / 1024 / 1024;
        log(
          `idle ${label}: ready in ${startMs.toFixed(0)} ms, RSS ${rssMB.toFixed(1)} MB, later ${rssLaterMB.toFixed(1)} MB`,
        );
        out.push({ kind, label, startMs, rssMB, rssLaterMB });
      } finally {
        await server.stop();
      }
    } catch (err) {
      out.push({
        kind,
        label,
        startMs: Number.NaN,
        rssMB: Number.NaN,
        rssLaterMB: Number.NaN,
        error: (err as Error).message,
      });
    } finally {
      removeTempDir(dataDir);
    }
  }
  return out;
}

export function idleLines(rows: IdleResult[]): string[] {
  const ours = rows.find((r) => r.kind === 'samenspraak');
  const hp = rows.find((r) => r.kind === 'hocuspocus');
  const lines = rows.map((r) =>
    r.error
      ? `idle ${r.label}: FAILED ${r.error.split('\n')[0]}`
      : `idle ${r.label}: RSS ${r.rssMB.toFixed(1)} MB after start (${r.rssLaterMB.toFixed(1)} MB later), ready in ${r.startMs.toFixed(0)} ms`,
  );
  if (ours && hp && !ours.error && !hp.error)
    lines.push(`idle RSS Samenspraak / Hocuspocus: ${(ours.rssMB / hp.rssMB).toFixed(2)}`);
  return lines;
}
