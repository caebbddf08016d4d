/**
 * Honest save status: which local changes has the server confirmed as durable?
 *
 * The server numbers the *update-bearing* frames (sync step2 and sync update) each connection sends,
 * starting at 1, and acknowledges them with `Saved n` ("frames 1..n are durable or were rejected")
 * and `Rejected n reason detail`. The numbering restarts with every new socket.
 *
 * How a local change reaches the server:
 * - while connected, the provider sends it at once as a sync update frame (only local changes produce
 *   update frames), so that frame number must be acknowledged;
 * - while not connected it is not sent at all; after the next connect the server sends sync step1 and
 *   the provider answers with step2: everything the server lacks. That step2 covers the change.
 * - if a socket closes before its frames were acknowledged, the server may or may not have stored them;
 *   the step2 of the next connection covers them either way.
 *
 * A state machine without I/O: the client's connection (client/src/collab/connection.ts) and the test
 * clients feed it events (or whole frames: `frameSentBytes`, `frameReceived`); `whenSaved` waits.
 */
import { type CollabFrame, decodeFrame, isUpdateBearing } from './collabFrames.js';

export interface Rejection {
  /** Frame number on the connection that sent it. */
  frame: number;
  reason: string;
  detail: string;
}

export interface SaveState {
  /** A local change exists that the server has not (yet) confirmed. */
  unsaved: boolean;
  /** Every frame sent on this socket is acknowledged and no local change is pending. */
  saved: boolean;
  /**
   * The server refused a change; the document in this browser then holds something the server
   * does not. Cleared once a later step2 (which carries everything the server lacks) is
   * acknowledged without being refused.
   */
  rejection: Rejection | null;
}

export class SaveTracker {
  /** Update-bearing frames sent on the current socket. */
  private sent = 0;
  /** Highest frame number acknowledged on the current socket. */
  private acked = 0;
  /** Frame that must be acknowledged before every local change sent on this socket is durable. */
  private mustAck = 0;
  /** A local change exists that was not sent on the current socket; the next step2 will carry it. */
  private needsStep2 = false;
  /** Step2 frames of this socket whose acknowledgement would clear `rejection` (if not refused). */
  private clearingStep2 = 0;
  /** Whether the current socket ever sent anything (a fresh socket is not "saved" before it syncs). */
  private synced = false;
  private rejection: Rejection | null = null;
  private readonly listeners = new Set<() => void>();

  /** Update-bearing frames sent on the current socket. */
  get sentCount(): number {
    return this.sent;
  }

  /** Highest Saved(n) on the current socket (never more than was sent). */
  get savedUpTo(): number {
    return this.acked;
  }

  /** Calls `listener` after every event; returns the unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Resolves once every local change is saved; rejects after `timeoutMs`. */
  whenSaved(timeoutMs = 5000): Promise<void> {
    if (this.state.saved) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`not saved within ${timeoutMs} ms`));
      }, timeoutMs);
      const off = this.onChange(() => {
        if (!this.state.saved) return;
        clearTimeout(timer);
        off();
        resolve();
      });
    });
  }

  /** A frame sent on the current socket: counted when update-bearing; returns its number (else null). */
  frameSentBytes(bytes: Uint8Array): number | null {
    let frame: CollabFrame;
    try {
      frame = decodeFrame(bytes);
    } catch {
      return null; // not a y-websocket frame: nothing the server numbers
    }
    if (!isUpdateBearing(frame)) return null;
    return this.frameSent(frame.type === 'sync-step2' ? 'step2' : 'update');
  }

  /** A frame from the server: Saved and Rejected are applied; returns whether it was one of them. */
  frameReceived(frame: CollabFrame): boolean {
    if (frame.type === 'saved') this.saved(frame.upTo);
    else if (frame.type === 'rejected') this.rejected(frame.messageNumber, frame.reason, frame.detail);
    else return false;
    return true;
  }

  /** A new socket was created: frame numbers restart. Unacknowledged changes need the next step2. */
  newSocket(): void {
    if (this.mustAck > this.acked) this.needsStep2 = true;
    this.sent = 0;
    this.acked = 0;
    this.mustAck = 0;
    this.clearingStep2 = 0;
    this.synced = false;
    this.changed();
  }

  /** The socket closed; whatever it did not get acknowledged must be re-sent by the next step2. */
  socketClosed(): void {
    if (this.mustAck > this.acked) this.needsStep2 = true;
    this.mustAck = 0;
    this.synced = false;
    this.changed();
  }

  /** A local change happened. `willBeSent`: the provider is connected and sends it right away. */
  localChange(willBeSent: boolean): void {
    if (!willBeSent) this.needsStep2 = true;
    this.changed();
  }

  /** An update-bearing frame was sent on the current socket. */
  frameSent(kind: 'step2' | 'update'): number {
    this.sent += 1;
    if (kind === 'update') {
      this.mustAck = this.sent;
    } else {
      if (this.needsStep2) {
        this.mustAck = this.sent;
        this.needsStep2 = false;
      }
      if (this.clearingStep2 === 0) this.clearingStep2 = this.sent;
      this.synced = true;
    }
    this.changed();
    return this.sent;
  }

  /** `Saved n`. */
  saved(upTo: number): void {
    if (upTo > this.acked) this.acked = Math.min(upTo, this.sent);
    if (this.rejection && this.clearingStep2 > 0 && this.acked >= this.clearingStep2) {
      this.rejection = null;
      this.clearingStep2 = 0;
    }
    this.changed();
  }

  /** `Rejected n reason detail`. */
  rejected(frame: number, reason: string, detail: string): void {
    this.rejection = { frame, reason, detail };
    // A refused step2 proves the server still lacks something; only a later step2 can clear this.
    if (frame >= this.clearingStep2) this.clearingStep2 = 0;
    this.changed();
  }

  get state(): SaveState {
    const unsaved = this.needsStep2 || this.mustAck > this.acked;
    return {
      unsaved,
      saved: this.synced && !unsaved && this.acked >= this.sent && this.rejection === null,
      rejection: this.rejection,
    };
  }
}
