/**
 * In-memory client for driving the collaboration core without a network: a CollabSocket the server
 * writes to, and a Y.Doc on the client side speaking y-protocols. Delivery is explicit (`deliver()`),
 * so tests choose the interleaving.
 */
import {
  type CollabFrame,
  decodeFrame,
  encodeAwareness,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  isUpdateBearing,
  SaveTracker,
} from '@samenspraak/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';
import type { CollabServer, CollabSession } from '../../src/collab/collabServer.js';

export class FakeClient {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** Frames the server sent, not yet processed by the client. */
  readonly inbox: Uint8Array[] = [];
  session: CollabSession | null = null;
  closedWith: { code: number; reason: string } | null = null;
  /** Update-bearing frames sent and Saved(n) received on the current session (the shared bookkeeping). */
  readonly tracker = new SaveTracker();
  /** The Yjs update of each update-bearing frame on the current session: message n is [n - 1]. */
  readonly sentUpdates: Uint8Array[] = [];
  /** True once the server's sync step 2 arrived on the current session. */
  synced = false;
  readonly rejected: Array<{ n: number; reason: string }> = [];
  bufferedAmount = 0;
  private readonly onUpdate = (update: Uint8Array, origin: unknown) => {
    if (origin !== this) this.sendUpdate(update);
  };

  get saved(): number {
    return this.tracker.savedUpTo;
  }

  get sent(): number {
    return this.tracker.sentCount;
  }

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
    this.tracker.newSocket();
    this.sentUpdates.length = 0;
    this.synced = false;
    this.raw(encodeSyncStep1(Y.encodeStateVector(this.doc)));
    return this;
  }

  disconnect(): void {
    this.session?.closed();
    this.session = null;
    this.inbox.length = 0;
  }

  /** Sends raw bytes as one frame (also broken ones: those are sent, not counted). */
  raw(frame: Uint8Array): void {
    let decoded: CollabFrame | null = null;
    try {
      decoded = decodeFrame(frame);
    } catch {
      // a deliberately broken frame: the server numbers nothing it cannot read
    }
    if (decoded && isUpdateBearing(decoded)) {
      this.tracker.frameSent(decoded.type === 'sync-step2' ? 'step2' : 'update');
      this.sentUpdates.push(decoded.update);
    }
    this.session?.message(frame);
  }

  sendUpdate(update: Uint8Array): void {
    if (!this.session) return;
    this.raw(encodeUpdate(update));
  }

  setAwareness(state: Record<string, unknown>): void {
    this.awareness.setLocalState(state);
    this.raw(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, [this.doc.clientID])));
  }

  /** Processes up to `max` frames from the inbox. */
  deliver(max = Number.POSITIVE_INFINITY): number {
    let n = 0;
    while (this.inbox.length > 0 && n < max) {
      const frame = this.inbox.shift() as Uint8Array;
      n += 1;
      const f = decodeFrame(frame);
      if (f.type === 'sync-step1') {
        this.raw(encodeSyncStep2(Y.encodeStateAsUpdate(this.doc, f.stateVector)));
      } else if (f.type === 'sync-step2' || f.type === 'update') {
        try {
          Y.applyUpdate(this.doc, f.update, this);
        } catch (err) {
          console.error('Caught error while handling a Yjs update', err); // as y-protocols' sync does
        }
        if (f.type === 'sync-step2') this.synced = true;
      } else if (f.type === 'awareness') {
        awarenessProtocol.applyAwarenessUpdate(this.awareness, f.update, this);
      } else if (f.type === 'rejected') {
        this.tracker.frameReceived(f);
        this.rejected.push({ n: f.messageNumber, reason: f.reason });
      } else {
        this.tracker.frameReceived(f);
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
