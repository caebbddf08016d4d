/**
 * "Pas op de plaats" (002): the joint risk records of a case — the risks, who bears each, and which of
 * the four sides agreed (each through a person of that side). Everyone on the case reads them; the
 * professionals record; a person agrees for the side their role belongs to (the server checks).
 */
import {
  CASE_PROFESSIONALS,
  type CaseDetail,
  type JointRisksResponse,
  RISK_PARTIES,
  RISK_PARTY_ROLES,
  type RiskParty,
} from '@samenspraak/shared';
import { type FormEvent, useId, useState } from 'react';
import { api } from '../../app/api';
import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { useSubmit } from '../../app/useSubmit';
import { ErrorAlert } from '../../components/ErrorAlert';
import { Button, Checkbox, FieldSet, Heading, LabelledField, Paragraph, TextArea } from '../../components/ui';
import { formatDate } from '../../dates';
import { useCaseLive } from '../escalation/useCaseLive';
import { jm } from './jointRiskMessages';

interface Row {
  risk: string;
  bornBy: RiskParty[];
}

export function JointRisks({ detail }: { detail: CaseDetail }) {
  const id = useId();
  const url = `/api/cases/${encodeURIComponent(detail.id)}/joint-risks`;
  const res = useApi<JointRisksResponse>(url);
  useCaseLive(detail.id, ['escalation'], () => void res.reload());
  const [rows, setRows] = useState<Row[]>([{ risk: '', bornBy: [] }]);
  const { busy, failure, submit } = useSubmit();
  const myParties = RISK_PARTIES.filter((p) => RISK_PARTY_ROLES[p].includes(detail.myRole));
  const mayRecord = CASE_PROFESSIONALS.includes(detail.myRole);

  const save = (e: FormEvent) => {
    e.preventDefault();
    void submit(
      async () => {
        await api('POST', url, { risks: rows });
        setRows([{ risk: '', bornBy: [] }]);
      },
      { settle: res.reload },
    );
  };
  const agree = (recordId: string, party: RiskParty) =>
    void submit(async () => void (await api('POST', `${url}/${recordId}/agreements`, { party })), {
      settle: res.reload,
    });
  const setRow = (i: number, row: Row) => setRows(rows.map((r, j) => (j === i ? row : r)));

  return (
    <section className="panel case-page__panel stack-s" aria-labelledby={`${id}-title`} data-testid="joint-risks">
      <Heading level={2} size="level-3" id={`${id}-title`}>
        {jm.title}
      </Heading>
      <Paragraph size="small">{jm.intro}</Paragraph>
      {failure !== null && (
        <ErrorAlert heading={jm.notSaved} headingLevel={3}>
          {errorText(failure)}
        </ErrorAlert>
      )}
      {res.data?.records.length === 0 && <Paragraph>{jm.none}</Paragraph>}
      {res.data?.records.map((r) => (
        <div key={r.id} className="family-step stack-s" data-testid="joint-risk-record">
          <ul className="plain-list">
            {r.risks.map((x) => (
              <li key={x.risk}>
                <strong>{x.risk}</strong> — {jm.bornBy} {x.bornBy.map((p) => jm.parties[p]).join(', ')}
              </li>
            ))}
          </ul>
          <ul className="plain-list">
            {RISK_PARTIES.map((p) => {
              const a = r.agreements.find((x) => x.party === p);
              return (
                <li key={p}>
                  {a ? jm.agreed(jm.parties[p] ?? p, a.name, formatDate(a.agreedAt)) : jm.waiting(jm.parties[p] ?? p)}
                </li>
              );
            })}
          </ul>
          {r.agreedByAll && <Paragraph>{jm.all}</Paragraph>}
          <Paragraph size="small">{jm.recordedBy(r.createdBy, formatDate(r.createdAt))}</Paragraph>
          {myParties
            .filter((p) => !r.agreements.some((a) => a.party === p))
            .map((p) => (
              <div key={p}>
                <Button variant="secondary" disabled={busy} onClick={() => agree(r.id, p)}>
                  {jm.agree(jm.parties[p] ?? p)}
                </Button>
              </div>
            ))}
        </div>
      ))}
      {mayRecord && (
        <details>
          <summary>{jm.formTitle}</summary>
          <form className="stack" onSubmit={save}>
            {rows.map((row, i) => (
              <div key={i} className="stack-s">
                <LabelledField id={`${id}-risk-${i}`} label={jm.riskLabel(i + 1)} hint={jm.riskHint}>
                  <TextArea
                    id={`${id}-risk-${i}`}
                    aria-describedby={`${id}-risk-${i}-hint`}
                    required
                    rows={2}
                    maxLength={1000}
                    value={row.risk}
                    onChange={(e) => setRow(i, { ...row, risk: e.target.value })}
                  />
                </LabelledField>
                <FieldSet legend={jm.bornLegend(i + 1)}>
                  {RISK_PARTIES.map((p) => (
                    <Checkbox
                      key={p}
                      checked={row.bornBy.includes(p)}
                      onChange={(e) =>
                        setRow(i, {
                          ...row,
                          bornBy: e.currentTarget.checked ? [...row.bornBy, p] : row.bornBy.filter((x) => x !== p),
                        })
                      }
                    >
                      {jm.parties[p]}
                    </Checkbox>
                  ))}
                </FieldSet>
              </div>
            ))}
            <div className="stack-s">
              <Button variant="secondary" type="button" onClick={() => setRows([...rows, { risk: '', bornBy: [] }])}>
                {jm.addRisk}
              </Button>
              <Button type="submit" disabled={busy}>
                {busy ? jm.submitting : jm.submit}
              </Button>
            </div>
          </form>
        </details>
      )}
    </section>
  );
}
