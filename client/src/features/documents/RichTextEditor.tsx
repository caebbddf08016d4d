/**
 * The rich text of one section: a Tiptap editor bound to the section's Y.XmlFragment, with others'
 * cursors, comment highlights, and a small toolbar (bold, italic, lists, comment) that works with the
 * keyboard: every button is a Tab stop with aria-pressed, and Tab in the text always leaves the text.
 *
 * The schema is deliberately small and the same on every client: paragraphs, bold, italic, lists and
 * line breaks. Extensions that change the document by themselves (trailing node, autolink) are left
 * out: a reader's editor must never produce a change.
 */
import Collaboration from '@tiptap/extension-collaboration';
import { ListItem } from '@tiptap/extension-list';
import { type Editor, EditorContent, useEditor, useEditorState } from '@tiptap/react';
import StarterKit from '@tiptap/starter-kit';
import { type MouseEvent, type RefObject, useEffect, useId, useImperativeHandle, useRef } from 'react';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { CollaborationCursors } from '../../collab/cursors';
import {
  anchorText,
  anchorToRange,
  CommentHighlights,
  commentHighlightKey,
  type Highlight,
  rangeToAnchor,
} from './commentAnchors';
import type { CommentAnchor } from './comments';
import { m } from './messages';
import { sentencesOf } from './passages';
import { SelectionBeforeKeys } from './selectionBeforeKeys';
import './prosemirror.css';

/** What the section around the editor may ask of it. */
export interface EditorHandle {
  /** The current selection as an anchor and its text, or null when nothing is selected. */
  selection(): { anchor: CommentAnchor; text: string } | null;
  /** Every sentence of the text as an anchor, for reacting to one without selecting it. */
  passages(): Array<{ anchor: CommentAnchor; text: string }>;
  /** The text an anchor covers now. */
  quote(anchor: CommentAnchor): string | null;
  /** Scrolls the anchored text into view. */
  reveal(anchor: CommentAnchor): boolean;
}

/**
 * A list item without Tab / Shift-Tab: in a page, Tab moves to the next control (no keyboard trap).
 * Indenting is Ctrl+] and outdenting Ctrl+[ instead, as in Google Docs and Word online.
 */
const ListItemWithoutTab = ListItem.extend({
  addKeyboardShortcuts() {
    return {
      Enter: () => this.editor.commands.splitListItem(this.name),
      'Mod-]': () => this.editor.commands.sinkListItem(this.name),
      'Mod-[': () => this.editor.commands.liftListItem(this.name),
    };
  },
});

/** Tiptap's "Mod" is Cmd on Apple devices and Ctrl elsewhere. */
const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? 'Meta' : 'Control';

/** The shortcuts the toolbar names (aria-keyshortcuts), written as that attribute wants them. */
const SHORTCUTS = {
  bold: `${MOD}+B`,
  italic: `${MOD}+I`,
  bulletList: `${MOD}+Shift+8`,
  orderedList: `${MOD}+Shift+7`,
  indent: `${MOD}+]`,
  outdent: `${MOD}+[`,
} as const;

interface RichTextEditorProps {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  title: string;
  sectionId: string;
  describedBy: string;
  editable: boolean;
  canComment: boolean;
  highlights: Highlight[];
  onOpenThread(threadId: string): void;
  onComment(): void;
  handle: RefObject<EditorHandle | null>;
}

