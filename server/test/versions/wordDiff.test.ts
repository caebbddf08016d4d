import { describe, expect, it } from 'vitest';
import { type DiffPart, wordDiff, wordTokens } from '../../src/versions/wordDiff.js';

const side = (parts: DiffPart[], keep: 'insert' | 'delete') =>
  parts
    .filter((p) => p.op === 'equal' || p.op === keep)
    .map((p) => p.text)
    .join('');

describe('wordDiff', () => {
  it('splits into words and the whitespace between them', () => {
    expect(wordTokens('Noor  gaat\nnaar school.')).toEqual(['Noor', '  ', 'gaat', '\n', 'naar', ' ', 'school.']);
    expect(wordTokens('')).toEqual([]);
  });

  it('equal texts are one equal part; empty texts no parts', () => {
    expect(wordDiff('zelfde tekst', 'zelfde tekst')).toEqual([{ op: 'equal', text: 'zelfde tekst' }]);
    expect(wordDiff('', '')).toEqual([]);
  });

  it('reports a replaced word as a delete and an insert, whole words only', () => {
    expect(wordDiff('Noor gaat graag naar school', 'Noor gaat soms naar school')).toEqual([
      { op: 'equal', text: 'Noor gaat ' },
      { op: 'delete', text: 'graag' },
      { op: 'insert', text: 'soms' },
      { op: 'equal', text: ' naar school' },
    ]);
  });

  it('finds insertions and deletions in the middle and at the ends', () => {
    expect(wordDiff('a b c', 'x a c y')).toEqual([
      { op: 'insert', text: 'x ' },
      { op: 'equal', text: 'a ' },
      { op: 'delete', text: 'b ' },
      { op: 'equal', text: 'c' },
      { op: 'insert', text: ' y' },
    ]);
    expect(wordDiff('', 'nieuw')).toEqual([{ op: 'insert', text: 'nieuw' }]);
    expect(wordDiff('weg', '')).toEqual([{ op: 'delete', text: 'weg' }]);
  });

  it('always rebuilds both texts exactly, and merges neighbouring parts of one kind', () => {
    const words = ['school', 'thuis', 'vader', 'moeder', 'zorg', 'ruzie', 'vrienden', '.', ','];
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const text = () =>
      Array.from({ length: Math.floor(rand() * 30) }, () => words[Math.floor(rand() * words.length)]).join(
        rand() < 0.2 ? '\n' : ' ',
      );
    for (let i = 0; i < 200; i++) {
      const a = text();
      const b = text();
      const parts = wordDiff(a, b);
      expect(side(parts, 'delete')).toBe(a);
      expect(side(parts, 'insert')).toBe(b);
      for (let j = 1; j < parts.length; j++) expect(parts[j]?.op).not.toBe(parts[j - 1]?.op);
    }
  });

  it('keeps the longest common run of words', () => {
    const parts = wordDiff('de hulp tot nu toe werkt niet', 'de hulp werkt nu wel');
    const kept = parts.filter((p) => p.op === 'equal').map((p) => p.text);
    expect(kept.join('|')).toBe('de hulp | nu ');
  });

  it('stays bounded on very different long texts', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `a${i}`).join(' ');
    const b = Array.from({ length: 5000 }, (_, i) => `b${i}`).join(' ');
    const parts = wordDiff(a, b);
    expect(side(parts, 'delete')).toBe(a);
    expect(side(parts, 'insert')).toBe(b);
  });
});

describe('wordDiff on long sections', () => {
  it('diffs a 20,000-word section with scattered changes word by word, where the old LCS gave up', () => {
    let seed = 11;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const vocabulary = [
      'Noor',
      'gaat',
      'naar',
      'school',
      'thuis',
      'is',
      'het',
      'rustig',
      'de',
      'hulp',
      'werkt',
      'wel.',
    ];
    const words = Array.from({ length: 20_000 }, () => vocabulary[Math.floor(rand() * vocabulary.length)] as string);
    const changed = [...words];
    const edits: number[] = [];
    for (let i = 0; i < 150; i++) {
      const at = Math.floor(rand() * changed.length);
      edits.push(at);
      const kind = i % 3;
      if (kind === 0) changed[at] = `nieuw${i}`;
      else if (kind === 1) changed.splice(at, 1);
      else changed.splice(at, 0, `erbij${i}`);
    }
    const before = words.join(' ');
    const after = changed.join(' ');
    const parts = wordDiff(before, after);
    // Reapplying the diff gives both texts exactly.
    expect(side(parts, 'delete')).toBe(before);
    expect(side(parts, 'insert')).toBe(after);
    // Word by word, not one delete of everything and one insert: the changes are small.
    const insertedWords = parts.filter((p) => p.op === 'insert').flatMap((p) => wordTokens(p.text.trim()));
    const deletedWords = parts.filter((p) => p.op === 'delete').flatMap((p) => wordTokens(p.text.trim()));
    expect(insertedWords.filter((w) => w.trim() !== '').length).toBeLessThanOrEqual(100);
    expect(deletedWords.filter((w) => w.trim() !== '').length).toBeLessThanOrEqual(100);
    expect(insertedWords).toEqual(expect.arrayContaining(['nieuw0', 'erbij2']));
    expect(parts.filter((p) => p.op === 'equal').reduce((n, p) => n + p.text.length, 0)).toBeGreaterThan(
      before.length * 0.95,
    );
  });
});
