/**
 * Facts the clocks need, recorded where they happen (not in a separate admin screen): the GI records
 * that the child-protection measure started, those giving help that fitting help started. Through the
 * existing clock-facts command (`PUT /api/cases/:id/clock-facts`), which checks the roles again.
 * "Overleg gehouden" is recorded by holding the meeting (meetings panel); the analysis facts are the
 * sign-off's.
 */
import { amsterdamDate, type ClockFactsResponse, type Role } from '@samenspraak/shared';
import { type FormEvent, useState } from 'react';
import { api } from '../../app/api';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Button, DateInput, Label, Paragraph } from '../../components/ui';
import { formatDate } from '../../dates';
import { m } from './messages';

type Fact = 'measureStartedAt' | 'helpStartedAt';
/** As server/src/escalation/clockFacts.ts CLOCK_FACT_ROLES: the roles that know each fact. */
const FACT_ROLES: Record<Fact, readonly Role[]> = {
  measureStartedAt: ['jeugdbeschermer', 'procesregisseur'],
  helpStartedAt: ['jeugdbeschermer', 'jeugdhulpaanbieder', 'lokaal-team', 'procesregisseur'],
};

function FactForm(props: { caseId: string; fact: Fact; value: string | null; onDone(): void }) {
  const [date, setDate] = useState('');
  const { busy, error, submit } = useSubmit();
  const id = `fact-${props.fact}`;
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      await api('PUT', `/api/cases/${encodeURIComponent(props.caseId)}/clock-facts`, { [props.fact]: date });
      setDate('');
      props.onDone();
    });
  };
  return (
    <form className="stack fact" onSubmit={send} aria-label={m.facts[props.fact]} data-testid={id}>
      <Paragraph>
        <strong>{m.facts[props.fact]}</strong>:{' '}
        {/* The day it happened in Amsterdam, whatever the reader's time zone. */}
        {props.value ? formatDate(amsterdamDate(new Date(props.value))) : <span className="muted">{m.factNotYet}</span>}
      </Paragraph>
      <div className="fact__row">
        <Label htmlFor={id}>{m.factOn}</Label>
        <DateInput id={id} value={date} onChange={(e) => setDate(e.target.value)} />
        <Button type="submit" variant="secondary" disabled={busy || !date}>
          {m.factSave}
        </Button>
      </div>
      {error && (
        <ErrorAlert heading={m.loadFailed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
    </form>
  );
}

export function FactsPanel(props: { caseId: string; role: Role; version: number; onDone(): void }) {
  const facts = (Object.keys(FACT_ROLES) as Fact[]).filter((f) => FACT_ROLES[f].includes(props.role));
  const base = `/api/cases/${encodeURIComponent(props.caseId)}/clock-facts`;
  const current = useApi<ClockFactsResponse>(facts.length > 0 ? `${base}?v=${props.version}` : null);
  if (facts.length === 0) return null;
  return (
    <div className="stack" data-testid="clock-facts">
      <Paragraph size="small">{m.factsIntro}</Paragraph>
      {facts.map((f) => (
        <FactForm
          key={f}
          caseId={props.caseId}
          fact={f}
          value={current.data?.facts[f] ?? null}
          onDone={() => {
            void current.reload();
            props.onDone();
          }}
        />
      ))}
    </div>
  );
}
