/**
 * Placement decisions on the case page (002 h1): the decisions with the signed-off analysis they rest
 * on, whether they follow it (binding advice) or why not; for the roles that decide, a form. The server
 * refuses what the rules forbid (no or too old analysis, no reason, no GZ-psycholoog) in Dutch.
 */
import {
  type CaseDetail,
  PLACEMENT_DECIDERS,
  PLACEMENT_KINDS,
  type PlacementDecisionsResponse,
  type PlacementKind,
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
  Checkbox,
  FieldSet,
  Heading,
  LabelledField,
  Paragraph,
  Radio,
  Select,
  TextArea,
} from '../../components/ui';
import { formatDate, formatMoment } from '../../dates';
import { roleLabel } from '../../i18n';
import { useCaseLive } from '../escalation/useCaseLive';
import { m } from './messages';

export function PlacementDecisions({ detail }: { detail: CaseDetail }) {
  const id = useId();
  const url = `/api/cases/${encodeURIComponent(detail.id)}/placement-decisions`;
  const res = useApi<PlacementDecisionsResponse>(url);
  useCaseLive(detail.id, ['escalation'], () => void res.reload());
  const [kind, setKind] = useState<PlacementKind>('uithuisplaatsing');
  const [decision, setDecision] = useState('');
  const [follows, setFollows] = useState(true);
  const [reason, setReason] = useState('');
  const [gz, setGz] = useState('');
  const { busy, failure, done, submit } = useSubmit();
  // Bumped after a successful submit: the cleared fields remount, so they do not show as invalid.
  const [round, setRound] = useState(0);
  const mayDecide = PLACEMENT_DECIDERS.includes(detail.myRole);
  const gzPeople = detail.participants.filter((p) => p.role === 'gz-psycholoog');

  const save = (e: FormEvent) => {
    e.preventDefault();
    void submit(
      async (ok) => {
        await api('POST', url, {
          kind,
          decision,
          followsAnalysis: follows,
          ...(follows ? {} : { departureReason: reason }),
          ...(gz ? { gzPsycholoogId: gz } : {}),
        });
        setDecision('');
        setReason('');
        setRound((r) => r + 1);
        ok();
      },
      { settle: res.reload },
    );
  };

  return (
    <section
      className="panel case-page__panel stack-s"
      aria-labelledby={`${id}-title`}
      data-testid="placement-decisions"
    >
      <Heading level={2} size="level-3" id={`${id}-title`}>
        {m.title}
      </Heading>
      <Paragraph size="small">{m.intro}</Paragraph>
      {res.data && res.data.decisions.length === 0 && <Paragraph>{m.none}</Paragraph>}
      {res.data && res.data.decisions.length > 0 && (
        <ul className="plain-list stack-s">
          {res.data.decisions.map((d) => (
            <li key={d.id} className="family-step" data-testid="placement-decision">
              <strong>{m.kinds[d.kind]}</strong>: <span className="pre-line">{d.decision}</span>
              <span className="family-line">
                <strong>{d.followsAnalysis ? m.follows : m.departs}</strong>
                {d.departureReason ? ` — ${m.reason} ${d.departureReason}` : ''}
              </span>
              <span className="family-line">{m.restsOn(d.analysis.name, formatDate(d.analysis.signedOffAt))}</span>
              {d.gzPsycholoog && <span className="family-line">{m.gz(d.gzPsycholoog.name)}</span>}
              <span className="family-line">
                {m.by(`${d.decidedBy} (${roleLabel(d.decidedByRole)})`, formatMoment(d.decidedAt))}
              </span>
            </li>
          ))}
        </ul>
      )}
      {mayDecide && (
        <details>
          <summary>{m.formTitle}</summary>
          <form className="stack" onSubmit={save}>
            {done && <Alert heading={m.saved} headingLevel={3} severity="success" role="status" />}
            {failure !== null && (
              <ErrorAlert heading={m.notSaved} headingLevel={3}>
                {errorText(failure)}
              </ErrorAlert>
            )}
            <FieldSet legend={m.kindLegend}>
              {PLACEMENT_KINDS.map((k) => (
                <Radio key={k} name={`${id}-kind`} value={k} checked={kind === k} onChange={() => setKind(k)}>
                  {m.kinds[k]}
                </Radio>
              ))}
            </FieldSet>
            <LabelledField id={`${id}-decision`} label={m.decisionLabel} hint={m.decisionHint}>
              <TextArea
                id={`${id}-decision`}
                key={`r${round}`}
                aria-describedby={`${id}-decision-hint`}
                required
                rows={3}
                maxLength={4000}
                value={decision}
                onChange={(e) => setDecision(e.target.value)}
              />
            </LabelledField>
            <Checkbox checked={follows} onChange={(e) => setFollows(e.currentTarget.checked)}>
              {m.followsLabel}
            </Checkbox>
            {!follows && (
              <LabelledField id={`${id}-reason`} label={m.reasonLabel} hint={m.reasonHint}>
                <TextArea
                  id={`${id}-reason`}
                  key={`r${round}`}
                  aria-describedby={`${id}-reason-hint`}
                  required
                  rows={3}
                  maxLength={4000}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                />
              </LabelledField>
            )}
            {kind === 'gesloten-plaatsing' &&
              (gzPeople.length === 0 ? (
                <Paragraph>{m.gzMissing}</Paragraph>
              ) : (
                <LabelledField id={`${id}-gz`} label={m.gzLabel} hint={m.gzHint}>
                  <Select
                    id={`${id}-gz`}
                    aria-describedby={`${id}-gz-hint`}
                    value={gz}
                    onChange={(e) => setGz(e.target.value)}
                  >
                    <Select.Option value="">{m.gzNone}</Select.Option>
                    {gzPeople.map((p) => (
                      <Select.Option key={p.userId} value={p.userId}>
                        {p.name}
                      </Select.Option>
                    ))}
                  </Select>
                </LabelledField>
              ))}
            <div>
              <Button type="submit" disabled={busy}>
                {busy ? m.submitting : m.submit}
              </Button>
            </div>
          </form>
        </details>
      )}
    </section>
  );
}
