/** Stock y-websocket providers (the npm package, not our client) against the real server. */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { waitFor } from '../support/trackedClient.js';

let server: Awaited<ReturnType<typeof startTestServer>>;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server.close();
});

async function stockProvider(docId: string, name: string) {
  const doc = new Y.Doc();
  const token = await tokenFor({ [docId]: 'write' }, { sub: name, name });
  const provider = new WebsocketProvider(`${server.wsUrl}/collab`, docId, doc, {
    params: { token },
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  return { doc, provider };
}

describe('interoperability with the stock y-websocket provider', () => {
  it('two stock providers co-edit and converge, and awareness flows both ways', async () => {
    // Stock clients log "Unable to compute message" for our extra Saved message and otherwise ignore it.
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    const a = await stockProvider('interop-1', 'Anna');
    const b = await stockProvider('interop-1', 'Bram');
    try {
      await waitFor(() => a.provider.synced && b.provider.synced, 5000, 'both synced');
      a.doc.getText('t').insert(0, 'Wat gaat goed: ');
      b.doc.getMap('m').set('status', 'concept');
      await waitFor(() => b.doc.getText('t').toString() === 'Wat gaat goed: ', 2000, 'text at b');
      b.doc.getText('t').insert(15, 'school');
      await waitFor(() => a.doc.getText('t').toString() === 'Wat gaat goed: school', 2000, 'text at a');
      await waitFor(() => a.doc.getMap('m').get('status') === 'concept', 2000, 'map at a');
      expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc));

      a.provider.awareness.setLocalStateField('user', { name: 'Anna', role: 'gedragswetenschapper' });
      b.provider.awareness.setLocalStateField('user', { name: 'Bram', role: 'ouder' });
      await waitFor(
        () => b.provider.awareness.getStates().get(a.doc.clientID)?.user?.name === 'Anna',
        2000,
        'awareness a→b',
      );
      await waitFor(
        () => a.provider.awareness.getStates().get(b.doc.clientID)?.user?.name === 'Bram',
        2000,
        'awareness b→a',
      );

      const serverDoc = server.collab.loadedDocument('interop-1') as Y.Doc;
      expect(serverDoc.getText('t').toString()).toBe('Wat gaat goed: school');
      b.provider.destroy();
      await waitFor(() => !a.provider.awareness.getStates().has(b.doc.clientID), 3000, 'b removed from awareness');
      expect(a.provider.wsconnected).toBe(true);
    } finally {
      a.provider.destroy();
      b.provider.destroy();
      consoleError.mockRestore();
    }
  });

  it('a stock provider resumes after a reconnect and merges edits made while offline', async () => {
    const a = await stockProvider('interop-2', 'anna');
    const b = await stockProvider('interop-2', 'bram');
    const consoleError = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      await waitFor(() => a.provider.synced && b.provider.synced, 5000, 'both synced');
      a.provider.disconnect();
      a.doc.getText('t').insert(0, 'offline geschreven. ');
      b.doc.getText('t').insert(0, 'online geschreven. ');
      await new Promise((r) => setTimeout(r, 100));
      a.provider.connect();
      const expected = () => b.doc.getText('t').toString();
      await waitFor(
        () =>
          a.doc.getText('t').toString() === expected() &&
          expected().length === 'offline geschreven. online geschreven. '.length,
        5000,
        'merge after reconnect',
      );
    } finally {
      a.provider.destroy();
      b.provider.destroy();
      consoleError.mockRestore();
    }
  });
});

describe('operational endpoints', () => {
  it('serves health, readiness and Prometheus metrics', async () => {
    const health = await fetch(`${server.url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${server.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: 'ready', checks: { store: 'ok' } });
    const metrics = await (await fetch(`${server.url}/metrics`)).text();
    for (const name of [
      'samenspraak_collab_connections',
      'samenspraak_documents_loaded',
      'samenspraak_updates_total',
      'samenspraak_store_append_seconds',
      'samenspraak_ack_latency_seconds',
    ]) {
      expect(metrics).toContain(name);
    }
  });

  it('answers unknown API routes and malformed JSON with a JSON error', async () => {
    const missing = await fetch(`${server.url}/api/bestaat-niet`);
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ error: { id: 'not_found' } });
    const bad = await fetch(`${server.url}/api/iets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"kapot":',
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { id: string } }).error.id).toBe('entity_parse_failed');
  });

  it('drops WebSocket upgrades on paths no transport serves', async () => {
    const ws = new WebSocket(`${server.wsUrl}/elders`);
    const outcome = await new Promise<string>((resolve) => {
      ws.on('open', () => resolve('open'));
      ws.on('error', () => resolve('error'));
    });
    expect(outcome).toBe('error');
  });
});
