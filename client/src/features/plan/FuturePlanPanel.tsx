/**
 * The future plan's structured part on the plan page (server: server/src/plan/): the half-year check for
 * professionals, the BIG5 with "let go only when all five are stable", the supporter, per life domain
 * the situation, goal, service, who pays now and from 18 and the switch, the young person's comment,
 * and moves. Inputs only where the server will accept them (`mayWrite`); the server decides anyway.
 */
import {
  BIG5_STATUSES,
  type Big5Status,
  type Big5View,
  FUNDERS,
  type FuturePlanView,
  MOVE_REASONS,
  type PlanDomainBody,
  type PlanDomainView,
  SUPPORTER_KINDS,
} from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import {
  Alert,
  Button,
  DateInput,
  Heading,
  LabelledField,
  Paragraph,
  Select,
  TextArea,
  TextInput,
} from '../../components/ui';
import { formatDate, formatMoment } from '../../dates';
import { m } from './messages';
import './plan.css';

type PlanResponse = { plan: FuturePlanView };

export function FuturePlanPanel({ caseId }: { caseId: string }) {
  const id = useId();
  const url = `/api/cases/${encodeURIComponent(caseId)}/future-plan`;
  const res = useApi<PlanResponse>(url);
  const plan = res.data?.plan;
  if (res.error) {
    return (
      <Alert heading={m.notSaved} headingLevel={2} severity="error">
        <Paragraph>{errorText(res.error)}</Paragraph>
      </Alert>
    );
  }
  if (!plan) return null;
  const reload = res.reload;
  return (
    <section className="panel plan stack" aria-labelledby={`${id}-title`} data-testid="future-plan-panel">
      <Heading level={2} size="level-3" id={`${id}-title`}>
        {m.title}
      </Heading>
      <Paragraph size="small">{m.intro(formatDate(plan.eighteenOn))}</Paragraph>
      {plan.halfYearCheck && <CheckResult plan={plan} />}
      <Big5 plan={plan} url={url} reload={reload} />
      <Supporter plan={plan} url={url} reload={reload} />
      <div className="stack-s">
        {plan.domains.map((d) => (
          <DomainCard key={d.domain} domain={d} plan={plan} url={url} reload={reload} />
        ))}
      </div>
      <Moves plan={plan} url={url} reload={reload} />
    </section>
  );
}

function CheckResult({ plan }: { plan: FuturePlanView }) {
  const r = plan.halfYearCheck;
  if (!r) return null;
  const state = r.passing ? 'passing' : 'failing';
  return (
    <div className={`plan-check plan-check--${state}`} data-testid="half-year-check" data-state={state}>
      <Heading level={3} size="level-4">
        {m.checkTitle}: {r.passing ? m.checkPassing : m.checkFailing}
      </Heading>
      {!r.applies && <Paragraph size="small">{m.checkNotApplies}</Paragraph>}
      <ul className="plain-list stack-xs">
        {(Object.keys(m.checks) as (keyof typeof m.checks)[]).map((c) => (
          <li key={c} data-check={c} data-ok={r.checks[c] ? 'yes' : 'no'}>
            <span aria-hidden="true">{r.checks[c] ? '✓ ' : '✗ '}</span>
            {m.checks[c]} — <strong>{r.checks[c] ? m.ok : m.notOk}</strong>
          </li>
        ))}
      </ul>
      {r.domainsNotEngaged.length > 0 && (
        <Paragraph size="small">{m.notEngagedIn(r.domainsNotEngaged.map((d) => m.domains[d]).join(', '))}</Paragraph>
      )}
    </div>
  );
}

interface PartProps {
  plan: FuturePlanView;
  url: string;
  reload(): Promise<void>;
}

function Big5({ plan, url, reload }: PartProps) {
  const id = useId();
  return (
    <div className="stack-s" data-testid="big5">
      <Heading level={3} size="level-4" id={`${id}-big5`}>
        {m.big5Title}
      </Heading>
      <Paragraph size="small">{m.big5Intro}</Paragraph>
      <Paragraph>
        <strong>{m.letGo}</strong> {plan.allStable ? m.allStable : m.notAllStable}
      </Paragraph>
      <ul className="plain-list plan-big5">
        {plan.big5.map((b) => (
          <Big5Row key={b.item} b={b} editable={plan.mayWrite.director} url={url} reload={reload} />
        ))}
      </ul>
    </div>
  );
}

