import { MAX_ITEM_TEXT } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updatesOf } from '../../collab/updatesOf';
import { fieldText, newItemMap, setFieldText, textFieldOf } from './itemFields';
import {
  addAction,
  addChecklistItem,
  addHypothesis,
  addItem,
  CHECKLIST_SECTION,
  findItemMap,
  HYPOTHESES_SECTION,
  readActions,
  readChecklist,
  readHypotheses,
  updateItem,
} from './items';

/** Two people with the same document, their changes kept apart until `exchange`. */
function twoPeople(init: (doc: Y.Doc) => void) {
  const a = new Y.Doc();
  const b = new Y.Doc();
  init(a);
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
  const exchange = () => {
    const fromA = Y.encodeStateAsUpdate(a, Y.encodeStateVector(b));
    const fromB = Y.encodeStateAsUpdate(b, Y.encodeStateVector(a));
    Y.applyUpdate(a, fromB);
    Y.applyUpdate(b, fromA);
  };
  return { a, b, exchange };
}

/** A hypothesis as documents written before Y.Text fields hold it: every field a plain string. */
function addLegacyHypothesis(doc: Y.Doc, id: string, statement: string): void {
  const map = new Y.Map<unknown>();
  doc.getArray(HYPOTHESES_SECTION).push([map]);
  map.set('id', id);
  map.set('statement', statement);
  map.set('evidence', 'Verzuim vooral op maandag');
  map.set('status', 'supported');
}

describe('free-text fields of items', () => {
  it.each([
    ['a hypothesis statement', HYPOTHESES_SECTION, 'statement'],
    ['a hypothesis evidence', HYPOTHESES_SECTION, 'evidence'],
    ['an action wat', 'domein_wonen', 'wat'],
    ['an action wie', 'domein_wonen', 'wie'],
    ['an action bron', 'domein_wonen', 'bron'],
    ['a checklist tekst', CHECKLIST_SECTION, 'tekst'],
  ])('keep both people’s typing when they type in %s at the same time', (_what, section, field) => {
    let id = '';
    const { a, b, exchange } = twoPeople((doc) => {
      if (section === HYPOTHESES_SECTION) id = addHypothesis(doc);
      else if (section === CHECKLIST_SECTION) id = addChecklistItem(doc, '');
      else id = addAction(doc, section);
      updateItem(doc, section, id, { [field]: 'Spanning thuis' });
    });
    // A types at the end, B at the start, neither has seen the other's change.
    updateItem(a, section, id, { [field]: 'Spanning thuis houdt het verzuim in stand' });
    updateItem(b, section, id, { [field]: 'Volgens school: Spanning thuis' });
    exchange();
    const expected = 'Volgens school: Spanning thuis houdt het verzuim in stand';
    for (const doc of [a, b]) {
      expect(findItemMap(doc, section, id)?.get(field)).toBeInstanceOf(Y.Text);
      expect(fieldText(findItemMap(doc, section, id)?.get(field))).toBe(expected);
    }
  });

  it('merges typing inside a run of equal characters at the caret, not at the end of the run', () => {
    const { a, b, exchange } = twoPeople((doc) => addHypothesis(doc, { statement: 'aa' }));
    const mapA = a.getArray<Y.Map<unknown>>(HYPOTHESES_SECTION).get(0);
    const mapB = b.getArray<Y.Map<unknown>>(HYPOTHESES_SECTION).get(0);
    a.transact(() => setFieldText(mapA, 'statement', 'aXa', 2)); // typed X between the two a's
    b.transact(() => setFieldText(mapB, 'statement', 'aaY', 3));
    exchange();
    expect(readHypotheses(a)[0]?.statement).toBe('aXaY');
    expect(readHypotheses(b)[0]?.statement).toBe('aXaY');
  });

  it('creates new items with their free-text fields as Y.Text and choices as plain values', () => {
    const doc = new Y.Doc();
    addHypothesis(doc, { statement: 'S' });
    addAction(doc, 'domein_wonen', { wat: 'Kamer zoeken', wanneer: '2026-09-01', wet: 'Wmo' });
    addChecklistItem(doc, 'DigiD');
    const hypothesis = doc.getArray<Y.Map<unknown>>(HYPOTHESES_SECTION).get(0);
    const action = doc.getArray<Y.Map<unknown>>('domein_wonen').get(0);
    const check = doc.getArray<Y.Map<unknown>>(CHECKLIST_SECTION).get(0);
    for (const [map, key] of [
      [hypothesis, 'statement'],
      [hypothesis, 'evidence'],
      [action, 'wat'],
      [action, 'wie'],
      [action, 'bron'],
      [check, 'tekst'],
    ] as const)
      expect(map.get(key), key).toBeInstanceOf(Y.Text);
    expect([hypothesis.get('id'), hypothesis.get('status')]).toEqual([expect.any(String), 'open']);
    expect([action.get('wanneer'), action.get('wet')]).toEqual(['2026-09-01', 'Wmo']);
    expect(check.get('klaar')).toBe(false);
    // An empty bron is no bron, as before.
    expect(readActions(doc, 'domein_wonen')[0]).not.toHaveProperty('bron');
  });

  it('refuses to add an item to a section that holds none, with a clear error, and writes nothing', () => {
    const doc = new Y.Doc();
    expect(() => addItem(doc, 'veiligheid', { statement: 'x' })).toThrow('section "veiligheid" holds no items');
    expect(doc.share.size).toBe(0);
    expect(updateItem(doc, 'veiligheid', 'x', { statement: 'x' })).toBe(false);
  });
});

