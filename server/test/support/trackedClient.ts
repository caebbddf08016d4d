/**
 * A stock y-websocket WebsocketProvider plus the bookkeeping of Samenspraak's Saved/Rejected messages:
 * it counts the update-bearing frames it sends, and knows which local edits the server reported durable.
 */
import {
  type CollabFrame,
  decodeFrame,
  isUpdateBearing,
  MessageType,
  readRejectedBody,
  readSavedBody,
  SaveTracker,
} from '@samenspraak/shared';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';

export interface Rejection {
  n: number;
  reason: string;
  detail: string;
}

export class TrackedClient {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  /** Frame counts of the current socket and Saved(n), kept by the shared SaveTracker. */
  readonly tracker = new SaveTracker();
  readonly rejections: Rejection[] = [];
  readonly closes: Array<{ code: number; reason: string }> = [];
  /** Marks (strings) whose frames the server reported durable, across reconnects. */
  readonly confirmed = new Set<string>();
  /** Marks per frame number on the current socket, awaiting Saved. */
  private inFlight = new Map<number, string[]>();
  private unsent: string[] = [];

  /** Update-bearing frames sent on the current socket. */
  get sent(): number {
    return this.tracker.sentCount;
  }

  /** Highest Saved(n) on the current socket. */
  get saved(): number {
    return this.tracker.savedUpTo;
  }

  constructor(wsUrl: string, docId: string, token: string | null, opts: { doc?: Y.Doc; connect?: boolean } = {}) {
    this.doc = opts.doc ?? new Y.Doc();
    const client = this;
    class CountingSocket extends WebSocket {
      constructor(url: string | URL, protocols?: string | string[]) {
        super(url, protocols);
        client.tracker.newSocket();
        // Marks sent on a dead socket were never acknowledged: a reconnect resends them in sync step 2.
        for (const marks of client.inFlight.values()) client.unsent.push(...marks);
        client.inFlight = new Map();
        this.on('close', (code: number, reason: Buffer) => client.closes.push({ code, reason: reason.toString() }));
      }
      override send(data: Uint8Array | ArrayBuffer, ...rest: unknown[]): void {
        const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
        let frame: CollabFrame | null = null;
        try {
          frame = decodeFrame(bytes);
        } catch {
          // not a protocol frame: nothing the server numbers
        }
        if (frame && isUpdateBearing(frame)) {
          const n = client.tracker.frameSent(frame.type === 'sync-step2' ? 'step2' : 'update');
          if (client.unsent.length > 0 || frame.type === 'sync-step2') {
            client.inFlight.set(n, client.unsent);
            client.unsent = [];
          }
        }
        // biome-ignore lint/suspicious/noExplicitAny: forwarding ws's overloaded send
        (super.send as any)(data, ...rest);
      }
    }
    const params: Record<string, string> = token === null ? {} : { token };
    this.provider = new WebsocketProvider(`${wsUrl}/collab`, docId, this.doc, {
      params,
      WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
      connect: opts.connect ?? true,
      maxBackoffTime: 500,
    });
    this.provider.messageHandlers[MessageType.Saved] = (_e, decoder) => {
      const saved = readSavedBody(decoder);
      this.tracker.frameReceived(saved);
      const n = saved.upTo;
      for (const [frame, marks] of this.inFlight) {
        if (frame > n) continue;
        for (const m of marks) this.confirmed.add(m);
        this.inFlight.delete(frame);
      }
    };
    this.provider.messageHandlers[MessageType.Rejected] = (_e, decoder) => {
      const rejected = readRejectedBody(decoder);
      this.tracker.frameReceived(rejected);
      this.rejections.push({ n: rejected.messageNumber, reason: rejected.reason, detail: rejected.detail });
    };
  }

  /**
   * Makes a local edit tagged with `mark`. If connected, the provider sends it as the next update frame
   * (number sent+1); otherwise it travels in the next sync step 2.
   */
  edit(mark: string, fn: (doc: Y.Doc) => void): void {
    const connected = this.provider.wsconnected;
    const nextFrame = this.sent + 1;
    this.doc.transact(() => fn(this.doc));
    if (connected && this.sent === nextFrame) this.inFlight.set(nextFrame, [mark]);
    else this.unsent.push(mark);
  }

  get text(): string {
    return this.doc.getText('t').toString();
  }

  get allSaved(): boolean {
    return this.provider.wsconnected && this.provider.synced && this.saved >= this.sent && this.unsent.length === 0;
  }

  destroy(): void {
    this.provider.destroy();
  }
}

export async function waitFor(cond: () => boolean, timeoutMs = 5000, what = 'condition'): Promise<void> {
  const start = Date.now();
  while (!cond()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
