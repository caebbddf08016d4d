/**
 * A WebSocket that reports which update-bearing frames (sync step 2, sync update) it sends: the server
 * numbers exactly those for Saved/Rejected, so the save status counts them the same way.
 */
import { decodeFrame, isUpdateBearing } from '@samenspraak/shared';

type FrameData = Parameters<WebSocket['send']>[0];

function frameBytes(data: FrameData): Uint8Array | null {
  if (data instanceof Uint8Array) return data;
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  return null;
}

/** 'step2' / 'update' for update-bearing frames (sync step2, sync update), otherwise null. */
export function classifyFrame(data: FrameData): 'step2' | 'update' | null {
  const bytes = frameBytes(data);
  if (!bytes || bytes.length < 2) return null;
  try {
    const frame = decodeFrame(bytes);
    if (isUpdateBearing(frame)) return frame.type === 'sync-step2' ? 'step2' : 'update';
  } catch {
    // not a y-websocket frame
  }
  return null;
}

/** A WebSocket that tells `hooks` when it is created and which update-bearing frames it sends. */
export function countingWebSocket(hooks: {
  created(socket: WebSocket): void;
  sent(socket: WebSocket, kind: 'step2' | 'update'): void;
}): typeof WebSocket {
  return class CountingWebSocket extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      super(url, protocols);
      hooks.created(this);
    }

    override send(data: FrameData): void {
      super.send(data); // throws when not open: then nothing was sent and nothing is counted
      const kind = classifyFrame(data);
      if (kind) hooks.sent(this, kind);
    }
  };
}
