/**
 * Every frame of `WS /collab/<documentId>`, encoded and decoded in one place (client, server, bench and
 * tests use these). The layout is the y-websocket one (a varuint message type, then its body) plus
 * Samenspraak's Saved and Rejected; see docs/PROTOCOL.md. Pure functions over bytes, no I/O.
 */
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { MessageType, SyncStep } from './collabProtocol.js';

/** A decoded frame; `update`, `stateVector` and awareness payloads are views into the frame's bytes. */
export type CollabFrame =
  | { type: 'sync-step1'; stateVector: Uint8Array }
  | { type: 'sync-step2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'query-awareness' }
  /** y-protocols auth message; Samenspraak neither sends nor reads its body. */
  | { type: 'auth' }
  | SavedFrame
  | RejectedFrame;

/** Every update-bearing message this connection sent, up to number `upTo`, is durable or was rejected. */
export interface SavedFrame {
  type: 'saved';
  upTo: number;
}

/** Update-bearing message `messageNumber` was rejected whole; the document is unchanged. */
export interface RejectedFrame {
  type: 'rejected';
  messageNumber: number;
  reason: string;
  detail: string;
}

/** A frame that does not follow the protocol (unknown type or step, truncated, trailing bytes). */
export class FrameError extends Error {}

function frame(type: number, write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, type);
  write(e);
  return encoding.toUint8Array(e);
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  return frame(MessageType.Sync, (e) => {
    encoding.writeVarUint(e, step);
    encoding.writeVarUint8Array(e, payload);
  });
}

/** Sync step 1: "this is what I have" (a Yjs state vector). */
export function encodeSyncStep1(stateVector: Uint8Array): Uint8Array {
  return syncFrame(SyncStep.Step1, stateVector);
}

/** Sync step 2: everything the other side lacks (a Yjs update). Update-bearing when a client sends it. */
export function encodeSyncStep2(update: Uint8Array): Uint8Array {
  return syncFrame(SyncStep.Step2, update);
}

/** A live Yjs update. Update-bearing when a client sends it. */
export function encodeUpdate(update: Uint8Array): Uint8Array {
  return syncFrame(SyncStep.Update, update);
}

/** Presence: a y-protocols awareness update. */
export function encodeAwareness(update: Uint8Array): Uint8Array {
  return frame(MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, update));
}

export function encodeQueryAwareness(): Uint8Array {
  return frame(MessageType.QueryAwareness, () => {});
}

export function encodeSaved(upTo: number): Uint8Array {
  return frame(MessageType.Saved, (e) => encoding.writeVarUint(e, upTo));
}

export function encodeRejected(messageNumber: number, reason: string, detail: string): Uint8Array {
  return frame(MessageType.Rejected, (e) => {
    encoding.writeVarUint(e, messageNumber);
    encoding.writeVarString(e, reason);
    encoding.writeVarString(e, detail);
  });
}

/** The body of a Saved frame, read from a decoder placed after the message type (y-websocket handlers). */
export function readSavedBody(d: decoding.Decoder): SavedFrame {
  return { type: 'saved', upTo: decoding.readVarUint(d) };
}

/** The body of a Rejected frame, read from a decoder placed after the message type. */
export function readRejectedBody(d: decoding.Decoder): RejectedFrame {
  const messageNumber = decoding.readVarUint(d);
  const reason = decoding.readVarString(d);
  const detail = decoding.readVarString(d);
  return { type: 'rejected', messageNumber, reason, detail };
}

function readBody(type: number, d: decoding.Decoder): CollabFrame {
  switch (type) {
    case MessageType.Sync: {
      const step = decoding.readVarUint(d);
      const payload = decoding.readVarUint8Array(d);
      if (step === SyncStep.Step1) return { type: 'sync-step1', stateVector: payload };
      if (step === SyncStep.Step2) return { type: 'sync-step2', update: payload };
      if (step === SyncStep.Update) return { type: 'update', update: payload };
      throw new FrameError(`unknown sync step ${step}`);
    }
    case MessageType.Awareness:
      return { type: 'awareness', update: decoding.readVarUint8Array(d) };
    case MessageType.QueryAwareness:
      return { type: 'query-awareness' };
    case MessageType.Saved:
      return readSavedBody(d);
    case MessageType.Rejected:
      return readRejectedBody(d);
    default:
      throw new FrameError(`unknown message type ${type}`);
  }
}

/**
 * Decodes one frame. Throws FrameError when it does not follow the protocol: an unknown type or sync
 * step, a truncated body, or bytes after the body. An auth frame's body is not read (it is ignored).
 */
export function decodeFrame(data: Uint8Array): CollabFrame {
  const d = decoding.createDecoder(data);
  let result: CollabFrame;
  try {
    const type = decoding.readVarUint(d);
    if (type === MessageType.Auth) return { type: 'auth' };
    result = readBody(type, d);
  } catch (err) {
    if (err instanceof FrameError) throw err;
    throw new FrameError(`truncated frame: ${(err as Error).message}`);
  }
  if (decoding.hasContent(d)) throw new FrameError(`trailing bytes after ${result.type} frame`);
  return result;
}

/** Whether a frame a client sends is update-bearing (the server numbers these for Saved/Rejected). */
export function isUpdateBearing(f: CollabFrame): f is Extract<CollabFrame, { type: 'sync-step2' | 'update' }> {
  return f.type === 'sync-step2' || f.type === 'update';
}
