/**
 * Samenspraak-only trace replay: 259,778 real keystrokes through one stock y-websocket client, timed until
 * the last durable ack; then a second client must see exactly `finalText`; then the stored size in SQLite
 * after a clean shutdown, and the cold-load time of the document after restarts.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { ackHooks, type BenchClient, createClient, signToken } from './clients.js';
import { median, sleep, wallNow } from './latency.js';
import { freePort, makeTempDir, ROOT, type RunningServer, removeTempDir, startServer } from './servers.js';

/**
 * The editing trace: BENCH_TRACE, else the copy in the repository (bench/trace/, see its README), else
 * the project's shared data beside the checkout; null when none exists (the trace scenario is skipped).
 */
export const TRACE_FILE: string | null =
  [
    process.env.BENCH_TRACE,
    path.join(ROOT, 'bench', 'trace', 'editing-trace.json.gz'),
    path.resolve(ROOT, '..', 'shared', 'data', 'editing-trace.json.gz'),
  ].find((f): f is string => Boolean(f) && fs.existsSync(f as string)) ?? null;
const DOC_ID = 'trace-1';
/** Back-pressure: stop producing above HIGH bytes queued in the socket, resume below LOW. */
const HIGH_WATER = 4 * 1024 * 1024;
const LOW_WATER = 1024 * 1024;
const REPLAY_DEADLINE_MS = 15 * 60_000;

type Edit = [number, 0, string] | [number, 1];

export interface TraceResult {
  edits: number;
  updateFrames: number;
  /** first edit → last durable ack */
  totalMs: number;
  editsPerSec: number;
  /** first edit → last frame handed to the socket */
  sendMs: number;
  secondClientTextOk: boolean;
  storedBytes: number;
  snapshotBytes: number;
  tailBytes: number;
  tailRows: number;
  encodedStateBytes: number;
  /** For context only: the v2 encoding is what public CRDT benchmarks quote (~160 kB for this trace). */
  encodedStateBytesV2: number;
  storedToEncodedRatio: number;
  coldLoadMs: number[];
  coldLoadMedianMs: number;
  coldLoadTextOk: boolean;
}

interface Ctx {
  secret: string;
  dataDir: string;
  log: (line: string) => void;
}

async function connect(ctx: Ctx, server: RunningServer, user: string): Promise<{ client: BenchClient; ms: number }> {
  const token = await signToken(ctx.secret, user, [DOC_ID]);
  const started = wallNow();
  const client = createClient({ kind: 'samenspraak', wsUrl: server.wsUrl, docId: DOC_ID, doc: new Y.Doc(), token });
  try {
    await client.whenSynced(60_000);
  } catch (err) {
    client.destroy();
    throw new Error(`trace: ${user} could not sync (close codes ${client.closeCodes}): ${(err as Error).message}`);
  }
  return { client, ms: wallNow() - started };
}

async function start(ctx: Ctx): Promise<RunningServer> {
  return startServer('samenspraak', await freePort(), { dataDir: ctx.dataDir, secret: ctx.secret });
}

/** Applies every edit as its own transaction, pausing when the socket's send buffer is large. */
async function replay(client: BenchClient, edits: Edit[]): Promise<void> {
  const first = client.counting();
  const text = client.doc.getText('text');
  const deadline = Date.now() + REPLAY_DEADLINE_MS;
  for (let i = 0; i < edits.length; i++) {
    const e = edits[i]!;
    if (e[1] === 0) text.insert(e[0], e[2]);
    else text.delete(e[0], 1);
    if (i % 256 !== 255) continue;
    const ws = client.counting();
    if (!ws || ws !== first)
      throw new Error(`trace: connection lost after ${i + 1} edits (close codes ${client.closeCodes})`);
    // Yield regularly so incoming acks are processed; wait for the socket to drain when it is full.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (ws.bufferedAmount > HIGH_WATER) {
      while (ws.bufferedAmount > LOW_WATER && Date.now() < deadline) await sleep(1);
    }
    if (Date.now() > deadline) throw new Error('trace: replay deadline exceeded');
  }
}

