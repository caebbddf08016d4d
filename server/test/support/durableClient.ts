/**
 * A stock y-websocket WebsocketProvider with stricter, per-socket bookkeeping of Samenspraak's
 * Saved/Rejected messages than TrackedClient, plus an optional network-delay simulation.
 *
 * Why not TrackedClient (server/test/support/trackedClient.ts):
 * - Its Saved handler works on client-wide state (`saved`, `inFlight`) that a new socket resets; a
 *   Saved that arrives on an old socket after `provider.disconnect()` + `connect()` is applied to the
 *   new socket's frame numbers (and poisons `saved`, so `allSaved` turns true too early).
 * - `edit()` overwrites `inFlight[n]` when the update frame also picked up the `unsent` marks (an edit
 *   made between the socket opening and the sync step 2), so those marks are never confirmed.
 * - A frame the server rejected is still counted as confirmed once a later Saved covers it.
 * - It confirms an update frame as soon as Saved covers it, even when the frame was sent before this
 *   socket's sync step 2. Such an update can depend on content that only travels in the step 2 (edits
 *   made while offline): the server stores it durably, but it stays a pending (invisible) Yjs update
 *   until the step 2 is durable too. Here a socket's confirmations wait until Saved covers its step 2.
 *
 * Bookkeeping: every mark is `outstanding` until confirmed. An update frame carries the mark of the
 * edit that produced it; a sync step 2 carries every outstanding mark (the step 2 holds everything the
 * client has beyond the state vector of the server's step 1, which the server sent before reading any
 * frame of this socket; whatever the server already had in memory then is queued for the store ahead
 * of this socket's writes). Saved(n) confirms the frames up to n once n covers the step 2, except
 * rejected frames and frames after a rejection that follows the step 2 (they may build on the rejected
 * content). A rejected frame sent before the step 2 loses nothing: its content is also in the step 2.
 * `naiveConfirmed` is what per-frame bookkeeping (without the step-2 rule) would report; for diagnostics.
 */
import { type CollabFrame, decodeFrame, isUpdateBearing, SaveTracker } from '@samenspraak/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface Rejection {
  n: number;
  reason: string;
  detail: string;
  /** The rejected frame was sent before its socket's sync step 2. */
  beforeStep2: boolean;
}

/**
 * A rejection the server (as of this writing) sends although the client did nothing wrong: collabServer's
 * hasClockGap check rejects, as `out-of-sync`, an update that a stock y-websocket client sends after the
 * socket opened but before its sync step 2, when it builds on edits made offline (they travel in the step
 * 2, right behind it). Nothing is lost (the step 2 carries the content again), but the client is told to
 * reload. Tests tolerate exactly this kind and count it; see the KNOWN BUG test in convergenceFuzz.test.ts.
 */
export function isPreStep2OutOfSync(r: Pick<Rejection, 'reason' | 'beforeStep2'>): boolean {
  return r.reason === 'out-of-sync' && r.beforeStep2;
}

export interface LinkDelays {
  /** Milliseconds to hold each outgoing frame (order per connection is preserved). */
  outgoing?: () => number;
  /** Milliseconds to hold each incoming event (open, message, close; order preserved). */
  incoming?: () => number;
}

export interface DurableClientOptions {
  doc?: Y.Doc;
  connect?: boolean;
  delays?: LinkDelays;
  maxBackoffTime?: number;
}

interface Frame {
  marks: string[];
  naiveDone: boolean;
}

/** Delivers callbacks in FIFO order, each no earlier than its own random delay. */
class OrderedDelay {
  private readonly items: Array<{ due: number; fn: () => void }> = [];
  private lastDue = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly delay: (() => number) | undefined) {}

  get pending(): number {
    return this.items.length;
  }

  push(fn: () => void): void {
    if (!this.delay && this.items.length === 0) {
      fn();
      return;
    }
    const due = Math.max(this.lastDue, performance.now() + (this.delay?.() ?? 0));
    this.lastDue = due;
    this.items.push({ due, fn });
    this.arm();
  }

  clear(): void {
    this.items.length = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private arm(): void {
    if (this.timer || this.items.length === 0) return;
    const head = this.items[0] as { due: number };
    this.timer = setTimeout(() => this.drain(), Math.max(0, head.due - performance.now()));
  }

  private drain(): void {
    this.timer = null;
    const now = performance.now();
    while (this.items.length > 0 && (this.items[0] as { due: number }).due <= now) {
      const item = this.items.shift() as { fn: () => void };
      item.fn();
    }
    this.arm();
  }
}

