import { describe, expect, it } from 'vitest';
import { changeDelta, cutText, diffText, transformPosition } from './textDiff';

function apply(before: string, change: ReturnType<typeof diffText>): string {
  if (!change) return before;
  return before.slice(0, change.index) + change.insert + before.slice(change.index + change.remove);
}

describe('diffText', () => {
  it('finds a single insertion, deletion and replacement', () => {
    expect(diffText('hallo', 'hallo!')).toEqual({ index: 5, remove: 0, insert: '!' });
    expect(diffText('hallo', 'hal')).toEqual({ index: 3, remove: 2, insert: '' });
    expect(diffText('de kat', 'de hond')).toEqual({ index: 3, remove: 3, insert: 'hond' });
    expect(diffText('gelijk', 'gelijk')).toBeNull();
  });

  it('uses the caret to place an edit inside a run of equal characters', () => {
    // typed "a" at position 1 of "aa": the caret is at 2 afterwards
    expect(diffText('aa', 'aaa', 2)).toEqual({ index: 1, remove: 0, insert: 'a' });
    // backspace at position 2 of "aaa": the caret is at 1 afterwards
    expect(diffText('aaa', 'aa', 1)).toEqual({ index: 1, remove: 1, insert: '' });
  });

  it('never splits a surrogate pair', () => {
    const before = 'x😀y';
    const after = 'x😃y'; // same high surrogate, different low surrogate
    const change = diffText(before, after);
    expect(change).toEqual({ index: 1, remove: 2, insert: '😃' });
    const removed = diffText('😀😀', '😀');
    expect(removed?.remove).toBe(2);
    expect(apply('😀😀', removed)).toBe('😀');
  });

  it('round-trips random edits', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const alphabet = ['a', 'b', ' ', '\n', 'é', '😀'];
    for (let i = 0; i < 500; i++) {
      const make = () =>
        Array.from({ length: Math.floor(random() * 8) }, () => alphabet[Math.floor(random() * 6)]).join('');
      const before = make();
      const after = make();
      expect(apply(before, diffText(before, after))).toBe(after);
    }
  });
});

describe('transformPosition', () => {
  it('moves a caret after an insertion before it, not after one behind it', () => {
    expect(transformPosition(5, [{ insert: 'abc' }])).toBe(8);
    expect(transformPosition(5, [{ retain: 6 }, { insert: 'abc' }])).toBe(5);
  });

  it('keeps a caret in front of text inserted exactly at it, unless asked to move', () => {
    expect(transformPosition(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5);
    expect(transformPosition(5, [{ retain: 5 }, { insert: 'abc' }], true)).toBe(8);
  });

  it('handles deletions before, around and after the caret', () => {
    expect(transformPosition(5, [{ delete: 2 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 3 }, { delete: 5 }])).toBe(3);
    expect(transformPosition(5, [{ retain: 5 }, { delete: 5 }])).toBe(5);
    expect(transformPosition(5, [{ retain: 1 }, { delete: 1 }, { retain: 1 }, { insert: 'xy' }])).toBe(6);
  });
});

describe('cutText', () => {
  it('keeps at most max code units, and never half an emoji', () => {
    expect(cutText('hallo', 10)).toBe('hallo');
    expect(cutText('hallo', 3)).toBe('hal');
    expect(cutText('ab😀', 3)).toBe('ab');
    expect(cutText('ab😀', 4)).toBe('ab😀');
    expect(cutText('hallo', -2)).toBe('');
  });
});

describe('changeDelta', () => {
  it('moves a caret through a change like the equivalent Yjs delta', () => {
    const change = diffText('Spanning thuis', 'Volgens school: Spanning thuis');
    if (!change) throw new Error('no change');
    // A caret at the end of "Spanning" stays behind that word.
    expect(transformPosition(8, changeDelta(change))).toBe(24);
    const removed = diffText('de kat slaapt', 'de slaapt');
    if (!removed) throw new Error('no change');
    expect(transformPosition(13, changeDelta(removed))).toBe(9);
  });
});
