/**
 * Convergence fuzzing. A seeded PRNG drives random edits of a Y.Text, a Y.Map and a Y.Array from many
 * clients, random disconnects and reconnects and random delivery delays/interleavings; at the end every
 * client and the server hold the same document, and so does the server after a restart.
 *
 * (a) runs real y-websocket clients against a real in-process server (ws, SQLite, compaction, unload).
 * (b) drives the core CollabServer directly through in-memory sockets with a shuffled delivery order.
 *
 * Replay a run with FUZZ_SEED=<printed seed>; the network timing of (a) is not reproducible, its
 * operation choices are.
 */
import fs from 'node:fs';
import { DEFAULT_LIMITS, encodeUpdate, type Limits, MessageType } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { CollabServer, type CollabSession } from '../../src/collab/collabServer.js';
import type { AccessPolicy, CollabSocket } from '../../src/collab/types.js';
import { createLogger } from '../../src/observability/logger.js';
import { createMetrics } from '../../src/observability/metrics.js';
import { SqliteStore } from '../../src/storage/sqliteStore.js';
import { DurableClient, isPreStep2OutOfSync } from '../support/durableClient.js';
import { intBelow, mulberry32, pick, type Rng, seedFrom } from '../support/prng.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { sleep, waitFor } from '../support/trackedClient.js';

const WORDS = ['a', 'b', 'c', 'x', 'yz', ' ', 'hallo', 'é', '🙂', '\n'];

/** One random edit that always changes the document. */
function randomEdit(rng: Rng, doc: Y.Doc, tag: string): void {
  const t = doc.getText('t');
  const m = doc.getMap<unknown>('m');
  const a = doc.getArray<unknown>('a');
  const r = rng();
  if (r < 0.3 || (r < 0.45 && t.length === 0)) {
    t.insert(intBelow(rng, t.length + 1), pick(rng, WORDS));
  } else if (r < 0.45) {
    const pos = intBelow(rng, t.length);
    t.delete(pos, 1 + intBelow(rng, Math.min(6, t.length - pos)));
  } else if (r < 0.6 || (r < 0.68 && m.size === 0)) {
    m.set(`k${intBelow(rng, 10)}`, rng() < 0.5 ? tag : intBelow(rng, 1000));
  } else if (r < 0.68) {
    m.delete(pick(rng, [...m.keys()]));
  } else if (r < 0.86 || a.length === 0) {
    if (rng() < 0.5) a.push([tag]);
    else a.insert(intBelow(rng, a.length + 1), [tag]);
  } else {
    const pos = intBelow(rng, a.length);
    a.delete(pos, 1 + intBelow(rng, Math.min(3, a.length - pos)));
  }
}

interface Snapshot {
  sv: Record<string, number>;
  t: string;
  m: Record<string, unknown>;
  a: unknown[];
}

/** State vector (decoded, order-independent) and the JSON of every shared type. */
function snapshot(doc: Y.Doc): Snapshot {
  const sv = [...Y.decodeStateVector(Y.encodeStateVector(doc)).entries()].sort((x, y) => x[0] - y[0]);
  return {
    sv: Object.fromEntries(sv.map(([client, clock]) => [String(client), clock])),
    t: doc.getText('t').toString(),
    // Key order of a Y.Map depends on the order updates were integrated; compare it sorted.
    m: Object.fromEntries(Object.entries(doc.getMap('m').toJSON()).sort(([x], [y]) => (x < y ? -1 : 1))),
    a: doc.getArray('a').toJSON(),
  };
}

const same = (x: Snapshot, y: Snapshot) => JSON.stringify(x) === JSON.stringify(y);

/** Sum of the samples of one metric in Prometheus text format. */
function metricValue(text: string, name: string): number {
  let sum = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith(`${name} `) || line.startsWith(`${name}{`))
      sum += Number(line.slice(line.lastIndexOf(' ') + 1));
  }
  return sum;
}

function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null;
}

