/**
 * The shape of structured items in case documents, shared by the client (which edits them) and the
 * server (which writes meeting decisions into them and exports them). A section of content 'items' is a
 * Y.Array of Y.Maps, one per item, with a stable plain-string `id`.
 *
 * Free-text fields are Y.Text values inside the item's Y.Map, so two people typing in the same field
 * merge per character. Older documents (and old clients) hold plain strings there: every reader accepts
 * both, and an edit converts a plain string to a Y.Text once. Enumerations, dates and flags stay plain
 * values — a choice has nothing to merge.
 */

export const HYPOTHESES_SECTION = 'hypothesen';
export const CHECKLIST_SECTION = 'checklist_18';
export const DOMAIN_PREFIX = 'domein_';
/** The analysis summary: 002 Bijlage 1 asks for "een puntsgewijze opsomming", so it is a list of bullets. */
export const SUMMARY_SECTION = 'samenvatting';

/** 002 Bijlage 1: the mechanisms a hypothesis explains (ontstaan, in stand houden, verergeren, verminderen). */
export const HYPOTHESIS_MECHANISMS = ['ontstaan', 'in_stand_houden', 'verergeren', 'verminderen'] as const;
export type HypothesisMechanism = (typeof HYPOTHESIS_MECHANISMS)[number];
export const MECHANISM_WORDS: Record<HypothesisMechanism, { nl: string; en: string }> = {
  ontstaan: { nl: 'ontstaan', en: 'arises' },
  in_stand_houden: { nl: 'in stand houden', en: 'persists' },
  verergeren: { nl: 'verergeren', en: 'worsens' },
  verminderen: { nl: 'verminderen', en: 'lessens' },
};

export type ItemKind = 'hypothesis' | 'action' | 'checklist' | 'summary';

/** Which kind of items a section holds, from its id (null for a rich-text section). */
export function itemKindOf(sectionId: string): ItemKind | null {
  if (sectionId === HYPOTHESES_SECTION) return 'hypothesis';
  if (sectionId === CHECKLIST_SECTION) return 'checklist';
  if (sectionId === SUMMARY_SECTION) return 'summary';
  if (sectionId.startsWith(DOMAIN_PREFIX)) return 'action';
  return null;
}

/**
 * The fields held as Y.Text, per kind, created with the item (empty ones too, so the first keystrokes
 * of two people already merge). An action's `bron` is among them because people may rewrite it, also
 * the `meeting:<id>` reference the server writes there.
 */
export const ITEM_TEXT_FIELDS: Record<ItemKind, readonly string[]> = {
  hypothesis: ['statement', 'evidence'],
  action: ['wat', 'wie', 'bron'],
  checklist: ['tekst'],
  summary: ['tekst'],
};

/** Longest text of one item field, in UTF-16 code units: what is shown, and what an input accepts. */
export const MAX_ITEM_TEXT = 4000;

export function isItemTextField(kind: ItemKind, field: string): boolean {
  return ITEM_TEXT_FIELDS[kind].includes(field);
}