describe('documents written before Y.Text fields', () => {
  it('reads plain strings and Y.Text alike, also mixed in one item', () => {
    const doc = new Y.Doc();
    addLegacyHypothesis(doc, 'h1', 'Spanning thuis');
    const mixed = newItemMap('hypothesis', { id: 'h2', statement: 'Nieuw', status: 'open' });
    doc.getArray(HYPOTHESES_SECTION).push([mixed]);
    mixed.set('evidence', 'als gewone tekst');
    expect(readHypotheses(doc)).toEqual([
      {
        id: 'h1',
        statement: 'Spanning thuis',
        evidence: 'Verzuim vooral op maandag',
        status: 'supported',
        mechanisme: '',
      },
      { id: 'h2', statement: 'Nieuw', evidence: 'als gewone tekst', status: 'open', mechanisme: '' },
    ]);
    // What the server writes for a meeting decision in a life domain (wet null, bron a reference).
    const action = new Y.Map<unknown>();
    doc.getArray('domein_wonen').push([action]);
    for (const [k, v] of Object.entries({ id: 'a1', wat: 'Bezichtiging', wie: 'Lotte', wanneer: '2026-04-01' }))
      action.set(k, v);
    action.set('wet', null);
    action.set('bron', new Y.Text('meeting:m1'));
    expect(readActions(doc, 'domein_wonen')).toEqual([
      { id: 'a1', wat: 'Bezichtiging', wie: 'Lotte', wanneer: '2026-04-01', wet: '', bron: 'meeting:m1' },
    ]);
    const check = new Y.Map<unknown>();
    doc.getArray(CHECKLIST_SECTION).push([check]);
    check.set('id', 'c1');
    check.set('tekst', 'ID-kaart');
    check.set('klaar', true);
    expect(readChecklist(doc)).toEqual([{ id: 'c1', tekst: 'ID-kaart', klaar: true }]);
  });

  it('converts a plain string to a Y.Text on the first edit, in one change, and merges from then on', () => {
    const { a, b, exchange } = twoPeople((doc) => addLegacyHypothesis(doc, 'h1', 'Spanning thuis'));
    // Writing the same text again is no change: nothing is converted.
    expect(updatesOf(a, () => updateItem(a, HYPOTHESES_SECTION, 'h1', { statement: 'Spanning thuis' }))).toEqual([]);
    expect(
      updatesOf(a, () => updateItem(a, HYPOTHESES_SECTION, 'h1', { statement: 'Spanning thuis houdt aan' })),
    ).toHaveLength(1);
    const statement = findItemMap(a, HYPOTHESES_SECTION, 'h1')?.get('statement');
    expect(statement).toBeInstanceOf(Y.Text);
    expect(String(statement)).toBe('Spanning thuis houdt aan');
    // The other field stays a plain string until it is edited.
    expect(findItemMap(a, HYPOTHESES_SECTION, 'h1')?.get('evidence')).toBe('Verzuim vooral op maandag');
    exchange();
    updateItem(a, HYPOTHESES_SECTION, 'h1', { statement: 'Spanning thuis houdt aan, zegt Daan' });
    updateItem(b, HYPOTHESES_SECTION, 'h1', { statement: 'Volgens school: Spanning thuis houdt aan' });
    exchange();
    for (const doc of [a, b])
      expect(readHypotheses(doc)[0]).toEqual({
        id: 'h1',
        statement: 'Volgens school: Spanning thuis houdt aan, zegt Daan',
        evidence: 'Verzuim vooral op maandag',
        status: 'supported',
        mechanisme: '',
      });
  });

  it('two people converting the same plain field at once: one conversion wins, the same for both, once', () => {
    const { a, b, exchange } = twoPeople((doc) => addLegacyHypothesis(doc, 'h1', 'Spanning'));
    updateItem(a, HYPOTHESES_SECTION, 'h1', { statement: 'Spanning thuis' });
    updateItem(b, HYPOTHESES_SECTION, 'h1', { statement: 'Veel spanning' });
    exchange();
    const after = readHypotheses(a)[0]?.statement;
    expect(['Spanning thuis', 'Veel spanning']).toContain(after);
    expect(readHypotheses(b)[0]?.statement).toBe(after);
    // From here on both edit the same Y.Text: both keep their words.
    updateItem(a, HYPOTHESES_SECTION, 'h1', { statement: `${after}!` });
    updateItem(b, HYPOTHESES_SECTION, 'h1', { statement: `¡${after}` });
    exchange();
    expect(readHypotheses(a)[0]?.statement).toBe(`¡${after}!`);
    expect(readHypotheses(b)[0]?.statement).toBe(`¡${after}!`);
  });

  it('makes a missing or malformed field an empty Y.Text when it is first edited', () => {
    const doc = new Y.Doc();
    const map = new Y.Map<unknown>();
    doc.getArray(HYPOTHESES_SECTION).push([map]);
    map.set('id', 'h1');
    map.set('evidence', 42);
    doc.transact(() => {
      expect(textFieldOf(map, 'statement').toString()).toBe('');
      expect(textFieldOf(map, 'evidence').toString()).toBe('');
    });
    expect(readHypotheses(doc)[0]).toMatchObject({ statement: '', evidence: '' });
  });
});

