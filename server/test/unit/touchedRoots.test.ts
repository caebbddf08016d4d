/** Which sections (root types) an update touches — the basis of per-section permissions. */
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeUpdateStrict, touchedRoots } from '../../src/collab/updateInspection.js';

/** A server document and a client that starts as its copy; `change` returns the client's next update. */
function setup(init?: (doc: Y.Doc) => void) {
  const server = new Y.Doc();
  if (init) init(server);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  const change = (fn: (doc: Y.Doc) => void): Uint8Array => {
    const updates: Uint8Array[] = [];
    const h = (u: Uint8Array) => updates.push(u);
    client.on('update', h);
    client.transact(() => fn(client));
    client.off('update', h);
    return Y.mergeUpdates(updates);
  };
  const touched = (update: Uint8Array) => {
    const t = touchedRoots(server, decodeUpdateStrict(update));
    return { roots: [...t.roots].sort(), unresolved: t.unresolved };
  };
  return { server, client, change, touched };
}

describe('touchedRoots', () => {
  it('names the text a fresh insertion goes into, and the one a continued insertion goes into', () => {
    const { server, change, touched } = setup((d) => d.getText('hulpvraag_jeugdige').insert(0, 'Ik wil'));
    expect(touched(change((d) => d.getText('hulpvraag_jeugdige').insert(6, ' thuis wonen')))).toEqual({
      roots: ['hulpvraag_jeugdige'],
      unresolved: false,
    });
    expect(touched(change((d) => d.getText('veiligheid').insert(0, 'nieuw')))).toEqual({
      roots: ['veiligheid'],
      unresolved: false,
    });
    void server;
  });

  it('follows nested types to their root, whether the parent is in the document or in the same update', () => {
    const { server, client, change, touched } = setup((d) => {
      const m = new Y.Map();
      d.getArray('hypothesen').push([m]);
      m.set('stelling', 'Spanning thuis verergert het schoolverzuim');
    });
    const existing = () => client.getArray<Y.Map<unknown>>('hypothesen').get(0);
    expect(touched(change(() => existing().set('status', 'supported')))).toEqual({
      roots: ['hypothesen'],
      unresolved: false,
    });
    const update = change((d) => {
      const m = new Y.Map<unknown>();
      const text = new Y.Text();
      m.set('bewijs', text);
      d.getArray('hypothesen').push([m]);
      text.insert(0, 'Verzuim daalt in de vakantie');
    });
    expect(touched(update)).toEqual({ roots: ['hypothesen'], unresolved: false });
    void server;
  });

  it('names the section of a deletion, and every section of a mixed update', () => {
    const { change, touched } = setup((d) => {
      d.getText('a').insert(0, 'alfa');
      d.getText('b').insert(0, 'beta');
    });
    expect(touched(change((d) => d.getText('b').delete(0, 2)))).toEqual({ roots: ['b'], unresolved: false });
    expect(
      touched(
        change((d) => {
          d.getText('a').insert(0, 'x');
          d.getMap('m').set('k', 1);
          d.getText('b').delete(0, 1);
        }),
      ),
    ).toEqual({ roots: ['a', 'b', 'm'], unresolved: false });
  });

  it('follows Tiptap-style XML fragments (paragraphs with text) to the fragment', () => {
    const { change, touched } = setup((d) => {
      const p = new Y.XmlElement('paragraph');
      d.getXmlFragment('problemen_en_krachten').insert(0, [p]);
      p.insert(0, [new Y.XmlText('Sterk: sport')]);
    });
    const update = change((d) => {
      const p = d.getXmlFragment('problemen_en_krachten').get(0) as Y.XmlElement;
      (p.get(0) as Y.XmlText).insert(12, ' en muziek');
    });
    expect(touched(update)).toEqual({ roots: ['problemen_en_krachten'], unresolved: false });
  });

  it('reports changes it cannot place (unknown origin, deletion of unseen content) as unresolved', () => {
    const { server, touched } = setup((d) => d.getText('a').insert(0, 'abc'));
    // A third party's content the server never saw, and an edit attached to it.
    const stranger = new Y.Doc();
    stranger.getText('a').insert(0, 'onbekend');
    const follow = new Y.Doc();
    Y.applyUpdate(follow, Y.encodeStateAsUpdate(stranger));
    const updates: Uint8Array[] = [];
    follow.on('update', (u: Uint8Array) => updates.push(u));
    follow.getText('a').insert(8, '!');
    expect(touched(updates[0] as Uint8Array).unresolved).toBe(true);
    updates.length = 0;
    follow.getText('a').delete(0, 3);
    expect(touched(updates[0] as Uint8Array).unresolved).toBe(true);
    void server;
  });
});
