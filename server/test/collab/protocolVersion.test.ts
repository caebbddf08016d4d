/**
 * The protocol version a client sends at connect (`?v=<n>` on WS /collab/<id>): an older client is
 * closed with OutdatedClient and a reason that says to reload, before its document is loaded; the
 * current version, a newer one and no version at all (stock y-websocket clients) connect and sync.
 */
import {
  CloseCode,
  decodeFrame,
  OUTDATED_CLIENT_REASON,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_PARAM,
} from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawCollabSocket } from '../support/rawCollabSocket.js';
import { startTestServer } from '../support/testServer.js';
import { tokenFor } from '../support/tokens.js';
import { TrackedClient, waitFor } from '../support/trackedClient.js';

const DOC = 'protocol-version-doc';

describe('protocol version at connect', () => {
  let server: Awaited<ReturnType<typeof startTestServer>>;
  let token: string;

  beforeAll(async () => {
    server = await startTestServer();
    token = await tokenFor({ [DOC]: 'write' });
  });
  afterAll(async () => {
    await server?.close();
  });

  it('closes a client older than the server with OutdatedClient and a reload reason', async () => {
    const raw = new RawCollabSocket(server.wsUrl, DOC, token, {
      [PROTOCOL_VERSION_PARAM]: String(PROTOCOL_VERSION - 1),
    });
    const closed = await raw.closed();
    expect(closed).toEqual({ code: CloseCode.OutdatedClient, reason: OUTDATED_CLIENT_REASON });
    expect(closed.reason).toMatch(/reload/);
    expect(raw.messages).toEqual([]);
    expect(server.collab.loadedDocument(DOC)).toBeUndefined();
  });

  it('refuses a version that is not a number as a malformed request', async () => {
    const raw = new RawCollabSocket(server.wsUrl, DOC, token, { [PROTOCOL_VERSION_PARAM]: 'one' });
    expect((await raw.closed()).code).toBe(CloseCode.MalformedMessage);
  });

  for (const [name, params] of [
    ['the current version', { [PROTOCOL_VERSION_PARAM]: String(PROTOCOL_VERSION) }],
    ['a newer version (a fresh page on an instance not yet updated)', { [PROTOCOL_VERSION_PARAM]: '999' }],
    ['no version (a stock y-websocket client)', {}],
  ] as const) {
    it(`accepts ${name}: the server sends its sync step 1`, async () => {
      const raw = new RawCollabSocket(server.wsUrl, DOC, token, params);
      await raw.ready();
      expect(raw.closeInfo).toBeNull();
      expect(decodeFrame(raw.messages[0] as Uint8Array).type).toBe('sync-step1');
      raw.close();
    });
  }

  it('a stock provider without a version co-edits and is told saved', async () => {
    const client = new TrackedClient(server.wsUrl, DOC, token);
    try {
      client.edit('stock', (doc) => doc.getText('t').insert(0, 'stock client'));
      await waitFor(() => client.allSaved && client.confirmed.has('stock'), 5000, 'saved');
      expect(client.closes).toEqual([]);
    } finally {
      client.destroy();
    }
  });
});
