/**
 * A word-level difference of two texts, for comparing versions of a section. Pure. Tokens are words and
 * the whitespace between them, so joining the 'equal' and 'insert' parts gives the new text exactly and
 * 'equal' and 'delete' the old one. A weighted LCS over the tokens after trimming the common prefix and
 * suffix.
 */
export type DiffOp = 'equal' | 'insert' | 'delete';
export interface DiffPart {
  op: DiffOp;
  text: string;
}

/** Above this many LCS cells the middle is reported as one delete + one insert (bounded time and memory). */
const MAX_CELLS = 4_000_000;

export function wordTokens(text: string): string[] {
  return text.match(/\s+|[^\s]+/g) ?? [];
}

function push(out: DiffPart[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = out.at(-1);
  if (last && last.op === op) last.text += text;
  else out.push({ op, text });
}

/** A shared word counts more than shared whitespace, so the diff lines up words, not the gaps between them. */
const weight = (token: string) => (/^\s/.test(token) ? 1 : 2);

function lcsDiff(a: string[], b: string[], out: DiffPart[]): void {
  const n = a.length;
  const m = b.length;
  if (n * m > MAX_CELLS) {
    push(out, 'delete', a.join(''));
    push(out, 'insert', b.join(''));
    return;
  }
  // lengths[i][j] = LCS of a[i..] and b[j..], row-major in one typed array.
  const w = m + 1;
  const lengths = new Uint32Array((n + 1) * w);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      const skip = Math.max(lengths[(i + 1) * w + j] ?? 0, lengths[i * w + j + 1] ?? 0);
      lengths[i * w + j] =
        a[i] === b[j] ? Math.max(skip, (lengths[(i + 1) * w + j + 1] ?? 0) + weight(a[i] as string)) : skip;
    }
  }
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    const here = lengths[i * w + j] ?? 0;
    if (a[i] === b[j] && here === (lengths[(i + 1) * w + j + 1] ?? 0) + weight(a[i] as string)) {
      push(out, 'equal', a[i++] as string);
      j++;
    } else if ((lengths[(i + 1) * w + j] ?? 0) >= (lengths[i * w + j + 1] ?? 0)) {
      push(out, 'delete', a[i++] as string);
    } else {
      push(out, 'insert', b[j++] as string);
    }
  }
  while (i < n) push(out, 'delete', a[i++] as string);
  while (j < m) push(out, 'insert', b[j++] as string);
}

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = wordTokens(before);
  const b = wordTokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const out: DiffPart[] = [];
  push(out, 'equal', a.slice(0, start).join(''));
  lcsDiff(a.slice(start, endA), b.slice(start, endB), out);
  push(out, 'equal', a.slice(endA).join(''));
  return out;
}
