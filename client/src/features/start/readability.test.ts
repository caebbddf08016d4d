/**
 * Every text the young person and parents read on the start page and in the section navigation passes
 * the readability check of shared/src/readability.ts (LIX ≤ 40, no forbidden jargon) — in Dutch, the
 * language they use. Texts with a placeholder are checked with a typical first name and date filled in.
 */
import { readabilityProblems } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { m as docs } from '../documents/messages';
import { tm as template } from '../documents/templateMessages';
import { tocMessages } from '../documents/tocMessages';
import { startMessages } from './messages';

/** All strings of a catalogue, functions called with plain sample values. */
function textsOf(value: unknown, path: string): Array<[string, string]> {
  if (typeof value === 'string') return [[path, value]];
  if (typeof value === 'function') {
    const fn = value as (...args: unknown[]) => unknown;
    const samples = [fn('Daan', false), fn('Daan', true), fn('3 maart om 10:00', true)];
    return samples.flatMap((s, i) => textsOf(s, `${path}(${i})`));
  }
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => textsOf(v, path ? `${path}.${k}` : k));
  return [];
}

const start = textsOf(startMessages.nl, 'start');
const toc = textsOf(tocMessages.nl, 'toc');

describe('readability of what the young person and parents read', () => {
  it('covers the start page and the navigation', () => {
    expect(start.length).toBeGreaterThan(30);
    expect(toc.length).toBeGreaterThan(5);
  });

  it.each([...start, ...toc])('%s passes (LIX ≤ 40, no jargon): "%s"', (_path, text) => {
    expect(readabilityProblems(text)).toEqual([]);
  });
});

describe('the words around their own part on the document page', () => {
  const own: Array<[string, string | undefined]> = [
    ['intro.analysis', docs.intro.analysis],
    ['intro.futurePlan', docs.intro.futurePlan],
    ['hint.hulpvraag_jeugdige', docs.hints.analysis.hulpvraag_jeugdige ?? template.hints.hulpvraag_jeugdige],
    ['hint.toekomstbeeld_jeugdige', docs.hints.futurePlan.toekomstbeeld_jeugdige],
    ['parentHintYours', template.parentHintYours],
    ['parentHint', template.parentHint('Marieke')],
    ['ownWordsYours', docs.ownWordsYours],
    ['mayComment', docs.mayComment],
    ['mayRead', docs.mayRead],
  ];
  it.each(own)('%s passes: "%s"', (_name, text) => {
    expect(text).toBeTruthy();
    expect(readabilityProblems(text ?? '')).toEqual([]);
  });
});
