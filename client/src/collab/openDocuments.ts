/**
 * The document connections open in this tab, per user: logout waits on them to finish saving and then
 * closes them, so no connection keeps writing to a local copy that is about to be deleted.
 *
 * Also the place where the server's Saved clears a pending mark (localCopies.ts): a connection that
 * reaches "saved" has nothing left that only this browser holds.
 *
 * Imports only types from connection.ts, so the app shell can use it without loading Yjs.
 */
import type { CollabConnection } from './connection';
import type { LocalCopyRecord } from './localCopies';

type Watched = Pick<CollabConnection, 'getStatus' | 'subscribe' | 'destroy'>;

interface OpenDocument {
  userId: string;
  documentId: string;
  connection: Watched;
}

const open = new Set<OpenDocument>();
/** What the pages called the documents ("Verklarende analyse van Daan"); memory only, never stored. */
const labels = new Map<string, string>();
/** Users being logged out in this tab: no new connection (and so no new local copy) for them. */
const closed = new Set<string>();

const labelKey = (userId: string, documentId: string) => `${userId}\n${documentId}`;

export function mayOpenDocuments(userId: string): boolean {
  return !closed.has(userId);
}

/** Lets a user open documents again (after logging in). */
export function allowDocumentsOf(userId: string): void {
  closed.delete(userId);
}

/** Keeps track of a connection until the returned function is called (when the page closes it). */
export function trackOpenDocument(
  entry: OpenDocument & { label?: string | null },
  record: LocalCopyRecord,
): () => void {
  const { userId, documentId, connection } = entry;
  const item: OpenDocument = { userId, documentId, connection };
  open.add(item);
  if (entry.label) labels.set(labelKey(userId, documentId), entry.label);
  record.recordCopy(userId, documentId);
  const check = () => {
    if (connection.getStatus().saved) record.clearPending(userId, documentId);
  };
  check();
  const unsubscribe = connection.subscribe(check);
  return () => {
    unsubscribe();
    open.delete(item);
  };
}

export function openDocumentIds(userId: string): string[] {
  return [...open].filter((d) => d.userId === userId).map((d) => d.documentId);
}

/** Open documents of the user with a change the server has not confirmed, whatever the record says. */
export function unsavedOpenDocuments(userId: string): string[] {
  return [...open].filter((d) => d.userId === userId && d.connection.getStatus().unsaved).map((d) => d.documentId);
}

export function documentLabel(userId: string, documentId: string): string | null {
  return labels.get(labelKey(userId, documentId)) ?? null;
}

/**
 * Resolves once every open connection of these documents says "saved", or after `timeoutMs`
 * (offline, the server refuses, the server is slow: the person is asked instead).
 */
export function whenSaved(userId: string, documentIds: readonly string[], timeoutMs: number): Promise<void> {
  const watched = [...open].filter((d) => d.userId === userId && documentIds.includes(d.documentId));
  if (watched.length === 0) return Promise.resolve();
  return new Promise((resolve) => {
    const unsubscribes: Array<() => void> = [];
    const finish = () => {
      clearTimeout(timer);
      for (const u of unsubscribes) u();
      resolve();
    };
    const timer = setTimeout(finish, timeoutMs);
    const check = () => {
      if (watched.every((d) => d.connection.getStatus().saved)) finish();
    };
    for (const d of watched) unsubscribes.push(d.connection.subscribe(check));
    check();
  });
}

/** Closes every connection of the user and refuses new ones until `allowDocumentsOf`. */
export function closeDocumentsOf(userId: string): void {
  closed.add(userId);
  for (const d of [...open]) {
    if (d.userId !== userId) continue;
    open.delete(d);
    d.connection.destroy();
  }
  for (const key of [...labels.keys()]) if (key.startsWith(`${userId}\n`)) labels.delete(key);
}
