/**
 * Comments anchored to text: a selection becomes two Yjs relative positions (they move with the text
 * as people edit, on every copy of the document), and anchored comments are shown as highlights — a
 * ProseMirror decoration plugin. Clicking a highlight opens its thread.
 *
 * The positions are made and resolved through the editor's y-tiptap binding (its fragment and its
 * ProseMirror ↔ Yjs mapping), so they match what `Y.createAbsolutePositionFromRelativePosition` sees.
 */
import { Extension } from '@tiptap/core';
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import {
  absolutePositionToRelativePosition,
  relativePositionToAbsolutePosition,
  ySyncPluginKey,
} from '@tiptap/y-tiptap';
import * as Y from 'yjs';
import type { CommentAnchor } from './comments';

/** One highlight: a thread (or the pending selection of a comment being written). */
export interface Highlight {
  id: string;
  anchor: CommentAnchor;
  active?: boolean;
}

interface SyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<unknown, unknown> } | null;
}

function syncState(state: EditorState): SyncState | null {
  const s = ySyncPluginKey.getState(state) as SyncState | undefined;
  return s?.binding ? s : null;
}

/** The relative positions of a range in the editor, or null when the editor is not bound (yet). */
export function rangeToAnchor(state: EditorState, from: number, to: number): CommentAnchor | null {
  const ystate = syncState(state);
  if (!ystate?.binding || from >= to) return null;
  const mapping = ystate.binding.mapping as never;
  const relFrom = absolutePositionToRelativePosition(from, ystate.type, mapping);
  const relTo = absolutePositionToRelativePosition(to, ystate.type, mapping);
  if (!relFrom || !relTo) return null;
  return {
    from: Y.relativePositionToJSON(relFrom) as Record<string, unknown>,
    to: Y.relativePositionToJSON(relTo) as Record<string, unknown>,
  };
}

/** Where an anchor lies in the editor now; null when its text is gone or the anchor is not from here. */
export function anchorToRange(state: EditorState, anchor: CommentAnchor): { from: number; to: number } | null {
  const ystate = syncState(state);
  if (!ystate?.binding || ystate.binding.mapping.size === 0) return null;
  try {
    const mapping = ystate.binding.mapping as never;
    const from = relativePositionToAbsolutePosition(
      ystate.doc,
      ystate.type,
      Y.createRelativePositionFromJSON(anchor.from),
      mapping,
    );
    const to = relativePositionToAbsolutePosition(
      ystate.doc,
      ystate.type,
      Y.createRelativePositionFromJSON(anchor.to),
      mapping,
    );
    if (from === null || to === null) return null;
    const size = state.doc.content.size;
    const a = Math.max(0, Math.min(from, size));
    const b = Math.max(0, Math.min(to, size));
    return a < b ? { from: a, to: b } : null;
  } catch {
    return null; // an anchor from another document, or malformed: shown as a comment on the section
  }
}

/** The text an anchor covers now (for "Over: …"), or null. */
export function anchorText(state: EditorState, anchor: CommentAnchor): string | null {
  const range = anchorToRange(state, anchor);
  return range ? state.doc.textBetween(range.from, range.to, ' ', ' ') : null;
}

export const commentHighlightKey = new PluginKey<HighlightState>('commentHighlights');

interface HighlightState {
  highlights: Highlight[];
  decorations: DecorationSet;
}

function build(state: EditorState, highlights: Highlight[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const h of highlights) {
    const range = anchorToRange(state, h.anchor);
    if (!range) continue;
    const classes = ['comment-mark'];
    if (h.active) classes.push('comment-mark--active');
    if (h.id === PENDING_ID) classes.push('comment-mark--pending');
    decorations.push(Decoration.inline(range.from, range.to, { class: classes.join(' '), 'data-thread': h.id }));
  }
  return DecorationSet.create(state.doc, decorations);
}

/** The id of the highlight that marks the selection of a comment being written. */
export const PENDING_ID = 'pending';

export interface CommentHighlightOptions {
  /** Called with the thread id when a highlight is clicked. */
  onOpenThread: ((threadId: string) => void) | null;
}

export const CommentHighlights = Extension.create<CommentHighlightOptions>({
  name: 'commentHighlights',
  addOptions() {
    return { onOpenThread: null };
  },
  addProseMirrorPlugins() {
    const options = this.options;
    return [
      new Plugin<HighlightState>({
        key: commentHighlightKey,
        state: {
          init: () => ({ highlights: [], decorations: DecorationSet.empty }),
          apply(tr, prev, _old, newState) {
            const next = tr.getMeta(commentHighlightKey) as Highlight[] | undefined;
            const highlights = next ?? prev.highlights;
            // A change from Yjs (someone else, or the binding's first render) moves text in ways the
            // transaction's mapping does not describe: resolve the anchors again. Local edits are mapped.
            if (next || tr.getMeta(ySyncPluginKey) !== undefined) {
              return { highlights, decorations: highlights.length ? build(newState, highlights) : DecorationSet.empty };
            }
            if (tr.docChanged) return { highlights, decorations: prev.decorations.map(tr.mapping, tr.doc) };
            return prev;
          },
        },
        props: {
          decorations: (state) => commentHighlightKey.getState(state)?.decorations ?? DecorationSet.empty,
          handleDOMEvents: {
            click: (_view, event) => {
              const target = event.target instanceof Element ? event.target.closest('[data-thread]') : null;
              const id = target?.getAttribute('data-thread');
              if (id && id !== PENDING_ID && options.onOpenThread) options.onOpenThread(id);
              return false;
            },
          },
        },
      }),
    ];
  },
});
