/**
 * Hostile and broken input on WS /collab: every bad frame closes only the offending connection with
 * its named close code, the server stays up, the other clients stay connected and keep collaborating,
 * and the document (in memory and in the store) is exactly what it was before the bad frame.
 * Tokens and document ids are checked before a document is loaded.
 */
import fs from 'node:fs';
import { CloseCode, DEFAULT_LIMITS, MessageType, RejectReason, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { secretKey } from '../../src/auth/collabTokens.js';
import { createTokenAccessPolicy } from '../../src/auth/tokenAccessPolicy.js';
import type { AccessPolicy } from '../../src/collab/types.js';
import type { DocumentStats } from '../../src/storage/documentStore.js';
import { mulberry32 } from '../support/prng.js';
import {
  awarenessFrame,
  concatBytes,
  RawCollabSocket,
  rawUpgradeCloseCode,
  syncFrame,
} from '../support/rawCollabSocket.js';
import { startTestServer } from '../support/testServer.js';
import { testKey, tokenFor } from '../support/tokens.js';
import { sleep, TrackedClient, waitFor } from '../support/trackedClient.js';

const DOC = 'bad-input-doc';
const MAX_MESSAGE_BYTES = 64 * 1024;
const RATE_BURST = 40;
const limits = {
  ...DEFAULT_LIMITS,
  maxMessageBytes: MAX_MESSAGE_BYTES,
  rateMessagesPerSecond: 20,
  rateBurst: RATE_BURST,
};

type Server = Awaited<ReturnType<typeof startTestServer>>;

/** An update that adds content the server has never seen (so applying it would change the document). */
function freshUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  doc.getArray<string>('a').push([text]);
  return Y.encodeStateAsUpdate(doc);
}

interface DocState {
  update: Uint8Array;
  text: string;
  array: unknown[];
  map: Record<string, unknown>;
  stats: DocumentStats;
}

