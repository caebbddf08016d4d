/**
 * One client connection to one document: its grant, its rate limit, and the bookkeeping behind the
 * Saved acknowledgement. Every update-bearing message gets a number (1, 2, ...); `Saved(n)` is sent
 * once every message up to n is durable or was rejected.
 */
import { CloseCode, encodeSaved } from '@samenspraak/shared';
import type { TokenBucket } from './rateLimiter.js';
import type { CollabSocket, ConnectionGrant } from './types.js';
import type { DecodedUpdate } from './updateInspection.js';

/** A connection whose unsent data passes this is dropped: it would otherwise hold memory without bound. */
const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

let nextId = 1;

export interface DeferredUpdate {
  n: number;
  update: Uint8Array;
  frame: Uint8Array | null;
  decoded: DecodedUpdate;
}

export class CollabConnection {
  readonly id = nextId++;
  /** Client ids this connection announced in awareness, removed when it closes. */
  readonly awarenessClients = new Set<number>();
  private received = 0;
  private acked = 0;
  /** Message numbers waiting to become durable, in arrival order (the store commits in that order). */
  private readonly pending: number[] = [];
  private isClosed = false;
  /** The client's sync step 2 (everything it had that the server lacked) has been processed. */
  private hadStep2 = false;
  /** Updates that arrived before the step 2 they build on; processed right after it. */
  private deferred: DeferredUpdate[] = [];
  /** Bytes of `deferred` (bounded per connection and, through the room, per document). */
  private deferredBytes = 0;

  constructor(
    private readonly socket: CollabSocket,
    /** Replaced when access is re-checked while connected (see regrant). */
    private currentGrant: ConnectionGrant,
    readonly docId: string,
    readonly remoteAddress: string,
    readonly bucket: TokenBucket,
    private readonly onClose: (code: number, reason: string) => void,
  ) {}

  get grant(): ConnectionGrant {
    return this.currentGrant;
  }

  /** Access was re-checked while connected: what the connection may do from now on. */
  regrant(grant: ConnectionGrant): void {
    this.currentGrant = grant;
  }

  get closed(): boolean {
    return this.isClosed;
  }

  /** The transport reports the socket gone; returns false when the connection was already closed. */
  socketGone(): boolean {
    if (this.isClosed) return false;
    this.isClosed = true;
    return true;
  }

  get step2Received(): boolean {
    return this.hadStep2;
  }

  /** The client's sync step 2 was processed; true only the first time. */
  step2Arrived(): boolean {
    if (this.hadStep2) return false;
    this.hadStep2 = true;
    return true;
  }

  get heldBackCount(): number {
    return this.deferred.length;
  }

  get heldBackBytes(): number {
    return this.deferredBytes;
  }

  /** Keeps an update until the step 2 it builds on (bounds are checked by the room). */
  holdBack(item: DeferredUpdate): void {
    this.deferred.push(item);
    this.deferredBytes += item.update.byteLength;
  }

  /** Hands back and forgets what was held back. */
  takeHeldBack(): { items: DeferredUpdate[]; bytes: number } {
    const taken = { items: this.deferred, bytes: this.deferredBytes };
    this.deferred = [];
    this.deferredBytes = 0;
    return taken;
  }

  get canWrite(): boolean {
    return this.grant.access === 'write';
  }

  nextMessageNumber(): number {
    this.received += 1;
    return this.received;
  }

  /** Message n is being handled; Saved will not cover it until markDurable(n). Numbers arrive in order. */
  awaitDurable(n: number): void {
    this.pending.push(n);
  }

  markDurable(n: number): void {
    if (this.pending[0] === n) this.pending.shift();
    else {
      const i = this.pending.indexOf(n);
      if (i >= 0) this.pending.splice(i, 1);
    }
  }

  /** Sends Saved(n) if the acknowledged prefix grew. */
  flushAck(): void {
    const upTo = this.pending.length > 0 ? (this.pending[0] as number) - 1 : this.received;
    if (upTo > this.acked) {
      this.acked = upTo;
      this.send(encodeSaved(upTo));
    }
  }

  send(frame: Uint8Array): void {
    if (this.isClosed) return;
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CloseCode.GoingAway, 'connection too slow to keep up');
      return;
    }
    try {
      this.socket.send(frame);
    } catch {
      this.close(CloseCode.GoingAway, 'send failed');
    }
  }

  close(code: number, reason: string): void {
    if (this.isClosed) return;
    this.isClosed = true;
    try {
      this.socket.close(code, reason);
    } finally {
      this.onClose(code, reason);
    }
  }
}
