/** Hand-made Yjs updates for attacks on the collaboration server: another client's id, bare GC ranges. */
import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/** An update made by a document that pretends to be `clientId`, built on the server's current state. */
export function craftAs(clientId: number, base: Y.Doc, fn: (doc: Y.Doc) => void): Uint8Array {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(base));
  // After the state: Yjs picks a new id for itself when a received update uses its own.
  doc.clientID = clientId;
  const sv = Y.encodeStateVector(doc);
  doc.transact(() => fn(doc));
  return Y.encodeStateAsUpdate(doc, sv);
}

/** A v1 update holding one GC struct of `length` clocks for `client` from `clock`, and no deletions. */
export function gcUpdate(client: number, clock: number, length: number): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, 1); // one client
  encoding.writeVarUint(e, 1); // one struct
  encoding.writeVarUint(e, client);
  encoding.writeVarUint(e, clock);
  encoding.writeUint8(e, 0); // GC
  encoding.writeVarUint(e, length);
  encoding.writeVarUint(e, 0); // empty delete set
  return encoding.toUint8Array(e);
}
