/**
 * The connection end to end against a fake Samenspraak server: the real y-websocket provider, the real
 * counting socket and save tracker, and a server that speaks y-protocols sync and numbers the client's
 * update-bearing frames (sync step2 and update) like the real one, answering `Saved n` / `Rejected n`.
 *
 * What matters: "saved" only after the server acknowledged every change — also for changes made offline
 * and carried by the sync step2 of the next connection — and token renewal on TokenExpired.
 */
import { CloseCode, MessageType } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';

type Listener = (event: { code?: number; data?: ArrayBuffer }) => void;

/** The fake server: one Y.Doc, many sockets, acknowledgements that can be held back. */
class FakeServer {
  readonly doc = new Y.Doc();
  online = true;
  holdAcks = false;
  /** Refuse update-bearing frames whose content contains this text. */
  refuseText: string | null = null;
  readonly sockets: FakeSocket[] = [];
  readonly urls: string[] = [];
  private held: Array<() => void> = [];

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
      // The server sends its step1 once the document is loaded.
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      socket.deliver(encoding.toUint8Array(encoder));
    }, 1);
  }

  expiredTokens: string[] = [];

  receive(socket: FakeSocket, bytes: Uint8Array): void {
    const decoder = decoding.createDecoder(bytes);
    const type = decoding.readVarUint(decoder);
    if (type !== MessageType.Sync) return; // awareness: not needed here
    const step = decoding.readVarUint(decoder);
    if (step === 0) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Sync);
      syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
      socket.deliver(encoding.toUint8Array(encoder));
      return;
    }
    const n = ++socket.received;
    const update = decoding.readVarUint8Array(decoder);
    const probe = new Y.Doc();
    Y.applyUpdate(probe, Y.encodeStateAsUpdate(this.doc));
    Y.applyUpdate(probe, update);
    if (this.refuseText && probe.getText('t').toString().includes(this.refuseText)) {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Rejected);
      encoding.writeVarUint(encoder, n);
      encoding.writeVarString(encoder, 'section-forbidden');
      encoding.writeVarString(encoder, 'test');
      socket.deliver(encoding.toUint8Array(encoder));
      return;
    }
    Y.applyUpdate(this.doc, update, socket);
    for (const other of this.sockets) {
      if (other !== socket && other.readyState === FakeSocket.OPEN) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, MessageType.Sync);
        syncProtocol.writeUpdate(encoder, update);
        other.deliver(encoding.toUint8Array(encoder));
      }
    }
    const ack = () => {
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, MessageType.Saved);
      encoding.writeVarUint(encoder, n);
      socket.deliver(encoding.toUint8Array(encoder));
    };
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

let server: FakeServer;

class FakeSocket {
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

  constructor(readonly url: string) {
    server.accept(this);
  }

