import { getSchema } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import StarterKit from '@tiptap/starter-kit';
import { describe, expect, it } from 'vitest';
import { sentenceSpans, sentencesOf } from './passages';

const schema = getSchema([StarterKit]);
const doc = (json: unknown): PMNode => schema.nodeFromJSON(json);
const text = (value: string, marks?: string[]) => ({
  type: 'text',
  text: value,
  marks: marks?.map((type) => ({ type })),
});
const paragraph = (...content: unknown[]) => ({ type: 'paragraph', content });

/** Every passage's text must be exactly what the document holds between its positions. */
function expectExact(d: PMNode, passages: ReturnType<typeof sentencesOf>) {
  for (const p of passages) expect(d.textBetween(p.from, p.to)).toBe(p.text);
}

describe('sentenceSpans', () => {
  it('ends a sentence at its punctuation when the next word starts like a sentence', () => {
    const t = 'Daan is 14. Hij zit thuis! Waarom? "Ik durf niet." Dat zegt hij.';
    expect(sentenceSpans(t).map(([a, b]) => t.slice(a, b).trim())).toEqual([
      'Daan is 14.',
      'Hij zit thuis!',
      'Waarom?',
      '"Ik durf niet."',
      'Dat zegt hij.',
    ]);
  });

  it('keeps Dutch abbreviations inside their sentence', () => {
    const t = 'Hij gaat o.a. naar voetbal, bijv. op zaterdag. Dat d.w.z. veel.';
    expect(sentenceSpans(t).map(([a, b]) => t.slice(a, b).trim())).toEqual([
      'Hij gaat o.a. naar voetbal, bijv. op zaterdag.',
      'Dat d.w.z. veel.',
    ]);
  });

  it('takes the end of the text and a line break as the end of a sentence', () => {
    const t = 'Eerste regel zonder punt\nTweede regel';
    expect(sentenceSpans(t).map(([a, b]) => t.slice(a, b))).toEqual(['Eerste regel zonder punt', 'Tweede regel']);
    expect(sentenceSpans('')).toEqual([]);
  });
});

describe('sentencesOf', () => {
  it('gives each sentence of each paragraph with its exact positions, across bold and italic', () => {
    const d = doc({
      type: 'doc',
      content: [
        paragraph(
          text('Daan is '),
          text('sportief', ['bold']),
          text('. Hij '),
          text('durft', ['italic']),
          text(' niet.'),
        ),
        paragraph(text('Tweede alinea.')),
      ],
    });
    const passages = sentencesOf(d);
    expect(passages.map((p) => p.text)).toEqual(['Daan is sportief.', 'Hij durft niet.', 'Tweede alinea.']);
    expectExact(d, passages);
  });

  it('reads list items and line breaks, and skips empty paragraphs and stray punctuation', () => {
    const d = doc({
      type: 'doc',
      content: [
        { type: 'paragraph' },
        paragraph(text('...')),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph(text('Houdt van voetbal'))] },
            { type: 'listItem', content: [paragraph(text('Eerst dit'), { type: 'hardBreak' }, text('dan dat.'))] },
          ],
        },
      ],
    });
    const passages = sentencesOf(d);
    expect(passages.map((p) => p.text)).toEqual(['Houdt van voetbal', 'Eerst dit', 'dan dat.']);
    expectExact(d, passages);
  });

  it('stops at the limit', () => {
    const many = Array.from({ length: 30 }, (_, i) => `Zin ${i + 1}.`).join(' ');
    const d = doc({ type: 'doc', content: [paragraph(text(many)), paragraph(text('Nog een.'))] });
    const passages = sentencesOf(d, 25);
    expect(passages).toHaveLength(25);
    expect(passages[24]?.text).toBe('Zin 25.');
    expectExact(d, passages);
  });
});
