/**
 * Load-client child process (forked by run.ts with an IPC channel). Hosts a share of the C clients,
 * edits at R/s each with jitter, and measures delivery latency of the other clients' edits. Runs
 * outside the orchestrator and the server so the client CPU does not disturb either's measurements.
 *
 * Protocol: parent → init → (worker) ready; parent → run → edits start; parent → progress → progress;
 * parent → finish → result, then exit.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import * as Y from 'yjs';
import { ackHooks, type BenchClient, createClient, signToken } from './clients.js';
import { sleep, wallNow } from './latency.js';
import { docIndexOf, instanceOf, senderOf } from './layout.js';
import type { ServerKind } from './servers.js';

export interface InitMsg {
  type: 'init';
  kind: ServerKind;
  /** One URL per server instance; client i connects to `wsUrls[instanceOf(i, docs, wsUrls.length)]`. */
  wsUrls: string[];
  secret: string;
  /** Global client indices hosted here; client i edits document `${docPrefix}${i % docs}`. */
  clientIds: number[];
  docPrefix: string;
  docs: number;
  /** Total clients (across all workers) on each document. */
  clientsPerDoc: number[];
  rate: number;
}
export interface RunMsg {
  type: 'run';
  windowStart: number;
  windowEnd: number;
}
export type ParentMsg = InitMsg | RunMsg | { type: 'progress' } | { type: 'finish' };

export interface Progress {
  observed: number;
  expected: number;
  /** Samenspraak: update frames sent inside the window that are not yet durably acked. */
  pendingAcks: number;
}
export interface WorkerResult extends Progress {
  latencies: number[];
  /** The subset of `latencies` whose sender is connected to another instance than the receiver. */
  crossLatencies: number[];
  ackLatencies: number[];
  editsSent: number;
  editsInWindow: number;
  rejected: number;
  disconnects: number;
  closeCodes: number[];
  /** Event-loop delay of this worker during the window (ms): high values mean the clients, not the server, add latency. */
  loopDelayP99: number;
  loopDelayMax: number;
}
export type WorkerMsg =
  | { type: 'ready'; synced: number; total: number; ms: number; error?: string }
  | ({ type: 'progress' } & Progress)
  | ({ type: 'result' } & WorkerResult)
  | { type: 'error'; message: string };

/**
 * One latency record per edit: Y.Map 'lat' key `${sender}:${n}` → t. A unique key per edit (not one key
 * per sender) so receivers see every edit even when a server merges several updates into one message;
 * a map (not a Y.Array) because `keysChanged` is O(changes) whereas Y.Array `event.changes` walks the
 * whole array on every event and made the clients, not the servers, the bottleneck.
 */
type LatMap = Y.Map<number>;

interface LoadClient {
  id: number;
  docIndex: number;
  instance: number;
  client: BenchClient;
  text: Y.Text;
  lat: LatMap;
  n: number;
  next: number;
  timer: NodeJS.Timeout | null;
}

const SYNC_TIMEOUT_MS = 60_000;
const CHARS = 'abcdefghijklmnopqrstuvwxyz ';

let init: InitMsg;
let windowStart = Number.POSITIVE_INFINITY;
let windowEnd = Number.POSITIVE_INFINITY;
const clients: LoadClient[] = [];
const latencies: number[] = [];
const crossLatencies: number[] = [];
const ackLatencies: number[] = [];
let observed = 0;
let expected = 0;
let editsSent = 0;
let editsInWindow = 0;
let windowFrames = 0;
let windowAcked = 0;

const inWindow = (t: number) => t >= windowStart && t < windowEnd;
const round = (ms: number) => Math.round(ms * 1000) / 1000;

// Only Samenspraak acks; the peers' clients also use CountingWebSocket (y-websocket) but must not wait.
ackHooks.onSend = (sentAt) => {
  if (init.kind === 'samenspraak' && inWindow(sentAt)) windowFrames++;
};
ackHooks.onAck = (latencyMs, sentAt) => {
  if (!inWindow(sentAt)) return;
  windowAcked++;
  ackLatencies.push(round(latencyMs));
};

function send(msg: WorkerMsg): void {
  process.send?.(msg);
}

