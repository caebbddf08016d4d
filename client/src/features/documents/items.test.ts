import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { updatesOf } from '../../collab/updatesOf';
import {
  addAction,
  addChecklistItem,
  addChecklistItems,
  addHypothesis,
  addSummaryPoint,
  CHECKLIST_SECTION,
  HYPOTHESES_SECTION,
  isOverdue,
  itemKindOf,
  readActions,
  readChecklist,
  readHypotheses,
  readSummary,
  removeItem,
  updateItem,
} from './items';

describe('items in a case document', () => {
  it('knows which sections hold which items', () => {
    expect(itemKindOf('hypothesen')).toBe('hypothesis');
    expect(itemKindOf('domein_wonen')).toBe('action');
    expect(itemKindOf('checklist_18')).toBe('checklist');
    expect(itemKindOf('veiligheid')).toBeNull();
  });

  it('adds, reads, updates and removes hypotheses as Y.Maps with an id', () => {
    const doc = new Y.Doc();
    const id = addHypothesis(doc, { statement: 'Spanning thuis houdt het verzuim in stand' });
    expect(readHypotheses(doc)).toEqual([
      { id, statement: 'Spanning thuis houdt het verzuim in stand', evidence: '', status: 'open', mechanisme: '' },
    ]);
    const item = doc.getArray(HYPOTHESES_SECTION).get(0);
    expect(item).toBeInstanceOf(Y.Map);
    expect((item as Y.Map<unknown>).get('id')).toBe(id);

    expect(
      updateItem(doc, HYPOTHESES_SECTION, id, { evidence: 'Verzuim vooral op maandag', status: 'supported' }),
    ).toBe(true);
    expect(readHypotheses(doc)[0]).toMatchObject({ evidence: 'Verzuim vooral op maandag', status: 'supported' });
    expect(removeItem(doc, HYPOTHESES_SECTION, id)).toBe(true);
    expect(readHypotheses(doc)).toEqual([]);
    expect(removeItem(doc, HYPOTHESES_SECTION, id)).toBe(false);
    expect(updateItem(doc, HYPOTHESES_SECTION, id, { statement: 'x' })).toBe(false);
  });

  it('writes one update per change, and none when nothing changes', () => {
    const doc = new Y.Doc();
    expect(updatesOf(doc, () => addHypothesis(doc))).toHaveLength(1);
    const id = readHypotheses(doc)[0]!.id;
    expect(updatesOf(doc, () => updateItem(doc, HYPOTHESES_SECTION, id, { status: 'open' }))).toHaveLength(0);
    expect(
      updatesOf(doc, () => updateItem(doc, HYPOTHESES_SECTION, id, { statement: 'a', evidence: 'b' })),
    ).toHaveLength(1);
    expect(updatesOf(doc, () => updateItem(doc, HYPOTHESES_SECTION, id, { id: 'other' }))).toHaveLength(0);
  });

  it('touches only its own section (the server checks every update per section)', () => {
    const doc = new Y.Doc();
    const update = updatesOf(doc, () => addAction(doc, 'domein_wonen', { wat: 'Kamer zoeken' }))[0]!;
    const probe = new Y.Doc();
    Y.applyUpdate(probe, update);
    expect([...probe.share.keys()]).toEqual(['domein_wonen']);
  });

  it('reads life-domain actions with checked dates and laws', () => {
    const doc = new Y.Doc();
    const id = addAction(doc, 'domein_inkomen', {
      wat: 'Bankrekening openen',
      wie: 'Sanne met Chris',
      wanneer: '2026-09-01',
      wet: 'Participatiewet',
    });
    expect(readActions(doc, 'domein_inkomen')).toEqual([
      { id, wat: 'Bankrekening openen', wie: 'Sanne met Chris', wanneer: '2026-09-01', wet: 'Participatiewet' },
    ]);
    updateItem(doc, 'domein_inkomen', id, { bron: 'overleg 12 maart' });
    expect(readActions(doc, 'domein_inkomen')[0]?.bron).toBe('overleg 12 maart');
    updateItem(doc, 'domein_inkomen', id, { bron: '' });
    expect(readActions(doc, 'domein_inkomen')[0]).not.toHaveProperty('bron');
    // Someone else's client wrote nonsense: it is shown as "not set", never trusted.
    updateItem(doc, 'domein_inkomen', id, { wanneer: 'morgen', wet: 'Belastingdienst' });
    expect(readActions(doc, 'domein_inkomen')[0]).toMatchObject({ wanneer: '', wet: '' });
  });

  it('skips malformed items instead of failing', () => {
    const doc = new Y.Doc();
    const array = doc.getArray<unknown>(HYPOTHESES_SECTION);
    array.push(['just a string', 42]);
    const noId = new Y.Map<unknown>();
    noId.set('statement', 'zonder id');
    array.push([noId]);
    const weird = new Y.Map<unknown>();
    weird.set('id', 'h1');
    weird.set('statement', 7);
    weird.set('status', 'maybe');
    array.push([weird]);
    expect(readHypotheses(doc)).toEqual([{ id: 'h1', statement: '', evidence: '', status: 'open', mechanisme: '' }]);
  });

  it('keeps a checklist with done flags, and adds the standard list in one change', () => {
    const doc = new Y.Doc();
    const updates = updatesOf(doc, () => addChecklistItems(doc, ['ID-kaart', 'Zorgverzekering']));
    expect(updates).toHaveLength(1);
    const id = addChecklistItem(doc, 'DigiD');
    updateItem(doc, CHECKLIST_SECTION, id, { klaar: true });
    expect(readChecklist(doc).map((i) => [i.tekst, i.klaar])).toEqual([
      ['ID-kaart', false],
      ['Zorgverzekering', false],
      ['DigiD', true],
    ]);
  });

  it('merges concurrent changes of two people', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    const id = addHypothesis(a, { statement: 'S' });
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    updateItem(a, HYPOTHESES_SECTION, id, { evidence: 'van A' });
    updateItem(b, HYPOTHESES_SECTION, id, { status: 'rejected' });
    addHypothesis(b, { statement: 'T' });
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b));
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a));
    expect(readHypotheses(a)).toEqual(readHypotheses(b));
    expect(readHypotheses(a)[0]).toMatchObject({ statement: 'S', evidence: 'van A', status: 'rejected' });
    expect(readHypotheses(a)).toHaveLength(2);
  });

  it('marks an action overdue only when its date has passed', () => {
    const base = { id: 'x', wat: '', wie: '', wet: '' as const };
    expect(isOverdue({ ...base, wanneer: '2026-03-01' }, '2026-03-02')).toBe(true);
    expect(isOverdue({ ...base, wanneer: '2026-03-02' }, '2026-03-02')).toBe(false);
    expect(isOverdue({ ...base, wanneer: '' }, '2026-03-02')).toBe(false);
  });
});

describe('002 Bijlage 1: a hypothesis names its mechanism; the summary is a list of points', () => {
  it('keeps a known mechanism, ignores an unknown one, and reads summary points in order', () => {
    const doc = new Y.Doc();
    const id = addHypothesis(doc, { statement: 'Spanning thuis' });
    updateItem(doc, HYPOTHESES_SECTION, id, { mechanisme: 'verergeren' });
    expect(readHypotheses(doc)[0]?.mechanisme).toBe('verergeren');
    updateItem(doc, HYPOTHESES_SECTION, id, { mechanisme: 'onzin' });
    expect(readHypotheses(doc)[0]?.mechanisme).toBe('');
    addSummaryPoint(doc, 'Sem wil voetballen 🙂');
    addSummaryPoint(doc, 'School is de sleutel');
    expect(readSummary(doc).map((p) => p.tekst)).toEqual(['Sem wil voetballen 🙂', 'School is de sleutel']);
  });
});
