/**
 * Binds a text input or textarea to one free-text field of an item: a key of the item's Y.Map.
 *
 * A Y.Text there is edited through collab/textBinding (smallest changes, caret kept through remote
 * edits). A plain string (a document from before Y.Text fields) is shown as it is and converted on the
 * first keystroke. Whenever the value under the key is replaced — by that conversion here or at someone
 * else, a restored version, or an old client writing a string — the control follows it, caret kept.
 */
import { MAX_ITEM_TEXT } from '@samenspraak/shared';
import * as Y from 'yjs';
import { bindTextControl, showText, type TextControl } from '../../collab/textBinding';
import { fieldText, setFieldText } from './itemFields';

export function bindItemField(control: TextControl, map: Y.Map<unknown>, key: string): () => void {
  const doc = map.doc;
  if (!doc) throw new Error('bindItemField: the item must belong to a Y.Doc');
  let unbindText: (() => void) | null = null;

  const follow = () => {
    unbindText?.();
    unbindText = null;
    const value = map.get(key);
    if (value instanceof Y.Text) unbindText = bindTextControl(control, value, { maxLength: MAX_ITEM_TEXT });
    else showText(control, fieldText(value));
  };

  // Only while the field is still a plain string; once it is a Y.Text, the text binding handles input.
  // The conversion's map change calls `follow` synchronously, which binds the new Y.Text; a listener
  // added during this event is not called for it, so the keystroke is applied exactly once.
  const onPlainInput = () => {
    if (map.get(key) instanceof Y.Text) return;
    doc.transact(() => setFieldText(map, key, control.value, control.selectionEnd ?? undefined));
  };

  const onKeys = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(key)) follow();
  };

  follow();
  control.addEventListener('input', onPlainInput);
  map.observe(onKeys);
  return () => {
    map.unobserve(onKeys);
    control.removeEventListener('input', onPlainInput);
    unbindText?.();
  };
}