export function RichTextEditor({
  fragment,
  awareness,
  title,
  sectionId,
  describedBy,
  editable,
  canComment,
  highlights,
  onOpenThread,
  onComment,
  handle,
}: RichTextEditorProps) {
  const editorId = useId();
  const openThread = useRef(onOpenThread);
  openThread.current = onOpenThread;

  const editor = useEditor(
    {
      extensions: [
        StarterKit.configure({
          undoRedo: false, // Collaboration brings Yjs undo (per person, per section)
          trailingNode: false,
          link: false,
          underline: false,
          strike: false,
          code: false,
          codeBlock: false,
          blockquote: false,
          heading: false,
          horizontalRule: false,
          listItem: false,
        }),
        ListItemWithoutTab,
        SelectionBeforeKeys,
        Collaboration.configure({ fragment }),
        CollaborationCursors.configure({ awareness }),
        CommentHighlights.configure({ onOpenThread: (id) => openThread.current(id) }),
      ],
      editable,
      // Tiptap would add its base rules as an inline <style>, which the Content-Security-Policy refuses
      // (no 'unsafe-inline'); the same rules are in prosemirror.css.
      injectCSS: false,
      editorProps: {
        attributes: {
          id: editorId,
          class: 'rt-content',
          role: 'textbox',
          'aria-multiline': 'true',
          'aria-label': title,
          'aria-describedby': describedBy,
          'aria-readonly': editable ? 'false' : 'true',
          // A read-only text can still be reached with the keyboard (and read by a screen reader).
          ...(editable ? {} : { tabindex: '0' }),
          'data-section': sectionId,
          'data-testid': `editor-${sectionId}`,
          spellcheck: 'true',
        },
      },
      shouldRerenderOnTransaction: false,
    },
    [fragment, awareness, editable, title, describedBy],
  );

  useEffect(() => {
    if (editor.isDestroyed) return;
    editor.view.dispatch(editor.state.tr.setMeta(commentHighlightKey, highlights));
  }, [editor, highlights]);

  useImperativeHandle(
    handle,
    (): EditorHandle => ({
      selection() {
        if (editor.isDestroyed) return null;
        const { from, to } = editor.state.selection;
        let range = from < to ? { from, to } : domSelection(editor);
        if (!range) return null;
        const anchor = rangeToAnchor(editor.state, range.from, range.to);
        if (!anchor) return null;
        range = anchorToRange(editor.state, anchor) ?? range;
        return { anchor, text: editor.state.doc.textBetween(range.from, range.to, ' ', ' ') };
      },
      passages() {
        if (editor.isDestroyed) return [];
        const out: Array<{ anchor: CommentAnchor; text: string }> = [];
        for (const passage of sentencesOf(editor.state.doc)) {
          const anchor = rangeToAnchor(editor.state, passage.from, passage.to);
          if (anchor) out.push({ anchor, text: passage.text });
        }
        return out;
      },
      quote: (anchor) => (editor.isDestroyed ? null : anchorText(editor.state, anchor)),
      reveal(anchor) {
        if (editor.isDestroyed) return false;
        const range = anchorToRange(editor.state, anchor);
        if (!range) return false;
        const { node } = editor.view.domAtPos(range.from);
        const element = node instanceof Element ? node : node.parentElement;
        element?.scrollIntoView({ block: 'center', behavior: 'smooth' });
        return true;
      },
    }),
    [editor],
  );

  return (
    <div className={`rt ${editable ? 'rt--editable' : 'rt--readonly'}`}>
      {(editable || canComment) && (
        <Toolbar
          editor={editor}
          editorId={editorId}
          sectionId={sectionId}
          title={title}
          editable={editable}
          canComment={canComment}
          onComment={onComment}
        />
      )}
      <EditorContent editor={editor} className="rt-frame" />
      {!editable && <EmptyNote editor={editor} />}
    </div>
  );
}

/** "Nothing here yet" under an empty read-only text (an empty dashed box alone says nothing). */
function EmptyNote({ editor }: { editor: Editor }) {
  const empty = useEditorState({ editor, selector: ({ editor: e }) => e.isEmpty });
  return empty ? <p className="rt-empty">{m.editorEmptyReadOnly}</p> : null;
}

/** A selection made with the mouse in a read-only text, read from the DOM. */
function domSelection(editor: Editor): { from: number; to: number } | null {
  const sel = window.getSelection();
  if (!sel || sel.isCollapsed || sel.rangeCount === 0) return null;
  const dom = editor.view.dom;
  if (!sel.anchorNode || !sel.focusNode || !dom.contains(sel.anchorNode) || !dom.contains(sel.focusNode)) return null;
  try {
    const a = editor.view.posAtDOM(sel.anchorNode, sel.anchorOffset);
    const b = editor.view.posAtDOM(sel.focusNode, sel.focusOffset);
    return a === b ? null : { from: Math.min(a, b), to: Math.max(a, b) };
  } catch {
    return null;
  }
}

