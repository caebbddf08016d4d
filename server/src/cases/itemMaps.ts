/**
 * Items the server writes into case documents (meeting decisions, the demo content) in the shape the
 * editor writes (shared/src/items.ts): free-text fields as Y.Text from the start, so what people type
 * into them later merges per character instead of one person's typing replacing the other's. Values
 * come validated from the routes (a meeting item's text is shorter than an item field's cap).
 */
import { type ItemKind, isItemTextField } from '@samenspraak/shared';
import * as Y from 'yjs';

export function itemMap(kind: ItemKind, fields: Record<string, string | boolean | null>): Y.Map<unknown> {
  const map = new Y.Map<unknown>();
  for (const [key, value] of Object.entries(fields)) {
    if (typeof value === 'string' && isItemTextField(kind, key)) map.set(key, new Y.Text(value));
    else map.set(key, value);
  }
  return map;
}
