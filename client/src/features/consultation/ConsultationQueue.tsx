/**
 * `/consultaties[/:id]` — the RET procesregisseur's queue of consultation requests of their region. The
 * list has no contact details; opening one reads them (a logged read). From there the RET answers it
 * (answer + outcome, closes it) or turns it into a case (the registration form, prefilled).
 */
import {
  CONSULTATION_OUTCOMES,
  type ConsultationResponse,
  type ConsultationsResponse,
  type ConsultationView,
} from '@samenspraak/shared';
import { type FormEvent, useEffect, useState } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { AppLink, paths } from '../../app/router';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  Button,
  DescriptionList,
  FieldSet,
  Heading,
  LabelledField,
  Paragraph,
  Radio,
  Table,
  TextArea,
} from '../../components/ui';
import { shortMoment } from '../../dates';
import { m } from './messages';

function Answer({ request, onDone }: { request: ConsultationView; onDone(c: ConsultationView): void }) {
  const [answer, setAnswer] = useState('');
  const [outcome, setOutcome] = useState<(typeof CONSULTATION_OUTCOMES)[number]>('advies-gegeven');
  const { busy, error, submit } = useSubmit();
  const send = (e: FormEvent) => {
    e.preventDefault();
    void submit(async () => {
      const res = await api<ConsultationResponse>(
        'POST',
        `/api/consultations/${encodeURIComponent(request.id)}/answer`,
        { answer, outcome },
      );
      onDone(res.consultation);
    });
  };
  return (
    <form className="stack" onSubmit={send} aria-labelledby="answer-title">
      <Heading level={2} size="level-3" id="answer-title">
        {m.answerTitle}
      </Heading>
      <LabelledField id="c-answer" label={m.answer} hint="">
        <TextArea
          id="c-answer"
          required
          rows={3}
          maxLength={4000}
          value={answer}
          onChange={(e) => setAnswer(e.target.value)}
        />
      </LabelledField>
      <FieldSet legend={m.outcome}>
        {CONSULTATION_OUTCOMES.map((o) => (
          <Radio key={o} name="c-outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)}>
            {m.outcomes[o]}
          </Radio>
        ))}
      </FieldSet>
      {error && (
        <ErrorAlert heading={m.failed} headingLevel={3}>
          {error}
        </ErrorAlert>
      )}
      <div>
        <Button type="submit" variant="secondary" disabled={busy || !answer.trim()}>
          {m.answerButton}
        </Button>
      </div>
    </form>
  );
}

function Request({ id }: { id: string }) {
  const res = useApi<ConsultationResponse>(`/api/consultations/${encodeURIComponent(id)}`);
  const [closed, setClosed] = useState<ConsultationView | null>(null);
  const c = closed ?? res.data?.consultation ?? null;
  if (res.error) return <Paragraph role="alert">{errorText(res.error)}</Paragraph>;
  if (!c) return <Paragraph>…</Paragraph>;
  return (
    <div className="stack" data-testid="consultation-detail">
      <Heading level={1}>{c.receipt}</Heading>
      <DescriptionList>
        <DescriptionList.Term>{m.asker}</DescriptionList.Term>
        <DescriptionList.Description>
          {c.name} ({m.askerShort[c.asker]})
        </DescriptionList.Description>
        <DescriptionList.Term>{m.contact}</DescriptionList.Term>
        <DescriptionList.Description>{[c.phone, c.email].filter(Boolean).join(' · ')}</DescriptionList.Description>
        <DescriptionList.Term>{m.received2}</DescriptionList.Term>
        <DescriptionList.Description>{shortMoment(c.createdAt)}</DescriptionList.Description>
        <DescriptionList.Term>{m.questionLabel}</DescriptionList.Term>
        <DescriptionList.Description>{c.question}</DescriptionList.Description>
        <DescriptionList.Term>{m.state}</DescriptionList.Term>
        <DescriptionList.Description>{m.states[c.state]}</DescriptionList.Description>
        {c.answer && (
          <>
            <DescriptionList.Term>{m.closedAnswer}</DescriptionList.Term>
            <DescriptionList.Description>
              {c.answer} ({c.outcome ? m.outcomes[c.outcome] : ''})
            </DescriptionList.Description>
          </>
        )}
      </DescriptionList>
      {c.caseId && <AppLink to={paths.case(c.caseId)}>{m.toCase}</AppLink>}
      {c.state === 'open' && (
        <>
          <div className="stack">
            <AppLink to={paths.register(c.id)} data-testid="consultation-convert">
              {m.convert}
            </AppLink>
            <Paragraph size="small">{m.convertHint}</Paragraph>
          </div>
          <Answer request={c} onDone={setClosed} />
        </>
      )}
      <AppLink to={paths.consultations()}>{m.back}</AppLink>
    </div>
  );
}

export function ConsultationQueue({ consultationId }: { consultationId: string | null }) {
  const list = useApi<ConsultationsResponse>(consultationId ? null : '/api/consultations');
  useEffect(() => {
    document.title = `${m.queueTitle} — Samenspraak`;
  }, []);
  if (consultationId) return <Request key={consultationId} id={consultationId} />;
  const items = list.data?.consultations ?? null;
  return (
    <section className="stack" aria-labelledby="queue-title">
      <Heading level={1} id="queue-title">
        {m.queueTitle}
      </Heading>
      <Paragraph>{m.queueIntro}</Paragraph>
      {list.error && <Paragraph role="alert">{errorText(list.error)}</Paragraph>}
      {items && items.length === 0 && <Paragraph>{m.queueEmpty}</Paragraph>}
      {items && items.length > 0 && (
        <Table className="stacked-table" role="table" data-testid="consultation-queue">
          <Table.ColumnHeaders columns={[m.received2, m.asker, m.state, '']} />
          <Table.Body role="rowgroup">
            {items.map((c) => (
              <Table.Row key={c.id} role="row">
                <Table.Cell role="cell" data-label={m.received2}>
                  {shortMoment(c.createdAt)}
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.asker}>
                  {m.askerShort[c.asker]}
                </Table.Cell>
                <Table.Cell role="cell" data-label={m.state}>
                  {m.states[c.state]}
                </Table.Cell>
                <Table.Cell role="cell">
                  <AppLink to={paths.consultations(c.id)}>
                    {m.open} {c.receipt}
                  </AppLink>
                </Table.Cell>
              </Table.Row>
            ))}
          </Table.Body>
        </Table>
      )}
    </section>
  );
}
