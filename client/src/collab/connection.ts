/**
 * The connection to `WS /collab/<documentId>`: the stock y-websocket provider plus the two
 * Samenspraak messages (Saved, Rejected), a socket that counts the update-bearing frames it sends,
 * and a tiny store the UI reads with `useCollabStatus`.
 *
 * Optional extras for the logged-in app: a local copy in IndexedDB (edits made offline survive a
 * closed tab and are sent with the next connection's step2), and token renewal (the 15-minute token
 * is renewed before it expires, and again when the server closes a connection with TokenExpired).
 */
import {
  CloseCode,
  MessageType,
  PROTOCOL_VERSION,
  PROTOCOL_VERSION_PARAM,
  readRejectedBody,
  readSavedBody,
  SaveTracker,
} from '@samenspraak/shared';
import { useSyncExternalStore } from 'react';
import { IndexeddbPersistence } from 'y-indexeddb';
import type { Awareness } from 'y-protocols/awareness';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import {
  type CollabStatus,
  type ConnectionProblem,
  DENIED_BY_CODE,
  type DeniedReason,
  PROBLEM_BY_CODE,
  sameStatus,
} from './collabStatus';
import { countingWebSocket } from './countingSocket';

export type { CollabStatus, ConnectionProblem, DeniedReason } from './collabStatus';

export interface CollabConnection {
  readonly doc: Y.Doc;
  readonly provider: WebsocketProvider;
  readonly awareness: Awareness;
  getStatus(): CollabStatus;
  subscribe(listener: () => void): () => void;
  /**
   * Forget the local copy (IndexedDB) and close: after a rejection the copy holds a change the server
   * refused, and every later change of this Y.Doc would be refused too. Resolves when the copy is gone
   * (or after a short wait when another tab still holds it open).
   */
  discard(): Promise<void>;
  destroy(): void;
}

/** A collaboration token as `POST /api/documents/:id/token` issues it. */
export interface IssuedToken {
  token: string;
  /** ISO 8601; when known, the token is renewed a minute before. */
  expiresAt?: string;
}

export interface ConnectOptions {
  documentId: string;
  token: string;
  /** When `token` expires (ISO 8601); with `renewToken` it is renewed a minute before. */
  expiresAt?: string;
  /**
   * Fetches a new token. Resolves null when the server refuses for good (no session, no access):
   * the connection then ends as denied. Throws for a passing problem (offline): tried again later.
   */
  renewToken?: () => Promise<IssuedToken | null>;
  /** Keep a local copy in IndexedDB under this database name (one per user and document). */
  offlineStore?: string;
  /**
   * Called on every change made in this tab (not for what the server sends, nor for what the local
   * copy loads): from then on the local copy may hold something the server lacks.
   */
  onLocalChange?: () => void;
  /** Defaults to the page's own origin with ws:/wss:. */
  wsBase?: string;
}

/** Retry a change the server refused for back-pressure after this long (new socket → fresh step2). */
const BACKPRESSURE_RETRY_MS = 3000;
/** Renew a token this long before it expires. */
const RENEW_BEFORE_MS = 60_000;
/** After a failed renewal (offline), try again after this long. */
const RENEW_RETRY_MS = 5000;
/** Connect at the latest after this long, even when the local copy has not loaded (blocked IndexedDB). */
const LOCAL_COPY_WAIT_MS = 3000;
/** How long `discard()` waits for the local copy to be deleted. */
const DISCARD_WAIT_MS = 2000;

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function collabUrlBase(loc: Location = window.location): string {
  return `${loc.protocol === 'https:' ? 'wss:' : 'ws:'}//${loc.host}/collab`;
}

