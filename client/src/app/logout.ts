/**
 * What logging out does to this browser: the person's local copies of case documents are deleted,
 * unless they hold changes the server has not confirmed; then the person decides (LogoutDialog).
 * Also the clean-up at start for people whose session is gone (expired, or someone else logged in).
 */
import {
  copiesOf,
  deletableWithoutSession,
  localCopies,
  localCopyName,
  parseLocalCopyName,
  pendingOf,
  usersWithCopies,
} from '../collab/localCopies';
import { databaseNames, deleteDatabases } from '../collab/localCopyStore';
import { closeDocumentsOf, openDocumentIds, unsavedOpenDocuments, whenSaved } from '../collab/openDocuments';

/** How long logout waits for open documents to be saved before asking (long enough for a slow phone). */
const SAVE_WAIT_MS = 5000;
/** How long to wait for each copy to be deleted (another tab may hold it open). */
const DELETE_WAIT_MS = 3000;

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];

/** Documents of this user with changes only this browser holds: the record, and what open pages report. */
export async function unsavedDocuments(userId: string): Promise<string[]> {
  const names = await databaseNames();
  const known = localCopies().of(userId);
  return union(pendingOf(copiesOf(userId, names, known), known), unsavedOpenDocuments(userId));
}

/** The unsaved documents once open ones had a short chance to be saved (only when there is a network). */
export async function unsavedAfterTrying(userId: string, waitMs = SAVE_WAIT_MS): Promise<string[]> {
  const unsaved = await unsavedDocuments(userId);
  const open = openDocumentIds(userId).filter((id) => unsaved.includes(id));
  if (open.length === 0 || navigator.onLine === false) return unsaved;
  await whenSaved(userId, open, waitMs);
  return unsavedDocuments(userId);
}

function documentIdsOf(names: readonly string[]): string[] {
  return names.flatMap((name) => {
    const parsed = parseLocalCopyName(name);
    return parsed ? [parsed.documentId] : [];
  });
}

/**
 * Closes this user's open documents and deletes all their local copies, unsaved changes included.
 * Resolves with the number of copies the browser has not deleted yet (held open by another tab).
 */
export async function wipeLocalCopies(userId: string): Promise<number> {
  closeDocumentsOf(userId);
  const record = localCopies();
  const known = record.of(userId);
  const targets = union(copiesOf(userId, await databaseNames(), known), union(known.copies, known.pending));
  // Written first: if the tab closes before the deletion ends, the next start finishes it.
  record.abandon(userId, targets);
  const outcome = await deleteDatabases(
    targets.map((id) => localCopyName(userId, id)),
    DELETE_WAIT_MS,
  );
  record.deleted(userId, documentIdsOf(outcome.deleted));
  return outcome.notYet.length + outcome.failed.length;
}

/**
 * Deletes the copies of everyone but `currentUserId` that hold nothing unsaved. Copies with unsaved
 * changes stay for their owner's next login; the app only ever opens the copies of whoever is logged in.
 */
export async function clearCopiesWithoutSession(currentUserId: string | null): Promise<void> {
  const record = localCopies();
  const names = await databaseNames();
  for (const userId of usersWithCopies(names, record.users())) {
    if (userId === currentUserId) continue;
    const known = record.of(userId);
    const copies = copiesOf(userId, names, known);
    // Marks of copies the browser no longer has (evicted, deleted by hand) protect nothing.
    if (names !== null)
      record.deleted(
        userId,
        union(known.copies, known.pending).filter((id) => !copies.includes(id)),
      );
    const deletable = deletableWithoutSession(copies, record.of(userId));
    if (deletable.length === 0) continue;
    const outcome = await deleteDatabases(
      deletable.map((id) => localCopyName(userId, id)),
      DELETE_WAIT_MS,
    );
    record.deleted(userId, documentIdsOf(outcome.deleted));
  }
}