describe('bad input on WS /collab', () => {
  let server: Server;
  let writer: TrackedClient;
  let observer: TrackedClient;
  let writeToken: string;
  let readToken: string;
  let liveness = 0;

  async function docState(): Promise<DocState> {
    const doc = server.collab.loadedDocument(DOC);
    if (!doc) throw new Error(`${DOC} is not loaded`);
    return {
      update: Y.encodeStateAsUpdate(doc),
      text: doc.getText('t').toString(),
      array: doc.getArray('a').toJSON(),
      map: doc.getMap('m').toJSON(),
      stats: await server.store.stats(DOC),
    };
  }

  /** The server is up, the well-behaved clients are unaffected, and they still collaborate. */
  async function expectStillServing(): Promise<void> {
    const res = await fetch(`${server.url}/healthz`);
    expect(res.status).toBe(200);
    expect(writer.closes).toEqual([]);
    expect(observer.closes).toEqual([]);
    expect(writer.provider.wsconnected).toBe(true);
    const mark = `alive-${++liveness}`;
    writer.edit(mark, (doc) => doc.getArray<string>('a').push([mark]));
    await waitFor(() => observer.doc.getArray<string>('a').toArray().includes(mark), 5000, `${mark} at the observer`);
    await waitFor(() => writer.allSaved && writer.confirmed.has(mark), 5000, `${mark} saved`);
  }

  /**
   * Opens a write connection, waits until it is ready, sends the bad frames and expects the server to
   * close it with one of `codes`, leaving the document untouched and everyone else served.
   */
  async function expectClosedWith(codes: number[], frames: Uint8Array[], opts: { token?: string | null } = {}) {
    const before = await docState();
    const raw = new RawCollabSocket(server.wsUrl, DOC, opts.token === undefined ? writeToken : opts.token);
    try {
      await raw.ready();
      for (const f of frames) raw.send(f);
      const closed = await raw.closed();
      expect(codes).toContain(closed.code);
      expect(await docState()).toEqual(before);
      await expectStillServing();
      return closed;
    } finally {
      raw.close();
    }
  }

  beforeAll(async () => {
    server = await startTestServer({ limits });
    writeToken = await tokenFor({ [DOC]: 'write' }, { sub: 'writer' });
    readToken = await tokenFor({ [DOC]: 'read' }, { sub: 'reader', role: 'gemeente' });
    writer = new TrackedClient(server.wsUrl, DOC, writeToken);
    observer = new TrackedClient(server.wsUrl, DOC, await tokenFor({ [DOC]: 'write' }, { sub: 'observer' }));
    await waitFor(() => writer.allSaved && observer.allSaved, 5000, 'clients connected');
    writer.edit('initial', (doc) => {
      doc.getText('t').insert(0, 'Verklarende analyse: eerste versie.');
      doc.getArray<string>('a').push(['initial']);
      doc.getMap('m').set('status', 'concept');
    });
    await waitFor(() => writer.confirmed.has('initial') && observer.doc.getMap('m').get('status') === 'concept');
  });

  afterAll(async () => {
    writer?.destroy();
    observer?.destroy();
    await server?.close();
    if (server) fs.rmSync(server.config.dataDir, { recursive: true, force: true });
  });

  describe('malformed frames', () => {
    it('random bytes close the connection (several seeded buffers)', async () => {
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const rng = mulberry32(seed);
        const bytes = new Uint8Array(1 + Math.floor(rng() * 300)).map(() => Math.floor(rng() * 256));
        // Type 2 (y-websocket auth) is ignored by design; start 3 of the 6 buffers as sync/awareness frames.
        if (bytes[0] === MessageType.Auth) bytes[0] = 0xc8;
        if (seed <= 2) bytes[0] = MessageType.Sync;
        else if (seed === 3) bytes[0] = MessageType.Awareness;
        await expectClosedWith([CloseCode.MalformedMessage, CloseCode.InvalidUpdate], [bytes]);
      }
    });

    it('a sync update frame cut in half: 4401', async () => {
      const frame = syncFrame(SyncStep.Update, freshUpdate('truncated frame'));
      await expectClosedWith([CloseCode.MalformedMessage], [frame.slice(0, frame.length >> 1)]);
    });

    it('a well-framed sync update whose update is cut in half: 4402', async () => {
      const update = freshUpdate('truncated update');
      await expectClosedWith(
        [CloseCode.InvalidUpdate],
        [syncFrame(SyncStep.Update, update.slice(0, update.length >> 1))],
      );
    });

    it('an unknown message type: 4401', async () => {
      await expectClosedWith([CloseCode.MalformedMessage], [new Uint8Array([99])]);
      // Samenspraak's own server-to-client types are not accepted from clients either.
      await expectClosedWith([CloseCode.MalformedMessage], [new Uint8Array([MessageType.Saved, 1])]);
    });

    it('a sync message with an unknown step: 4401', async () => {
      await expectClosedWith([CloseCode.MalformedMessage], [syncFrame(7, freshUpdate('unknown step'))]);
    });

    it('sync step 1 with an invalid state vector: 4401', async () => {
      // Claims three entries, holds one and a half.
      await expectClosedWith(
        [CloseCode.MalformedMessage],
        [syncFrame(SyncStep.Step1, new Uint8Array([3, 1, 2, 0x80]))],
      );
    });

    it('a sync update or step 2 whose payload is not a Yjs update: 4402', async () => {
      const notAnUpdate = new TextEncoder().encode('not a yjs update');
      await expectClosedWith([CloseCode.InvalidUpdate], [syncFrame(SyncStep.Update, notAnUpdate)]);
      await expectClosedWith(
        [CloseCode.InvalidUpdate],
        [syncFrame(SyncStep.Step2, new Uint8Array([0xff, 0xff, 0xff]))],
      );
    });

    it('a valid update followed by trailing garbage: 4401, and the update is not applied', async () => {
      const frame = syncFrame(SyncStep.Update, freshUpdate('with trailing garbage'));
      await expectClosedWith(
        [CloseCode.MalformedMessage],
        [concatBytes(frame, new Uint8Array([0xde, 0xad, 0xbe, 0xef]))],
      );
    });

    it('malformed awareness messages: 4401', async () => {
      await expectClosedWith([CloseCode.MalformedMessage], [awarenessFrame(new Uint8Array([5, 0xff]))]);
      await expectClosedWith([CloseCode.MalformedMessage], [new Uint8Array([MessageType.Awareness, 40, 1, 2])]);
      // Valid count and ids, state that is not JSON.
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 1);
      encoding.writeVarUint(e, 123456);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, '{not json');
      await expectClosedWith([CloseCode.MalformedMessage], [awarenessFrame(encoding.toUint8Array(e))]);
    });
  });

  describe('limits', () => {
    it('a frame above maxMessageBytes: 1009 (core limit and ws limit)', async () => {
      const big = syncFrame(SyncStep.Update, new Uint8Array(MAX_MESSAGE_BYTES + 100).fill(7));
      const closed = await expectClosedWith([CloseCode.MessageTooBig], [big]);
      expect(closed.reason).toBe('message too big');
      // Far above the limit, ws itself refuses the frame (also 1009).
      await expectClosedWith([CloseCode.MessageTooBig], [new Uint8Array(4 * MAX_MESSAGE_BYTES).fill(7)]);
    });

    it('a frame of exactly maxMessageBytes is accepted', async () => {
      const raw = new RawCollabSocket(server.wsUrl, DOC, writeToken);
      try {
        await raw.ready();
        // Sync step 1 whose state vector is empty (count 0) followed by zero padding: a message the server answers.
        // Frame: type (1) + step (1) + varuint length (3) + payload.
        const frame = syncFrame(SyncStep.Step1, new Uint8Array(MAX_MESSAGE_BYTES - 5));
        expect(frame.length).toBe(MAX_MESSAGE_BYTES);
        raw.send(frame);
        raw.send(syncFrame(SyncStep.Step1, Y.encodeStateVector(new Y.Doc())));
        // The server's own step 1, then a step 2 for each of ours.
        await waitFor(() => raw.ofType(MessageType.Sync).length >= 3 || raw.closeInfo !== null, 5000, 'step 2 replies');
        expect(raw.closeInfo).toBeNull();
      } finally {
        raw.close();
      }
    });

    it('a flood above the rate limit: 4429', async () => {
      const flood = Array.from({ length: RATE_BURST * 3 }, () => new Uint8Array([MessageType.QueryAwareness]));
      await expectClosedWith([CloseCode.RateLimited], flood);
    });
  });

  describe('tokens', () => {
    const FRESH = 'nobody-opened-this';

    async function expectRefused(code: number, token: string | null, docPath = FRESH) {
      const loadedBefore = server.collab.loadedDocumentCount;
      const raw = new RawCollabSocket(server.wsUrl, docPath, token);
      try {
        // Messages sent before the verdict must not get anywhere either.
        await raw.opened();
        raw.send(syncFrame(SyncStep.Update, freshUpdate('sent before the verdict')));
        const closed = await raw.closed();
        expect(closed.code).toBe(code);
        expect(raw.messages).toEqual([]);
      } finally {
        raw.close();
      }
      expect(server.collab.loadedDocument(FRESH)).toBeUndefined();
      expect(server.collab.loadedDocumentCount).toBe(loadedBefore);
      expect(await server.store.stats(FRESH)).toEqual({ snapshotBytes: 0, tailCount: 0, tailBytes: 0 });
    }

    it('no token: 4001', async () => {
      await expectRefused(CloseCode.Unauthenticated, null);
    });

    it('a garbage token: 4001', async () => {
      await expectRefused(CloseCode.Unauthenticated, 'not.a.jwt');
      await expectRefused(CloseCode.Unauthenticated, 'garbage');
    });

    it('a token signed with another secret: 4001', async () => {
      const other = secretKey('another-secret-that-is-also-long-enough-987654');
      await expectRefused(CloseCode.Unauthenticated, await tokenFor({ [FRESH]: 'write' }, { key: other }));
    });

    it('an expired token: 4002', async () => {
      await expectRefused(CloseCode.TokenExpired, await tokenFor({ [FRESH]: 'write' }, { ttlSeconds: -60 }));
    });

    it('a valid token for another document: 4003', async () => {
      await expectRefused(CloseCode.Forbidden, await tokenFor({ 'some-other-doc': 'write' }));
      // Also for a document that is loaded: the writer's own document, with a token that does not name it.
      const before = await docState();
      const raw = new RawCollabSocket(server.wsUrl, DOC, await tokenFor({ [FRESH]: 'write' }));
      try {
        expect((await raw.closed()).code).toBe(CloseCode.Forbidden);
      } finally {
        raw.close();
      }
      expect(await docState()).toEqual(before);
    });

    it('invalid document ids: 4400', async () => {
      const token = await tokenFor({ [FRESH]: 'write' });
      for (const docPath of ['a'.repeat(300), '.hidden', 'a%2Fb', '%ZZ', '-leading-dash', 'sp%20ace']) {
        await expectRefused(CloseCode.BadDocumentId, token, docPath);
      }
      // The same through a raw upgrade request (the helper the %2e%2e case below relies on).
      expect((await rawUpgradeCloseCode(server.port, `/collab/.hidden?token=${token}`)).code).toBe(
        CloseCode.BadDocumentId,
      );
      await expectStillServing();
    });

    it('a read-only token that sends an update gets Rejected(read-only), stays connected, changes nothing', async () => {
      const before = await docState();
      const raw = new RawCollabSocket(server.wsUrl, DOC, readToken);
      try {
        await raw.ready();
        raw.send(syncFrame(SyncStep.Update, freshUpdate('read-only edit')));
        await waitFor(() => raw.ofType(MessageType.Saved).length > 0, 5000, 'Saved');
        const [rejected] = raw.ofType(MessageType.Rejected);
        expect(rejected).toBeDefined();
        const d = rejected as decoding.Decoder;
        expect(decoding.readVarUint(d)).toBe(1);
        expect(decoding.readVarString(d)).toBe(RejectReason.ReadOnly);
        // Saved(1): message 1 is settled (rejected), so the client can stop waiting for it.
        expect(decoding.readVarUint(raw.ofType(MessageType.Saved)[0] as decoding.Decoder)).toBe(1);
        // Still connected and served.
        raw.send(syncFrame(SyncStep.Step1, Y.encodeStateVector(new Y.Doc())));
        await waitFor(() => raw.ofType(MessageType.Sync).length >= 2, 5000, 'step 2 for the reader');
        expect(raw.closeInfo).toBeNull();
        expect(await docState()).toEqual(before);
        await expectStillServing();
        expect(raw.closeInfo).toBeNull();
        // The reader receives the writer's edits live.
        await waitFor(() => raw.ofType(MessageType.Sync).length >= 3, 5000, 'relayed update for the reader');
      } finally {
        raw.close();
      }
    });
  });

  describe('regressions found by this suite', () => {
    it('an upgrade of /collab/%2e%2e is answered with 4400', async () => {
      const token = await tokenFor({ [DOC]: 'write' });
      const closed = await rawUpgradeCloseCode(server.port, `/collab/%2e%2e?token=${token}`, 2000);
      expect(closed.code).toBe(CloseCode.BadDocumentId);
    });

    it('a malformed awareness message leaves no awareness state behind', async () => {
      const ghost = 987_654_321;
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, 2);
      encoding.writeVarUint(e, ghost);
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, JSON.stringify({ user: { name: 'ghost' } }));
      encoding.writeVarUint(e, 777); // the second entry is cut off
      await expectClosedWith([CloseCode.MalformedMessage], [awarenessFrame(encoding.toUint8Array(e))]);
      const later = new RawCollabSocket(server.wsUrl, DOC, readToken);
      try {
        await later.ready();
        await sleep(100);
        const ids: number[] = [];
        for (const d of later.ofType(MessageType.Awareness)) {
          const u = decoding.createDecoder(decoding.readVarUint8Array(d));
          const n = decoding.readVarUint(u);
          for (let i = 0; i < n; i++) {
            ids.push(decoding.readVarUint(u));
            decoding.readVarUint(u);
            decoding.readVarString(u);
          }
        }
        expect(ids).not.toContain(ghost);
      } finally {
        later.close();
      }
    });
  });
});

