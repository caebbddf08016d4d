/**
 * Which documents a person has a local copy of (IndexedDB, see connection.ts) and which of those hold
 * changes the server has not confirmed yet ("pending"). Logout and the start of the app read this to
 * decide what may be wiped from the browser without losing anyone's work.
 *
 * The record lives in localStorage, one entry per user, so it outlives a closed tab like the copies
 * themselves do. It holds document ids only: never content, never names.
 *
 * A pending mark is set on every change made in this browser and cleared only when the server's Saved
 * covers everything (`status.saved`), so a mark errs on the side of keeping a copy. Loading the copy
 * itself is not a change made here: whether it holds unsaved work is what the mark from the earlier
 * visit says.
 */

/** Every copy's IndexedDB database name starts with this. */
const COPY_PREFIX = 'samenspraak:';
const RECORD_PREFIX = 'samenspraak.localCopies.';

/** The IndexedDB database of one person's copy of one document. */
export function localCopyName(userId: string, documentId: string): string {
  // The user id ends at the first ':' of a name; a user id containing one would read as someone else's.
  if (!userId || userId.includes(':')) throw new Error(`local copy: unusable user id ${JSON.stringify(userId)}`);
  return `${COPY_PREFIX}${userId}:${documentId}`;
}

/** Whose copy of which document a database name is; null for databases that are not copies. */
export function parseLocalCopyName(name: string): { userId: string; documentId: string } | null {
  if (!name.startsWith(COPY_PREFIX)) return null;
  const rest = name.slice(COPY_PREFIX.length);
  const colon = rest.indexOf(':');
  if (colon <= 0 || colon === rest.length - 1) return null;
  return { userId: rest.slice(0, colon), documentId: rest.slice(colon + 1) };
}

export interface CopyRecord {
  copies: string[];
  pending: string[];
  /**
   * The stored record could not be read (edited by hand, another version of the app). Nobody can say
   * which copies hold unsaved work, so every copy counts as pending until the person decides.
   */
  unknown: boolean;
}

const EMPTY: CopyRecord = { copies: [], pending: [], unknown: false };

function isStringList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((v) => typeof v === 'string');
}

let warnedUnreadable = false;

/** The stored text of a record; a broken one is reported and read as "unknown", never as "nothing pending". */
export function parseRecord(text: string | null): CopyRecord {
  if (text === null) return EMPTY;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null) {
      const { copies, pending, unknown } = value as Record<string, unknown>;
      if (isStringList(copies) && isStringList(pending) && (unknown === undefined || typeof unknown === 'boolean')) {
        return { copies, pending, unknown: unknown === true };
      }
    }
  } catch {
    // reported below
  }
  if (!warnedUnreadable) {
    warnedUnreadable = true;
    console.warn('local copies: the stored list of local copies is unreadable; every copy is treated as unsaved');
  }
  return { ...EMPTY, unknown: true };
}

const union = (a: readonly string[], b: readonly string[]) => [...new Set([...a, ...b])];
const without = (a: readonly string[], b: readonly string[]) => a.filter((x) => !b.includes(x));

export class LocalCopyRecord {
  constructor(private readonly storage: Storage | null) {}

  of(userId: string): CopyRecord {
    if (!this.storage) return EMPTY;
    try {
      return parseRecord(this.storage.getItem(RECORD_PREFIX + userId));
    } catch {
      return { ...EMPTY, unknown: true }; // storage refused to read: assume the worst
    }
  }

  /** Users that have a record in this browser. */
  users(): string[] {
    if (!this.storage) return [];
    const out: string[] = [];
    for (let i = 0; i < this.storage.length; i += 1) {
      const key = this.storage.key(i);
      if (key?.startsWith(RECORD_PREFIX) && key.length > RECORD_PREFIX.length)
        out.push(key.slice(RECORD_PREFIX.length));
    }
    return out;
  }

  recordCopy(userId: string, documentId: string): void {
    const r = this.of(userId);
    if (!r.copies.includes(documentId)) this.write(userId, { ...r, copies: [...r.copies, documentId] });
  }

  markPending(userId: string, documentId: string): void {
    const r = this.of(userId);
    if (r.pending.includes(documentId) && r.copies.includes(documentId)) return;
    this.write(userId, { ...r, copies: union(r.copies, [documentId]), pending: union(r.pending, [documentId]) });
  }

  clearPending(userId: string, documentId: string): void {
    const r = this.of(userId);
    if (r.pending.includes(documentId)) this.write(userId, { ...r, pending: without(r.pending, [documentId]) });
  }

  /** These copies were deleted; the rest keep their marks. */
  deleted(userId: string, documentIds: readonly string[]): void {
    if (documentIds.length === 0) return;
    const r = this.of(userId);
    this.write(userId, { ...r, copies: without(r.copies, documentIds), pending: without(r.pending, documentIds) });
  }

  /**
   * The person chose to throw away what is not saved: these copies are to be deleted and hold nothing
   * worth keeping any more (so a deletion that does not finish now is finished at the next start).
   */
  abandon(userId: string, documentIds: readonly string[]): void {
    this.write(userId, { copies: [...documentIds], pending: [], unknown: false });
  }

  private write(userId: string, record: CopyRecord): void {
    if (!this.storage) return;
    const key = RECORD_PREFIX + userId;
    try {
      if (record.copies.length === 0 && record.pending.length === 0 && !record.unknown) this.storage.removeItem(key);
      else this.storage.setItem(key, JSON.stringify(record));
    } catch {
      // storage full or disabled: the copies themselves still work; logout then finds them by name
    }
  }
}

/**
 * The documents this user has a copy of: when the browser can list its databases that list is the
 * truth (a copy the browser evicted is gone), otherwise the record is all there is.
 */
export function copiesOf(userId: string, databaseNames: readonly string[] | null, record: CopyRecord): string[] {
  if (databaseNames === null) return union(record.copies, record.pending);
  const found: string[] = [];
  for (const name of databaseNames) {
    const parsed = parseLocalCopyName(name);
    if (parsed?.userId === userId) found.push(parsed.documentId);
  }
  return found;
}

/** Which of the copies hold changes the server has not confirmed. */
export function pendingOf(copies: readonly string[], record: CopyRecord): string[] {
  return record.unknown ? [...copies] : copies.filter((id) => record.pending.includes(id));
}

/**
 * What may be deleted for someone without a session here: every copy without pending changes. Pending
 * ones stay, so the same person can log in again and send them; they are never loaded for anyone else
 * (the database name carries the user id).
 */
export function deletableWithoutSession(copies: readonly string[], record: CopyRecord): string[] {
  const pending = pendingOf(copies, record);
  return copies.filter((id) => !pending.includes(id));
}

/** Everyone with copies or a record in this browser. */
export function usersWithCopies(databaseNames: readonly string[] | null, recordUsers: readonly string[]): string[] {
  const fromNames = (databaseNames ?? []).flatMap((name) => {
    const parsed = parseLocalCopyName(name);
    return parsed ? [parsed.userId] : [];
  });
  return union(fromNames, recordUsers);
}

let shared: LocalCopyRecord | null = null;

/** The record of this browser (localStorage; none when storage is disabled). */
export function localCopies(): LocalCopyRecord {
  if (!shared) {
    let storage: Storage | null = null;
    try {
      storage = typeof localStorage === 'undefined' ? null : localStorage;
    } catch {
      storage = null; // disabled by privacy settings
    }
    shared = new LocalCopyRecord(storage);
  }
  return shared;
}
