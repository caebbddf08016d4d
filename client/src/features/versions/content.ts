/** Reading version content and differences as text: items as lines, counts of changes. Pure. */
import { itemText } from '@samenspraak/shared';
import type { DiffPart, SectionContent } from './types';

export { itemText };

/** A section as lines to show: paragraphs, or items, or nothing for an unreadable one. */
export function sectionLines(section: SectionContent): string[] {
  if (section.content === 'richText') return section.text.split('\n').filter((p) => p.trim() !== '');
  if (section.content === 'items') return section.items.map(itemText).filter((t) => t !== '');
  return [];
}

/** How many pieces were added and removed (whitespace-only pieces do not count). */
export function changeCounts(parts: readonly DiffPart[]): { inserted: number; deleted: number } {
  let inserted = 0;
  let deleted = 0;
  for (const p of parts) {
    if (p.text.trim() === '') continue;
    if (p.op === 'insert') inserted += 1;
    if (p.op === 'delete') deleted += 1;
  }
  return { inserted, deleted };
}

/**
 * The two chosen versions in reading order: older first. `order` lists version ids oldest first;
 * "current" is always the newest.
 */
export function chronological(pair: readonly [string, string], order: readonly string[]): [string, string] {
  const rank = (id: string) => (id === 'current' ? Number.POSITIVE_INFINITY : order.indexOf(id));
  const [a, b] = pair;
  return rank(a) <= rank(b) ? [a, b] : [b, a];
}

/** Adds `id` to the selection of at most two, dropping the earliest pick; removes it when already chosen. */
export function toggleChoice(chosen: readonly string[], id: string): string[] {
  if (chosen.includes(id)) return chosen.filter((x) => x !== id);
  return [...chosen, id].slice(-2);
}
