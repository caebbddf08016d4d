/**
 * Thin `ws` adapter: accepts upgrades on /collab/<documentId>?token=...&v=..., wraps the socket as a
 * CollabSocket and forwards frames to the core. Knows nothing about Yjs.
 */
import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { CloseCode, PROTOCOL_VERSION_PARAM } from '@samenspraak/shared';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import type { CollabServer } from './collabServer.js';

export const COLLAB_PATH = '/collab/';

function toBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}

export interface CollabWsOptions {
  maxMessageBytes: number;
  /** The client's address for logs (behind a trusted proxy, the one it reports); default: the socket's. */
  remoteAddressOf?: (req: IncomingMessage) => string;
  /** Interval of protocol-level pings that detect dead peers. */
  pingIntervalMs?: number;
}

export function attachCollabWebSocket(httpServer: Server, core: CollabServer, options: CollabWsOptions) {
  const remoteAddressOf = options.remoteAddressOf ?? ((req) => req.socket.remoteAddress ?? 'unknown');
  // ws enforces maxPayload itself (closing with 1009); allow a little above the core's limit so the
  // core's own check, which logs the reason, is the one that normally fires.
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: options.maxMessageBytes + 1024,
    perMessageDeflate: false,
  });
  const alive = new WeakSet<WebSocket>();

  const onUpgrade = (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // The raw path, not URL's normalised one: "/collab/%2e%2e" must not turn into "/" (and then hang),
    // nor "/collab/x/%2e%2e/y" into document "y".
    const raw = req.url ?? '/';
    if (!raw.startsWith(COLLAB_PATH)) return; // another handler (socket.io) owns this path
    const query = raw.indexOf('?');
    const rawId = raw.slice(COLLAB_PATH.length, query < 0 ? undefined : query);
    const url = new URL(raw.startsWith('/') ? raw : '/', 'http://localhost');
    wss.handleUpgrade(req, socket, head, (ws) => {
      let docId: string;
      try {
        docId = decodeURIComponent(rawId);
      } catch {
        ws.close(CloseCode.BadDocumentId, 'invalid document id');
        return;
      }
      // Frames for one socket produced in one event-loop turn (relays of several incoming updates, a
      // Saved ack) leave in one write: fewer syscalls per delivery under load, none delayed past the turn.
      const tcp = (ws as unknown as { _socket?: Duplex })._socket;
      let corked = false;
      const uncork = () => {
        corked = false;
        tcp?.uncork();
      };
      const session = core.open(
        {
          send: (data) => {
            if (tcp && !corked) {
              corked = true;
              tcp.cork();
              setImmediate(uncork);
            }
            ws.send(data);
          },
          close: (code, reason) => ws.close(code, reason.slice(0, 120)),
          get bufferedAmount() {
            return ws.bufferedAmount;
          },
        },
        {
          docId,
          token: url.searchParams.get('token'),
          remoteAddress: remoteAddressOf(req),
          protocolVersion: url.searchParams.get(PROTOCOL_VERSION_PARAM),
        },
      );
      alive.add(ws);
      ws.on('pong', () => alive.add(ws));
      ws.on('message', (data) => session.message(toBytes(data)));
      ws.on('close', () => session.closed());
      ws.on('error', () => ws.terminate());
    });
  };
  httpServer.on('upgrade', onUpgrade);

  const pinger = setInterval(() => {
    for (const ws of wss.clients) {
      if (!alive.has(ws)) {
        ws.terminate();
        continue;
      }
      alive.delete(ws);
      ws.ping();
    }
  }, options.pingIntervalMs ?? 30_000);
  pinger.unref();

  return {
    get clientCount() {
      return wss.clients.size;
    },
    close(): void {
      clearInterval(pinger);
      httpServer.off('upgrade', onUpgrade);
      for (const ws of wss.clients) ws.terminate();
      wss.close();
    },
  };
}
