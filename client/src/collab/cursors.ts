/**
 * Live cursors in a Tiptap editor: the others' caret and selection with their name and colour, from
 * Yjs awareness (`{ user: { name, color }, cursor: { anchor, head } }`).
 *
 * All editors of one document share the awareness field `cursor`: y-tiptap renders only a cursor whose
 * relative position lies in the editor's own fragment, and an editor clears the field on blur only
 * when the cursor in it is its own. (y-tiptap 3.0.9 does accept another field name, but then still reads
 * `cursor` when drawing, so a per-section field would be published and never shown.)
 */
import { Extension } from '@tiptap/core';
import { yCursorPlugin } from '@tiptap/y-tiptap';
import type { Awareness } from 'y-protocols/awareness';

export interface CursorsOptions {
  awareness: Awareness | null;
}

const SAFE_COLOR = /^#[0-9a-f]{6}$/i;

/** The caret of another person: a coloured bar with their name above it (built with DOM APIs, no HTML). */
export function buildCursor(user: { name?: unknown; color?: unknown }): HTMLElement {
  const color = typeof user.color === 'string' && SAFE_COLOR.test(user.color) ? user.color : '#4b5563';
  const name = typeof user.name === 'string' ? user.name.slice(0, 60) : '';
  const caret = document.createElement('span');
  caret.className = 'collab-caret';
  caret.style.borderColor = color;
  caret.setAttribute('aria-hidden', 'true');
  const label = document.createElement('span');
  label.className = 'collab-caret__label';
  label.style.backgroundColor = color;
  label.textContent = name;
  caret.append(label);
  return caret;
}

export const CollaborationCursors = Extension.create<CursorsOptions>({
  name: 'collaborationCursors',
  addOptions() {
    return { awareness: null };
  },
  addProseMirrorPlugins() {
    const awareness = this.options.awareness;
    if (!awareness) return [];
    return [
      yCursorPlugin(awareness, {
        // Not y-tiptap's default (compares with the Y.Doc's client id): a read-only section is bound to a
        // replica with its own client id, and must not show this person's own cursor as someone else's.
        awarenessStateFilter: (_docClientId: number, clientId: number) => clientId !== awareness.clientID,
        cursorBuilder: buildCursor,
        selectionBuilder: (user: { color?: unknown }) => ({
          class: 'collab-selection',
          style: `background-color: ${typeof user.color === 'string' && SAFE_COLOR.test(user.color) ? user.color : '#4b5563'}33`,
        }),
      }),
    ];
  },
});
