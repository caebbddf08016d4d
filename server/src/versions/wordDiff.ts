/**
 * A word-level difference of two texts, for comparing versions of a section: jsdiff's
 * `diffWordsWithSpace` (Myers' O(ND) algorithm, so a long section with a few changes is fast). Pure.
 * Parts are words and the whitespace between them, neighbouring parts of one kind merged, so joining
 * the 'equal' and 'insert' parts gives the new text exactly and 'equal' and 'delete' the old one.
 */
import { diffWordsWithSpace } from 'diff';

export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/**
 * Beyond this many edits (two texts that share almost nothing) the difference is reported as one
 * delete and one insert: the result is as useful and time and memory stay bounded.
 */
const MAX_EDITS = 2_000;

export function wordTokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(out: DiffPart[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const out: DiffPart[] = [];
  const changes = diffWordsWithSpace(before, after, { maxEditLength: MAX_EDITS });
  if (!changes) {
    push(out, 'delete', before);
    push(out, 'insert', after);
    return out;
  }
  // jsdiff may alternate removed and added runs inside one change; deletes go before inserts there.
  let deleted = '';
  let inserted = '';
  const flush = () => {
    push(out, 'delete', deleted);
    push(out, 'insert', inserted);
    deleted = '';
    inserted = '';
  };
  for (const c of changes) {
    if (c.removed) deleted += c.value;
    else if (c.added) inserted += c.value;
    else {
      flush();
      push(out, 'equal', c.value);
    }
  }
  flush();
  return out;
}