async function connectAll(): Promise<void> {
  const started = Date.now();
  // 250 y-websocket providers each add a process 'exit' listener; that is expected here.
  process.setMaxListeners(0);
  const instances = init.wsUrls.length;
  for (const id of init.clientIds) {
    const docIndex = docIndexOf(id, init.docs);
    const instance = instanceOf(id, init.docs, instances);
    const docId = `${init.docPrefix}${docIndex}`;
    const doc = new Y.Doc();
    const token = init.kind === 'samenspraak' ? await signToken(init.secret, `bench-user-${id}`, [docId]) : undefined;
    const client = createClient({ kind: init.kind, wsUrl: init.wsUrls[instance]!, docId, doc, token });
    const c: LoadClient = {
      id,
      docIndex,
      instance,
      client,
      text: doc.getText('text'),
      lat: doc.getMap<number>('lat'),
      n: 0,
      next: 0,
      timer: null,
    };
    c.lat.observe((event) => {
      if (event.transaction.local) return;
      const now = wallNow();
      for (const key of event.keysChanged) {
        const t = c.lat.get(key);
        if (t === undefined || !inWindow(t)) continue;
        observed++;
        const ms = round(now - t);
        latencies.push(ms);
        if (instances > 1 && instanceOf(senderOf(key), init.docs, instances) !== c.instance) crossLatencies.push(ms);
      }
    });
    clients.push(c);
    // Stagger connection set-up a little so the servers see a ramp, not 500 simultaneous handshakes.
    if (clients.length % 10 === 0) await sleep(10);
  }
  const results = await Promise.allSettled(clients.map((c) => c.client.whenSynced(SYNC_TIMEOUT_MS)));
  const failed = results.filter((r) => r.status === 'rejected');
  const total = clients.length;
  const error = failed.length
    ? `${failed.length}/${total} clients did not sync; close codes: ${clients.flatMap((c) => c.client.closeCodes).slice(0, 10)}`
    : undefined;
  send({ type: 'ready', synced: total - failed.length, total, ms: Date.now() - started, ...(error ? { error } : {}) });
}

function edit(c: LoadClient): void {
  const t = wallNow();
  const n = ++c.n;
  const len = c.text.length;
  let s = '';
  for (let i = 0; i < 3; i++) s += CHARS[Math.floor(Math.random() * CHARS.length)];
  c.client.doc.transact(() => {
    c.text.insert(Math.floor(Math.random() * (len + 1)), s);
    c.lat.set(`${c.id}:${n}`, t);
  });
  editsSent++;
  if (inWindow(t)) {
    editsInWindow++;
    expected += init.clientsPerDoc[c.docIndex]! - 1;
  }
}

/**
 * Absolute schedule with ±50% jitter around 1000/R ms: a late timer (busy event loop) catches up on the
 * next tick instead of silently lowering the rate; the achieved rate is reported as edits sent.
 */
function arm(c: LoadClient): void {
  if (c.next >= windowEnd) return;
  c.timer = setTimeout(
    () => {
      c.timer = null;
      edit(c);
      c.next += (1000 / init.rate) * (0.5 + Math.random());
      arm(c);
    },
    Math.max(0, c.next - wallNow()),
  );
}

const loopDelay = monitorEventLoopDelay({ resolution: 10 });

function startRun(msg: RunMsg): void {
  windowStart = msg.windowStart;
  windowEnd = msg.windowEnd;
  const now = wallNow();
  setTimeout(() => loopDelay.enable(), windowStart - now);
  setTimeout(() => loopDelay.disable(), windowEnd - now);
  // Random phase per client so the clients are not in lock-step.
  for (const c of clients) {
    c.next = now + Math.random() * (1000 / init.rate);
    arm(c);
  }
}

function progress(): Progress {
  return { observed, expected, pendingAcks: Math.max(0, windowFrames - windowAcked) };
}

function finish(): void {
  for (const c of clients) if (c.timer) clearTimeout(c.timer);
  const result: WorkerResult = {
    ...progress(),
    latencies,
    crossLatencies,
    ackLatencies,
    editsSent,
    editsInWindow,
    rejected: clients.reduce((s, c) => s + c.client.rejected, 0),
    disconnects: clients.reduce((s, c) => s + c.client.disconnects, 0),
    closeCodes: clients.flatMap((c) => c.client.closeCodes).slice(0, 20),
    loopDelayP99: loopDelay.percentile(99) / 1e6,
    loopDelayMax: loopDelay.max / 1e6,
  };
  for (const c of clients) c.client.destroy();
  // Exit only once the (large) result has been handed to the IPC channel.
  process.send?.({ type: 'result', ...result } satisfies WorkerMsg, undefined, {}, () => process.exit(0));
}

process.on('message', (msg: ParentMsg) => {
  try {
    if (msg.type === 'init') {
      init = msg;
      connectAll().catch((err: Error) => send({ type: 'error', message: err.stack ?? err.message }));
    } else if (msg.type === 'run') startRun(msg);
    else if (msg.type === 'progress') send({ type: 'progress', ...progress() });
    else if (msg.type === 'finish') finish();
  } catch (err) {
    send({ type: 'error', message: (err as Error).stack ?? String(err) });
  }
});
// The parent died or closed the channel: never linger as an orphan.
process.on('disconnect', () => setTimeout(() => process.exit(0), 1000).unref());
