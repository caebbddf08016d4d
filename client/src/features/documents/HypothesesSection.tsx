/**
 * The explanatory hypotheses: editors change statement, evidence and status; everyone with a say
 * agrees or disagrees, and sees who agreed and who did not.
 */

import { MECHANISM_WORDS } from '@samenspraak/shared';
import { useId } from 'react';
import type * as Y from 'yjs';
import { Button, Field, Label, Select } from '../../components/ui';
import { lang, roleLabel } from '../../i18n';
import type { VoteTally } from './api';
import { RemoveButton, TextField, useFocusNew, useItems } from './ItemParts';
import {
  addHypothesis,
  findItemMap,
  HYPOTHESES_SECTION,
  HYPOTHESIS_MECHANISMS,
  HYPOTHESIS_STATUSES,
  type HypothesisMechanism,
  type HypothesisStatus,
  readHypotheses,
  removeItem,
  updateItem,
} from './items';
import { m } from './messages';
import { tm } from './templateMessages';
import type { VotesState } from './useVotes';

const readHypothesesOf = (doc: Y.Doc) => readHypotheses(doc);

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
        <ol className="plain-list items__list">
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
                    <MechanismSelect
                      value={h.mechanisme}
                      onChange={(mechanisme) => updateItem(doc, HYPOTHESES_SECTION, h.id, { mechanisme })}
                    />
                    <StatusSelect
                      value={h.status}
                      onChange={(status) => updateItem(doc, HYPOTHESES_SECTION, h.id, { status })}
                    />
                    <RemoveButton what={label} onRemove={() => removeItem(doc, HYPOTHESES_SECTION, h.id)} />
                  </div>
                ) : (
                  <div className="item-card__fields">
                    {h.mechanisme && (
                      <p>
                        <strong>{tm.mechanism}</strong> {MECHANISM_WORDS[h.mechanisme][lang]}
                      </p>
                    )}
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

/** 002 Bijlage 1: does the hypothesis explain how the problem arises, persists, worsens or lessens? */
function MechanismSelect({
  value,
  onChange,
}: {
  value: HypothesisMechanism | '';
  onChange(mechanisme: HypothesisMechanism | ''): void;
}) {
  const id = useId();
  return (
    <Field className="item-field">
      <Label htmlFor={id}>{tm.mechanism}</Label>
      <Select
        id={id}
        value={value}
        data-testid="hypothesis-mechanism"
        onChange={(e) => onChange(e.target.value as HypothesisMechanism | '')}
      >
        <Select.Option value="">{tm.mechanismNone}</Select.Option>
        {HYPOTHESIS_MECHANISMS.map((x) => (
          <Select.Option key={x} value={x}>
            {MECHANISM_WORDS[x][lang]}
          </Select.Option>
        ))}
      </Select>
    </Field>
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
          {([true, false] as const).map((agree) => (
            <button
              key={String(agree)}
              type="button"
              className={`vote-button vote-button--${agree ? 'agree' : 'disagree'}`}
              aria-pressed={mine === agree}
              disabled={busy}
              onClick={() => votes.vote(hypothesisId, agree)}
            >
              {agree ? m.iAgree : m.iDisagree}
            </button>
          ))}
        </fieldset>
      )}
      <div aria-live="polite" className="votes__tally">
        {tally ? (
          <ul className="plain-list votes__list">
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
