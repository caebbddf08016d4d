/**
 * Key commands act on the selection the person sees.
 *
 * The browser moves a selection made with the keyboard (Shift+Ctrl+←, Shift+End…) itself and reports
 * it to ProseMirror only through a later `selectionchange` event. Chrome queues that event behind
 * input, so on a busy machine the next key (Ctrl+B, Ctrl+I, Enter) can arrive while ProseMirror still
 * holds the old, collapsed selection: the command then runs on an empty selection and the word stays
 * plain. ProseMirror's own keydown handling only flushes pending DOM *mutations* (`forceFlush`), not a
 * pending selection.
 *
 * This plugin runs before every other key handler and makes ProseMirror read the DOM now. `flush()` is
 * the same routine the `selectionchange` event would run: it compares with the last DOM selection
 * ProseMirror saw, so when nothing is pending it does nothing, and the late event then finds nothing new.
 * It is an internal of prosemirror-view; the browser test of the keyboard race fails if it goes away.
 */
import { Extension } from '@tiptap/core';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import type { EditorView } from '@tiptap/pm/view';

interface ViewWithObserver {
  domObserver?: { flush?: () => void };
}

/** Reads a DOM selection change ProseMirror has not been told of yet (no-op when there is none). */
export function readPendingSelection(view: EditorView): void {
  const observer = (view as unknown as ViewWithObserver).domObserver;
  if (typeof observer?.flush === 'function') observer.flush();
}

export const SelectionBeforeKeys = Extension.create({
  name: 'selectionBeforeKeys',
  // Before the keymaps of every other extension (Tiptap's default priority is 100).
  priority: 10_000,
  addProseMirrorPlugins() {
    return [
      new Plugin({
        key: new PluginKey('selectionBeforeKeys'),
        props: {
          handleKeyDown(view) {
            readPendingSelection(view);
            return false; // never handles the key itself
          },
        },
      }),
    ];
  },
});
