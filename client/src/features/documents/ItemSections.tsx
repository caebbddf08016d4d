/**
 * Sections of structured items: the explanatory hypotheses (with everyone's agree / disagree), the
 * actions per life domain of the future plan, and the checklist for turning 18. Editors change the
 * items in the Y.Doc (through items.ts; free-text fields are bound to their Y.Text, so two people typing
 * in one field both keep their words); everyone else reads them.
 */

import { LAWS_OR_BUDGETS, type LawOrBudget, MAX_ITEM_TEXT } from '@samenspraak/shared';
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import type * as Y from 'yjs';
import { useLiveEvent } from '../../app/rooms';
import { Button, Checkbox, DateInput, Field, Label, Select, TextArea, TextInput } from '../../components/ui';
import { lang, roleLabel } from '../../i18n';
import { fetchVotes, type VoteTally } from './api';
import { bindItemField } from './itemFieldBinding';
import {
  addAction,
  addChecklistItem,
  addChecklistItems,
  addHypothesis,
  CHECKLIST_SECTION,
  type DomainAction,
  findItemMap,
  HYPOTHESES_SECTION,
  HYPOTHESIS_STATUSES,
  type HypothesisStatus,
  isOverdue,
  readActions,
  readChecklist,
  readHypotheses,
  removeItem,
  updateItem,
} from './items';
import { localDate } from './localDate';
import { m } from './messages';

