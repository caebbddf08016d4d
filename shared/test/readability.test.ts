/** The readability formula (LIX) and the jargon list of shared/src/readability.ts, on known texts. */
import { describe, expect, it } from 'vitest';
import {
  jargonIn,
  LIX_MAX,
  lix,
  lixSentences,
  lixWords,
  PLAIN_GROUP_TITLES,
  PLAIN_PARENT_PART_TITLE,
  PLAIN_SECTION_TITLES,
  readabilityProblems,
  SECTION_GROUPS,
} from '../src/index.js';

describe('LIX', () => {
  it('counts words, sentences and long words (more than 6 letters) as Björnsson defined', () => {
    expect(lixWords("Wat gaat goed en wat is moeilijk? Zo'n dag.")).toEqual([
      'Wat',
      'gaat',
      'goed',
      'en',
      'wat',
      'is',
      'moeilijk',
      "Zo'n",
      'dag',
    ]);
    expect(lixSentences('Eén. Twee! Drie? En vier')).toBe(4);
    // 7 words, 1 sentence, 1 long word ("moeilijk"): 7 + 100/7.
    expect(lix('Wat gaat goed en wat is moeilijk?')).toBeCloseTo(7 + 100 / 7, 5);
    // The professional heading: 3 words, 2 long ("Probleem-" counts its letters only: 8; "krachtenanalyse").
    expect(lix('Probleem- en krachtenanalyse')).toBeCloseTo(3 + 200 / 3, 5);
    expect(lix('')).toBe(0);
  });

  it('tells an easy text from a hard one', () => {
    expect(lix('Ik wil weer naar school. Thuis is het vaak druk. Mijn moeder helpt mij.')).toBeLessThan(LIX_MAX);
    expect(
      lix('De multidisciplinaire casuïstiekbespreking resulteerde in een geïntegreerde verklarende probleemanalyse.'),
    ).toBeGreaterThan(LIX_MAX);
  });
});

describe('jargon', () => {
  it('finds forbidden words, also inflected or as the start of a compound, and abbreviations only whole', () => {
    expect(jargonIn('We toetsen twee hypothesen.')).toEqual(['hypothese']);
    expect(jargonIn('Het indicatiebesluit volgt.')).toEqual(['indicatie']);
    expect(jargonIn('Het MDO is morgen.')).toEqual(['mdo']);
    expect(jargonIn('Ik ga retour en ik ben thuis.')).toEqual([]);
    expect(jargonIn('Wat gaat goed en wat is moeilijk?')).toEqual([]);
  });
});

describe('the plain headings of the documents', () => {
  const texts = [
    ...Object.values(PLAIN_GROUP_TITLES).flatMap((t) => [t.nl]),
    ...Object.values(PLAIN_SECTION_TITLES).map((t) => t.nl),
    PLAIN_PARENT_PART_TITLE.nl,
  ];

  it.each(texts)('"%s" is easy to read and free of jargon', (text) => {
    expect(readabilityProblems(text)).toEqual([]);
  });

  it('every Bijlage 1 part has plain words, and the professional terms themselves would fail', () => {
    expect(Object.keys(PLAIN_GROUP_TITLES).sort()).toEqual(Object.keys(SECTION_GROUPS).sort());
    expect(readabilityProblems(SECTION_GROUPS.probleemEnKrachten.nl).length).toBeGreaterThan(0);
    expect(readabilityProblems(SECTION_GROUPS.verklarend.nl).length).toBeGreaterThan(0);
  });
});
