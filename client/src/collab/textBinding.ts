/**
 * Two-way binding between a <textarea> and a Y.Text.
 *
 * Local input: the difference with the shared text (common prefix/suffix, disambiguated by the caret)
 * becomes one Yjs transaction. Remote changes: the textarea gets the new text and the caret and
 * selection are moved through the change, so typing is not disturbed by someone else's edits.
 *
 * Known limitation: a remote change that arrives while an input method is composing (e.g. Android
 * keyboards compose every word) resets the composition. The rich-text editor of a later stage
 * replaces this binding.
 */
import type * as Y from 'yjs';
import { diffText, transformPosition } from './textDiff';

export function bindTextarea(textarea: HTMLTextAreaElement, ytext: Y.Text): () => void {
  const doc = ytext.doc;
  if (!doc) throw new Error('bindTextarea: the Y.Text must belong to a Y.Doc');
  const origin = { binding: 'textarea' };

  textarea.value = ytext.toString();

  const onInput = () => {
    const change = diffText(ytext.toString(), textarea.value, textarea.selectionEnd);
    if (!change) return;
    doc.transact(() => {
      if (change.remove > 0) ytext.delete(change.index, change.remove);
      if (change.insert.length > 0) ytext.insert(change.index, change.insert);
    }, origin);
  };

  const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return; // already in the textarea
    const focused = textarea.ownerDocument.activeElement === textarea;
    const { selectionStart, selectionEnd, selectionDirection, scrollTop } = textarea;
    textarea.value = ytext.toString();
    if (focused) {
      const collapsed = selectionStart === selectionEnd;
      const start = transformPosition(selectionStart, event.delta, !collapsed);
      const end = collapsed ? start : transformPosition(selectionEnd, event.delta, false);
      textarea.setSelectionRange(start, Math.max(start, end), selectionDirection ?? 'none');
    }
    textarea.scrollTop = scrollTop;
  };

  textarea.addEventListener('input', onInput);
  ytext.observe(onRemote);
  return () => {
    textarea.removeEventListener('input', onInput);
    ytext.unobserve(onRemote);
  };
}
