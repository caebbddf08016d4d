/**
 * Looks inside a Yjs update before it is applied: is it well-formed, and would it change the document?
 * Pure (reads the document, never writes it). The permission hook builds on the decoded form.
 */
import * as Y from 'yjs';

export type DecodedUpdate = ReturnType<typeof Y.decodeUpdate>;

export class InvalidUpdateError extends Error {}

/**
 * Decodes the whole update (structs and delete set). Y.applyUpdate integrates structs before it
 * reads the delete set, so a truncated update could be half-applied; decoding first rules that out.
 */
export function decodeUpdateStrict(update: Uint8Array): DecodedUpdate {
  try {
    return Y.decodeUpdate(update);
  } catch (err) {
    throw new InvalidUpdateError(`undecodable update: ${(err as Error).message}`);
  }
}

/** True when applying `decoded` would add content or delete something not yet deleted. */
export function changesDocument(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return true;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    const known = Y.getState(doc.store, client);
    for (const range of ranges) {
      if (range.len === 0) continue;
      const end = range.clock + range.len;
      // Deleting content the server has not seen yet is a change (it stays pending until it arrives).
      if (!structs || end > known) return true;
      let i = Y.findIndexSS(structs, range.clock);
      for (; i < structs.length; i++) {
        const s = structs[i];
        if (!s || s.id.clock >= end) break;
        if (!s.deleted) return true;
      }
    }
  }
  return false;
}

/**
 * True when the update cannot be integrated now: it has structs that start past what the document knows
 * of their client (or deletes content nobody sent). Over one ordered connection that only happens after
 * an earlier update of that client was rejected — the client has diverged and must reload. Accepting it
 * would leave content pending on the server forever.
 */
export function hasClockGap(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  const next = new Map<number, number>();
  for (const s of decoded.structs) {
    const client = s.id.client;
    const expected = next.get(client) ?? Y.getState(doc.store, client);
    if (s instanceof Y.Skip || s.id.clock > expected) return true;
    next.set(client, Math.max(expected, s.id.clock + s.length));
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const known = next.get(client) ?? Y.getState(doc.store, client);
    for (const range of ranges) if (range.len > 0 && range.clock + range.len > known) return true;
  }
  return false;
}

/**
 * True when the update needs content the document does not have yet: a clock gap, or an item whose
 * origin or parent is neither in the document nor in the update. Yjs would keep such content pending.
 */
export function missingDependencies(doc: Y.Doc, decoded: DecodedUpdate): boolean {
  if (hasClockGap(doc, decoded)) return true;
  const byClient = new Map<number, Array<{ id: Y.ID; length: number }>>();
  for (const s of decoded.structs) {
    const list = byClient.get(s.id.client);
    if (list) list.push(s);
    else byClient.set(s.id.client, [s]);
  }
  const known = (id: Y.ID | null): boolean =>
    id === null ||
    id.clock < Y.getState(doc.store, id.client) ||
    findIn(byClient.get(id.client), id.clock) !== undefined;
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    if (s.id.clock + s.length <= Y.getState(doc.store, s.id.client)) continue;
    const parent = s.parent as unknown;
    if (!known(s.origin) || !known(s.rightOrigin) || (parent instanceof Y.ID && !known(parent))) return true;
  }
  return false;
}

/** The root types (document sections) an update would change, or `unknown` if some target cannot be resolved. */
export interface TouchedRoots {
  roots: Set<string>;
  /** True when some change refers to content neither the document nor the update holds. */
  unresolved: boolean;
}

type DecodedItem = InstanceType<typeof Y.Item>;

/** Marks an item whose parent was garbage-collected: it lands as garbage and touches no section. */
const GARBAGE = '\u0000garbage';

/** Finds the struct holding `id` in a sorted per-client list. */
function findIn(structs: Array<{ id: Y.ID; length: number }> | undefined, clock: number) {
  if (!structs || structs.length === 0) return undefined;
  let lo = 0;
  let hi = structs.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = structs[mid] as { id: Y.ID; length: number };
    if (clock < s.id.clock) hi = mid - 1;
    else if (clock >= s.id.clock + s.length) lo = mid + 1;
    else return s;
  }
  return undefined;
}

