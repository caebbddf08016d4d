/**
 * Frames built from the server's live Yjs objects. The frame layouts themselves are defined once in
 * shared/src/collabFrames.ts; this only feeds them the document's state vector or awareness states.
 */
import { encodeAwareness, encodeSyncStep1 } from '@samenspraak/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as Y from 'yjs';

/** Sync step 1 with what the server's document holds. */
export function syncStep1Of(doc: Y.Doc): Uint8Array {
  return encodeSyncStep1(Y.encodeStateVector(doc));
}

/** The awareness states of `clients` as one frame. */
export function awarenessOf(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  return encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
}
