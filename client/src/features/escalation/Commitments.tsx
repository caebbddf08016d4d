/** Commitments of the breakthrough team: the list with status in words, and the form a director fills in. */

import { type CommitmentView, LAWS_OR_BUDGETS, type LawOrBudget } from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { useSubmit } from '../../app/useSubmit';
import {
  Button,
  DateInput,
  Field,
  Heading,
  Label,
  LabelledField,
  Paragraph,
  Select,
  TextArea,
  TextInput,
} from '../../components/ui';
import { formatDate } from '../../dates';
import { endOfDayIso } from './format';
import { sortCommitments } from './ladder';
import { m } from './messages';
import { RefusalAlert } from './RefusalAlert';

export function StatusTag({ status }: { status: CommitmentView['status'] }) {
  return (
    <span className={`commit-status commit-status--${status}`}>
      <span className="commit-status__icon" aria-hidden="true">
        {m.statusIcon[status]}
      </span>
      {m.status[status]}
    </span>
  );
}

export function CommitmentList({
  commitments,
  canMarkMet,
  onMarkMet,
  headingLevel,
}: {
  commitments: readonly CommitmentView[];
  canMarkMet: (c: CommitmentView) => boolean;
  onMarkMet: (c: CommitmentView) => Promise<void>;
  headingLevel: 3 | 4;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  if (commitments.length === 0) return <Paragraph>{m.commitmentsEmpty}</Paragraph>;
  const count = (s: CommitmentView['status']) => commitments.filter((c) => c.status === s).length;
  return (
    <>
      <Paragraph>
        <strong>{m.commitmentsSummary(count('open'), count('overdue'), count('met'))}</strong>
      </Paragraph>
      <ul className="plain-list commitments">
        {sortCommitments(commitments).map((c) => (
          <li key={c.id} className={`commitment commitment--${c.status}`} data-testid="commitment">
            <div className="commitment__head">
              <Heading level={headingLevel} size="level-5" className="commitment__org">
                {c.organisation}
              </Heading>
              <StatusTag status={c.status} />
            </div>
            <Paragraph className="pre-line">{c.what}</Paragraph>
            <dl className="commitment__meta">
              <div>
                <dt>{m.colLaw}</dt>
                <dd>{m.laws[c.lawOrBudget] ?? c.lawOrBudget}</dd>
              </div>
              <div>
                <dt>{m.colDue}</dt>
                <dd>
                  <time dateTime={c.dueAt}>{formatDate(c.dueAt)}</time>
                </dd>
              </div>
            </dl>
            {c.status !== 'met' && canMarkMet(c) && (
              <div>
                <Button
                  variant="secondary"
                  disabled={busy === c.id}
                  aria-label={m.markMetLabel(c.organisation)}
                  onClick={() => {
                    setBusy(c.id);
                    void onMarkMet(c).finally(() => setBusy(null));
                  }}
                >
                  {m.markMet}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

export function CommitmentForm({
  caseId,
  defaultOrganisation,
  onSaved,
  headingLevel,
}: {
  caseId: string;
  defaultOrganisation: string;
  onSaved: () => Promise<void> | void;
  headingLevel: 2 | 3;
}) {
  const id = useId();
  const [organisation, setOrganisation] = useState(defaultOrganisation);
  const [what, setWhat] = useState('');
  const [law, setLaw] = useState<LawOrBudget>('Jeugdwet');
  const [due, setDue] = useState('');
  const { busy, failure, done: saved, submit: run } = useSubmit();
  // Bumped after a successful submit: the cleared fields remount, so they do not show as invalid.
  const [round, setRound] = useState(0);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    void run(async (done) => {
      await api('POST', `/api/cases/${encodeURIComponent(caseId)}/commitments`, {
        organisation,
        what,
        lawOrBudget: law,
        dueAt: endOfDayIso(due),
      });
      setWhat('');
      setRound((r) => r + 1);
      setDue('');
      done();
      await onSaved();
    });
  };

  return (
    <form className="stack" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <Heading level={headingLevel} id={`${id}-title`}>
        {m.commitTitle}
      </Heading>
      <Paragraph>{m.commitIntro}</Paragraph>
      {saved && (
        <p role="status" className="form-status">
          {m.commitSaved}
        </p>
      )}
      {failure !== null && <RefusalAlert error={failure} headingLevel={(headingLevel + 1) as 3 | 4} />}
      <Field>
        <Label htmlFor={`${id}-org`}>{m.organisationLabel}</Label>
        <TextInput
          id={`${id}-org`}
          required
          maxLength={200}
          value={organisation}
          onChange={(e) => setOrganisation(e.target.value)}
        />
      </Field>
      <LabelledField id={`${id}-what`} label={m.whatLabel} hint={m.whatHint}>
        <TextArea
          id={`${id}-what`}
          key={`r${round}`}
          aria-describedby={`${id}-what-hint`}
          required
          rows={3}
          maxLength={4000}
          value={what}
          onChange={(e) => setWhat(e.target.value)}
        />
      </LabelledField>
      <Field>
        <Label htmlFor={`${id}-law`}>{m.lawLabel}</Label>
        <Select id={`${id}-law`} value={law} onChange={(e) => setLaw(e.target.value as LawOrBudget)}>
          {LAWS_OR_BUDGETS.map((l) => (
            <Select.Option key={l} value={l}>
              {m.laws[l] ?? l}
            </Select.Option>
          ))}
        </Select>
      </Field>
      <Field>
        <Label htmlFor={`${id}-due`}>{m.dueLabel}</Label>
        <DateInput key={`r${round}`} id={`${id}-due`} required value={due} onChange={(e) => setDue(e.target.value)} />
      </Field>
      <div>
        <Button type="submit" disabled={busy}>
          {busy ? m.submitting : m.commitSubmit}
        </Button>
      </div>
    </form>
  );
}
