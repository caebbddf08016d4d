/**
 * A document's content for versions: the current state as a private copy, a stored state as a Y.Doc,
 * sections as JSON and as plain text (only the sections a reader may read), and differences between two.
 */
import { atLeast, type DocumentType, itemText, type Permission, SECTIONS } from '@samenspraak/shared';
import * as Y from 'yjs';
import { docFromStore, documentSections, type SectionExport } from '../export/docJson.js';
import type { AppServices } from '../services.js';
import { type DiffPart, wordDiff } from './wordDiff.js';

/**
 * The current state as a copy the caller owns (and destroys): what the store holds merged with the live
 * document when it is loaded (edits not yet durable). Both, because a just-loaded live document may not
 * have applied its stored snapshot yet, and merging Yjs states is idempotent. A copy, because reading
 * sections defines root types, and the live document is not ours to touch.
 */
export async function currentDoc(services: AppServices, docId: string): Promise<Y.Doc> {
  const doc = docFromStore(await services.store.load(docId));
  const live = services.collab?.loadedDocument(docId);
  if (live) Y.applyUpdate(doc, Y.encodeStateAsUpdate(live));
  return doc;
}

export function docFromState(state: Uint8Array): Y.Doc {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, state);
  return doc;
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

/** What makes two versions of a section equal: the element tree with marks and attributes, or the items. */
export function sectionFingerprint(section: SectionExport | undefined): string {
  if (!section) return '';
  if (section.content === 'richText') return JSON.stringify(section.tree);
  if (section.content === 'items') return JSON.stringify(section.items);
  return `unreadable:${section.error}`;
}

export interface SectionDiff {
  title: string;
  changed: boolean;
  parts: DiffPart[];
}

export function diffDocs(from: Y.Doc, to: Y.Doc, type: DocumentType, allowed: string[]): Record<string, SectionDiff> {
  const a = sectionsFor(from, type, allowed);
  const b = sectionsFor(to, type, allowed);
  return Object.fromEntries(
    Object.entries(b).map(([id, after]) => {
      const before = a[id];
      return [
        id,
        {
          title: after.title,
          changed: sectionFingerprint(before) !== sectionFingerprint(after),
          parts: wordDiff(before ? sectionText(before) : '', sectionText(after)),
        },
      ];
    }),
  );
}