function Big5Row({
  b,
  editable,
  url,
  reload,
}: {
  b: Big5View;
  editable: boolean;
  url: string;
  reload(): Promise<void>;
}) {
  const id = useId();
  const { failure, submit } = useSubmit();
  const shown = b.confirmed ?? b.derived;
  const change = (status: Big5Status) =>
    void submit(
      async (ok) => {
        await api('PUT', `${url}/big5`, { item: b.item, status });
        ok();
      },
      { settle: reload },
    );
  return (
    <li className={`plan-big5__item plan-big5__item--${shown}`} data-item={b.item} data-status={shown}>
      <strong>{m.big5Items[b.item]}</strong>: {m.big5Statuses[shown]}
      <span className="plan-small">
        {' '}
        {b.confirmedByName ? m.confirmedBy(b.confirmedByName) : m.notConfirmed} · {m.derived(m.big5Statuses[b.derived])}
      </span>
      {editable && (
        <div className="plan-big5__confirm">
          <label htmlFor={id} className="visually-hidden">
            {m.confirm(m.big5Items[b.item])}
          </label>
          <Select id={id} value={b.confirmed ?? ''} onChange={(e) => change(e.target.value as Big5Status)}>
            <Select.Option value="" disabled>
              {m.notConfirmed}
            </Select.Option>
            {BIG5_STATUSES.map((s) => (
              <Select.Option key={s} value={s}>
                {m.big5Statuses[s]}
              </Select.Option>
            ))}
          </Select>
        </div>
      )}
      {failure !== null && <span className="plan-error">{errorText(failure)}</span>}
    </li>
  );
}

function Supporter({ plan, url, reload }: PartProps) {
  const id = useId();
  const editable = plan.mayWrite.director || plan.mayWrite.youth;
  const [kind, setKind] = useState(plan.supporterKind ?? '');
  const [name, setName] = useState(plan.supporterName);
  const { busy, failure, done, submit } = useSubmit();
  const save = (e: FormEvent) => {
    e.preventDefault();
    void submit(
      async (ok) => {
        await api('PUT', `${url}/supporter`, { kind: kind || null, name });
        ok();
      },
      { settle: reload },
    );
  };
  return (
    <div className="stack-s" data-testid="supporter">
      <Heading level={3} size="level-4">
        {m.supporterTitle}
      </Heading>
      <Paragraph>
        {plan.supporterName
          ? `${plan.supporterKind ? `${m.supporterKinds[plan.supporterKind]}: ` : ''}${plan.supporterName}`
          : m.supporterNone}
      </Paragraph>
      {editable && (
        <details>
          <summary>{m.supporterTitle}</summary>
          <form className="stack-s" onSubmit={save}>
            <LabelledField id={`${id}-kind`} label={m.supporterKind} hint="">
              <Select id={`${id}-kind`} value={kind} onChange={(e) => setKind(e.target.value)}>
                <Select.Option value="">{m.supporterNone}</Select.Option>
                {SUPPORTER_KINDS.map((k) => (
                  <Select.Option key={k} value={k}>
                    {m.supporterKinds[k]}
                  </Select.Option>
                ))}
              </Select>
            </LabelledField>
            <LabelledField id={`${id}-name`} label={m.supporterName} hint="">
              <TextInput id={`${id}-name`} value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
            </LabelledField>
            <Button type="submit" disabled={busy}>
              {m.save}
            </Button>
            {done && <span role="status">{m.saved}</span>}
            {failure !== null && (
              <ErrorAlert heading={m.notSaved} headingLevel={3}>
                {errorText(failure)}
              </ErrorAlert>
            )}
          </form>
        </details>
      )}
    </div>
  );
}

function switchState(d: PlanDomainView, check: FuturePlanView['halfYearCheck']): 'ok' | 'missing' | 'none' {
  if (check?.domainsNotEngaged.includes(d.domain)) return 'missing';
  if (d.funderFrom18 && d.funderFrom18 !== d.funderNow && d.switchArrangedOn && d.switchContact) return 'ok';
  return 'none';
}

type Draft = Required<{ [K in keyof PlanDomainBody]: string }>;

function draftOf(d: PlanDomainView): Draft {
  return {
    situation: d.situation,
    goal: d.goal,
    service: d.service,
    funderNow: d.funderNow ?? '',
    funderFrom18: d.funderFrom18 ?? '',
    switchArrangedOn: d.switchArrangedOn ?? '',
    switchContact: d.switchContact,
    youthComment: d.youthComment,
  };
}

