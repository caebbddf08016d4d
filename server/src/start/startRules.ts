/** Pure rules of the start page: whose own-words part is whose, and whether a part holds words. */
import { type Role, YOUNG_PERSON_PART } from '@samenspraak/shared';
import type * as Y from 'yjs';

/** The root of this person's own-words part of the analysis: the young person's, or this parent's own. */
export function myPartRoot(role: Role, userId: string, parentRoot: (userId: string) => string): string | null {
  if (role === 'jeugdige') return YOUNG_PERSON_PART;
  if (role === 'ouder') return parentRoot(userId);
  return null;
}

/**
 * Whether a rich-text root holds any words (an empty paragraph is no words). Reads only an existing
 * root: asking the document for a missing one would create it.
 */
export function hasWords(doc: Y.Doc, root: string): boolean {
  if (!doc.share.has(root)) return false;
  const text = doc
    .getXmlFragment(root)
    .toString()
    .replace(/<[^>]*>/g, '');
  return text.trim().length > 0;
}
