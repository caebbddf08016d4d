import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { changesDocument, decodeUpdateStrict, InvalidUpdateError } from '../../src/collab/updateInspection.js';

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc();
  doc.getText('t').insert(0, text);
  return doc;
}

function clone(doc: Y.Doc): Y.Doc {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  return copy;
}

describe('update inspection', () => {
  it('rejects bytes that are not a complete Yjs update', () => {
    const valid = Y.encodeStateAsUpdate(docWith('hallo wereld'));
    expect(() => decodeUpdateStrict(valid.slice(0, valid.length - 3))).toThrow(InvalidUpdateError);
    expect(() => decodeUpdateStrict(new Uint8Array([255, 255, 255, 255, 255, 255, 255, 255, 255, 1]))).toThrow(
      InvalidUpdateError,
    );
    expect(decodeUpdateStrict(valid).structs.length).toBeGreaterThan(0);
  });

  it('sees new content as a change and known content as none', () => {
    const server = docWith('abc');
    const client = clone(server);
    expect(changesDocument(server, decodeUpdateStrict(Y.encodeStateAsUpdate(client)))).toBe(false);
    client.getText('t').insert(3, 'd');
    expect(changesDocument(server, decodeUpdateStrict(Y.encodeStateAsUpdate(client)))).toBe(true);
  });

  it('sees a deletion of live content as a change, and a repeated deletion as none', () => {
    const server = docWith('abcdef');
    const client = clone(server);
    let deletion: Uint8Array | null = null;
    client.on('update', (u: Uint8Array) => {
      deletion = u;
    });
    client.getText('t').delete(1, 2);
    expect(deletion).not.toBeNull();
    const decoded = decodeUpdateStrict(deletion as unknown as Uint8Array);
    expect(decoded.structs).toHaveLength(0);
    expect(changesDocument(server, decoded)).toBe(true);
    Y.applyUpdate(server, deletion as unknown as Uint8Array);
    expect(server.getText('t').toString()).toBe('adef');
    expect(changesDocument(server, decoded)).toBe(false);
    // A full-state sync from a reader carries the whole delete set: still no change.
    expect(changesDocument(server, decodeUpdateStrict(Y.encodeStateAsUpdate(client)))).toBe(false);
  });

  it('sees deletions of content the server has not received as a change', () => {
    const server = new Y.Doc();
    const client = docWith('xyz');
    const ahead = clone(client);
    let deletion: Uint8Array | null = null;
    ahead.on('update', (u: Uint8Array) => {
      deletion = u;
    });
    ahead.getText('t').delete(0, 1);
    expect(changesDocument(server, decodeUpdateStrict(deletion as unknown as Uint8Array))).toBe(true);
  });
});