describe('convergence fuzz', () => {
  const cleanups: Array<() => unknown> = [];
  afterEach(async () => {
    for (const fn of cleanups.splice(0).reverse()) await fn();
  });

  it('(a) y-websocket clients with random edits, disconnects and delays converge with the server and survive a restart', {
    timeout: 60_000,
  }, async () => {
    const seed = seedFrom('FUZZ_SEED');
    console.log(`convergence fuzz (a): seed ${seed} (replay with FUZZ_SEED=${seed})`);
    const rng = mulberry32(seed);
    const netRng = mulberry32(seed ^ 0x5bd1e995);
    const DOCS = ['fuzz-a', 'fuzz-b'];
    const CLIENTS = 8;
    const DURATION_MS = 4000;
    const limits: Limits = {
      ...DEFAULT_LIMITS,
      compactAfterUpdates: 50,
      // Short, so documents whose clients all disconnected are unloaded and loaded again mid-run.
      unloadGraceMs: 150,
      rateMessagesPerSecond: 100_000,
      rateBurst: 100_000,
    };

    let server = await startTestServer({ limits });
    const { dataDir } = server.config;
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }));
    cleanups.push(() => server.close());
    const token = await tokenFor(Object.fromEntries(DOCS.map((d) => [d, 'write' as const])));
    const delay = () => (netRng() < 0.4 ? 0 : netRng() * 15);
    const clients = Array.from({ length: CLIENTS }, (_, i) => {
      const docId = DOCS[i % DOCS.length] as string;
      return {
        i,
        docId,
        client: new DurableClient(server.wsUrl, docId, token, { delays: { outgoing: delay, incoming: delay } }),
      };
    });
    cleanups.push(() => {
      for (const c of clients) c.client.destroy();
    });

    const counts = { edits: 0, disconnects: 0, reconnects: 0 };
    const started = Date.now();
    for (let k = 0; Date.now() - started < DURATION_MS; k++) {
      const { i, client } = pick(rng, clients);
      const r = rng();
      if (r < 0.02 && client.provider.shouldConnect) {
        client.provider.disconnect();
        counts.disconnects++;
      } else if (r < 0.08 && !client.provider.shouldConnect) {
        client.provider.connect();
        counts.reconnects++;
      } else if (client.edit(`f${i}-${k}`, (doc) => randomEdit(rng, doc, `f${i}-${k}`))) {
        counts.edits++;
      }
      // Yield to the network every step; sometimes long enough for delayed frames to move.
      if (rng() < 0.25) await sleep(intBelow(rng, 3));
      else await tick();
    }

    for (const { client } of clients) client.provider.connect();
    const converged = () =>
      clients.every(({ client, docId }) => {
        const serverDoc = server.collab.loadedDocument(docId);
        return client.allSaved && serverDoc !== undefined && same(snapshot(client.doc), snapshot(serverDoc));
      });
    await waitFor(converged, 30_000, 'every client saved and equal to the server');

    const finals = new Map<string, Snapshot>();
    for (const docId of DOCS) {
      const serverDoc = server.collab.loadedDocument(docId) as Y.Doc;
      expect(hasPending(serverDoc)).toBe(false);
      finals.set(docId, snapshot(serverDoc));
    }
    let confirmed = 0;
    let spurious = 0;
    for (const { client, docId } of clients) {
      expect(snapshot(client.doc)).toEqual(finals.get(docId));
      expect(hasPending(client.doc)).toBe(false);
      // Only the known spurious kind (see isPreStep2OutOfSync); anything else is a failure.
      expect(client.rejections.filter((r) => !isPreStep2OutOfSync(r))).toEqual([]);
      spurious += client.rejections.length;
      // Client-initiated closes only (1005: closed without a status code; 1006: aborted while connecting).
      expect(client.closes.filter((c) => ![1000, 1005, 1006].includes(c.code))).toEqual([]);
      expect(client.confirmed.size).toBe(client.made.length);
      confirmed += client.confirmed.size;
    }
    for (const docId of DOCS) {
      const f = finals.get(docId) as Snapshot;
      // The run must have produced real content on every shared type.
      expect(f.t.length + Object.keys(f.m).length + f.a.length).toBeGreaterThan(0);
    }
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    const compactions = metricValue(metrics, 'samenspraak_compactions_total');
    const loads = metricValue(metrics, 'samenspraak_document_load_seconds_count');
    // compactAfterUpdates is small, so the run compacted while clients were editing.
    expect(compactions).toBeGreaterThan(0);
    // The server closed no connection (it counts every close it initiates, by code).
    expect(metricValue(metrics, 'samenspraak_connections_closed_total')).toBe(0);
    console.log(
      `convergence fuzz (a): ${counts.edits} edits (${confirmed} confirmed saved), ${counts.disconnects} disconnects, ` +
        `${counts.reconnects} reconnects, ${compactions} compactions, ${loads} document loads, ` +
        `${spurious} spurious out-of-sync rejections; ` +
        DOCS.map((d) => `${d}: text ${finals.get(d)?.t.length} chars, array ${finals.get(d)?.a.length}`).join('; '),
    );

    // Restart on the same data directory: a fresh client loads exactly the converged document.
    for (const { client } of clients) client.destroy();
    await server.close();
    server = await startTestServer({ dataDir, limits });
    for (const docId of DOCS) {
      const fresh = new DurableClient(server.wsUrl, docId, token);
      cleanups.push(() => fresh.destroy());
      await waitFor(() => fresh.provider.synced, 10_000, `fresh client on ${docId} synced`);
      expect(snapshot(fresh.doc)).toEqual(finals.get(docId));
      // The first reader gets the stored bytes before the server has parsed them itself (cold load): the
      // server's own copy follows once its parse is done.
      const serverCopy = () => snapshot((server.collab.loadedDocument(docId) as Y.Doc | undefined) ?? new Y.Doc());
      await waitFor(() => same(serverCopy(), finals.get(docId) as Snapshot), 10_000, `server parsed ${docId}`);
      expect(serverCopy()).toEqual(finals.get(docId));
    }
  });

  it('an edit made right after connecting, on top of offline edits, is not rejected', async () => {
    // Minimal reproduction of the spurious rejections the fuzz runs count. A stock y-websocket client sends
    // live updates from the moment its socket opens; its offline edits only follow in its sync step 2
    // (its answer to the server's step 1). collabServer's hasClockGap check sees the first live update
    // start past the server's clock for that client and rejects it as out-of-sync ("reload the document").
    const server = await startTestServer();
    cleanups.push(() => fs.rmSync(server.config.dataDir, { recursive: true, force: true }));
    cleanups.push(() => server.close());
    const token = await tokenFor({ 'gap-doc': 'write' });
    const client = new DurableClient(server.wsUrl, 'gap-doc', token, { connect: false });
    cleanups.push(() => client.destroy());
    client.edit('offline', (doc) => doc.getText('t').insert(0, 'offline edit; '));
    client.provider.on('status', ({ status }) => {
      // Fires in the socket's open handler, before the provider sends anything.
      if (status === 'connected' && !client.made.includes('online')) {
        client.edit('online', (doc) => doc.getText('t').insert(0, 'online edit; '));
      }
    });
    client.provider.connect();
    await waitFor(() => client.allSaved, 5000, 'client saved');
    // Nothing is lost: the step 2 carries both edits.
    expect(server.collab.loadedDocument('gap-doc')?.getText('t').toString()).toBe('online edit; offline edit; ');
    expect(client.rejections).toEqual([]);
  });

  it('(b) the core converges under shuffled in-memory delivery, disconnects and unloads (several seeds)', {
    timeout: 60_000,
  }, async () => {
    const base = seedFrom('FUZZ_SEED');
    console.log(`convergence fuzz (b): seed ${base} (replay with FUZZ_SEED=${base})`);
    const summary: string[] = [];
    for (let run = 0; run < 6; run++) summary.push(await runCoreFuzz((base + run * 0x9e3779b9) >>> 0));
    console.log(`convergence fuzz (b):\n  ${summary.join('\n  ')}`);
  });
});