  send(data: Uint8Array): void {
    if (this.readyState === FakeSocket.CONNECTING) throw new Error('InvalidStateError');
    if (this.readyState !== FakeSocket.OPEN) return; // like a browser: silently dropped
    const bytes = new Uint8Array(data);
    setTimeout(() => {
      if (server.online && this.readyState === FakeSocket.OPEN) server.receive(this, bytes);
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

const windowEvents = new EventTarget();
let onLine = true;

beforeAll(() => {
  const g = globalThis as Record<string, unknown>;
  g.WebSocket = FakeSocket;
  Object.defineProperty(globalThis, 'navigator', {
    value: {
      get onLine() {
        return onLine;
      },
    },
    configurable: true,
  });
  g.window = Object.assign(windowEvents, { location: { protocol: 'http:', host: 'test' } });
});

async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const { connectDocument } = await import('./connection');
type Connection = ReturnType<typeof connectDocument>;
const open: Connection[] = [];

function connect(options: Partial<Parameters<typeof connectDocument>[0]> = {}): Connection {
  const connection = connectDocument({ documentId: 'doc', token: 'tok1', wsBase: 'ws://test/collab', ...options });
  open.push(connection);
  return connection;
}

function setOnline(value: boolean): void {
  onLine = value;
  if (value) server.online = true;
  else server.goOffline();
  windowEvents.dispatchEvent(new Event(value ? 'online' : 'offline'));
}

afterEach(() => {
  for (const c of open.splice(0)) c.destroy();
  onLine = true;
});

describe('connection save status against a server', () => {
  it('is saved once the first step2 is acknowledged, and unsaved from an edit until its ack', async () => {
    server = new FakeServer();
    const c = connect();
    await until(() => c.getStatus().saved && c.getStatus().phase === 'online');
    server.holdAcks = true;
    c.doc.getText('t').insert(0, 'hallo');
    await sleep(30);
    expect(c.getStatus()).toMatchObject({ saved: false, unsaved: true });
    expect(server.doc.getText('t').toString()).toBe('hallo'); // arrived, but not yet durable
    server.releaseAcks();
    await until(() => c.getStatus().saved);
    expect(c.getStatus().unsaved).toBe(false);
  });

  it('keeps an offline edit unsaved until the step2 of the next connection is acknowledged', async () => {
    server = new FakeServer();
    const c = connect();
    await until(() => c.getStatus().saved);

    setOnline(false);
    await until(() => c.getStatus().phase === 'offline');
    c.doc.getText('t').insert(0, 'offline getypt');
    expect(c.getStatus()).toMatchObject({ phase: 'offline', unsaved: true, saved: false });
    await sleep(50);
    expect(server.doc.getText('t').toString()).toBe('');

    server.holdAcks = true; // the server receives the step2 but has not made it durable yet
    setOnline(true);
    await until(() => server.doc.getText('t').toString() === 'offline getypt');
    await until(() => c.getStatus().phase === 'online');
    await sleep(30);
    expect(c.getStatus()).toMatchObject({ saved: false, unsaved: true });
    server.releaseAcks();
    await until(() => c.getStatus().saved);
    expect(c.getStatus().unsaved).toBe(false);
  });

  it('re-sends an edit whose frame was lost with the connection, and only then says saved', async () => {
    server = new FakeServer();
    const c = connect();
    await until(() => c.getStatus().saved);
    server.holdAcks = true;
    c.doc.getText('t').insert(0, 'onderweg');
    await until(() => server.doc.getText('t').toString() === 'onderweg');
    // The connection drops before the Saved arrives: the server may or may not have stored it.
    server.goOffline();
    await until(() => c.getStatus().phase !== 'online');
    expect(c.getStatus().unsaved).toBe(true);
    server.holdAcks = false;
    server.online = true;
    windowEvents.dispatchEvent(new Event('online'));
    await until(() => c.getStatus().saved, 5000);
    expect(server.doc.getText('t').toString()).toBe('onderweg');
  });

  it('merges edits made on both sides while one was offline', async () => {
    server = new FakeServer();
    const a = connect();
    const b = connect({ token: 'tok-b' });
    await until(() => a.getStatus().saved && b.getStatus().saved);
    a.doc.getText('t').insert(0, 'A');
    await until(() => b.doc.getText('t').toString() === 'A');

    // a goes offline on its own (its socket is dropped; the others stay connected)
    onLine = false;
    windowEvents.dispatchEvent(new Event('offline'));
    const aSockets = new Set(server.sockets.filter((s) => s.url.includes('tok1')));
    for (const s of aSockets) s.serverClose(1006);
    await until(() => a.getStatus().phase === 'offline');
    a.doc.getText('t').insert(1, ' offline');
    b.doc.getText('t').insert(0, 'B ');
    await until(() => b.getStatus().saved);
    expect(a.getStatus().unsaved).toBe(true);

    onLine = true;
    windowEvents.dispatchEvent(new Event('online'));
    await until(() => a.getStatus().saved && a.doc.getText('t').toString() === b.doc.getText('t').toString(), 5000);
    expect(server.doc.getText('t').toString()).toBe(a.doc.getText('t').toString());
    expect(server.doc.getText('t').toString()).toContain('offline');
    expect(server.doc.getText('t').toString()).toContain('B ');
  });

  it('reports a refused change as a rejection, never as saved', async () => {
    server = new FakeServer();
    server.refuseText = 'verboden';
    const c = connect();
    await until(() => c.getStatus().saved);
    c.doc.getText('t').insert(0, 'verboden');
    await until(() => c.getStatus().rejection !== null);
    expect(c.getStatus()).toMatchObject({ saved: false, rejection: { reason: 'section-forbidden' } });
  });

  it('renews an expired token and connects again instead of giving up', async () => {
    server = new FakeServer();
    server.expiredTokens = ['old'];
    let renewals = 0;
    const c = connect({
      token: 'old',
      renewToken: async () => {
        renewals += 1;
        return { token: 'new' };
      },
    });
    await until(() => c.getStatus().saved);
    expect(renewals).toBe(1);
    expect(c.getStatus().denied).toBeNull();
    expect(server.urls.at(-1)).toContain('token=new');
  });

  it('ends as denied when the token cannot be renewed', async () => {
    server = new FakeServer();
    server.expiredTokens = ['old'];
    const c = connect({ token: 'old', renewToken: async () => null });
    await until(() => c.getStatus().phase === 'denied');
    expect(c.getStatus().denied).toBe('expired');
  });

  it('renews the token shortly before it expires, for the next connection', async () => {
    server = new FakeServer();
    const c = connect({
      expiresAt: new Date(Date.now() + 60_050).toISOString(),
      renewToken: async () => ({ token: 'fresh', expiresAt: new Date(Date.now() + 900_000).toISOString() }),
    });
    await until(() => c.provider.params.token === 'fresh', 2000);
    expect(c.getStatus().denied).toBeNull();
  });
});
