/**
 * In-memory client for driving the collaboration core without a network: a CollabSocket the server
 * writes to, and a Y.Doc on the client side speaking y-protocols. Delivery is explicit (`deliver()`),
 * so tests choose the interleaving.
 */
import { MessageType, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import type { CollabServer, CollabSession } from '../../src/collab/collabServer.js';

export class FakeClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Frames the server sent, not yet processed by the client. */
  readonly inbox: Uint8Array[] = [];
  session: CollabSession | null = null;
  closedWith: { code: number; reason: string } | null = null;
  saved = 0;
  sent = 0;
  /** The Yjs update of each update-bearing frame on the current session: message n is [n - 1]. */
  readonly sentUpdates: Uint8Array[] = [];
  /** True once the server's sync step 2 arrived on the current session. */
  synced = false;
  readonly rejected: Array<{ n: number; reason: string }> = [];
  bufferedAmount = 0;
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this) this.sendUpdate(update);
  };

  constructor(
    readonly server: CollabServer,
    readonly docId: string,
    readonly token: string | null,
  ) {
    this.doc.on('update', this.onUpdate);
  }

  connect(): this {
    this.closedWith = null;
    this.session = this.server.open(
      {
        send: (data) => this.inbox.push(data),
        close: (code, reason) => {
          this.closedWith = { code, reason };
          this.session = null;
        },
        bufferedAmount: 0,
      },
      { docId: this.docId, token: this.token, remoteAddress: 'test' },
    );
    this.sent = 0;
    this.sentUpdates.length = 0;
    this.saved = 0;
    this.synced = false;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    syncProtocol.writeSyncStep1(e, this.doc);
    this.raw(encoding.toUint8Array(e));
    return this;
  }

  disconnect(): void {
    this.session?.closed();
    this.session = null;
    this.inbox.length = 0;
  }

  /** Sends raw bytes as one frame. */
  raw(frame: Uint8Array): void {
    const d = decoding.createDecoder(frame);
    if (d.arr.length > 1 && decoding.readVarUint(d) === MessageType.Sync) {
      const step = decoding.readVarUint(d);
      if (step === SyncStep.Step2 || step === SyncStep.Update) {
        this.sent += 1;
        this.sentUpdates.push(decoding.readVarUint8Array(d));
      }
    }
    this.session?.message(frame);
  }

  sendUpdate(update: Uint8Array): void {
    if (!this.session) return;
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    syncProtocol.writeUpdate(e, update);
    this.raw(encoding.toUint8Array(e));
  }

  setAwareness(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Awareness);
    encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID]));
    this.raw(encoding.toUint8Array(e));
  }

  /** Processes up to `max` frames from the inbox. */
  deliver(max = Number.POSITIVE_INFINITY): number {
    let n = 0;
    while (this.inbox.length > 0 && n < max) {
      const frame = this.inbox.shift() as Uint8Array;
      n += 1;
      const d = decoding.createDecoder(frame);
      const type = decoding.readVarUint(d);
      if (type === MessageType.Sync) {
        const e = encoding.createEncoder();
        encoding.writeVarUint(e, MessageType.Sync);
        if (syncProtocol.readSyncMessage(d, e, this.doc, this) === syncProtocol.messageYjsSyncStep2) this.synced = true;
        if (encoding.length(e) > 1) this.raw(encoding.toUint8Array(e));
      } else if (type === MessageType.Awareness) {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, decoding.readVarUint8Array(d), this);
      } else if (type === MessageType.Saved) {
        this.saved = Math.max(this.saved, decoding.readVarUint(d));
      } else if (type === MessageType.Rejected) {
        this.rejected.push({ n: decoding.readVarUint(d), reason: decoding.readVarString(d) });
      }
    }
    return n;
  }

  get text(): string {
    return this.doc.getText('t').toString();
  }
}

/** Lets pending promises, immediates and the store's group commit run. */
export async function settle(rounds = 5): Promise<void> {
  for (let i = 0; i < rounds; i++) await new Promise((r) => setImmediate(r));
}