export function connectDocument({
  documentId,
  token,
  expiresAt,
  renewToken,
  offlineStore,
  onLocalChange,
  wsBase = collabUrlBase(),
}: ConnectOptions): CollabConnection {
  const doc = new Y.Doc();
  const tracker = new SaveTracker();
  const listeners = new Set<() => void>();
  let currentSocket: WebSocket | null = null;
  let everConnected = false;
  let loaded = false;
  let destroyed = false;
  let denied: DeniedReason | null = null;
  let problem: ConnectionProblem | null = null;
  let outdated = false;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let renewTimer: ReturnType<typeof setTimeout> | undefined;
  /** A renewal after TokenExpired is under way; the provider waits for it instead of retrying. */
  let renewingAfterExpiry = false;
  let status: CollabStatus = {
    phase: 'connecting',
    loaded: false,
    unsaved: false,
    saved: false,
    rejection: null,
    denied: null,
    problem: null,
    outdated: false,
  };

  const WebSocketClass = countingWebSocket({
    created(socket) {
      currentSocket = socket;
      tracker.newSocket();
      publish();
    },
    sent(socket, kind) {
      if (socket !== currentSocket) return;
      tracker.frameSent(kind);
      publish();
    },
  });

  const provider = new WebsocketProvider(wsBase, documentId, doc, {
    // The protocol version lets the server tell a page loaded before an update to reload.
    params: { token, [PROTOCOL_VERSION_PARAM]: String(PROTOCOL_VERSION) },
    WebSocketPolyfill: WebSocketClass,
    // Connect only once the Saved/Rejected handlers and listeners below are in place.
    connect: false,
    // Every tab keeps its own connection, so its save status describes exactly its own changes.
    disableBc: true,
    maxBackoffTime: 5000,
  });

  /** Replace the socket now (a new socket sends, in its step2, everything the server lacks). */
  const reconnect = () => {
    if (denied || !provider.shouldConnect) return;
    provider.disconnect();
    provider.connect();
  };

  function computeStatus(): CollabStatus {
    const save = tracker.state;
    let phase: CollabStatus['phase'];
    if (denied) phase = 'denied';
    else if (provider.wsconnected && navigator.onLine !== false) phase = provider.synced ? 'online' : 'loading';
    else phase = everConnected ? 'offline' : 'connecting';
    return { phase, loaded, ...save, denied, problem, outdated };
  }

  function publish(): void {
    const next = computeStatus();
    if (sameStatus(next, status)) return;
    status = next;
    for (const listener of [...listeners]) listener();
  }

  const onDocUpdate = (_update: Uint8Array, origin: unknown) => {
    if (origin === provider) return; // came from the server
    // Before the save status changes, so a page closed right now still has the mark.
    if (!persistence || origin !== persistence) onLocalChange?.();
    tracker.localChange(provider.wsconnected && provider.ws?.readyState === WebSocket.OPEN);
    publish();
  };
  doc.on('update', onDocUpdate);

  provider.messageHandlers[MessageType.Saved] = (_encoder, decoder) => {
    tracker.frameReceived(readSavedBody(decoder));
    publish();
  };
  provider.messageHandlers[MessageType.Rejected] = (_encoder, decoder) => {
    const rejected = readRejectedBody(decoder);
    tracker.frameReceived(rejected);
    publish();
    if (rejected.reason === 'store-backpressure' && retryTimer === undefined) {
      // The server kept nothing; a new connection sends everything it lacks in its step2.
      retryTimer = setTimeout(() => {
        retryTimer = undefined;
        reconnect();
      }, BACKPRESSURE_RETRY_MS);
    }
  };

  provider.on('status', ({ status: s }) => {
    if (s === 'connected') {
      everConnected = true;
      problem = null;
    }
    publish();
  });
  provider.on('sync', (isSynced) => {
    if (isSynced) loaded = true;
    publish();
  });
  provider.on('connection-close', (event) => {
    tracker.socketClosed();
    const code = event?.code;
    if (code !== undefined) {
      if (code === CloseCode.TokenExpired && renewToken && !destroyed) {
        // Not a refusal: fetch a new token, then connect again (the provider must not retry meanwhile).
        provider.shouldConnect = false;
        if (!renewingAfterExpiry) {
          renewingAfterExpiry = true;
          void renewAfterExpiry();
        }
        publish();
        return;
      }
      if (code === CloseCode.OutdatedClient) {
        // This page is older than the server: reconnecting will not help, reloading the page will.
        outdated = true;
        provider.shouldConnect = false;
      }
      const refusal = DENIED_BY_CODE[code];
      if (refusal) {
        denied = refusal;
        // Do not call provider.disconnect() here (it re-enters this handler); this stops the retry.
        provider.shouldConnect = false;
      }
      problem = PROBLEM_BY_CODE[code] ?? problem;
    }
    publish();
  });

  // A socket can take long to notice a lost network; the browser knows sooner. Going offline drops the
  // connection (changes from then on travel in the step2 of the next one, and others' presence is
  // cleared); coming back online reconnects at once instead of waiting for the back-off.
  const onOffline = () => {
    reconnect();
    publish();
  };
  const onOnline = () => {
    if (!provider.wsconnected) reconnect();
    publish();
  };
  window.addEventListener('offline', onOffline);
  window.addEventListener('online', onOnline);

  // Token renewal: the server checks the token when a connection opens, so a renewed token only
  // matters for the next (re)connection; the provider reads `params` each time it opens a socket.
  const useToken = (issued: IssuedToken) => {
    provider.params = { ...provider.params, token: issued.token };
    scheduleRenewal(issued.expiresAt);
  };

  function scheduleRenewal(expires: string | undefined): void {
    clearTimeout(renewTimer);
    renewTimer = undefined;
    if (!renewToken || !expires || destroyed) return;
    const at = Date.parse(expires);
    if (Number.isNaN(at)) return;
    renewTimer = setTimeout(() => void renewAhead(), Math.max(at - Date.now() - RENEW_BEFORE_MS, 0));
  }

  async function renewAhead(): Promise<void> {
    renewTimer = undefined;
    if (!renewToken || destroyed || denied) return;
    try {
      const issued = await renewToken();
      if (destroyed) return;
      // Refused: keep the open connection; a reconnect will be told TokenExpired and end as denied.
      if (issued) useToken(issued);
    } catch {
      if (!destroyed) renewTimer = setTimeout(() => void renewAhead(), RENEW_RETRY_MS);
    }
  }

  async function renewAfterExpiry(): Promise<void> {
    while (!destroyed && renewToken) {
      try {
        const issued = await renewToken();
        if (destroyed) return;
        renewingAfterExpiry = false;
        if (!issued) {
          denied = 'expired';
          publish();
          return;
        }
        useToken(issued);
        provider.connect();
        publish();
        return;
      } catch {
        await wait(RENEW_RETRY_MS);
      }
    }
    renewingAfterExpiry = false;
  }

  // The local copy: loaded before connecting, so the first step2 carries everything it holds that the
  // server lacks (edits made offline in an earlier visit). Its updates count as local changes.
  const persistence = offlineStore ? new IndexeddbPersistence(offlineStore, doc) : null;
  let persistenceGone = false;

  const connection: CollabConnection = {
    doc,
    provider,
    awareness: provider.awareness,
    getStatus: () => status,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async discard() {
      if (persistence && !persistenceGone) {
        persistenceGone = true;
        await Promise.race([persistence.clearData().catch(() => {}), wait(DISCARD_WAIT_MS)]);
      }
      connection.destroy();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      clearTimeout(retryTimer);
      clearTimeout(renewTimer);
      window.removeEventListener('offline', onOffline);
      window.removeEventListener('online', onOnline);
      doc.off('update', onDocUpdate);
      provider.awareness.destroy(); // tells the others we left, stops its renewal timer
      provider.destroy();
      if (persistence && !persistenceGone) {
        persistenceGone = true;
        void persistence.destroy();
      }
      doc.destroy();
      listeners.clear();
    },
  };

  if (import.meta.env.DEV) {
    // Development aid only (not in production builds): inspect the live document from the console.
    (window as unknown as { __samenspraak?: unknown }).__samenspraak = { doc, provider, tracker, connection };
  }
  scheduleRenewal(expiresAt);
  const start = () => {
    if (destroyed) return;
    provider.connect();
    publish();
  };
  if (persistence) {
    void Promise.race([persistence.whenSynced.catch(() => {}), wait(LOCAL_COPY_WAIT_MS)]).then(start);
  } else {
    start();
  }
  publish();
  return connection;
}

/** The connection's status, re-rendering when it changes. */
export function useCollabStatus(connection: CollabConnection): CollabStatus {
  return useSyncExternalStore(connection.subscribe, connection.getStatus, connection.getStatus);
}

/** Just the save-related part of the status. */
export function useSaveStatus(connection: CollabConnection): Pick<CollabStatus, 'saved' | 'unsaved' | 'rejection'> {
  const { saved, unsaved, rejection } = useCollabStatus(connection);
  return { saved, unsaved, rejection };
}
