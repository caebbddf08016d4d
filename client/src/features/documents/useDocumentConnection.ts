/**
 * One live connection per case document: a token from the API (renewed before it expires), a local
 * copy in IndexedDB per user and document (edits made offline are kept and merged on reconnect), and
 * presence (name, role, colour).
 *
 * After the server refused a change (`Rejected`), this browser's copy holds something the server never
 * will, and every later change of the same Y.Doc is refused as out-of-sync. So the copy is discarded and
 * the document loaded afresh from the server (a new Y.Doc), and the person is told. Back-pressure
 * refusals are not this: the connection retries those by itself.
 */
import type { Role } from '@samenspraak/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../app/api';
import { type CollabConnection, connectDocument, type IssuedToken } from '../../collab/connection';
import { colorFor, setLocalUser } from '../../collab/presence';
import type { Rejection } from '../../collab/saveTracker';
import { fetchToken, type TokenResponse } from './api';

/** Reload by itself at most this often; a second refusal soon after asks the person instead. */
const AUTO_RELOAD_MIN_INTERVAL_MS = 20_000;

export interface DocumentConnectionState {
  connection: CollabConnection | null;
  /** The token answer: the server's view of this person's section permissions at connect time. */
  access: TokenResponse | null;
  error: ApiError | null;
  /** The refusal that made us reload (shown until dismissed). */
  reloadedAfter: Rejection | null;
  /** A refusal we did not reload for by ourselves (a repeat): the person decides. */
  rejectedAgain: Rejection | null;
  reload(): void;
  dismissNotice(): void;
  retry(): void;
}

/** The IndexedDB database of one person's copy of one document. */
export function offlineStoreName(userId: string, documentId: string): string {
  return `samenspraak:${userId}:${documentId}`;
}

function isFinalRefusal(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 401 || err.status === 403 || err.status === 404);
}

export function useDocumentConnection(
  documentId: string,
  user: { id: string; name: string },
  role: Role,
): DocumentConnectionState {
  const [connection, setConnection] = useState<CollabConnection | null>(null);
  const [access, setAccess] = useState<TokenResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const [reloadedAfter, setReloadedAfter] = useState<Rejection | null>(null);
  const [rejectedAgain, setRejectedAgain] = useState<Rejection | null>(null);
  const lastAutoReload = useRef(0);

  useEffect(() => {
    let cancelled = false;
    let made: CollabConnection | null = null;
    setConnection(null);
    setError(null);
    const renewToken = async (): Promise<IssuedToken | null> => {
      try {
        const issued = await fetchToken(documentId);
        if (!cancelled) setAccess(issued);
        return { token: issued.token, expiresAt: issued.expiresAt };
      } catch (err) {
        if (isFinalRefusal(err)) return null;
        throw err;
      }
    };
    void (async () => {
      try {
        const issued = await fetchToken(documentId);
        if (cancelled) return;
        made = connectDocument({
          documentId,
          token: issued.token,
          expiresAt: issued.expiresAt,
          renewToken,
          offlineStore: offlineStoreName(user.id, documentId),
        });
        setLocalUser(made.awareness, { name: user.name, role, color: colorFor(user.id) });
        setAccess(issued);
        setConnection(made);
      } catch (err) {
        if (!cancelled) setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      }
    })();
    return () => {
      cancelled = true;
      made?.destroy();
    };
  }, [documentId, user.id, user.name, role, generation]);

  const discardAndReload = useCallback(async (conn: CollabConnection) => {
    await conn.discard();
    setRejectedAgain(null);
    setGeneration((g) => g + 1);
  }, []);

  // Watch for a refusal on the current connection.
  useEffect(() => {
    if (!connection) return;
    let handled = false;
    const check = () => {
      const rejection = connection.getStatus().rejection;
      if (handled || !rejection || rejection.reason === 'store-backpressure') return;
      handled = true;
      const now = Date.now();
      if (now - lastAutoReload.current < AUTO_RELOAD_MIN_INTERVAL_MS) {
        setRejectedAgain(rejection);
        return;
      }
      lastAutoReload.current = now;
      setReloadedAfter(rejection);
      void discardAndReload(connection);
    };
    check();
    return connection.subscribe(check);
  }, [connection, discardAndReload]);

  const reload = useCallback(() => {
    if (connection) void discardAndReload(connection);
    else setGeneration((g) => g + 1);
  }, [connection, discardAndReload]);

  return {
    connection,
    access,
    error,
    reloadedAfter,
    rejectedAgain,
    reload,
    dismissNotice: () => setReloadedAfter(null),
    retry: () => setGeneration((g) => g + 1),
  };
}
