/**
 * One live connection per case document: a token from the API (renewed before it expires), a local
 * copy in IndexedDB per user and document (edits made offline are kept and merged on reconnect), and
 * presence (name, role, colour).
 *
 * After the server refused a change (`Rejected`), this browser's copy holds something the server never
 * will, and every later change of the same Y.Doc is refused as out-of-sync. So the copy is discarded and
 * the document loaded afresh from the server (a new Y.Doc), and the person is told. Back-pressure
 * refusals are not this: the connection retries those by itself.
 *
 * Every connection is known to collab/openDocuments.ts while it is open (logout waits for it to be
 * saved, then closes it), and marks its document in collab/localCopies.ts as long as it holds changes
 * the server has not confirmed.
 */
import type { Rejection, Role } from '@samenspraak/shared';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../../app/api';
import { type CollabConnection, connectDocument, type IssuedToken } from '../../collab/connection';
import { localCopies, localCopyName } from '../../collab/localCopies';
import { mayOpenDocuments, trackOpenDocument } from '../../collab/openDocuments';
import { colorFor, setLocalUser } from '../../collab/presence';
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
  /** Reads this person's section permissions again (after the server changed them), without reconnecting. */
  refreshAccess(): Promise<void>;
  dismissNotice(): void;
  retry(): void;
}

/** The IndexedDB database of one person's copy of one document. */
export const offlineStoreName = localCopyName;

function isFinalRefusal(err: unknown): boolean {
  return err instanceof ApiError && (err.status === 401 || err.status === 403 || err.status === 404);
}

/** `label`: how the page names the document (shown at logout when it holds unsaved changes). */
export function useDocumentConnection(
  documentId: string,
  user: { id: string; name: string },
  role: Role,
  label?: string,
): DocumentConnectionState {
  const [connection, setConnection] = useState<CollabConnection | null>(null);
  const [access, setAccess] = useState<TokenResponse | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [generation, setGeneration] = useState(0);
  const [reloadedAfter, setReloadedAfter] = useState<Rejection | null>(null);
  const [rejectedAgain, setRejectedAgain] = useState<Rejection | null>(null);
  const lastAutoReload = useRef(0);
  const labelRef = useRef(label);
  labelRef.current = label;

  useEffect(() => {
    let cancelled = false;
    let made: CollabConnection | null = null;
    let untrack: (() => void) | null = null;
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
        // Logging out: a connection made now would write a copy that is being deleted.
        if (cancelled || !mayOpenDocuments(user.id)) return;
        const record = localCopies();
        made = connectDocument({
          documentId,
          token: issued.token,
          expiresAt: issued.expiresAt,
          renewToken,
          offlineStore: offlineStoreName(user.id, documentId),
          onLocalChange: () => record.markPending(user.id, documentId),
        });
        untrack = trackOpenDocument(
          { userId: user.id, documentId, connection: made, label: labelRef.current ?? null },
          record,
        );
        setLocalUser(made.awareness, { name: user.name, role, color: colorFor(user.id) });
        setAccess(issued);
        setConnection(made);
      } catch (err) {
        if (!cancelled) setError(err instanceof ApiError ? err : new ApiError(0, 'unknown', String(err)));
      }
    })();
    return () => {
      cancelled = true;
      untrack?.();
      made?.destroy();
    };
  }, [documentId, user.id, user.name, role, generation]);

  const discardAndReload = useCallback(
    async (conn: CollabConnection) => {
      await conn.discard();
      // The refused change went with the copy; nothing unsaved is left in this browser.
      localCopies().clearPending(user.id, documentId);
      setRejectedAgain(null);
      setGeneration((g) => g + 1);
    },
    [user.id, documentId],
  );

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
    refreshAccess: async () => setAccess(await fetchToken(documentId)),
    dismissNotice: () => setReloadedAfter(null),
    retry: () => setGeneration((g) => g + 1),
  };
}
