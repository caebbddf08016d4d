/**
 * The fields of one item (a Y.Map): free-text fields are Y.Text (shared/src/items.ts), or plain strings
 * in documents written before that. Pure functions on Yjs types, the same on every client.
 */
import { type ItemKind, isItemTextField, MAX_ITEM_TEXT } from '@samenspraak/shared';
import * as Y from 'yjs';
import { cutText, diffText } from '../../collab/textDiff';

export type FieldValue = string | boolean;

/** Field text as shown: a length is whatever the writer sent, so text beyond the cap is left out. */
export function capText(text: string): string {
  return cutText(text, MAX_ITEM_TEXT);
}

/** The text of a field in either form (Y.Text or a plain string); anything else reads as ''. */
export function fieldText(value: unknown): string {
  if (value instanceof Y.Text) return capText(value.toString());
  return typeof value === 'string' ? capText(value) : '';
}

/** A new item: its free-text fields are Y.Text from the start, everything else a plain value. */
export function newItemMap(kind: ItemKind, fields: Record<string, FieldValue>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && isItemTextField(kind, key)) map.set(key, new Y.Text(capText(value)));
    else map.set(key, value);
  }
  return map;
}

/**
 * The Y.Text of `key`, converting a plain string (or a missing value) first. The conversion replaces
 * the value under the key as a whole, so if two people convert the same field at the same moment, one
 * conversion wins and the other's keystrokes of that moment are lost: last writer wins, this one time.
 * Every edit after it merges per character. Call inside a transaction.
 */
export function textFieldOf(map: Y.Map<unknown>, key: string): Y.Text {
  const value = map.get(key);
  if (value instanceof Y.Text) return value;
  const text = new Y.Text(fieldText(value));
  map.set(key, text);
  return text;
}

/**
 * Sets a free-text field to `next` (cut at the cap) with the smallest change: one deletion and one
 * insertion at the edited range, so what others type elsewhere in the field survives. `cursor` is the
 * caret after the edit, when known (it places an edit inside a run of equal characters).
 */
export function setFieldText(map: Y.Map<unknown>, key: string, next: string, cursor?: number): void {
  const text = textFieldOf(map, key);
  const change = diffText(text.toString(), capText(next), cursor);
  if (!change) return;
  if (change.remove > 0) text.delete(change.index, change.remove);
  if (change.insert.length > 0) text.insert(change.index, change.insert);
}

/** The item's fields as plain values (Y.Text as its string), for the parsers. */
export function plainFields(map: Y.Map<unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of map.entries()) out[key] = value instanceof Y.Text ? value.toString() : value;
  return out;
}
