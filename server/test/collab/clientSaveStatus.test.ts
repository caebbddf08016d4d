/**
 * The browser client's own save logic (client/src/collab/connection.ts: the y-websocket provider, its
 * counting socket and SaveTracker) against the real server, not the client tests' ideal fake server:
 * several edits in flight, a Rejected update, reconnects with unsaved edits. Whenever the client says
 * "saved" (the UI's "Opgeslagen"), everything in its document must already be in the real store.
 */
import { randomBytes } from 'node:crypto';
import { DEFAULT_LIMITS } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { SqliteStore } from '../../src/storage/sqliteStore.js';
import { ControlledStore } from '../support/coreHarness.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { sleep, waitFor } from '../support/trackedClient.js';

/** What this test uses of the client's connection (its sources are typed for the browser, not here). */
interface ClientConnection {
  doc: Y.Doc;
  provider: { ws: { close(): void } | null; connect(): void; disconnect(): void };
  getStatus(): { phase: string; saved: boolean; unsaved: boolean; rejection: { reason: string } | null };
  subscribe(listener: () => void): () => void;
  destroy(): void;
}
type ConnectDocument = (options: { documentId: string; token: string; wsBase: string }) => ClientConnection;

// Loaded by path at run time, so this project's type check does not compile browser code.
const CLIENT = '../../../client/src/collab';
const { installFakeBrowser } = await import(/* @vite-ignore */ `${CLIENT}/fakeCollabServer`);
installFakeBrowser(WebSocket); // window and navigator for the client; real sockets
const { connectDocument } = (await import(/* @vite-ignore */ `${CLIENT}/connection`)) as {
  connectDocument: ConnectDocument;
};

const store = new ControlledStore(new SqliteStore(':memory:'));
let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  // A small pending-bytes bound: a held store refuses a large edit (StoreBackpressure, a real Rejected).
  server = await startTestServer({ limits: { ...DEFAULT_LIMITS, maxPendingBytes: 4096 } }, { store });
});
afterAll(async () => {
  store.stepwise = false;
  while (store.waitingCount > 0) await store.next();
  await server.close();
});

describe("the client's save status against the real server", () => {
  it('says saved only once the server made every edit durable: in flight, rejected, reconnected', async () => {
    const docId = `client-save-${randomBytes(5).toString('hex')}`;
    const c = connectDocument({
      documentId: docId,
      token: await tokenFor({ [docId]: 'write' }),
      wsBase: `${server.wsUrl}/collab`,
    });
    const text = c.doc.getText('t');
    const early: string[] = [];
    c.subscribe(() => {
      if (c.getStatus().saved && !store.storedAllOf(docId, Y.encodeStateAsUpdate(c.doc))) early.push(text.toString());
    });
    const saved = (what: string) => waitFor(() => c.getStatus().saved, 15_000, what);
    try {
      await saved('the first sync');
      store.stepwise = true;

      // Two edits: the first is committed alone while the second waits behind it.
      text.insert(0, '[a]');
      await waitFor(() => store.waitingCount === 1, 10_000, 'the first commit');
      text.insert(text.length, '[b]');
      await waitFor(() => server.collab.queue.size === 2, 10_000, 'the second edit queued');
      await store.next();
      await sleep(200); // room for a wrong Saved to arrive
      expect(c.getStatus()).toMatchObject({ saved: false, unsaved: true });
      await store.next();
      await saved('both edits');

      // Several edits in flight; the commits come one by one, some fail.
      for (let i = 1; i <= 8; i++) text.insert(text.length, `[${i}]`);
      expect(c.getStatus()).toMatchObject({ saved: false, unsaved: true });
      await waitFor(() => server.collab.queue.size === 8, 10_000, 'the server to hold all eight');
      for (let k = 0; server.collab.queue.size > 0; k++) {
        await store.next(k % 3 !== 1);
        if (server.collab.queue.size > 0) expect(c.getStatus().saved).toBe(false);
      }
      await saved('the eight edits');

      // The socket drops while an edit is held: the new socket's step 2 changes nothing on the server,
      // and its Saved must still wait until the held edit is durable.
      text.insert(text.length, '[9]');
      await waitFor(() => store.waitingCount === 1, 10_000, 'the held commit');
      c.provider.ws?.close();
      await waitFor(() => c.getStatus().phase === 'online' && c.getStatus().unsaved, 15_000, 'online again');
      await sleep(200); // room for a wrong Saved to arrive
      expect(c.getStatus().saved).toBe(false);
      await store.next();
      await saved('the edit held across the reconnect');

      // An edit made while disconnected travels in the next socket's step 2.
      c.provider.disconnect();
      await waitFor(() => c.getStatus().phase === 'offline', 10_000, 'offline');
      text.insert(text.length, '[offline]');
      expect(c.getStatus()).toMatchObject({ saved: false, unsaved: true });
      c.provider.connect();
      await waitFor(() => store.waitingCount === 1, 10_000, 'the offline edit, sent after reconnecting');
      expect(c.getStatus()).toMatchObject({ saved: false, unsaved: true });
      await store.next();
      await saved('the offline edit');

      // Rejected: a large edit while another one is held exceeds the pending-bytes bound.
      text.insert(text.length, `<${'a'.repeat(3000)}>`);
      await waitFor(() => store.waitingCount === 1, 10_000, 'the held large edit');
      text.insert(text.length, `<${'b'.repeat(2000)}>`);
      await waitFor(() => c.getStatus().rejection !== null, 10_000, 'the rejection');
      expect(c.getStatus()).toMatchObject({ saved: false, rejection: { reason: 'store-backpressure' } });
      await store.next(); // the first large edit is durable; the refused one is not
      await sleep(200);
      expect(c.getStatus().saved).toBe(false);
      // The client reconnects by itself after back-pressure; its step 2 carries the refused edit.
      await waitFor(() => store.waitingCount === 1, 15_000, 'the refused edit, re-sent after reconnecting');
      expect(c.getStatus().saved).toBe(false);
      await store.next();
      await saved('the re-sent edit');
      expect(c.getStatus()).toMatchObject({ unsaved: false, rejection: null });

      expect(early).toEqual([]);
      expect(store.storedDoc(docId).getText('t').toString()).toBe(text.toString());
      expect(text.toString()).toContain('[9][offline]<a');
      expect(text.toString()).toContain('b>');
    } finally {
      c.destroy();
    }
  });
});