const WRITER: Record<keyof Draft, 'director' | 'drafter' | 'youth'> = {
  situation: 'drafter',
  goal: 'drafter',
  service: 'drafter',
  funderNow: 'director',
  funderFrom18: 'director',
  switchArrangedOn: 'director',
  switchContact: 'director',
  youthComment: 'youth',
};

function DomainCard({ domain: d, plan, url, reload }: PartProps & { domain: PlanDomainView }) {
  const id = useId();
  const [draft, setDraft] = useState<Draft>(() => draftOf(d));
  const { busy, failure, done, submit } = useSubmit();
  const may = (f: keyof Draft) => plan.mayWrite[WRITER[f]];
  const anyEditable = (Object.keys(WRITER) as (keyof Draft)[]).some(may);
  const state = switchState(d, plan.halfYearCheck);
  const set = (f: keyof Draft) => (e: { target: { value: string } }) =>
    setDraft((x) => ({ ...x, [f]: e.target.value }));
  const label = (v: string) => (v ? m.funders[v as keyof typeof m.funders] : m.funderNone);

  const save = (e: FormEvent) => {
    e.preventDefault();
    const base = draftOf(d);
    const body: Record<string, string | null> = {};
    for (const f of Object.keys(WRITER) as (keyof Draft)[]) {
      if (!may(f) || draft[f] === base[f]) continue;
      const v = draft[f];
      body[f] = (f === 'funderNow' || f === 'funderFrom18' || f === 'switchArrangedOn') && v === '' ? null : v;
    }
    if (Object.keys(body).length === 0) return;
    void submit(
      async (ok) => {
        await api('PUT', `${url}/domains/${d.domain}`, body);
        ok();
      },
      { settle: reload },
    );
  };

  const text = (f: 'situation' | 'goal' | 'service' | 'youthComment', hint = '') =>
    may(f) ? (
      <LabelledField id={`${id}-${f}`} label={m[f]} hint={hint}>
        <TextArea
          id={`${id}-${f}`}
          rows={2}
          maxLength={f === 'service' ? 1000 : 4000}
          value={draft[f]}
          onChange={set(f)}
        />
      </LabelledField>
    ) : (
      <dl className="plan-fact">
        <dt>{m[f]}</dt>
        <dd className="pre-line">{d[f] || '—'}</dd>
      </dl>
    );
  const funder = (f: 'funderNow' | 'funderFrom18') =>
    may(f) ? (
      <LabelledField id={`${id}-${f}`} label={m[f]} hint="">
        <Select id={`${id}-${f}`} value={draft[f]} onChange={set(f)}>
          <Select.Option value="">{m.funderNone}</Select.Option>
          {FUNDERS.map((x) => (
            <Select.Option key={x} value={x}>
              {m.funders[x]}
            </Select.Option>
          ))}
        </Select>
      </LabelledField>
    ) : (
      <dl className="plan-fact">
        <dt>{m[f]}</dt>
        <dd>{label(d[f] ?? '')}</dd>
      </dl>
    );

  return (
    <details className="plan-domain" data-testid={`plan-domain-${d.domain}`}>
      <summary>
        <span className="plan-domain__name">{m.domains[d.domain]}</span>{' '}
        <span className="plan-small">{m.funding(label(d.funderNow ?? ''), label(d.funderFrom18 ?? ''))}</span>{' '}
        <span className={`status-tag plan-switch plan-switch--${state}`}>
          {state === 'ok' ? m.switchOk : state === 'missing' ? m.switchMissing : m.noSwitch}
        </span>
      </summary>
      <form className="stack-s plan-domain__body" onSubmit={save} aria-label={m.domains[d.domain]}>
        <div className="stack-s plan-fields">
          {text('situation')}
          {text('goal')}
          {text('service')}
          {funder('funderNow')}
          {funder('funderFrom18')}
          {may('switchArrangedOn') ? (
            <LabelledField id={`${id}-date`} label={m.switchArrangedOn} hint="">
              <DateInput id={`${id}-date`} value={draft.switchArrangedOn} onChange={set('switchArrangedOn')} />
            </LabelledField>
          ) : (
            <dl className="plan-fact">
              <dt>{m.switchArrangedOn}</dt>
              <dd>{d.switchArrangedOn ? formatDate(d.switchArrangedOn) : '—'}</dd>
            </dl>
          )}
          {may('switchContact') ? (
            <LabelledField id={`${id}-contact`} label={m.switchContact} hint={m.switchContactHint}>
              <TextInput
                id={`${id}-contact`}
                aria-describedby={`${id}-contact-hint`}
                maxLength={200}
                value={draft.switchContact}
                onChange={set('switchContact')}
              />
            </LabelledField>
          ) : (
            <dl className="plan-fact">
              <dt>{m.switchContact}</dt>
              <dd>{d.switchContact || '—'}</dd>
            </dl>
          )}
          {text('youthComment', m.youthCommentHint)}
        </div>
        {d.updatedAt && d.updatedByName && (
          <Paragraph size="small">{m.lastChange(d.updatedByName, formatMoment(d.updatedAt))}</Paragraph>
        )}
        {anyEditable ? (
          <div className="plan-actions">
            <Button type="submit" disabled={busy}>
              {m.save}
            </Button>
            {done && <span role="status">{m.saved}</span>}
          </div>
        ) : (
          <Paragraph size="small">{m.readOnly}</Paragraph>
        )}
        {failure !== null && (
          <ErrorAlert heading={m.notSaved} headingLevel={3}>
            {errorText(failure)}
          </ErrorAlert>
        )}
      </form>
    </details>
  );
}

