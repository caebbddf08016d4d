/**
 * A case document (Y.Doc) section by section: as JSON (rich-text sections as their element tree plus
 * plain text, so an export is readable without an editor; item sections as the items' JSON), as plain
 * text (for word diffs), as paragraphs (for Markdown and PDF), and a fingerprint that says whether two
 * versions of a section are equal. Unknown or foreign-typed roots are reported, not guessed at.
 */
import {
  ADDITION_LABEL,
  analysisSections,
  atLeast,
  type DocumentType,
  type ExportNode,
  firstNameOf,
  itemText,
  type OwnWordsPart,
  type PartPerson,
  type Permission,
  parentOfPart,
  SECTIONS,
  type SectionDef,
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

/** Whether a root holds anything (without creating it: reading a missing root would add it to the doc). */
function holdsContent(doc: Y.Doc, id: string): boolean {
  const root = doc.share.get(id);
  return !!root && root._length > 0;
}

/**
 * The sections of this document in template order: for the analysis, one part per parent (those on the
 * case, `people`, and any whose root already holds words: no one's words disappear when they leave the
 * case); legacy roots of the old template only while they hold content, so nothing is ever lost.
 */
export function documentTemplate(doc: Y.Doc, type: DocumentType, people: readonly PartPerson[] = []): SectionDef[] {
  if (type !== 'analysis') return [...SECTIONS[type]];
  const parents = [...people];
  for (const root of doc.share.keys()) {
    const userId = parentOfPart(root);
    if (userId && !parents.some((p) => p.userId === userId) && holdsContent(doc, root))
      parents.push({ userId, name: 'een ouder die niet meer aan de zaak meedoet' });
  }
  return analysisSections(parents).filter((s) => !s.legacy || holdsContent(doc, s.id));
}

/** "opgetekend door …": a part written by a professional for the person, as exports name it. */
export function recordedBy(part: OwnWordsPart): string | null {
  return part.recorder
    ? `opgetekend door ${part.recorder.name} (zoals verteld door ${firstNameOf(part.person.name)})`
    : null;
}

/** The title as exports show it: our additions to 002 Bijlage 1 say so, a recorded part says by whom. */
export function exportTitle(def: SectionDef, parts: readonly OwnWordsPart[] = []): string {
  if (def.source === 'addition') return `${def.title.nl} — ${ADDITION_LABEL.nl}`;
  const part = parts.find((p) => p.root === def.id);
  const recorded = part ? recordedBy(part) : null;
  return recorded ? `${def.title.nl} — ${recorded}` : def.title.nl;
}

const parentsOf = (parts: readonly OwnWordsPart[]): PartPerson[] =>
  parts.flatMap((p) =>
    p.kind === 'ouder' && p.person.userId ? [{ userId: p.person.userId, name: p.person.name }] : [],
  );

/** Every section of the document as JSON; `parts` (the case's own-words parts) name each person's part. */
export function documentSections(
  doc: Y.Doc,
  type: DocumentType,
  parts: readonly OwnWordsPart[] = [],
): Record<string, SectionExport> {
  return Object.fromEntries(
    documentTemplate(doc, type, parentsOf(parts)).map((s) => [
      s.id,
      sectionJson(doc, s.id, exportTitle(s, parts), s.content),
    ]),
  );
}

export function readableSections(sections: Record<string, Permission>): string[] {
  return Object.entries(sections)
    .filter(([, p]) => atLeast(p, 'read'))
    .map(([s]) => s);
}

/** The sections of `doc` among `allowed`, in template order. */
export function sectionsFor(
  doc: Y.Doc,
  type: DocumentType,
  allowed: string[],
  parts: readonly OwnWordsPart[] = [],
): Record<string, SectionExport> {
  const all = documentSections(doc, type, parts);
  return Object.fromEntries(Object.entries(all).filter(([id]) => allowed.includes(id)));
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
  const ids = [...new Set([...Object.keys(sa), ...Object.keys(sb)])];
  // A section present on one side only (a legacy root emptied, a parent's first words) differs unless both are empty.
  const empty = (x: SectionExport) =>
    (x.content === 'richText' && x.tree.length === 0) || (x.content === 'items' && x.items.length === 0);
  const print = (x: SectionExport | undefined) => (!x || empty(x) ? '' : sectionFingerprint(x));
  return ids.filter((id) => print(sa[id]) !== print(sb[id]));
}
