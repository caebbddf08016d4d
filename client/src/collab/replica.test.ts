import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readOnlyReplica } from './replica';

describe('read-only replica', () => {
  it('follows the source, and never sends anything back', () => {
    const source = new Y.Doc();
    source.getText('a').insert(0, 'hallo');
    const replica = readOnlyReplica(source);
    expect(replica.doc.getText('a').toString()).toBe('hallo');

    source.getText('a').insert(5, ' daar');
    expect(replica.doc.getText('a').toString()).toBe('hallo daar');

    const sent: Uint8Array[] = [];
    source.on('update', (u: Uint8Array) => sent.push(u));
    replica.doc.getText('a').insert(0, 'X'); // e.g. an editor normalising what it shows
    expect(sent).toHaveLength(0);
    expect(source.getText('a').toString()).toBe('hallo daar');

    replica.destroy();
    source.getText('a').insert(0, '!');
    expect(source.getText('a').toString()).toBe('!hallo daar');
  });

  it('keeps item ids, so relative positions made on it resolve on the source', () => {
    const source = new Y.Doc();
    source.getText('a').insert(0, 'abcdef');
    const replica = readOnlyReplica(source);
    const rel = Y.createRelativePositionFromTypeIndex(replica.doc.getText('a'), 3);
    const json = Y.relativePositionToJSON(rel);
    source.getText('a').insert(0, '12');
    const abs = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON(json), source);
    expect(abs?.index).toBe(5);
    replica.destroy();
  });
});