/** The formatting buttons that switch a mark or list on and off, in toolbar order. */
const FORMATS: ReadonlyArray<{
  key: 'bold' | 'italic' | 'bulletList' | 'orderedList';
  className?: string;
  icon?: string;
  label: string;
  run(editor: Editor): void;
}> = [
  { key: 'bold', className: 'rt-tool rt-tool--bold', label: m.bold, run: (e) => e.chain().focus().toggleBold().run() },
  {
    key: 'italic',
    className: 'rt-tool rt-tool--italic',
    label: m.italic,
    run: (e) => e.chain().focus().toggleItalic().run(),
  },
  { key: 'bulletList', icon: '• ', label: m.bulletList, run: (e) => e.chain().focus().toggleBulletList().run() },
  { key: 'orderedList', icon: '1. ', label: m.orderedList, run: (e) => e.chain().focus().toggleOrderedList().run() },
];

/** Keeps the editor's selection: a mouse press on a tool would otherwise move focus (and the selection) away. */
const keepSelection = (e: MouseEvent) => e.preventDefault();

function ToolButton(props: {
  className?: string;
  pressed?: boolean;
  disabled?: boolean;
  shortcut: string;
  icon?: string;
  label: string;
  onClick(): void;
}) {
  return (
    <button
      type="button"
      className={props.className ?? 'rt-tool'}
      aria-pressed={props.pressed}
      disabled={props.disabled}
      aria-keyshortcuts={props.shortcut}
      onMouseDown={keepSelection}
      onClick={props.onClick}
    >
      {props.icon && <span aria-hidden="true">{props.icon}</span>}
      {props.label}
    </button>
  );
}

function Toolbar({
  editor,
  editorId,
  sectionId,
  title,
  editable,
  canComment,
  onComment,
}: {
  editor: Editor;
  editorId: string;
  sectionId: string;
  title: string;
  editable: boolean;
  canComment: boolean;
  onComment(): void;
}) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      canIndent: e.can().sinkListItem('listItem'),
      canOutdent: e.can().liftListItem('listItem'),
    }),
  });
  const inList = active.bulletList || active.orderedList;
  return (
    // A group, not role="toolbar": every button is its own Tab stop (no arrow-key roving focus to learn).
    // biome-ignore lint/a11y/useSemanticElements: a fieldset would announce a form, this is a set of buttons
    <div className="rt-toolbar" role="group" aria-label={m.toolbarLabel(title)} aria-controls={editorId}>
      {editable && (
        <>
          {FORMATS.map((f) => (
            <ToolButton
              key={f.key}
              className={f.className}
              pressed={active[f.key]}
              shortcut={SHORTCUTS[f.key]}
              icon={f.icon}
              label={f.label}
              onClick={() => f.run(editor)}
            />
          ))}
          {inList && (
            // Only inside a list, so the toolbar outside lists keeps its few Tab stops.
            <>
              <ToolButton
                disabled={!active.canIndent}
                shortcut={SHORTCUTS.indent}
                icon="→ "
                label={m.indent}
                onClick={() => editor.chain().focus().sinkListItem('listItem').run()}
              />
              <ToolButton
                disabled={!active.canOutdent}
                shortcut={SHORTCUTS.outdent}
                icon="← "
                label={m.outdent}
                onClick={() => editor.chain().focus().liftListItem('listItem').run()}
              />
            </>
          )}
        </>
      )}
      {canComment && (
        <button
          type="button"
          className="rt-tool rt-tool--comment"
          onMouseDown={keepSelection}
          onClick={onComment}
          aria-describedby={`${editorId}-comment-hint`}
          data-testid={`comment-button-${sectionId}`}
        >
          {m.comment}
          <span id={`${editorId}-comment-hint`} hidden>
            {m.commentOnSelection}
          </span>
        </button>
      )}
    </div>
  );
}