/** What tests can read about the socket a DurableClient currently uses. */
export interface LinkSocket {
  readonly id: number;
  /** Update-bearing frames sent on this socket (the server numbers them the same way). */
  readonly sent: number;
  /** Highest Saved(n) received on this socket. */
  readonly saved: number;
  /** Frame number of this socket's first sync step 2 (0: not sent yet). */
  step2Frame: number;
  readonly outgoingPending: number;
}

let nextSocketId = 1;

export class DurableClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Marks the server reported durable, by the strict rule described above. */
  readonly confirmed = new Set<string>();
  /** Marks per-frame bookkeeping would report durable (diagnostics only). */
  readonly naiveConfirmed = new Set<string>();
  /** Marks made and not yet confirmed. */
  readonly outstanding = new Set<string>();
  /** Every mark made, in order. */
  readonly made: string[] = [];
  readonly rejections: Rejection[] = [];
  /** Close events of every socket (code as seen by the client). */
  readonly closes: Array<{ code: number; reason: string }> = [];
  /** The socket the provider currently uses (null between connections). */
  socket: LinkSocket | null = null;
  private editing: string | null = null;

  constructor(wsUrl: string, docId: string, token: string | null, opts: DurableClientOptions = {}) {
    this.doc = opts.doc ?? new Y.Doc();
    const client = this;
    const delays = opts.delays ?? {};

    /** The part of the browser WebSocket interface y-websocket 2.x uses, over a `ws` socket, plus bookkeeping. */
    class Socket implements LinkSocket {
      static readonly CONNECTING = 0;
      static readonly OPEN = 1;
      static readonly CLOSING = 2;
      static readonly CLOSED = 3;
      readonly CONNECTING = 0;
      readonly OPEN = 1;
      readonly CLOSING = 2;
      readonly CLOSED = 3;
      readonly id = nextSocketId++;
      binaryType = 'arraybuffer';
      onopen: ((ev: unknown) => void) | null = null;
      onmessage: ((ev: { data: ArrayBuffer }) => void) | null = null;
      onclose: ((ev: { code: number; reason: string }) => void) | null = null;
      onerror: ((ev: unknown) => void) | null = null;
      /** Frame counts and Saved(n) of this socket, kept by the shared SaveTracker. */
      private readonly tracker = new SaveTracker();
      step2Frame = 0;
      private readonly frames = new Map<number, Frame>();
      private readonly rejected = new Set<number>();
      private readonly ws: WebSocket;
      private readonly inbound = new OrderedDelay(delays.incoming);
      private readonly outbound = new OrderedDelay(delays.outgoing);
      /** The provider closed this socket: nothing more is delivered to it. */
      private abandoned = false;

      constructor(url: string) {
        this.ws = new WebSocket(url);
        this.ws.binaryType = 'arraybuffer';
        client.socket = this;
        this.ws.on('open', () => this.inbound.push(() => this.deliver(() => this.onopen?.({}))));
        this.ws.on('message', (data: WebSocket.RawData) => {
          const bytes = new Uint8Array(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
          this.inbound.push(() => this.receive(bytes));
        });
        this.ws.on('error', (err: Error) => this.inbound.push(() => this.deliver(() => this.onerror?.(err))));
        this.ws.on('close', (code: number, reason: Buffer) => {
          client.closes.push({ code, reason: reason.toString() });
          this.outbound.clear();
          this.inbound.push(() => this.deliver(() => this.onclose?.({ code, reason: reason.toString() })));
        });
      }

      get sent(): number {
        return this.tracker.sentCount;
      }

      get saved(): number {
        return this.tracker.savedUpTo;
      }

      get readyState(): number {
        return this.abandoned ? Socket.CLOSED : this.ws.readyState;
      }

      get outgoingPending(): number {
        return this.outbound.pending;
      }

      send(data: Uint8Array | ArrayBuffer): void {
        const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
        this.account(bytes);
        const copy = bytes.slice();
        this.outbound.push(() => {
          if (this.ws.readyState === WebSocket.OPEN) this.ws.send(copy);
        });
      }

      close(): void {
        this.abandoned = true;
        this.inbound.clear();
        if (client.socket === this) client.socket = null;
        // Frames still held by the simulated network are sent before the close frame.
        this.outbound.push(() => this.ws.close());
      }

      private deliver(fn: () => void): void {
        if (!this.abandoned) fn();
      }

      /** Numbers update-bearing frames exactly as the server does and attaches marks to them. */
      private account(bytes: Uint8Array): void {
        let frame: CollabFrame;
        try {
          frame = decodeFrame(bytes);
        } catch {
          return; // not a protocol frame: nothing the server numbers
        }
        if (!isUpdateBearing(frame)) return;
        this.tracker.frameSent(frame.type === 'sync-step2' ? 'step2' : 'update');
        const marks: string[] = [];
        if (frame.type === 'update' && client.editing !== null) marks.push(client.editing);
        if (frame.type === 'sync-step2') {
          if (this.step2Frame === 0) this.step2Frame = this.sent;
          marks.push(...client.outstanding);
        }
        this.frames.set(this.sent, { marks, naiveDone: false });
      }

      private receive(bytes: Uint8Array): void {
        if (this.abandoned) return;
        let frame: CollabFrame | null = null;
        try {
          frame = decodeFrame(bytes);
        } catch {
          // not ours to judge: the provider reads it below
        }
        if (frame?.type === 'saved') return this.onSaved(frame.upTo);
        if (frame?.type === 'rejected') {
          this.tracker.frameReceived(frame);
          const r = { n: frame.messageNumber, reason: frame.reason, detail: frame.detail, beforeStep2: false };
          r.beforeStep2 = this.step2Frame === 0 || r.n < this.step2Frame;
          this.rejected.add(r.n);
          client.rejections.push(r);
          return;
        }
        // The provider reads `event.data` as an ArrayBuffer holding exactly this message.
        this.onmessage?.({ data: bytes.slice().buffer });
      }

      private onSaved(n: number): void {
        this.tracker.saved(n);
        for (const [num, frame] of this.frames) {
          if (num > n || frame.naiveDone || this.rejected.has(num)) continue;
          frame.naiveDone = true;
          for (const m of frame.marks) client.naiveConfirmed.add(m);
        }
        // Strict rule: nothing on this socket counts before its step 2 is covered.
        if (this.step2Frame === 0 || n < this.step2Frame || this.rejected.has(this.step2Frame)) return;
        let stopAt = Number.POSITIVE_INFINITY;
        for (const r of this.rejected) if (r > this.step2Frame) stopAt = Math.min(stopAt, r);
        for (const [num, frame] of this.frames) {
          if (num > n || num >= stopAt) continue;
          this.frames.delete(num);
          if (this.rejected.has(num)) continue;
          for (const m of frame.marks) {
            client.confirmed.add(m);
            client.outstanding.delete(m);
          }
        }
      }
    }

    const params: Record<string, string> = token === null ? {} : { token };
    this.provider = new WebsocketProvider(`${wsUrl}/collab`, docId, this.doc, {
      params,
      WebSocketPolyfill: Socket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: opts.connect ?? true,
      maxBackoffTime: opts.maxBackoffTime ?? 500,
    });
  }

  /**
   * Makes a local edit tagged with `mark` (any unique string; it need not appear in the document).
   * An edit that changes nothing (no Yjs update) is not tracked; returns whether it changed the document.
   */
  edit(mark: string, fn: (doc: Y.Doc) => void): boolean {
    let changed = false;
    const onUpdate = () => {
      changed = true;
    };
    this.outstanding.add(mark);
    this.editing = mark;
    this.doc.on('update', onUpdate);
    try {
      this.doc.transact(() => fn(this.doc));
    } finally {
      this.doc.off('update', onUpdate);
      this.editing = null;
    }
    if (changed) this.made.push(mark);
    else this.outstanding.delete(mark);
    return changed;
  }

  get connected(): boolean {
    return this.provider.wsconnected;
  }

  /** Connected, synced, every frame of this socket acknowledged and every mark confirmed. */
  get allSaved(): boolean {
    const s = this.socket;
    return (
      this.provider.wsconnected &&
      this.provider.synced &&
      s !== null &&
      s.step2Frame > 0 &&
      s.outgoingPending === 0 &&
      s.saved >= s.sent &&
      this.outstanding.size === 0
    );
  }

  destroy(): void {
    this.provider.destroy();
  }
}
