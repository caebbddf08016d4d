/**
 * Updates that wait for content the server does not have yet (a client's live edits that arrive before
 * its sync step 2) are held in memory. They are bounded per connection (count and bytes) and per document
 * (bytes, all connections together): beyond that the update is refused with a clear reason, the
 * connection stays usable, and /metrics counts it. Without the bound, 1,000 such updates of 1 MB drove a
 * server to 2 GB.
 */
import { DEFAULT_LIMITS, MessageType, RejectReason, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RawCollabSocket, syncFrame } from '../support/rawCollabSocket.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { waitFor } from '../support/trackedClient.js';

const KB = 1024;
type Started = Awaited<ReturnType<typeof startTestServer>>;
let server: Started;
const sockets: RawCollabSocket[] = [];

beforeAll(async () => {
  server = await startTestServer({
    limits: {
      ...DEFAULT_LIMITS,
      heldBackBytesPerConnection: 64 * KB,
      heldBackBytesPerDocument: 96 * KB,
      heldBackUpdatesPerConnection: 5,
    },
  });
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await server?.close();
});

/** A base update and `count` later updates of ~`size` bytes each that all build on the base. */
function dependentUpdates(count: number, size: number): { base: Uint8Array; later: Uint8Array[] } {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, 'basis');
  const base = Y.encodeStateAsUpdate(doc);
  const later: Uint8Array[] = [];
  for (let i = 0; i < count; i++) {
    const sv = Y.encodeStateVector(doc);
    doc.getText('t').insert(0, String(i % 10).repeat(size));
    later.push(Y.encodeStateAsUpdate(doc, sv));
  }
  return { base, later };
}

async function connect(docId: string): Promise<RawCollabSocket> {
  const raw = new RawCollabSocket(server.wsUrl, docId, await tokenFor({ [docId]: 'write' }, { sub: 'writer' }));
  sockets.push(raw);
  await raw.ready();
  return raw;
}

function rejected(raw: RawCollabSocket): Array<{ n: number; reason: string }> {
  return raw
    .ofType(MessageType.Rejected)
    .map((d) => ({ n: decoding.readVarUint(d), reason: decoding.readVarString(d) }));
}

async function metric(name: string, labels = ''): Promise<number> {
  const text = await server.metrics.registry.metrics();
  const line = text.split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

it('refuses past the per-connection byte bound, keeps the connection, and applies what it held after step 2', async () => {
  const docId = 'held-back-bytes';
  const raw = await connect(docId);
  const { base, later } = dependentUpdates(4, 20 * KB);
  for (const u of later) raw.send(syncFrame(SyncStep.Update, u));
  await waitFor(() => rejected(raw).length > 0, 5000, 'refusal');
  expect(rejected(raw)).toEqual([{ n: 4, reason: RejectReason.HeldBackLimit }]);
  expect(await metric('samenspraak_held_back_refused_total', '{scope="connection"}')).toBe(1);
  expect(await metric('samenspraak_held_back_bytes')).toBeGreaterThan(3 * 20 * KB);
  expect(await metric('samenspraak_held_back_bytes')).toBeLessThanOrEqual(64 * KB);

  // The client's step 2 brings the base: the three held-back updates now apply; the fourth was refused.
  raw.send(syncFrame(SyncStep.Step2, base));
  const doc = () => server.collab.loadedDocument(docId) as Y.Doc;
  await waitFor(() => doc().getText('t').length === 5 + 3 * 20 * KB, 5000, 'held-back updates applied');
  expect(await metric('samenspraak_held_back_bytes')).toBe(0);
  expect(raw.closeInfo).toBeNull();
});

it('refuses past the per-connection count bound', async () => {
  const raw = await connect('held-back-count');
  const { later } = dependentUpdates(7, 10);
  for (const u of later) raw.send(syncFrame(SyncStep.Update, u));
  await waitFor(() => rejected(raw).length === 2, 5000, 'refusals');
  expect(rejected(raw).map((r) => r.n)).toEqual([6, 7]);
  raw.close();
});

it('refuses past the per-document bound across connections, and frees it when they close', async () => {
  const docId = 'held-back-document';
  const first = await connect(docId);
  const second = await connect(docId);
  const a = dependentUpdates(3, 20 * KB).later;
  const b = dependentUpdates(2, 20 * KB).later;
  for (const u of a) first.send(syncFrame(SyncStep.Update, u));
  await expect.poll(() => metric('samenspraak_held_back_bytes'), { timeout: 5000 }).toBeGreaterThan(3 * 20 * KB);
  for (const u of b) second.send(syncFrame(SyncStep.Update, u));
  await waitFor(() => rejected(second).length > 0, 5000, 'refusal');
  expect(rejected(first)).toEqual([]);
  expect(rejected(second)).toEqual([{ n: 2, reason: RejectReason.HeldBackLimit }]);
  expect(await metric('samenspraak_held_back_refused_total', '{scope="document"}')).toBe(1);
  first.close();
  second.close();
  await expect.poll(() => metric('samenspraak_held_back_bytes'), { timeout: 5000 }).toBe(0);
});
