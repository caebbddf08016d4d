/**
 * The Yjs updates a change to `doc` produces, for unit tests that replay them elsewhere.
 *
 * Test support only: nothing in the app imports it.
 */
import type * as Y from 'yjs';

export function updatesOf(doc: Y.Doc, change: () => void): Uint8Array[] {
  const updates: Uint8Array[] = [];
  const collect = (u: Uint8Array) => updates.push(u);
  doc.on('update', collect);
  change();
  doc.off('update', collect);
  return updates;
}
