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
