/**
 * A case document (Y.Doc) section by section: as JSON (rich-text sections as their element tree plus
 * plain text, so an export is readable without an editor; item sections as the items' JSON), as plain
 * text (for word diffs), as paragraphs (for Markdown and PDF), and a fingerprint that says whether two
 * versions of a section are equal. Unknown or foreign-typed roots are reported, not guessed at.
 */
import {
  atLeast,
  type DocumentType,
  type ExportNode,
  itemText,
  type Permission,
  SECTIONS,
  type SectionExport,
} from '@samenspraak/shared';
import * as Y from 'yjs';

/** The JSON shapes are the export contract (shared/src/caseExportSchemas.ts). */
export type { ExportNode, SectionExport };

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

export function readableSections(sections: Record<string, Permission>): string[] {
  return Object.entries(sections)
    .filter(([, p]) => atLeast(p, 'read'))
    .map(([s]) => s);
}

/** The sections of `doc` among `allowed`, in template order. */
export function sectionsFor(doc: Y.Doc, type: DocumentType, allowed: string[]): Record<string, SectionExport> {
  const all = documentSections(doc, type);
  return Object.fromEntries(
    SECTIONS[type].filter((s) => allowed.includes(s.id) && all[s.id]).map((s) => [s.id, all[s.id] as SectionExport]),
  );
}

/** Plain text of a section: paragraphs on their own lines, items one per line. */
export function sectionText(section: SectionExport): string {
  if (section.content === 'richText') return section.text;
  if (section.content === 'items') return section.items.map(itemText).join('\n');
  return '';
}

/**
 * A section as a reader sees it (Markdown and PDF input): its non-empty paragraphs, or its items as
 * one line each; null when the section could not be read.
 */
export function sectionBody(section: SectionExport): { paragraphs: string[] } | { items: string[] } | null {
  if (section.content === 'richText') return { paragraphs: section.text.split('\n').filter((p) => p.trim() !== '') };
  if (section.content === 'items') return { items: section.items.map(itemText).filter((t) => t !== '') };
  return null;
}

/** What makes two versions of a section equal: the element tree with marks and attributes, or the items. */
export function sectionFingerprint(section: SectionExport | undefined): string {
  if (!section) return '';
  if (section.content === 'richText') return JSON.stringify(section.tree);
  if (section.content === 'items') return JSON.stringify(section.items);
  return `unreadable:${section.error}`;
}

/** The sections whose content differs between two documents, in template order. */
export function differingSections(a: Y.Doc, b: Y.Doc, type: DocumentType): string[] {
  const sa = documentSections(a, type);
  const sb = documentSections(b, type);
  return SECTIONS[type].map((s) => s.id).filter((id) => sectionFingerprint(sa[id]) !== sectionFingerprint(sb[id]));
}
