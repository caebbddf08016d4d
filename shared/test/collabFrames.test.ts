import * as encoding from 'lib0/encoding';
import { describe, expect, it } from 'vitest';
import {
  decodeFrame,
  encodeAwareness,
  encodeQueryAwareness,
  encodeRejected,
  encodeSaved,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  FrameError,
} from '../src/collabFrames.js';
import { judgeProtocolVersion, MessageType, PROTOCOL_VERSION } from '../src/collabProtocol.js';
import { SaveTracker } from '../src/saveTracker.js';

const bytes = new Uint8Array([1, 2, 3]);

describe('collaboration frames', () => {
  it('decode what they encode, as typed frames', () => {
    expect(decodeFrame(encodeSyncStep1(bytes))).toEqual({ type: 'sync-step1', stateVector: bytes });
    expect(decodeFrame(encodeSyncStep2(bytes))).toEqual({ type: 'sync-step2', update: bytes });
    expect(decodeFrame(encodeUpdate(bytes))).toEqual({ type: 'update', update: bytes });
    expect(decodeFrame(encodeAwareness(bytes))).toEqual({ type: 'awareness', update: bytes });
    expect(decodeFrame(encodeQueryAwareness())).toEqual({ type: 'query-awareness' });
    expect(decodeFrame(encodeSaved(300))).toEqual({ type: 'saved', upTo: 300 });
    expect(decodeFrame(encodeRejected(7, 'read-only', 'nee'))).toEqual({
      type: 'rejected',
      messageNumber: 7,
      reason: 'read-only',
      detail: 'nee',
    });
  });

  it('keep the y-websocket layout: type, sync step, length-prefixed payload', () => {
    expect([...encodeUpdate(bytes)]).toEqual([0, 2, 3, 1, 2, 3]);
    expect([...encodeSaved(5)]).toEqual([MessageType.Saved, 5]);
  });

  it('refuse unknown types and steps, truncated bodies and trailing bytes', () => {
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MessageType.Sync);
    encoding.writeVarUint(e, 7);
    encoding.writeVarUint8Array(e, bytes);
    expect(() => decodeFrame(encoding.toUint8Array(e))).toThrow(FrameError);
    expect(() => decodeFrame(new Uint8Array([42]))).toThrow(/unknown message type 42/);
    expect(() => decodeFrame(new Uint8Array([0, 2, 9, 1]))).toThrow(FrameError);
    expect(() => decodeFrame(new Uint8Array([...encodeSaved(1), 0]))).toThrow(/trailing bytes/);
  });
});

describe('protocol version', () => {
  it('treats no version as current, an older one as outdated, a newer one as current', () => {
    expect(judgeProtocolVersion(null)).toBe('current');
    expect(judgeProtocolVersion(String(PROTOCOL_VERSION))).toBe('current');
    expect(judgeProtocolVersion(String(PROTOCOL_VERSION - 1))).toBe('outdated');
    expect(judgeProtocolVersion(String(PROTOCOL_VERSION + 1))).toBe('current');
    expect(judgeProtocolVersion('1.5')).toBe('invalid');
  });
});

describe('SaveTracker over frames', () => {
  it('counts update-bearing frames it sees sent and resolves whenSaved on the covering Saved', async () => {
    const tracker = new SaveTracker();
    tracker.newSocket();
    expect(tracker.frameSentBytes(encodeSyncStep1(bytes))).toBeNull();
    expect(tracker.frameSentBytes(encodeSyncStep2(bytes))).toBe(1);
    expect(tracker.frameSentBytes(encodeUpdate(bytes))).toBe(2);
    const saved = tracker.whenSaved(1000);
    expect(tracker.frameReceived(decodeFrame(encodeSaved(1)))).toBe(true);
    expect(tracker.state.saved).toBe(false);
    tracker.frameReceived(decodeFrame(encodeSaved(2)));
    await saved;
    expect(tracker.state).toMatchObject({ saved: true, unsaved: false });
    expect([tracker.sentCount, tracker.savedUpTo]).toEqual([2, 2]);
  });

  it('whenSaved fails after its time limit when the server never confirms', async () => {
    const tracker = new SaveTracker();
    tracker.newSocket();
    tracker.frameSent('step2');
    await expect(tracker.whenSaved(20)).rejects.toThrow(/not saved/);
  });
});
