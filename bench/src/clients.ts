/**
 * Client-side building blocks shared by the load workers and the trace replay: token signing, a
 * WebSocket subclass that numbers update-bearing frames (to match Samenspraak's durable acks), and
 * one factory per server kind that returns the same small BenchClient shape.
 */
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { decodeFrame, isUpdateBearing, MessageType, readSavedBody } from '@samenspraak/shared';
import { SignJWT } from 'jose';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import { wallNow } from './latency.js';
import type { ServerKind } from './servers.js';

/** Samenspraak extension messages (see shared/src/collabProtocol.ts). */
export const MSG_SAVED = MessageType.Saved;
export const MSG_REJECTED = MessageType.Rejected;

export async function signToken(secret: string, userId: string, docIds: string[]): Promise<string> {
  const docs: Record<string, 'write'> = {};
  for (const id of docIds) docs[id] = 'write';
  return new SignJWT({ name: `Bench ${userId}`, role: 'gedragswetenschapper', docs })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(userId)
    .setIssuer('samenspraak')
    .setAudience('collab')
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + 3600)
    .sign(new TextEncoder().encode(secret));
}

/** y-protocols sync step 2 or update frames — what Samenspraak numbers and acks. */
function isUpdateBearingFrame(data: unknown): boolean {
  if (!(data instanceof Uint8Array) || data.length < 2) return false;
  try {
    return isUpdateBearing(decodeFrame(data));
  } catch {
    return false;
  }
}

/** Hooks for ack accounting; set per process (the worker records only frames sent inside the window). */
export const ackHooks = {
  onSend: (_sentAt: number): void => {},
  onAck: (_latencyMs: number, _sentAt: number): void => {},
};

/**
 * Numbers every update-bearing frame this connection sends and remembers its send time, so a
 * `[100][n]` durable ack can be turned into per-frame latencies. The numbering is per connection,
 * exactly as the server counts, because y-websocket creates a new socket on every reconnect.
 */
export class CountingWebSocket extends WebSocket {
  framesSent = 0;
  framesAcked = 0;
  private readonly sentAt: number[] = [];
  private head = 0;

  override send(data: unknown, ...rest: unknown[]): void {
    if (isUpdateBearingFrame(data)) {
      this.framesSent++;
      const now = wallNow();
      this.sentAt.push(now);
      ackHooks.onSend(now);
    }
    (super.send as (...a: unknown[]) => void)(data, ...rest);
  }

  ack(upTo: number): void {
    const now = wallNow();
    const target = Math.min(upTo, this.framesSent);
    while (this.framesAcked < target) {
      const t = this.sentAt[this.head++]!;
      this.framesAcked++;
      ackHooks.onAck(now - t, t);
    }
    // Drop the consumed prefix now and then so a long trace replay does not keep 260k timestamps.
    if (this.head > 65_536) {
      this.sentAt.splice(0, this.head);
      this.head = 0;
    }
  }
}

export interface BenchClient {
  doc: Y.Doc;
  synced(): boolean;
  /** Resolves on the first sync; rejects after timeoutMs. */
  whenSynced(timeoutMs: number): Promise<void>;
  /** The current Samenspraak socket (ack counters), or null for the peers / while disconnected. */
  counting(): CountingWebSocket | null;
  disconnects: number;
  rejected: number;
  closeCodes: number[];
  destroy(): void;
}

export interface ClientOptions {
  kind: ServerKind;
  wsUrl: string;
  docId: string;
  doc: Y.Doc;
  /** Samenspraak only */
  token?: string;
}

export function createClient(o: ClientOptions): BenchClient {
  return o.kind === 'hocuspocus' ? hocuspocusClient(o) : yWebsocketClient(o);
}

function waitFor(check: () => boolean, subscribe: (cb: () => void) => void, timeoutMs: number, what: string) {
  return new Promise<void>((resolve, reject) => {
    if (check()) return resolve();
    const timer = setTimeout(() => reject(new Error(`${what}: not synced after ${timeoutMs} ms`)), timeoutMs);
    subscribe(() => {
      if (!check()) return;
      clearTimeout(timer);
      resolve();
    });
  });
}

function yWebsocketClient(o: ClientOptions): BenchClient {
  const provider = new WebsocketProvider(o.wsUrl, o.docId, o.doc, {
    params: o.token ? { token: o.token } : {},
    WebSocketPolyfill: CountingWebSocket as unknown as typeof globalThis.WebSocket,
    // Node 20 has a global BroadcastChannel: without this, clients of one doc in the same worker would
    // exchange updates in-process and bypass the server under test.
    disableBc: true,
  });
  const client: BenchClient = {
    doc: o.doc,
    synced: () => provider.synced,
    whenSynced: (ms) =>
      waitFor(
        () => provider.synced,
        (cb) => provider.on('sync', cb),
        ms,
        o.docId,
      ),
    counting: () => (provider.ws instanceof CountingWebSocket ? provider.ws : null),
    disconnects: 0,
    rejected: 0,
    closeCodes: [],
    destroy: () => provider.destroy(),
  };
  provider.on('status', ({ status }) => {
    if (status === 'disconnected') client.disconnects++;
  });
  provider.on('connection-close', (event) => {
    if (event && client.closeCodes.length < 20) client.closeCodes.push(event.code);
  });
  provider.messageHandlers[MSG_SAVED] = (_enc, decoder, p) => {
    const { upTo } = readSavedBody(decoder);
    if (p.ws instanceof CountingWebSocket) p.ws.ack(upTo);
  };
  provider.messageHandlers[MSG_REJECTED] = () => {
    client.rejected++;
  };
  return client;
}

function hocuspocusClient(o: ClientOptions): BenchClient {
  // One HocuspocusProviderWebsocket per client: every client has its own socket, like with the other two
  // servers (Hocuspocus could multiplex many documents over one socket, but browsers open one each).
  const socket = new HocuspocusProviderWebsocket({ url: o.wsUrl, WebSocketPolyfill: WebSocket });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: o.docId, document: o.doc });
  // A provider given an external socket does not attach itself (v4 API).
  provider.attach();
  const client: BenchClient = {
    doc: o.doc,
    synced: () => provider.isSynced,
    whenSynced: (ms) =>
      waitFor(
        () => provider.isSynced,
        (cb) => provider.on('synced', cb),
        ms,
        o.docId,
      ),
    counting: () => null,
    disconnects: 0,
    rejected: 0,
    closeCodes: [],
    destroy: () => {
      provider.destroy();
      socket.destroy();
    },
  };
  provider.on('disconnect', () => {
    client.disconnects++;
  });
  provider.on('close', ({ event }: { event: { code: number } }) => {
    if (client.closeCodes.length < 20) client.closeCodes.push(event.code);
  });
  return client;
}