function Moves({ plan, url, reload }: PartProps) {
  const id = useId();
  const [movedOn, setMovedOn] = useState('');
  const [where, setWhere] = useState('');
  const [reason, setReason] = useState('');
  const [explanation, setExplanation] = useState('');
  const { busy, failure, done, submit } = useSubmit();
  const may = plan.mayWrite.drafter;
  const save = (e: FormEvent) => {
    e.preventDefault();
    void submit(
      async (ok) => {
        await api('POST', `${url}/moves`, {
          movedOn,
          newAddressKind: where,
          ...(reason ? { reason } : {}),
          explanation,
        });
        setMovedOn('');
        setWhere('');
        setReason('');
        setExplanation('');
        ok();
      },
      { settle: reload },
    );
  };
  return (
    <div className="stack-s" data-testid="plan-moves">
      <Heading level={3} size="level-4">
        {m.movesTitle}
      </Heading>
      <Paragraph size="small">{m.movesIntro}</Paragraph>
      {plan.moves.length === 0 ? (
        <Paragraph>{m.movesNone}</Paragraph>
      ) : (
        <ul className="plain-list stack-xs">
          {plan.moves.map((mv) => (
            <li key={mv.id}>
              {formatDate(mv.movedOn)}
              {mv.newAddressKind ? ` — ${mv.newAddressKind}` : ''}
              {mv.nearEighteen ? ` (${m.moveNear})` : ''}
              {mv.reason ? ` — ${m.moveReasons[mv.reason]}` : ''}
              {mv.explanation ? `: ${mv.explanation}` : ''}
            </li>
          ))}
        </ul>
      )}
      {may && (
        <details>
          <summary>{m.recordMove}</summary>
          <form className="stack-s" onSubmit={save}>
            <LabelledField id={`${id}-on`} label={m.movedOn} hint="">
              <DateInput id={`${id}-on`} required value={movedOn} onChange={(e) => setMovedOn(e.target.value)} />
            </LabelledField>
            <LabelledField id={`${id}-where`} label={m.newAddressKind} hint="">
              <TextInput id={`${id}-where`} maxLength={200} value={where} onChange={(e) => setWhere(e.target.value)} />
            </LabelledField>
            <LabelledField id={`${id}-reason`} label={m.moveReason} hint="">
              <Select id={`${id}-reason`} value={reason} onChange={(e) => setReason(e.target.value)}>
                <Select.Option value="">{m.moveReasonNone}</Select.Option>
                {MOVE_REASONS.map((r) => (
                  <Select.Option key={r} value={r}>
                    {m.moveReasons[r]}
                  </Select.Option>
                ))}
              </Select>
            </LabelledField>
            <LabelledField id={`${id}-expl`} label={m.moveExplanation} hint="">
              <TextArea
                id={`${id}-expl`}
                rows={2}
                maxLength={2000}
                value={explanation}
                onChange={(e) => setExplanation(e.target.value)}
              />
            </LabelledField>
            <Button type="submit" disabled={busy}>
              {m.recordMove}
            </Button>
            {done && <span role="status">{m.saved}</span>}
            {failure !== null && (
              <ErrorAlert heading={m.notSaved} headingLevel={3}>
                {errorText(failure)}
              </ErrorAlert>
            )}
          </form>
        </details>
      )}
    </div>
  );
}
