/**
 * Two-way binding between a <textarea> or text <input> and a Y.Text.
 *
 * Local input: the difference with the shared text (common prefix/suffix, disambiguated by the caret)
 * becomes one Yjs transaction. Remote changes: the control gets the new text and the caret and
 * selection are moved through the change, so typing is not disturbed by someone else's edits.
 *
 * Known limitation: a remote change that arrives while an input method is composing (e.g. Android
 * keyboards compose every word) resets the composition. Rich text uses Tiptap instead; this binding
 * serves plain fields (the demo notes, the text fields of structured items).
 */
import type * as Y from 'yjs';
import { changeDelta, cutText, type Delta, diffText, transformPosition } from './textDiff';

export type TextControl = HTMLTextAreaElement | HTMLInputElement;

export interface TextBindingOptions {
  /**
   * Longest text a local edit may produce. Typing past it is cut off (the control's own `maxLength`
   * stops most of it; this also covers text that grew remotely meanwhile). Existing longer text is kept.
   */
  maxLength?: number;
}

/** Puts `next` into the control; when it has the focus, the caret and selection follow `delta`. */
function showWithDelta(control: TextControl, next: string, delta: Delta): void {
  const focused = control.ownerDocument.activeElement === control;
  const start0 = control.selectionStart ?? control.value.length;
  const end0 = control.selectionEnd ?? start0;
  const direction = control.selectionDirection ?? 'none';
  const scrollTop = control.scrollTop;
  control.value = next;
  if (focused) {
    const collapsed = start0 === end0;
    const start = transformPosition(start0, delta, !collapsed);
    const end = collapsed ? start : transformPosition(end0, delta, false);
    control.setSelectionRange(start, Math.max(start, end), direction);
  }
  control.scrollTop = scrollTop;
}

/** Replaces what the control shows with `next`, keeping the caret where it was relative to the text. */
export function showText(control: TextControl, next: string): void {
  const change = diffText(control.value, next);
  if (change) showWithDelta(control, next, changeDelta(change));
}

export function bindTextControl(control: TextControl, ytext: Y.Text, options: TextBindingOptions = {}): () => void {
  const doc = ytext.doc;
  if (!doc) throw new Error('bindTextControl: the Y.Text must belong to a Y.Doc');
  const origin = { binding: 'text-control' };
  const max = options.maxLength;

  showText(control, ytext.toString());

  const onInput = () => {
    const before = ytext.toString();
    const change = diffText(before, control.value, control.selectionEnd ?? undefined);
    if (!change) return;
    let insert = change.insert;
    if (max !== undefined) insert = cutText(insert, max - (before.length - change.remove));
    doc.transact(() => {
      if (change.remove > 0) ytext.delete(change.index, change.remove);
      if (insert.length > 0) ytext.insert(change.index, insert);
    }, origin);
    if (insert !== change.insert) {
      control.value = ytext.toString();
      const caret = change.index + insert.length;
      control.setSelectionRange(caret, caret);
    }
  };

  const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return; // already in the control
    showWithDelta(control, ytext.toString(), event.delta);
  };

  control.addEventListener('input', onInput);
  ytext.observe(onRemote);
  return () => {
    control.removeEventListener('input', onInput);
    ytext.unobserve(onRemote);
  };
}
