/** The actions per life domain of the future plan: what, who, when, which law or budget, and where from. */

import { LAWS_OR_BUDGETS, type LawOrBudget } from '@samenspraak/shared';
import { useId } from 'react';
import type * as Y from 'yjs';
import { Button, DateInput, Field, Label, Select } from '../../components/ui';
import { formatDate } from '../../dates';
import { Fact, RemoveButton, TextField, useFocusNew, useItems } from './ItemParts';
import { addAction, type DomainAction, findItemMap, isOverdue, readActions, removeItem, updateItem } from './items';
import { localDate } from './localDate';
import { m } from './messages';

export function ActionsSection({ doc, sectionId, editable }: { doc: Y.Doc; sectionId: string; editable: boolean }) {
  const items = useItems(doc, sectionId, readActions);
  const [, setFresh, focusRef] = useFocusNew();
  const today = localDate(new Date());
  return (
    <div className="items" data-testid={`items-${sectionId}`}>
      {items.length === 0 ? (
        <p className="items__empty">{m.noActions}</p>
      ) : (
        <ol className="plain-list items__list">
          {items.map((a, i) => (
            <ActionCard
              key={a.id}
              action={a}
              n={i + 1}
              editable={editable}
              overdue={isOverdue(a, today)}
              item={editable ? findItemMap(doc, sectionId, a.id) : null}
              focusRef={focusRef(a.id)}
              onChange={(patch) => updateItem(doc, sectionId, a.id, patch)}
              onRemove={() => removeItem(doc, sectionId, a.id)}
            />
          ))}
        </ol>
      )}
      {editable && (
        <Button variant="secondary" onClick={() => setFresh(addAction(doc, sectionId))}>
          {m.addAction}
        </Button>
      )}
    </div>
  );
}

function ActionCard(props: {
  action: DomainAction;
  n: number;
  editable: boolean;
  overdue: boolean;
  /** The item's map, for its free-text fields (editors only). */
  item: Y.Map<unknown> | null;
  focusRef(el: HTMLElement | null): void;
  onChange(patch: Partial<Record<keyof DomainAction, string>>): void;
  onRemove(): void;
}) {
  const { action: a, editable } = props;
  const label = m.actionN(props.n);
  const headingId = useId();
  const dateId = useId();
  const lawId = useId();
  const due = a.wanneer ? (
    <>
      {formatDate(a.wanneer)}
      {props.overdue && <span className="status-tag status-tag--overdue">{m.overdue}</span>}
    </>
  ) : (
    '—'
  );
  return (
    <li className="item-card" aria-labelledby={headingId} data-testid="action">
      <div className="item-card__head">
        <h3 className="item-card__title" id={headingId}>
          {label}
          {!editable && a.wat ? `: ${a.wat}` : ''}
        </h3>
      </div>
      {editable ? (
        <div className="item-card__fields item-card__fields--grid">
          <div className="item-card__wide">
            <TextField label={m.wat} multiline item={props.item} field="wat" inputRef={props.focusRef} />
          </div>
          <TextField label={m.wie} item={props.item} field="wie" />
          <Field className="item-field">
            <Label htmlFor={dateId}>{m.wanneer}</Label>
            <DateInput id={dateId} value={a.wanneer} onChange={(e) => props.onChange({ wanneer: e.target.value })} />
          </Field>
          <Field className="item-field">
            <Label htmlFor={lawId}>{m.wet}</Label>
            <Select id={lawId} value={a.wet} onChange={(e) => props.onChange({ wet: e.target.value })}>
              <Select.Option value="">{m.wetNone}</Select.Option>
              {LAWS_OR_BUDGETS.map((law) => (
                <Select.Option key={law} value={law}>
                  {m.laws[law]}
                </Select.Option>
              ))}
            </Select>
          </Field>
          <TextField label={m.bron} hint={m.bronHint} item={props.item} field="bron" />
          <div className="item-card__wide">
            <RemoveButton what={label} onRemove={props.onRemove} />
          </div>
        </div>
      ) : (
        <dl className="item-facts">
          <Fact term={m.wie}>{a.wie || '—'}</Fact>
          <Fact term={m.wanneer}>{due}</Fact>
          <Fact term={m.wet}>{a.wet ? m.laws[a.wet as LawOrBudget] : m.wetNone}</Fact>
          {a.bron && <Fact term={m.bron}>{a.bron}</Fact>}
        </dl>
      )}
    </li>
  );
}
