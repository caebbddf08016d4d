/** The checklist for turning 18: items to tick off, with a standard list to start from. */

import { useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { Button, Checkbox, Field, Label, TextInput } from '../../components/ui';
import { RemoveButton, useItems } from './ItemParts';
import { addChecklistItem, addChecklistItems, CHECKLIST_SECTION, readChecklist, removeItem, updateItem } from './items';
import { m } from './messages';

const readChecklistOf = (doc: Y.Doc) => readChecklist(doc);

export function ChecklistSection({ doc, editable }: { doc: Y.Doc; editable: boolean }) {
  const items = useItems(doc, CHECKLIST_SECTION, readChecklistOf);
  const [draft, setDraft] = useState('');
  const inputId = useId();
  const input = useRef<HTMLInputElement>(null);
  const done = items.filter((i) => i.klaar).length;
  return (
    <div className="items" data-testid="items-checklist_18">
      {items.length > 0 && (
        <p className="checklist__progress">
          <progress max={items.length} value={done} aria-hidden="true" /> {m.checklistDone(done, items.length)}
        </p>
      )}
      {items.length === 0 ? (
        <p className="items__empty">{m.noChecklist}</p>
      ) : (
        <ul className="plain-list checklist">
          {items.map((item) => (
            <li key={item.id} className={`checklist__item ${item.klaar ? 'checklist__item--done' : ''}`}>
              {editable ? (
                <>
                  <Checkbox
                    checked={item.klaar}
                    onChange={(e) => updateItem(doc, CHECKLIST_SECTION, item.id, { klaar: e.target.checked })}
                  >
                    {item.tekst}
                  </Checkbox>
                  <RemoveButton what={item.tekst} onRemove={() => removeItem(doc, CHECKLIST_SECTION, item.id)} />
                </>
              ) : (
                <span className="checklist__readonly">
                  <span className="checklist__mark" aria-hidden="true">
                    {item.klaar ? '✓' : ''}
                  </span>
                  {item.tekst}
                  <span className="visually-hidden">: {item.klaar ? m.checklistItemDone : m.checklistItemOpen}</span>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
      {editable && (
        <div className="checklist__add">
          <form
            className="checklist__form"
            onSubmit={(e) => {
              e.preventDefault();
              const text = draft.trim();
              if (!text) return;
              addChecklistItem(doc, text);
              setDraft('');
              input.current?.focus();
            }}
          >
            <Field className="item-field">
              <Label htmlFor={inputId}>{m.newChecklistItem}</Label>
              <TextInput id={inputId} ref={input} value={draft} onChange={(e) => setDraft(e.target.value)} />
            </Field>
            <Button type="submit" variant="secondary">
              {m.addChecklistItem}
            </Button>
          </form>
          {items.length === 0 && (
            <Button variant="tertiary" onClick={() => addChecklistItems(doc, m.standardChecklist)}>
              {m.addStandardChecklist}
            </Button>
          )}
        </div>
      )}
    </div>
  );
}