describe('bad input before the connection is ready', () => {
  let server: Server;
  let token: string;
  const EARLY_DOC = 'early-doc';

  beforeAll(async () => {
    // Authentication takes 300 ms, so frames sent right after the upgrade arrive before the connection is ready.
    const inner = createTokenAccessPolicy(testKey);
    const slow: AccessPolicy = {
      authenticate: async (request) => {
        await sleep(300);
        return inner.authenticate(request);
      },
      checkUpdate: (check) => inner.checkUpdate(check),
    };
    server = await startTestServer({ limits }, { policy: slow });
    token = await tokenFor({ [EARLY_DOC]: 'write' });
  });

  afterAll(async () => {
    await server?.close();
    if (server) fs.rmSync(server.config.dataDir, { recursive: true, force: true });
  });

  async function earlyClose(frames: Uint8Array[]) {
    const raw = new RawCollabSocket(server.wsUrl, EARLY_DOC, token);
    try {
      await raw.opened();
      for (const f of frames) raw.send(f);
      return await raw.closed();
    } finally {
      raw.close();
    }
  }

  it('a malformed frame queued before readiness is judged once ready: 4401, nothing stored', async () => {
    const closed = await earlyClose([syncFrame(SyncStep.Update, freshUpdate('early')), new Uint8Array([99])]);
    expect(closed.code).toBe(CloseCode.MalformedMessage);
    // The valid update before it was applied and stored; the connection then closed on the bad frame.
    await waitFor(() => server.collab.loadedDocument(EARLY_DOC) !== undefined);
    expect(server.collab.loadedDocument(EARLY_DOC)?.getText('t').toString()).toBe('early');
  });

  it('an invalid update queued before readiness: 4402, not applied', async () => {
    const before = Y.encodeStateAsUpdate(server.collab.loadedDocument(EARLY_DOC) as Y.Doc);
    const update = freshUpdate('early, truncated');
    const closed = await earlyClose([syncFrame(SyncStep.Update, update.slice(0, update.length - 3))]);
    expect(closed.code).toBe(CloseCode.InvalidUpdate);
    expect(Y.encodeStateAsUpdate(server.collab.loadedDocument(EARLY_DOC) as Y.Doc)).toEqual(before);
  });

  it('a frame above maxMessageBytes sent before readiness gets 1009', async () => {
    const closed = await earlyClose([syncFrame(SyncStep.Update, new Uint8Array(MAX_MESSAGE_BYTES + 100).fill(7))]);
    expect(closed.code).toBe(CloseCode.MessageTooBig);
  });
});
