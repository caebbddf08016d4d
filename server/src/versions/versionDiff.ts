/** The word-level differences between two versions of a document, section by section (the sections a reader may read). */
import type { DocumentType, OwnWordsPart } from '@samenspraak/shared';
import type * as Y from 'yjs';
import { sectionFingerprint, sectionsFor, sectionText } from '../documents/sections.js';
import { type DiffPart, wordDiff } from './wordDiff.js';

export interface SectionDiff {
  title: string;
  changed: boolean;
  parts: DiffPart[];
}

export function diffDocs(
  from: Y.Doc,
  to: Y.Doc,
  type: DocumentType,
  allowed: string[],
  parts: readonly OwnWordsPart[] = [],
): Record<string, SectionDiff> {
  const a = sectionsFor(from, type, allowed, parts);
  const b = sectionsFor(to, type, allowed, parts);
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