/** The items of a section, re-read whenever anything in the section's array changes. */
function useItems<T>(doc: Y.Doc, sectionId: string, read: (doc: Y.Doc, sectionId: string) => T[]): T[] {
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

const readHypothesesOf = (doc: Y.Doc) => readHypotheses(doc);
const readChecklistOf = (doc: Y.Doc) => readChecklist(doc);

function formatDate(value: string): string {
  const [y, mo, d] = value.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, mo - 1, d)).toLocaleDateString(lang === 'en' ? 'en-GB' : 'nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** Focus the first field of an item that this person just added. */
function useFocusNew(): [string | null, (id: string) => void, (id: string) => (el: HTMLElement | null) => void] {
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
function TextField(props: {
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

function RemoveButton({ what, onRemove }: { what: string; onRemove(): void }) {
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

// ——— Hypotheses ———

export interface VotesState {
  tallies: Record<string, VoteTally>;
  pending: string | null;
  failed: string | null;
  vote(hypothesisId: string, agree: boolean): void;
}

const STATUS_CLASS: Record<HypothesisStatus, string> = {
  open: 'status-tag--open',
  supported: 'status-tag--supported',
  rejected: 'status-tag--rejected',
};

export function HypothesesSection(props: {
  doc: Y.Doc;
  editable: boolean;
  canVote: boolean;
  userId: string;
  votes: VotesState;
}) {
  const { doc, editable, canVote, userId, votes } = props;
  const items = useItems(doc, HYPOTHESES_SECTION, readHypothesesOf);
  const [, setFresh, focusRef] = useFocusNew();
  return (
    <div className="items" data-testid="items-hypothesen">
      {items.length === 0 ? (
        <p className="items__empty">{m.noHypotheses}</p>
      ) : (
        <ol className="items__list">
          {items.map((h, i) => {
            const label = m.hypothesisN(i + 1);
            const headingId = `hyp-${h.id}`;
            const item = editable ? findItemMap(doc, HYPOTHESES_SECTION, h.id) : null;
            return (
              <li key={h.id} className="item-card" aria-labelledby={headingId} data-testid="hypothesis">
                <div className="item-card__head">
                  <h3 className="item-card__title" id={headingId}>
                    {label}
                  </h3>
                  <span className={`status-tag ${STATUS_CLASS[h.status]}`}>{m.statuses[h.status]}</span>
                </div>
                {editable ? (
                  <div className="item-card__fields">
                    <TextField
                      label={m.statement}
                      hint={m.statementHint}
                      multiline
                      item={item}
                      field="statement"
                      inputRef={focusRef(h.id)}
                      testId="hypothesis-statement"
                    />
                    <TextField
                      label={m.evidence}
                      hint={m.evidenceHint}
                      multiline
                      item={item}
                      field="evidence"
                      testId="hypothesis-evidence"
                    />
                    <StatusSelect
                      value={h.status}
                      onChange={(status) => updateItem(doc, HYPOTHESES_SECTION, h.id, { status })}
                    />
                    <RemoveButton what={label} onRemove={() => removeItem(doc, HYPOTHESES_SECTION, h.id)} />
                  </div>
                ) : (
                  <div className="item-card__fields">
                    <p className="item-card__statement">{h.statement || '—'}</p>
                    {h.evidence && (
                      <p>
                        <strong>{m.evidence}</strong> {h.evidence}
                      </p>
                    )}
                  </div>
                )}
                <Votes hypothesisId={h.id} canVote={canVote} userId={userId} votes={votes} />
              </li>
            );
          })}
        </ol>
      )}
      {editable && (
        <Button variant="secondary" onClick={() => setFresh(addHypothesis(doc))} data-testid="add-hypothesis">
          {m.addHypothesis}
        </Button>
      )}
    </div>
  );
}

function StatusSelect({ value, onChange }: { value: HypothesisStatus; onChange(status: HypothesisStatus): void }) {
  const id = useId();
  return (
    <Field className="item-field">
      <Label htmlFor={id}>{m.status}</Label>
      <Select id={id} value={value} onChange={(e) => onChange(e.target.value as HypothesisStatus)}>
        {HYPOTHESIS_STATUSES.map((s) => (
          <Select.Option key={s} value={s}>
            {m.statuses[s]}
          </Select.Option>
        ))}
      </Select>
    </Field>
  );
}

function PersonList({ people }: { people: VoteTally['agree'] }) {
  if (people.length === 0) return null;
  return (
    <span className="votes__people">
      {': '}
      {people.map((p, i) => (
        <span key={p.id}>
          {i > 0 && ', '}
          {p.name} <span className="votes__role">({roleLabel(p.role)})</span>
        </span>
      ))}
    </span>
  );
}

function Votes({
  hypothesisId,
  canVote,
  userId,
  votes,
}: {
  hypothesisId: string;
  canVote: boolean;
  userId: string;
  votes: VotesState;
}) {
  const tally = votes.tallies[hypothesisId];
  const mine = tally
    ? tally.agree.some((p) => p.id === userId)
      ? true
      : tally.disagree.some((p) => p.id === userId)
        ? false
        : null
    : null;
  const busy = votes.pending === hypothesisId;
  return (
    <div className="votes" data-testid="votes">
      {canVote && (
        <fieldset className="votes__buttons">
          <legend className="votes__question">{m.yourView}</legend>
          <button
            type="button"
            className="vote-button vote-button--agree"
            aria-pressed={mine === true}
            disabled={busy}
            onClick={() => votes.vote(hypothesisId, true)}
          >
            {m.iAgree}
          </button>
          <button
            type="button"
            className="vote-button vote-button--disagree"
            aria-pressed={mine === false}
            disabled={busy}
            onClick={() => votes.vote(hypothesisId, false)}
          >
            {m.iDisagree}
          </button>
        </fieldset>
      )}
      <div aria-live="polite" className="votes__tally">
        {tally ? (
          <ul className="votes__list">
            <li data-testid="votes-agree">
              <strong>{m.agreeCount(tally.agree.length)}</strong>
              <PersonList people={tally.agree} />
            </li>
            <li data-testid="votes-disagree">
              <strong>{m.disagreeCount(tally.disagree.length)}</strong>
              <PersonList people={tally.disagree} />
            </li>
          </ul>
        ) : (
          canVote && <p className="votes__unknown">{m.votesUnknown}</p>
        )}
        {votes.failed === hypothesisId && (
          <p className="votes__error" role="alert">
            {m.voteFailed}
          </p>
        )}
      </div>
    </div>
  );
}

// ——— Actions per life domain ———

export function ActionsSection({ doc, sectionId, editable }: { doc: Y.Doc; sectionId: string; editable: boolean }) {
  const items = useItems(doc, sectionId, readActions);
  const [, setFresh, focusRef] = useFocusNew();
  const today = localDate(new Date());
  return (
    <div className="items" data-testid={`items-${sectionId}`}>
      {items.length === 0 ? (
        <p className="items__empty">{m.noActions}</p>
      ) : (
        <ol className="items__list">
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

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div className="item-facts__row">
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

// ——— Checklist for turning 18 ———

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
        <ul className="checklist">
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

/**
 * The votes on hypotheses: everyone's current view, read when the document opens and again when
 * someone votes (live `case:changed` of kind 'endorsements' for this document), plus this person's votes.
 */
export function useVotes(
  documentId: string,
  voteFn: (documentId: string, id: string, agree: boolean) => Promise<VoteTally>,
  /** False for documents without hypotheses (or people who may not read them): nothing is fetched. */
  enabled = true,
): VotesState {
  const [tallies, setTallies] = useState<Record<string, VoteTally>>({});
  const [pending, setPending] = useState<string | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  const reload = useCallback(() => {
    if (!enabled) return;
    fetchVotes(documentId)
      .then((list) => setTallies(Object.fromEntries(list.map((t) => [t.hypothesisId, t]))))
      .catch(() => {
        // Not allowed to read them, or offline: the tallies stay as they were; voting still answers.
      });
  }, [documentId, enabled]);
  useEffect(reload, [reload]);
  useLiveEvent('case:changed', (e) => {
    if (e === null || (e.kind === 'endorsements' && e.documentId === documentId)) reload();
  });
  return {
    tallies,
    pending,
    failed,
    vote(hypothesisId, agree) {
      setPending(hypothesisId);
      setFailed(null);
      voteFn(documentId, hypothesisId, agree)
        .then((tally) => setTallies((t) => ({ ...t, [hypothesisId]: tally })))
        .catch(() => setFailed(hypothesisId))
        .finally(() => setPending(null));
    },
  };
}