// ---------------------------------------------------------------------------------------------------
// (b): the core with in-memory sockets.

const FROM_SERVER = Symbol('server');

const allowAll: AccessPolicy = {
  authenticate: async () => ({
    claims: { sub: 'fuzz', name: 'Fuzz', role: 'gedragswetenschapper', docs: {} },
    access: 'write',
  }),
  checkUpdate: () => null,
};

const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

class FakeLink implements CollabSocket {
  open = true;
  readonly bufferedAmount = 0;
  constructor(private readonly client: FakeClient) {}
  send(data: Uint8Array): void {
    if (this.open) this.client.toClient.push(data.slice());
  }
  close(code: number): void {
    if (!this.open) return;
    this.open = false;
    this.client.serverClosed(this, code);
  }
}

/** A y-websocket client reduced to the protocol: sync, Saved bookkeeping, per-link in-order queues. */
class FakeClient {
  readonly doc = new Y.Doc();
  link: FakeLink | null = null;
  session: CollabSession | null = null;
  toServer: Uint8Array[] = [];
  toClient: Uint8Array[] = [];
  sent = 0;
  saved = 0;
  synced = false;
  readonly closes: number[] = [];
  /** Frame number of this connection's sync step 2 (0: not sent yet). */
  step2Frame = 0;
  readonly rejections: Array<{ n: number; reason: string; beforeStep2: boolean }> = [];

