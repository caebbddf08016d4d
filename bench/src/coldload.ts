/**
 * Scenario `coldload` (issue 16, part 4): how long a stored document takes to open on Samenspraak (SQLite).
 *
 * The documents are the editing trace's final state (TRACE_FILE; 259,778 edits applied locally, ~311 kB
 * as one Yjs update) stored the way the server leaves them: a compacted snapshot plus a tail of
 * `TAIL` small updates (later edits), written straight into a fresh DATA_DIR's samenspraak.db after one
 * start/stop created the tables. Then the server is started again and, per document, a new client
 * connects and is timed from opening the socket to synced (its text is checked). The first document
 * after the start is reported on its own (process warm-up: JIT, first token and policy checks); the
 * others are what a user opening a stored document on a running server waits. The server-side share
 * (store read + parse) comes from /metrics: samenspraak_document_load_seconds sum / count.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import * as Y from 'yjs';
import { createClient, signToken } from './clients.js';
import { median, wallNow } from './latency.js';
import { freePort, makeTempDir, removeTempDir, startServer } from './servers.js';
import { TRACE_FILE } from './trace.js';

const DOCS = 8;
const TAIL = 50;

type Edit = [number, 0, string] | [number, 1];

export interface ColdLoadResult {
  source: string;
  snapshotBytes: number;
  tailUpdates: number;
  firstAfterStartMs: number;
  coldLoadMs: number[];
  coldLoadMedianMs: number;
  serverLoadMeanMs: number | null;
  textOk: boolean;
  lines: string[];
}

function buildDocument(): { doc: Y.Doc; source: string } {
  const doc = new Y.Doc();
  const text = doc.getText('text');
  if (TRACE_FILE && fs.existsSync(TRACE_FILE)) {
    const { edits } = JSON.parse(zlib.gunzipSync(fs.readFileSync(TRACE_FILE)).toString()) as { edits: Edit[] };
    doc.transact(() => {
      for (const e of edits) {
        if (e[1] === 0) text.insert(e[0], e[2]);
        else text.delete(e[0], 1);
      }
    });
    return { doc, source: `editing trace (${edits.length} edits)` };
  }
  // No trace on this machine: 20,000 three-character insertions at pseudo-random places.
  let x = 1;
  for (let i = 0; i < 20_000; i++) {
    x = (x * 48271) % 2147483647;
    text.insert(x % (text.length + 1), 'abc');
  }
  return { doc, source: 'synthetic (20,000 insertions; editing trace not found)' };
}

export async function runColdLoad(secret: string, log: (s: string) => void): Promise<ColdLoadResult> {
  const { doc, source } = buildDocument();
  const snapshot = Y.encodeStateAsUpdate(doc);
  const tail: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => tail.push(u));
  for (let i = 0; i < TAIL; i++) doc.getText('text').insert((i * 7919) % doc.getText('text').length, 'xyz');
  const finalText = doc.getText('text').toString();
  const dataDir = makeTempDir('bench-coldload-');
  try {
    // One start/stop creates the schema; then the documents go in as the server would have stored them.
    const first = await startServer('samenspraak', await freePort(), { dataDir, secret });
    await first.stop();
    const db = new Database(path.join(dataDir, 'samenspraak.db'));
    try {
      const put = db.transaction(() => {
        const snap = db.prepare('INSERT INTO doc_snapshots (doc_id, data, upto_seq, updated_at) VALUES (?, ?, 0, ?)');
        const upd = db.prepare('INSERT INTO doc_updates (doc_id, data) VALUES (?, ?)');
        for (let d = 0; d < DOCS; d++) {
          snap.run(`cold-${d}`, Buffer.from(snapshot), Date.now());
          for (const u of tail) upd.run(`cold-${d}`, Buffer.from(u));
        }
      });
      put();
    } finally {
      db.close();
    }
    const server = await startServer('samenspraak', await freePort(), { dataDir, secret });
    try {
      const ms: number[] = [];
      let textOk = true;
      for (let d = 0; d < DOCS; d++) {
        const docId = `cold-${d}`;
        const token = await signToken(secret, `cold-reader-${d}`, [docId]);
        const started = wallNow();
        const client = createClient({ kind: 'samenspraak', wsUrl: server.wsUrl, docId, doc: new Y.Doc(), token });
        try {
          await client.whenSynced(60_000);
          ms.push(wallNow() - started);
          textOk &&= client.doc.getText('text').toString() === finalText;
        } finally {
          client.destroy();
        }
      }
      const res = await fetch(`http://127.0.0.1:${server.port}/metrics`, {
        headers: { authorization: `Bearer ${secret}` },
      });
      const metrics = await res.text();
      const num = (name: string) => Number(new RegExp(`^${name} ([0-9.eE+-]+)$`, 'm').exec(metrics)?.[1] ?? Number.NaN);
      const sum = num('samenspraak_document_load_seconds_sum');
      const count = num('samenspraak_document_load_seconds_count');
      const serverLoadMeanMs = count > 0 ? (sum / count) * 1000 : null;
      const [firstAfterStartMs, ...rest] = ms as [number, ...number[]];
      const coldLoadMedianMs = median(rest);
      const lines = [
        `coldload (${source}; snapshot ${snapshot.byteLength} B + ${TAIL} tail updates, ${DOCS} documents): ` +
          `connect → synced median ${coldLoadMedianMs.toFixed(1)} ms [${rest.map((v) => v.toFixed(1)).join(', ')}], ` +
          `first after start ${firstAfterStartMs.toFixed(1)} ms, server load+parse mean ${serverLoadMeanMs?.toFixed(1) ?? 'n/a'} ms, ` +
          `text ${textOk ? 'ok' : 'DIFFERS'} — target ≤ 50 ms: ${coldLoadMedianMs <= 50 ? 'met' : 'MISSED'}`,
      ];
      log(lines[0]!);
      return {
        source,
        snapshotBytes: snapshot.byteLength,
        tailUpdates: TAIL,
        firstAfterStartMs,
        coldLoadMs: rest,
        coldLoadMedianMs,
        serverLoadMeanMs,
        textOk,
        lines,
      };
    } finally {
      await server.stop();
    }
  } finally {
    removeTempDir(dataDir);
  }
}
