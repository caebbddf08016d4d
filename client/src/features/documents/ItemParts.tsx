/**
 * The parts every item section is built from: the items of a section read live from the Y.Doc, a free-text
 * field bound to an item's Y.Text, the remove button, and a term with its value for people who only read.
 */

import { MAX_ITEM_TEXT } from '@samenspraak/shared';
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { Button, Field, Label, TextArea, TextInput } from '../../components/ui';
import { bindItemField } from './itemFieldBinding';
import { m } from './messages';

/** The items of a section, re-read whenever anything in the section's array changes. */
export function useItems<T>(doc: Y.Doc, sectionId: string, read: (doc: Y.Doc, sectionId: string) => T[]): T[] {
  const [items, setItems] = useState(() => read(doc, sectionId));
  useEffect(() => {
    const array = doc.getArray(sectionId);
    const update = () => setItems(read(doc, sectionId));
    update();
    array.observeDeep(update);
    return () => array.unobserveDeep(update);
  }, [doc, sectionId, read]);
  return items;
}

/** Focus the first field of an item that this person just added. */
export function useFocusNew(): [string | null, (id: string) => void, (id: string) => (el: HTMLElement | null) => void] {
  const [fresh, setFresh] = useState<string | null>(null);
  const ref = (id: string) => (el: HTMLElement | null) => {
    if (el && id === fresh) {
      el.focus();
      setFresh(null);
    }
  };
  return [fresh, setFresh, ref];
}

/**
 * A free-text field of one item, bound to the item's Y.Map (uncontrolled: the binding owns the value,
 * so a remote edit never moves the caret). Rebinds when the item's map is replaced (a restored version).
 */
export function TextField(props: {
  label: string;
  hint?: string;
  item: Y.Map<unknown> | null;
  field: string;
  multiline?: boolean;
  inputRef?: (el: HTMLElement | null) => void;
  testId?: string;
}) {
  const id = useId();
  const hintId = props.hint ? `${id}-hint` : undefined;
  const control = useRef<HTMLTextAreaElement | HTMLInputElement | null>(null);
  const { item, field, inputRef } = props;
  useEffect(() => {
    if (!control.current || !item) return;
    return bindItemField(control.current, item, field);
  }, [item, field]);
  const ref = (el: HTMLTextAreaElement | HTMLInputElement | null) => {
    control.current = el;
    inputRef?.(el);
  };
  const common = {
    id,
    'aria-describedby': hintId,
    maxLength: MAX_ITEM_TEXT,
    'data-testid': props.testId,
  };
  return (
    <Field className="item-field">
      <Label htmlFor={id}>{props.label}</Label>
      {props.hint && (
        <p className="item-field__hint" id={hintId}>
          {props.hint}
        </p>
      )}
      {props.multiline ? (
        <TextArea {...common} rows={2} resize="vertical" ref={ref} />
      ) : (
        <TextInput {...common} ref={ref} />
      )}
    </Field>
  );
}

export function RemoveButton({ what, onRemove }: { what: string; onRemove(): void }) {
  return (
    <Button
      variant="tertiary"
      className="item-remove"
      aria-label={`${m.remove}: ${what}`}
      onClick={() => {
        if (window.confirm(m.removeConfirm(what))) onRemove();
      }}
    >
      {m.remove}
    </Button>
  );
}

export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="item-facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
