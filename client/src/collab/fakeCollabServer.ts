/**
 * A fake Samenspraak collaboration server for unit tests of the real connection (connection.ts): the
 * real y-websocket provider talks to it through a fake WebSocket. It speaks y-protocols sync and numbers
 * the client's update-bearing frames (sync step2 and update) like the real one, answering `Saved n` /
 * `Rejected n`; acknowledgements can be held back and the network taken away.
 *
 * Test support only: nothing in the app imports it.
 */
import {
  CloseCode,
  decodeFrame,
  encodeRejected,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isUpdateBearing,
  PROTOCOL_VERSION_PARAM,
} from '@samenspraak/shared';
import * as Y from 'yjs';

type Listener = (event: { code?: number; data?: ArrayBuffer }) => void;

/** The fake server: one Y.Doc, many sockets, acknowledgements that can be held back. */
export class FakeServer {
  readonly doc = new Y.Doc();
  online = true;
  holdAcks = false;
  /** Refuse update-bearing frames whose content contains this text. */
  refuseText: string | null = null;
  readonly sockets: FakeSocket[] = [];
  readonly urls: string[] = [];
  private held: Array<() => void> = [];

  constructor() {
    current = this; // new sockets connect to the newest server
  }

  accept(socket: FakeSocket): void {
    this.sockets.push(socket);
    this.urls.push(socket.url);
    setTimeout(() => {
      if (!this.online || socket.readyState !== FakeSocket.CONNECTING) {
        socket.serverClose(1006);
        return;
      }
      const expired = this.expiredTokens.some((tok) => socket.url.includes(`token=${tok}`));
      socket.readyState = FakeSocket.OPEN;
      socket.onopen?.({});
      if (expired) {
        socket.serverClose(CloseCode.TokenExpired);
        return;
      }
      const version = new URL(socket.url).searchParams.get(PROTOCOL_VERSION_PARAM);
      if (this.minVersion !== null && (version === null || Number(version) < this.minVersion)) {
        socket.serverClose(CloseCode.OutdatedClient);
        return;
      }
      // The server sends its step1 once the document is loaded.
      socket.deliver(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    }, 1);
  }

  expiredTokens: string[] = [];
  /** Close sockets whose protocol version (`v`) is below this with OutdatedClient (null: accept all). */
  minVersion: number | null = null;

  receive(socket: FakeSocket, bytes: Uint8Array): void {
    const frame = decodeFrame(bytes);
    if (frame.type === 'sync-step1') {
      socket.deliver(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, frame.stateVector)));
      return;
    }
    if (!isUpdateBearing(frame)) return; // awareness: not needed here
    const n = ++socket.received;
    const { update } = frame;
    const probe = new Y.Doc();
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(this.doc));
    Y.applyUpdate(probe, update);
    if (this.refuseText && probe.getText('t').toString().includes(this.refuseText)) {
      socket.deliver(encodeRejected(n, 'section-forbidden', 'test'));
      return;
    }
    Y.applyUpdate(this.doc, update, socket);
    for (const other of this.sockets) {
      if (other !== socket && other.readyState === FakeSocket.OPEN) other.deliver(encodeUpdate(update));
    }
    const ack = () => socket.deliver(encodeSaved(n));
    if (this.holdAcks) this.held.push(ack);
    else ack();
  }

  releaseAcks(): void {
    this.holdAcks = false;
    const held = this.held;
    this.held = [];
    for (const ack of held) ack();
  }

  /** The network goes down: every open socket is dropped and new ones fail. */
  goOffline(): void {
    this.online = false;
    this.held = [];
    for (const socket of this.sockets) if (socket.readyState === FakeSocket.OPEN) socket.serverClose(1006);
  }
}

let current: FakeServer | null = null;

export class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = FakeSocket.CONNECTING;
  binaryType = 'arraybuffer';
  received = 0;
  onopen: Listener | null = null;
  onmessage: Listener | null = null;
  onclose: Listener | null = null;
  onerror: Listener | null = null;

  private readonly server: FakeServer;

  constructor(readonly url: string) {
    if (!current) throw new Error('FakeSocket: create a FakeServer first');
    this.server = current;
    this.server.accept(this);
  }

  send(data: Uint8Array): void {
    if (this.readyState === FakeSocket.CONNECTING) throw new Error('InvalidStateError');
    if (this.readyState !== FakeSocket.OPEN) return; // like a browser: silently dropped
    const bytes = new Uint8Array(data);
    setTimeout(() => {
      if (this.server.online && this.readyState === FakeSocket.OPEN) this.server.receive(this, bytes);
    }, 1);
  }

  close(): void {
    if (this.readyState >= FakeSocket.CLOSING) return;
    this.readyState = FakeSocket.CLOSING;
    setTimeout(() => this.finish(1000), 1);
  }

  deliver(bytes: Uint8Array): void {
    setTimeout(() => {
      if (this.readyState === FakeSocket.OPEN) this.onmessage?.({ data: bytes.slice().buffer as ArrayBuffer });
    }, 1);
  }

  serverClose(code: number): void {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSING;
    setTimeout(() => this.finish(code), 1);
  }

  private finish(code: number): void {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    this.onclose?.({ code });
  }
}

/** `window` events and `navigator.onLine` as the connection sees them. */
export const windowEvents = new EventTarget();
export const fakeNavigator = { onLine: true };

/**
 * Puts the fake WebSocket, navigator and window in place of the browser's. `socketClass` replaces the
 * fake socket (a test against the real server passes the `ws` package's WebSocket).
 */
export function installFakeBrowser(socketClass: unknown = FakeSocket): void {
  const g = globalThis as Record<string, unknown>;
  g.WebSocket = socketClass;
  Object.defineProperty(globalThis, 'navigator', {
    value: {
      get onLine() {
        return fakeNavigator.onLine;
      },
    },
    configurable: true,
  });
  g.window = Object.assign(windowEvents, { location: { protocol: 'http:', host: 'test' } });
}

export async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The browser goes offline or back online: the newest server drops or accepts sockets, and the page is told. */
export function setOnline(value: boolean): void {
  fakeNavigator.onLine = value;
  if (current) {
    if (value) current.online = true;
    else current.goOffline();
  }
  windowEvents.dispatchEvent(new Event(value ? 'online' : 'offline'));
}
