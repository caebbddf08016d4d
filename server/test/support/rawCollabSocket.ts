/**
 * A bare `ws` connection to /collab/<path> for sending hand-made (and broken) frames, recording
 * everything the server sends and how it closes the connection. Plus the frame encoders tests need.
 */
import http from 'node:http';
import {
  type CollabFrame,
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  SyncStep,
} from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import WebSocket from 'ws';
import { waitFor } from './trackedClient.js';

export interface CloseInfo {
  code: number;
  reason: string;
}

export class RawCollabSocket {
  readonly ws: WebSocket;
  readonly messages: Uint8Array[] = [];
  closeInfo: CloseInfo | null = null;
  private readonly closedPromise: Promise<CloseInfo>;

  /**
   * `docPath` is put into the URL as given (already percent-encoded where needed); `params` are added
   * to the query (e.g. the protocol version `v`).
   */
  constructor(wsUrl: string, docPath: string, token: string | null, params: Record<string, string> = {}) {
    const query = new URLSearchParams(token === null ? params : { token, ...params }).toString();
    this.ws = new WebSocket(`${wsUrl}/collab/${docPath}${query ? `?${query}` : ''}`);
    this.ws.on('message', (data: WebSocket.RawData) => {
      const buf = Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer);
      this.messages.push(new Uint8Array(buf));
    });
    this.ws.on('error', () => {});
    this.closedPromise = new Promise((resolve) => {
      this.ws.on('close', (code: number, reason: Buffer) => {
        this.closeInfo = { code, reason: reason.toString() };
        resolve(this.closeInfo);
      });
    });
  }

  /** Resolves once the server sent its first message (its sync step 1: the connection is ready). */
  async ready(timeoutMs = 5000): Promise<void> {
    await waitFor(() => this.messages.length > 0 || this.closeInfo !== null, timeoutMs, 'first server message');
    if (this.messages.length === 0) throw new Error(`closed before ready: ${JSON.stringify(this.closeInfo)}`);
  }

  async opened(timeoutMs = 5000): Promise<void> {
    await waitFor(() => this.ws.readyState !== WebSocket.CONNECTING, timeoutMs, 'socket open');
  }

  send(data: Uint8Array): void {
    this.ws.send(data);
  }

  /** The close the server initiated (or the connection's end), failing after `timeoutMs`. */
  async closed(timeoutMs = 5000): Promise<CloseInfo> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`connection not closed within ${timeoutMs} ms`)), timeoutMs);
    });
    try {
      return await Promise.race([this.closedPromise, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Messages received so far whose first varuint is `type`, positioned after the type. */
  ofType(type: number): decoding.Decoder[] {
    const out: decoding.Decoder[] = [];
    for (const m of this.messages) {
      const d = decoding.createDecoder(m);
      if (decoding.readVarUint(d) === type) out.push(d);
    }
    return out;
  }

  /** Messages received so far, decoded (a frame that does not decode throws). */
  frames(): CollabFrame[] {
    return this.messages.map((m) => decodeFrame(m));
  }

  close(): void {
    if (this.ws.readyState === WebSocket.OPEN || this.ws.readyState === WebSocket.CONNECTING) this.ws.terminate();
  }
}

/**
 * A WebSocket upgrade with a raw request path (clients built on WHATWG URL normalise `/collab/%2e%2e`
 * to `/`, so they cannot send it). Resolves with the close code of the server's first frame.
 */
export function rawUpgradeCloseCode(port: number, rawPath: string, timeoutMs = 3000): Promise<CloseInfo> {
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      path: rawPath,
      agent: false,
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version': '13',
      },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`no answer to the upgrade of ${rawPath} within ${timeoutMs} ms`));
    }, timeoutMs);
    const fail = (err: Error) => {
      clearTimeout(timer);
      reject(err);
    };
    req.on('error', fail);
    req.on('response', (res) => {
      res.resume();
      fail(new Error(`upgrade of ${rawPath} answered with HTTP ${res.statusCode}`));
    });
    req.on('upgrade', (_res, socket, head) => {
      let buf = Buffer.from(head);
      const parse = () => {
        // A server frame is unmasked; a close frame (opcode 8) with a < 126-byte payload: 0x88, len, code, reason.
        if (buf.length < 2 || buf.length < 2 + ((buf[1] as number) & 0x7f)) return;
        clearTimeout(timer);
        socket.destroy();
        if (((buf[0] as number) & 0x0f) !== 8)
          return reject(new Error(`first frame is not a close frame: ${buf.toString('hex')}`));
        const len = (buf[1] as number) & 0x7f;
        resolve({ code: len >= 2 ? buf.readUInt16BE(2) : 1005, reason: buf.subarray(4, 2 + len).toString() });
      };
      socket.on('data', (chunk: Buffer) => {
        buf = Buffer.concat([buf, chunk]);
        parse();
      });
      socket.on('error', () => {});
      parse();
    });
    req.end();
  });
}

/** A sync frame; an unknown `step` is encoded too (for tests of broken input). */
export function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  if (step === SyncStep.Step1) return encodeSyncStep1(payload);
  if (step === SyncStep.Step2) return encodeSyncStep2(payload);
  if (step === SyncStep.Update) return encodeUpdate(payload);
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 0); // MessageType.Sync
  encoding.writeVarUint(e, step);
  encoding.writeVarUint8Array(e, payload);
  return encoding.toUint8Array(e);
}

export function awarenessFrame(payload: Uint8Array): Uint8Array {
  return encodeAwareness(payload);
}

export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  return new Uint8Array(Buffer.concat(parts));
}
