/**
 * How long one durable append holds the calling thread, in-thread SqliteStore vs SqliteWorkerStore (issue
 * 16, part 3), measured inside this process rather than through a loaded server: the synchronous part
 * of `append(...)` (until it returns its promise — for the in-thread store this includes the commit and
 * its fsync) and the whole wait until the promise resolves. Group commits of BATCH updates of 100 bytes,
 * ROUNDS times, each store on its own fresh file. On a shared machine the numbers still include
 * scheduling delay, but the blocked part is what differs.
 *
 *   node bench/dist/storeStall.js
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { DocumentStore } from '../../server/dist/storage/documentStore.js';
import { SqliteStore } from '../../server/dist/storage/sqliteStore.js';
import { SqliteWorkerStore } from '../../server/dist/storage/sqliteWorkerStore.js';

const ROUNDS = 200;
const BATCH = 20;

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? Number.NaN;
}

async function measure(name: string, store: DocumentStore): Promise<string> {
  const blocked: number[] = [];
  const total: number[] = [];
  const update = new Uint8Array(100).fill(7);
  for (let r = 0; r < ROUNDS; r++) {
    const entries = Array.from({ length: BATCH }, (_, i) => ({ docId: `stall-${i % 10}`, update }));
    const t0 = performance.now();
    const p = store.append(entries);
    blocked.push(performance.now() - t0);
    await p;
    total.push(performance.now() - t0);
  }
  await store.close();
  const f = (v: number) => v.toFixed(2);
  return `${name}: thread blocked per commit p50 ${f(pct(blocked, 50))} / p99 ${f(pct(blocked, 99))} / max ${f(Math.max(...blocked))} ms; commit durable after p50 ${f(pct(total, 50))} / p99 ${f(pct(total, 99))} ms (${ROUNDS} commits of ${BATCH} updates)`;
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-stall-'));
try {
  for (let run = 1; run <= 2; run++) {
    console.log(await measure(`run ${run} in-thread SqliteStore`, new SqliteStore(path.join(dir, `a${run}.db`))));
    console.log(await measure(`run ${run} SqliteWorkerStore  `, new SqliteWorkerStore(path.join(dir, `b${run}.db`))));
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
