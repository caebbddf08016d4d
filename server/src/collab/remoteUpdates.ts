/**
 * What reaches a room from other instances through the fan-out: updates they accepted (and persisted),
 * their clients' presence, and a resync from the shared store when the fan-out may have missed updates.
 */
import { encodeAwareness, encodeUpdate } from '@samenspraak/shared';
import * as awarenessProtocol from 'y-protocols/awareness';
import type { Logger } from '../observability/logger.js';
import type { ClientClaim, DocumentStore } from '../storage/documentStore.js';
import { filterRemoteAwareness, validateAwarenessUpdate } from './protocolHandler.js';
import type { DocumentRoom } from './room.js';
import type { RemoteHandlers } from './types.js';
import { decodeUpdateStrict } from './updateInspection.js';

/** Applies an update accepted by another instance: relayed to local clients, persisted there, not here. */
function applyRemote(room: DocumentRoom, update: Uint8Array, claims: ClientClaim[] | undefined, log: Logger): void {
  try {
    decodeUpdateStrict(update);
    room.apply(update, 'remote', claims);
  } catch (err) {
    log.error({ err, docId: room.docId }, 'invalid update from fan-out ignored');
    return;
  }
  room.broadcast(encodeUpdate(update));
}

/** Presence from another instance: kept (it times out like any remote state) and relayed locally. */
function applyRemoteAwareness(room: DocumentRoom, received: Uint8Array, log: Logger): void {
  let update: Uint8Array | null;
  try {
    validateAwarenessUpdate(received);
    update = filterRemoteAwareness(received, room);
    if (!update) return;
    awarenessProtocol.applyAwarenessUpdate(room.awareness, update, 'remote');
  } catch (err) {
    log.warn({ err, docId: room.docId }, 'invalid awareness update from fan-out ignored');
    return;
  }
  room.broadcast(encodeAwareness(update));
}

/** Merges whatever the shared store holds into the loaded document and relays what was new. */
async function resyncFromStore(room: DocumentRoom, store: DocumentStore, log: Logger): Promise<void> {
  try {
    const loaded = await store.load(room.docId);
    room.broadcast(encodeUpdate(room.mergeStored(loaded)));
  } catch (err) {
    log.error({ err, docId: room.docId }, 'resync from store failed');
  }
}

/** The fan-out handlers of one room. */
export function remoteHandlersFor(room: DocumentRoom, store: DocumentStore, log: Logger): RemoteHandlers {
  return {
    update: (update, claims) => applyRemote(room, update, claims, log),
    resync: () => void resyncFromStore(room, store, log),
    awareness: (update) => applyRemoteAwareness(room, update, log),
  };
}