  constructor(readonly docId: string) {
    this.doc.on('update', (update: Uint8Array, origin: unknown) => {
      if (origin === FROM_SERVER || !this.link) return;
      this.toServer.push(encodeUpdate(update));
      this.sent++;
    });
  }

  get connected(): boolean {
    return this.link !== null;
  }

  connect(collab: CollabServer): void {
    const link = new FakeLink(this);
    this.link = link;
    this.sent = 0;
    this.saved = 0;
    this.step2Frame = 0;
    this.synced = false;
    this.toClient = [];
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    syncProtocol.writeSyncStep1(e, this.doc);
    this.toServer = [encoding.toUint8Array(e)];
    this.session = collab.open(link, { docId: this.docId, token: 'fake', remoteAddress: 'memory' });
  }

  disconnect(): void {
    const session = this.session;
    if (this.link) this.link.open = false;
    this.reset();
    session?.closed();
  }

  serverClosed(link: FakeLink, code: number): void {
    this.closes.push(code);
    if (this.link !== link) return;
    const session = this.session;
    this.reset();
    queueMicrotask(() => session?.closed());
  }

  private reset(): void {
    this.link = null;
    this.session = null;
    this.toServer = [];
    this.toClient = [];
  }

  deliverToServer(): void {
    const data = this.toServer.shift();
    if (data && this.session) this.session.message(data);
  }

  deliverToClient(): void {
    const data = this.toClient.shift();
    if (!data) return;
    const d = decoding.createDecoder(data);
    const type = decoding.readVarUint(d);
    if (type === MessageType.Sync) {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MessageType.Sync);
      const step = syncProtocol.readSyncMessage(d, e, this.doc, FROM_SERVER);
      if (step === syncProtocol.messageYjsSyncStep2) this.synced = true;
      if (encoding.length(e) > 1 && this.link) {
        this.toServer.push(encoding.toUint8Array(e));
        this.sent++;
        if (this.step2Frame === 0) this.step2Frame = this.sent;
      }
    } else if (type === MessageType.Saved) {
      this.saved = Math.max(this.saved, decoding.readVarUint(d));
    } else if (type === MessageType.Rejected) {
      const n = decoding.readVarUint(d);
      const reason = decoding.readVarString(d);
      this.rejections.push({ n, reason, beforeStep2: this.step2Frame === 0 || n < this.step2Frame });
    }
  }

  get quiet(): boolean {
    return (
      this.connected &&
      this.synced &&
      this.toServer.length === 0 &&
      this.toClient.length === 0 &&
      this.saved >= this.sent
    );
  }
}

function coreServer(store: SqliteStore, metrics = createMetrics()): CollabServer {
  // Tiny thresholds: compaction runs often, and a document is unloaded as soon as its last client leaves.
  const limits: Limits = { ...DEFAULT_LIMITS, compactAfterUpdates: 20, unloadGraceMs: 0 };
  return new CollabServer({ store, policy: allowAll, limits, log: createLogger('silent'), metrics });
}

/** Delivers everything (in a random interleaving) until every client is quiet and equal to the server. */
async function settle(rng: Rng, collab: CollabServer, clients: FakeClient[]): Promise<void> {
  for (let round = 0; round < 5000; round++) {
    for (const c of clients) if (!c.connected) c.connect(collab);
    const busy = clients.filter((c) => c.toServer.length > 0 || c.toClient.length > 0);
    for (let n = 0; n < 50 && busy.length > 0; n++) {
      const c = pick(rng, busy);
      if (c.toServer.length > 0 && (c.toClient.length === 0 || rng() < 0.5)) c.deliverToServer();
      else c.deliverToClient();
      if (c.toServer.length === 0 && c.toClient.length === 0) busy.splice(busy.indexOf(c), 1);
    }
    await tick();
    const done = clients.every((c) => {
      const serverDoc = collab.loadedDocument(c.docId);
      return c.quiet && serverDoc !== undefined && same(snapshot(c.doc), snapshot(serverDoc));
    });
    if (done) return;
  }
  const state = clients.map((c) => {
    const serverDoc = collab.loadedDocument(c.docId);
    return {
      docId: c.docId,
      connected: c.connected,
      synced: c.synced,
      queues: [c.toServer.length, c.toClient.length],
      sent: c.sent,
      saved: c.saved,
      loaded: serverDoc !== undefined,
      equal: serverDoc !== undefined && same(snapshot(c.doc), snapshot(serverDoc)),
      diff:
        serverDoc && !same(snapshot(c.doc), snapshot(serverDoc))
          ? { client: snapshot(c.doc), server: snapshot(serverDoc) }
          : null,
      clientPending: hasPending(c.doc),
      serverPending: serverDoc ? hasPending(serverDoc) : null,
    };
  });
  throw new Error(`in-memory clients did not settle: ${JSON.stringify(state)}`);
}

