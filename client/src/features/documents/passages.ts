/**
 * The sentences of a section, with where each lies in the editor: what someone can react to without
 * selecting text. Selecting inside a read-only text is impossible with the keyboard alone (there is no
 * caret) and fiddly on a phone, so the comment form offers these as a list.
 *
 * Pure: a ProseMirror document in, ranges out. Positions are exact, so a range becomes the same Yjs
 * anchor a mouse selection of that sentence would give.
 */
import type { Node as PMNode } from '@tiptap/pm/model';

export interface Passage {
  from: number;
  to: number;
  text: string;
}

/** More sentences than anyone scrolls through in a list; the rest can be reached by selecting. */
export const MAX_PASSAGES = 200;

// Where a sentence ends: closing punctuation (with closing quotes or brackets) followed by the end of
// the text or by a word that starts like a sentence, or a line break. "o.a. naar school" or "bijv. de
// trein" is one sentence: the next word starts in lower case.
const SENTENCE_END = /[.!?…]+["'”’)\]]*(?=\s+[\p{Lu}\p{N}"'“‘(]|\s*$)|\n/gu;

/** [start, end) of every sentence in a text, untrimmed. */
export function sentenceSpans(text: string): Array<[number, number]> {
  const spans: Array<[number, number]> = [];
  let start = 0;
  for (const match of text.matchAll(SENTENCE_END)) {
    const at = match.index ?? 0;
    spans.push([start, match[0] === '\n' ? at : at + match[0].length]);
    start = at + match[0].length;
  }
  if (start < text.length) spans.push([start, text.length]);
  return spans;
}

/** One textblock's text, with the document position of every character (a line break counts as "\n"). */
function blockText(block: PMNode, start: number): { text: string; positions: number[] } {
  let text = '';
  const positions: number[] = [];
  block.forEach((child, offset) => {
    const at = start + 1 + offset;
    if (child.isText) {
      const value = child.text ?? '';
      for (let i = 0; i < value.length; i += 1) positions.push(at + i);
      text += value;
    } else {
      positions.push(at);
      text += '\n';
    }
  });
  return { text, positions };
}

export function sentencesOf(doc: PMNode, limit = MAX_PASSAGES): Passage[] {
  const out: Passage[] = [];
  doc.descendants((node, pos) => {
    if (out.length >= limit) return false;
    if (!node.isTextblock) return true;
    const { text, positions } = blockText(node, pos);
    for (const [start, end] of sentenceSpans(text)) {
      if (out.length >= limit) break;
      const raw = text.slice(start, end);
      const sentence = raw.trim();
      if (!/[\p{L}\p{N}]/u.test(sentence)) continue; // stray punctuation is not something to react to
      const first = start + raw.length - raw.trimStart().length;
      const from = positions[first];
      const last = positions[first + sentence.length - 1];
      if (from === undefined || last === undefined) continue;
      out.push({ from, to: last + 1, text: sentence });
    }
    return false;
  });
  return out;
}
