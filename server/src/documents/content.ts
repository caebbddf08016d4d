/**
 * The content of document D at version V as a Y.Doc the caller owns (and destroys): as the store holds
 * it, as it is now (store merged with the live room), or as a named version saved it. Every reader of
 * content outside the collaboration room (export, versions, restore, endorsements, meetings,
 * escalation) opens documents here.
 */
import * as Y from 'yjs';
import type { AppServices } from '../services.js';
import type { LoadedDocument } from '../storage/documentStore.js';
import { findVersion } from './documentVersions.js';

/** Replays what the DocumentStore loaded: the snapshot, then the tail of updates after it. */
export function docFromStore(loaded: LoadedDocument): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
    for (const entry of loaded.tail) Y.applyUpdate(doc, entry.update);
  });
  return doc;
}

/** A saved whole state (a named version) as a document. */
export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
}

/** The document as the store holds it (durable edits only). */
export async function storedDoc(services: AppServices, docId: string): Promise<Y.Doc> {
  return docFromStore(await services.store.load(docId));
}

/**
 * The current state as a copy the caller owns (and destroys): what the store holds merged with the live
 * document when it is loaded (edits not yet durable). Both, because a just-loaded live document may not
 * have applied its stored snapshot yet, and merging Yjs states is idempotent. A copy, because reading
 * sections defines root types, and the live document is not ours to touch.
 */
export async function currentDoc(services: AppServices, docId: string): Promise<Y.Doc> {
  const doc = await storedDoc(services, docId);
  const live = services.collab?.loadedDocument(docId);
  if (live) Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  return doc;
}

/** The whole stored state, encoded (for a snapshot another record carries along). */
export async function storedState(services: AppServices, docId: string): Promise<Uint8Array> {
  const doc = await storedDoc(services, docId);
  try {
    return Y.encodeStateAsUpdate(doc);
  } finally {
    doc.destroy();
  }
}

/** A document "exists" once anything was written to it (the standard documents are always registered). */
export async function hasStoredContent(services: AppServices, docId: string): Promise<boolean> {
  const loaded = await services.store.load(docId);
  return loaded.snapshot !== null || loaded.tail.length > 0;
}

/** Which content: what is there now, or a named version of the document (by id). */
export type DocumentAt = 'current' | { versionId: string };

/** The document at `at`, or null when the named version does not exist for this document. */
export async function openDocument(services: AppServices, docId: string, at: DocumentAt): Promise<Y.Doc | null> {
  if (at === 'current') return currentDoc(services, docId);
  const version = await findVersion(services.db, docId, at.versionId);
  return version ? docFromState(version.state) : null;
}

/** Runs `read` on a private copy of the document and destroys the copy afterwards. */
export async function readDocument<T>(doc: Y.Doc | Promise<Y.Doc>, read: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const opened = await doc;
  try {
    return await read(opened);
  } finally {
    opened.destroy();
  }
}