async function runCoreFuzz(seed: number): Promise<string> {
  const rng = mulberry32(seed);
  const DOCS = ['core-a', 'core-b'];
  const store = new SqliteStore(':memory:');
  try {
    const metrics = createMetrics();
    const collab = coreServer(store, metrics);
    const clients = Array.from({ length: 6 }, (_, i) => new FakeClient(DOCS[i % DOCS.length] as string));
    for (const c of clients) c.connect(collab);
    const counts = { edits: 0, deliveries: 0, disconnects: 0, reconnects: 0 };
    for (let step = 0; step < 3000; step++) {
      const r = rng();
      if (r < 0.3) {
        const i = intBelow(rng, clients.length);
        const c = clients[i] as FakeClient;
        c.doc.transact(() => randomEdit(rng, c.doc, `s${seed}-${i}-${step}`));
        counts.edits++;
      } else if (r < 0.88) {
        const busy = clients.filter((c) => c.toServer.length > 0 || c.toClient.length > 0);
        if (busy.length > 0) {
          const c = pick(rng, busy);
          if (c.toServer.length > 0 && (c.toClient.length === 0 || rng() < 0.5)) c.deliverToServer();
          else c.deliverToClient();
          counts.deliveries++;
        }
      } else if (r < 0.91) {
        const c = pick(rng, clients);
        if (c.connected) {
          c.disconnect();
          counts.disconnects++;
        }
      } else if (r < 0.96) {
        const c = pick(rng, clients);
        if (!c.connected) {
          c.connect(collab);
          counts.reconnects++;
        }
      } else {
        await tick();
      }
      if (step % 25 === 0) await tick();
    }
    await settle(rng, collab, clients);

    const finals = new Map<string, Snapshot>();
    let spurious = 0;
    for (const docId of DOCS) {
      const serverDoc = collab.loadedDocument(docId) as Y.Doc;
      expect(hasPending(serverDoc), `seed ${seed}: server ${docId} has pending updates`).toBe(false);
      finals.set(docId, snapshot(serverDoc));
    }
    for (const c of clients) {
      expect(snapshot(c.doc), `seed ${seed}: client on ${c.docId}`).toEqual(finals.get(c.docId));
      expect(
        c.rejections.filter((r) => !isPreStep2OutOfSync(r)),
        `seed ${seed}: rejections`,
      ).toEqual([]);
      spurious += c.rejections.length;
      // The only server-side close is the shutdown below; nothing was kicked during the run.
      expect(c.closes, `seed ${seed}: closes`).toEqual([]);
    }

    // Durability: a graceful close flushes and compacts; a new core on the same store loads the same document.
    expect(await collab.close()).toBe(true);
    const again = coreServer(store);
    const readers = DOCS.map((d) => new FakeClient(d));
    await settle(rng, again, readers);
    for (const reader of readers) {
      expect(snapshot(reader.doc), `seed ${seed}: reloaded ${reader.docId}`).toEqual(finals.get(reader.docId));
    }
    await again.close();
    const sizes = DOCS.map((d) => `${d} text ${finals.get(d)?.t.length}/array ${finals.get(d)?.a.length}`).join(', ');
    const text = await metrics.registry.metrics();
    const compactions = metricValue(text, 'samenspraak_compactions_total');
    const loads = metricValue(text, 'samenspraak_document_load_seconds_count');
    expect(compactions).toBeGreaterThan(0);
    return (
      `seed ${seed}: ${counts.edits} edits, ${counts.deliveries} deliveries, ${counts.disconnects} disconnects, ` +
      `${counts.reconnects} reconnects, ${compactions} compactions, ${loads} loads, ${spurious} spurious out-of-sync; ${sizes}`
    );
  } finally {
    await store.close();
  }
}
