/**
 * A read-only replica of a Y.Doc: it follows every change of the source, and nothing done to it ever
 * flows back. Editors of sections a person may only read or comment on are bound to the replica, so a
 * binding that "normalises" content it renders (ProseMirror dropping a node its schema does not know,
 * for example) can never send a change the server would refuse for that section.
 *
 * Items keep their ids (client and clock), so Yjs relative positions made on the replica (comment
 * anchors, cursors) are valid on the source and on every other copy of the document.
 */
import * as Y from 'yjs';

export interface Replica {
  readonly doc: Y.Doc;
  destroy(): void;
}

export function readOnlyReplica(source: Y.Doc): Replica {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(source), source);
  const follow = (update: Uint8Array) => Y.applyUpdate(doc, update, source);
  source.on('update', follow);
  return {
    doc,
    destroy() {
      source.off('update', follow);
      doc.destroy();
    },
  };
}
