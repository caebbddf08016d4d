import { describe, expect, it } from 'vitest';
import { changeCounts, chronological, itemText, sectionLines, toggleChoice } from './content';

describe('version content as text', () => {
  it('reads items like the server export does', () => {
    expect(itemText({ id: 'h1', text: 'Spanning thuis', status: 'open' })).toBe('Spanning thuis — stand: open');
    expect(itemText({ wat: 'Kamer zoeken', wie: 'Pien' })).toBe('Kamer zoeken — wie: Pien');
    expect(itemText({ id: 'h2', statement: 'Spanning thuis', evidence: 'verzuim', status: 'supported' })).toBe(
      'Spanning thuis — waarom: verzuim — stand: ondersteund',
    );
    expect(itemText({ id: 'c1', tekst: 'ID-kaart', klaar: true })).toBe('ID-kaart — klaar');
    expect(itemText('los')).toBe('los');
  });

  it('splits rich text into paragraphs and leaves empty ones out', () => {
    expect(sectionLines({ title: 't', content: 'richText', text: 'Een\n\nTwee' })).toEqual(['Een', 'Twee']);
    expect(sectionLines({ title: 't', content: 'unreadable', error: 'x' })).toEqual([]);
  });

  it('counts added and removed pieces, not whitespace', () => {
    expect(
      changeCounts([
        { op: 'equal', text: 'Noor gaat ' },
        { op: 'delete', text: 'niet' },
        { op: 'insert', text: 'weer' },
        { op: 'insert', text: ' ' },
        { op: 'equal', text: ' naar school.' },
        { op: 'insert', text: ' Elke dag.' },
      ]),
    ).toEqual({ inserted: 2, deleted: 1 });
  });

  it('puts two chosen versions in reading order, the current text last', () => {
    expect(chronological(['b', 'a'], ['a', 'b', 'c'])).toEqual(['a', 'b']);
    expect(chronological(['current', 'c'], ['a', 'b', 'c'])).toEqual(['c', 'current']);
  });

  it('keeps at most two choices, dropping the earliest', () => {
    expect(toggleChoice([], 'a')).toEqual(['a']);
    expect(toggleChoice(['a', 'b'], 'c')).toEqual(['b', 'c']);
    expect(toggleChoice(['a', 'b'], 'a')).toEqual(['b']);
  });
});