/**
 * Works out which named root types an update touches: new items (through their parent, or the parent of
 * their origin when the encoding leaves it implicit) and deletions of live items. Reads the document,
 * never changes it. This is what per-section permissions are checked against.
 */
export function touchedRoots(doc: Y.Doc, decoded: DecodedUpdate): TouchedRoots {
  const roots = new Set<string>();
  let unresolved = false;
  const rootNames = new Map<unknown, string>();
  for (const [name, type] of doc.share) rootNames.set(type, name);

  const updateItems = new Map<number, DecodedItem[]>();
  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue;
    const list = updateItems.get(s.id.client);
    if (list) list.push(s);
    else updateItems.set(s.id.client, [s]);
  }

  /** Root name of an item already in the document. */
  const rootOfIntegrated = (item: DecodedItem): string | null => {
    let type = item.parent as Y.AbstractType<unknown> | null;
    for (let depth = 0; type && depth < 10_000; depth++) {
      if (!type._item) return rootNames.get(type) ?? null;
      type = type._item.parent as Y.AbstractType<unknown> | null;
    }
    return null;
  };

  const memo = new Map<DecodedItem, string | null>();
  /** Root name of an item from the update (parent info may be a name, an ID, or implied by its origins). */
  const rootOfNew = (item: DecodedItem, depth: number): string | null => {
    if (memo.has(item)) return memo.get(item) ?? null;
    if (depth > 10_000) return null;
    let result: string | null = null;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') result = parent;
    else if (parent instanceof Y.ID) result = rootOfId(parent, depth + 1);
    else if (item.origin) result = rootOfId(item.origin, depth + 1);
    else if (item.rightOrigin) result = rootOfId(item.rightOrigin, depth + 1);
    memo.set(item, result);
    return result;
  };

  /** Root name of whatever item holds `id`: in the document if known there, else in the update. */
  const rootOfId = (id: Y.ID, depth: number): string | null => {
    const known = findIn(doc.store.clients.get(id.client), id.clock);
    if (known instanceof Y.Item) return rootOfIntegrated(known);
    // Next to garbage-collected content: Yjs integrates such an item as garbage too, so it changes nothing.
    if (known) return GARBAGE;
    const fresh = findIn(updateItems.get(id.client), id.clock) as DecodedItem | undefined;
    return fresh ? rootOfNew(fresh, depth) : null;
  };

  for (const s of decoded.structs) {
    if (!(s instanceof Y.Item)) continue; // GC and Skip carry no content
    if (s.id.clock + s.length <= Y.getState(doc.store, s.id.client)) continue; // already known
    const root = rootOfNew(s, 0);
    if (root === null) unresolved = true;
    else if (root !== GARBAGE) roots.add(root);
  }

  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    const known = Y.getState(doc.store, client);
    for (const range of ranges) {
      const end = range.clock + range.len;
      if (range.len === 0) continue;
      if (structs && range.clock < known) {
        for (let i = Y.findIndexSS(structs, range.clock); i < structs.length; i++) {
          const s = structs[i];
          if (!s || s.id.clock >= end) break;
          if (s instanceof Y.Item && !s.deleted) {
            const root = rootOfIntegrated(s);
            if (root === null) unresolved = true;
            else roots.add(root);
          }
        }
      }
      if (end > known) {
        // Deleting content that arrives in this same update is part of that insertion; anything else is unknown.
        for (let clock = Math.max(range.clock, known); clock < end; ) {
          const fresh = findIn(updateItems.get(client), clock) as DecodedItem | undefined;
          if (!fresh) {
            unresolved = true;
            break;
          }
          const root = rootOfNew(fresh, 0);
          if (root === null) unresolved = true;
          else if (root !== GARBAGE) roots.add(root);
          clock = fresh.id.clock + fresh.length;
        }
      }
    }
  }
  return { roots, unresolved };
}
