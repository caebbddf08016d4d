/** Which sections (root types) an update touches — the basis of per-section permissions. */

import * as encoding from 'lib0/encoding';
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

  describe('free-text fields of items: a Y.Text inside a Y.Map inside the section’s Y.Array', () => {
    /** A hypothesis with a Y.Text statement, a plain-string evidence (an older document) and an empty Y.Text. */
    const withHypothesis = () =>
      setup((d) => {
        const m = new Y.Map<unknown>();
        d.getArray('hypothesen').push([m]);
        m.set('id', 'h1');
        m.set('statement', new Y.Text('Spanning thuis'));
        m.set('evidence', 'Verzuim op maandag');
        m.set('leeg', new Y.Text());
        d.getXmlFragment('veiligheid').insert(0, [new Y.XmlText('Geen acuut gevaar')]);
      });
    const item = (d: Y.Doc) => d.getArray<Y.Map<unknown>>('hypothesen').get(0);
    const statement = (d: Y.Doc) => item(d).get('statement') as Y.Text;
    const only = { roots: ['hypothesen'], unresolved: false };

    it.each([
      ['typing at the end (origin: the last character)', (d: Y.Doc) => statement(d).insert(14, ' houdt aan')],
      ['typing at the start (right origin only)', (d: Y.Doc) => statement(d).insert(0, 'Volgens school: ')],
      ['typing in the middle', (d: Y.Doc) => statement(d).insert(8, ' veel')],
      [
        'the first character of an empty text (parent: the text itself)',
        (d: Y.Doc) => (item(d).get('leeg') as Y.Text).insert(0, 'x'),
      ],
      ['deleting characters', (d: Y.Doc) => statement(d).delete(0, 9)],
      ['formatting a range', (d: Y.Doc) => statement(d).format(0, 8, { bold: true })],
      [
        'converting a plain-string field to a Y.Text',
        (d: Y.Doc) => item(d).set('evidence', new Y.Text('Verzuim op maandag en vrijdag')),
      ],
    ])('%s is attributed to the items section', (_what, edit) => {
      const { change, touched } = withHypothesis();
      expect(touched(change(edit))).toEqual(only);
    });

    it('a new item with its Y.Text fields typed into in the same update is attributed to the section', () => {
      const { change, touched } = withHypothesis();
      const update = change((d) => {
        const m = new Y.Map<unknown>();
        const text = new Y.Text();
        m.set('statement', text);
        d.getArray('hypothesen').push([m]);
        text.insert(0, 'Nieuwe verklaring');
        text.insert(0, 'Een ');
      });
      expect(touched(update)).toEqual(only);
    });

    it('names both sections when one update edits the nested text and a rich-text section', () => {
      const { change, touched } = withHypothesis();
      const update = change((d) => {
        statement(d).insert(0, 'x');
        (d.getXmlFragment('veiligheid').get(0) as Y.XmlText).insert(0, 'y');
      });
      expect(touched(update)).toEqual({ roots: ['hypothesen', 'veiligheid'], unresolved: false });
    });

    it('follows a hand-crafted parent reference to a nested text, and reports one to unknown content', () => {
      const { server, touched } = withHypothesis();
      // An update built by hand: a character whose parent is given explicitly as the ID of the item that
      // holds the statement's Y.Text (no origins), as a crafted client might send it.
      const holder = (statement(server)._item as Y.Item).id;
      const crafted = (parent: Y.ID) => {
        const encoder = new Y.UpdateEncoderV1();
        encoding.writeVarUint(encoder.restEncoder, 1); // one client
        encoding.writeVarUint(encoder.restEncoder, 1); // one struct
        encoder.writeClient(424242);
        encoding.writeVarUint(encoder.restEncoder, 0); // clock
        encoder.writeInfo(4); // ContentString, no origins, parent follows
        encoder.writeParentInfo(false); // parent is an ID, not a root name
        encoder.writeLeftID(parent);
        encoder.writeString('NIET: ');
        encoding.writeVarUint(encoder.restEncoder, 0); // empty delete set
        return encoder.toUint8Array();
      };
      expect(touched(crafted(holder))).toEqual(only);
      // It is what it claims to be: applied, it lands in the statement.
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(server));
      Y.applyUpdate(copy, crafted(holder));
      expect(statement(copy).toString()).toBe('NIET: Spanning thuis');
      expect(touched(crafted(Y.createID(999_999, 0))).unresolved).toBe(true);
    });
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
