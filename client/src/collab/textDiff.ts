/**
 * Minimal single-range difference between two strings (common prefix and suffix), in UTF-16 code
 * units like Y.Text indexes. Never splits a surrogate pair, so emoji stay intact.
 */

export interface TextChange {
  index: number;
  /** Number of code units removed at `index`. */
  remove: number;
  /** Text inserted at `index`. */
  insert: string;
}

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * `cursor` (the caret after the edit, if known) resolves ambiguity: typing "a" between two "a"s
 * should insert at the caret, not at the end of the run.
 */
export function diffText(before: string, after: string, cursor?: number): TextChange | null {
  if (before === after) return null;
  const minLength = Math.min(before.length, after.length);

  let prefix = 0;
  while (prefix < minLength && before.charCodeAt(prefix) === after.charCodeAt(prefix)) prefix++;
  if (cursor !== undefined) {
    // The edit ends at the caret, so it starts no later than caret - (growth in length).
    const latestStart = cursor - Math.max(0, after.length - before.length);
    if (latestStart >= 0 && latestStart < prefix) prefix = latestStart;
  }
  if (prefix > 0 && isHighSurrogate(before.charCodeAt(prefix - 1))) prefix--;

  let suffix = 0;
  const maxSuffix = minLength - prefix;
  while (
    suffix < maxSuffix &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  ) {
    suffix++;
  }
  if (suffix > 0 && isLowSurrogate(before.charCodeAt(before.length - suffix))) suffix--;

  return {
    index: prefix,
    remove: before.length - prefix - suffix,
    insert: after.slice(prefix, after.length - suffix),
  };
}

/** The first `max` code units of `text`, one less when that would split a surrogate pair. */
export function cutText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = Math.max(0, max);
  return text.slice(0, end > 0 && isHighSurrogate(text.charCodeAt(end - 1)) ? end - 1 : end);
}

/** The delta (see `Delta`) of one `TextChange`. */
export function changeDelta(change: TextChange): Delta {
  return [{ retain: change.index }, { delete: change.remove }, { insert: change.insert }];
}

/** A Yjs text delta (Y.YTextEvent#delta): retain / insert / delete, walking the old text. */
export type Delta = ReadonlyArray<{ insert?: unknown; delete?: number; retain?: number }>;

/**
 * Maps a position in the old text to the new text after a (remote) change. Text inserted exactly at
 * the position ends up after it, unless `moveWithInsert` is true; then the position moves past it.
 */
export function transformPosition(position: number, delta: Delta, moveWithInsert = false): number {
  let oldIndex = 0;
  let shift = 0;
  for (const op of delta) {
    if (oldIndex > position) break;
    if (op.retain !== undefined) {
      oldIndex += op.retain;
    } else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1;
      if (oldIndex < position || (moveWithInsert && oldIndex === position)) shift += length;
    } else if (op.delete !== undefined) {
      if (position > oldIndex) shift -= Math.min(op.delete, position - oldIndex);
      oldIndex += op.delete;
    }
  }
  return Math.max(0, position + shift);
}