function storedBytes(dataDir: string): { snapshot: number; tail: number; rows: number } {
  const db = new Database(path.join(dataDir, 'samenspraak.db'), { readonly: true, fileMustExist: true });
  try {
    const snap = db
      .prepare('SELECT length(data) AS len, upto_seq AS upto FROM doc_snapshots WHERE doc_id = ?')
      .get(DOC_ID) as { len: number; upto: number } | undefined;
    const tail = db
      .prepare(
        'SELECT COUNT(*) AS rows, COALESCE(SUM(length(data)), 0) AS bytes FROM doc_updates WHERE doc_id = ? AND seq > ?',
      )
      .get(DOC_ID, snap?.upto ?? 0) as { rows: number; bytes: number };
    return { snapshot: snap?.len ?? 0, tail: tail.bytes, rows: tail.rows };
  } finally {
    db.close();
  }
}

export async function runTrace(secret: string, restarts: number, log: (line: string) => void): Promise<TraceResult> {
  if (!TRACE_FILE) throw new Error('no editing trace: set BENCH_TRACE or restore bench/trace/editing-trace.json.gz');
  const { edits, finalText } = JSON.parse(zlib.gunzipSync(fs.readFileSync(TRACE_FILE)).toString()) as {
    edits: Edit[];
    finalText: string;
  };
  const ctx: Ctx = { secret, dataDir: makeTempDir('bench-trace-'), log };
  let server: RunningServer | null = await start(ctx);
  try {
    const { client } = await connect(ctx, server, 'trace-writer');
    const ws = client.counting()!;
    let lastAck = 0;
    ackHooks.onSend = () => {};
    ackHooks.onAck = () => {
      lastAck = wallNow();
    };
    log(`trace: replaying ${edits.length} edits…`);
    const t0 = wallNow();
    await replay(client, edits);
    const sendMs = wallNow() - t0;
    const ackDeadline = Date.now() + REPLAY_DEADLINE_MS;
    while (ws.framesAcked < ws.framesSent && Date.now() < ackDeadline) {
      if (client.counting() !== ws) throw new Error('trace: connection dropped while waiting for acks');
      await sleep(2);
    }
    if (ws.framesAcked < ws.framesSent) throw new Error(`trace: only ${ws.framesAcked}/${ws.framesSent} frames acked`);
    if (client.rejected > 0) throw new Error(`trace: server rejected ${client.rejected} updates`);
    const totalMs = lastAck - t0;
    if (client.doc.getText('text').toString() !== finalText)
      throw new Error('trace: replaying client text ≠ finalText');
    const encodedStateBytes = Y.encodeStateAsUpdate(client.doc).byteLength;
    const encodedStateBytesV2 = Y.encodeStateAsUpdateV2(client.doc).byteLength;
    const updateFrames = ws.framesSent;
    client.destroy();
    log(`trace: ${edits.length} edits durable in ${(totalMs / 1000).toFixed(1)} s; verifying with a second client…`);

    const second = await connect(ctx, server, 'trace-reader');
    const secondClientTextOk = second.client.doc.getText('text').toString() === finalText;
    second.client.destroy();

    // SIGTERM: Samenspraak flushes and compacts on shutdown; only then are the stored bytes final.
    const code = await server.stop(60_000);
    server = null;
    if (code !== 0) log(`trace: warning: server exited with code ${code} on SIGTERM`);
    const stored = storedBytes(ctx.dataDir);
    const total = stored.snapshot + stored.tail;

    const coldLoadMs: number[] = [];
    let coldLoadTextOk = true;
    for (let i = 0; i < restarts; i++) {
      server = await start(ctx);
      const cold = await connect(ctx, server, `trace-cold-${i}`);
      coldLoadMs.push(cold.ms);
      coldLoadTextOk &&= cold.client.doc.getText('text').toString() === finalText;
      cold.client.destroy();
      await server.stop(60_000);
      server = null;
    }
    return {
      edits: edits.length,
      updateFrames,
      totalMs,
      editsPerSec: edits.length / (totalMs / 1000),
      sendMs,
      secondClientTextOk,
      storedBytes: total,
      snapshotBytes: stored.snapshot,
      tailBytes: stored.tail,
      tailRows: stored.rows,
      encodedStateBytes,
      encodedStateBytesV2,
      storedToEncodedRatio: total / encodedStateBytes,
      coldLoadMs,
      coldLoadMedianMs: median(coldLoadMs),
      coldLoadTextOk,
    };
  } finally {
    if (server) await server.stop(10_000);
    removeTempDir(ctx.dataDir);
  }
}
