/**
 * The browser side of the local copies: which IndexedDB databases exist, and deleting them. The
 * bookkeeping of what is in them lives in localCopies.ts.
 */

/** All database names, or null where the browser cannot list them (`indexedDB.databases()` is missing). */
export async function databaseNames(): Promise<string[] | null> {
  if (typeof indexedDB === 'undefined' || typeof indexedDB.databases !== 'function') return null;
  try {
    const list = await indexedDB.databases();
    return list.flatMap((db) => (db.name ? [db.name] : []));
  } catch {
    return null;
  }
}

export interface DeleteOutcome {
  deleted: string[];
  /**
   * Still there when the wait ended: another tab holds the database open ("blocked"). The browser keeps
   * the request and deletes it once that tab lets go; the next start tries again as well.
   */
  notYet: string[];
  failed: string[];
}

function deleteOne(name: string, waitMs: number): Promise<'deleted' | 'notYet' | 'failed'> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.deleteDatabase(name);
    } catch {
      resolve('failed');
      return;
    }
    const timer = setTimeout(() => resolve('notYet'), waitMs);
    request.onsuccess = () => {
      clearTimeout(timer);
      resolve('deleted');
    };
    request.onerror = () => {
      clearTimeout(timer);
      resolve('failed');
    };
  });
}

/** Deletes the databases, waiting at most `waitMs` for each (they are deleted side by side). */
export async function deleteDatabases(names: readonly string[], waitMs = 3000): Promise<DeleteOutcome> {
  const outcome: DeleteOutcome = { deleted: [], notYet: [], failed: [] };
  if (typeof indexedDB === 'undefined') return { ...outcome, failed: [...names] };
  const results = await Promise.all(names.map((name) => deleteOne(name, waitMs)));
  names.forEach((name, i) => {
    outcome[results[i] ?? 'failed'].push(name);
  });
  return outcome;
}
