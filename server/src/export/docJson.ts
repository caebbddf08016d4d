/**
 * A case document (Y.Doc) as plain JSON, section by section, for the export: rich-text sections as
 * their element tree plus plain text (so the export is readable without an editor), item sections as
 * the items' JSON. Unknown or foreign-typed roots are reported, not guessed at.
 */
import { type DocumentType, SECTIONS } from '@samenspraak/shared';
import * as Y from 'yjs';
import type { LoadedDocument } from '../storage/documentStore.js';

export type ExportNode =
  | { type: 'text'; text: string; marks?: Record<string, unknown> }
  | { type: string; attrs: Record<string, unknown>; content: ExportNode[] };

export type SectionExport =
  | { title: string; content: 'richText'; text: string; tree: ExportNode[] }
  | { title: string; content: 'items'; items: unknown[] }
  | { title: string; content: 'unreadable'; error: string };

export function docFromStore(loaded: LoadedDocument): Y.Doc {
  const doc = new Y.Doc();
  Y.transact(doc, () => {
    if (loaded.snapshot) Y.applyUpdate(doc, loaded.snapshot);
    for (const entry of loaded.tail) Y.applyUpdate(doc, entry.update);
  });
  return doc;
}

type XmlChild = Y.XmlElement | Y.XmlText | Y.XmlHook;

function nodeJson(node: XmlChild): ExportNode[] {
  if (node instanceof Y.XmlText) {
    const delta = node.toDelta() as Array<{ insert: unknown; attributes?: Record<string, unknown> }>;
    return delta
      .filter((d) => typeof d.insert === 'string')
      .map((d) =>
        d.attributes
          ? { type: 'text', text: d.insert as string, marks: d.attributes }
          : { type: 'text', text: d.insert as string },
      );
  }
  if (node instanceof Y.XmlElement) {
    return [
      {
        type: node.nodeName,
        attrs: node.getAttributes(),
        content: node.toArray().flatMap((c) => nodeJson(c as XmlChild)),
      },
    ];
  }
  return [];
}

/** Text of a node: inline runs joined, blocks on their own lines. */
function nodeText(node: ExportNode): string {
  if (node.type === 'text' && 'text' in node) return node.text;
  if (!('content' in node)) return '';
  const inline = node.content.every((c) => c.type === 'text');
  return node.content.map(nodeText).join(inline ? '' : '\n');
}

function sectionJson(doc: Y.Doc, id: string, title: string, content: 'richText' | 'items'): SectionExport {
  try {
    if (content === 'items') return { title, content, items: doc.getArray(id).toJSON() };
    const tree = doc
      .getXmlFragment(id)
      .toArray()
      .flatMap((c) => nodeJson(c as XmlChild));
    return { title, content, text: tree.map(nodeText).join('\n'), tree };
  } catch (err) {
    // A root written with another type than the section definition says: keep going, say so.
    return { title, content: 'unreadable', error: (err as Error).message };
  }
}

export function documentSections(doc: Y.Doc, type: DocumentType): Record<string, SectionExport> {
  return Object.fromEntries(SECTIONS[type].map((s) => [s.id, sectionJson(doc, s.id, s.title.nl, s.content)]));
}