describe('the cap on item text', () => {
  const long = 'x'.repeat(MAX_ITEM_TEXT + 500);

  it('shows at most MAX_ITEM_TEXT code units of a longer field, in either form, and keeps the rest stored', () => {
    const doc = new Y.Doc();
    addLegacyHypothesis(doc, 'h1', long);
    const id = addAction(doc, 'domein_wonen');
    const wat = findItemMap(doc, 'domein_wonen', id)?.get('wat') as Y.Text;
    wat.insert(0, long); // someone else's client wrote more than the input allows
    expect(readHypotheses(doc)[0]?.statement).toHaveLength(MAX_ITEM_TEXT);
    expect(readActions(doc, 'domein_wonen')[0]?.wat).toHaveLength(MAX_ITEM_TEXT);
    expect(wat.length).toBe(long.length);
  });

  it('cuts what is written at the cap, without splitting an emoji', () => {
    const doc = new Y.Doc();
    const id = addHypothesis(doc, { statement: long });
    expect(String(findItemMap(doc, HYPOTHESES_SECTION, id)?.get('statement'))).toHaveLength(MAX_ITEM_TEXT);
    const edge = `${'a'.repeat(MAX_ITEM_TEXT - 1)}😀`;
    updateItem(doc, HYPOTHESES_SECTION, id, { evidence: edge });
    expect(readHypotheses(doc)[0]?.evidence).toBe('a'.repeat(MAX_ITEM_TEXT - 1));
  });
});
