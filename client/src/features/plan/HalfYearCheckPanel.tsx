/**
 * The half-year check of the future plan as counts (server: `GET /api/future-plan/half-year-check/counts`):
 * for the municipality's policy officer (their municipality) and the RET/BEN (their region). Counts only;
 * "<5" and "hidden" as the server sends them. Mount on the monitor page: `<HalfYearCheckPanel />`.
 *
 * `MyFailingPlans` lists a professional's own cases whose plan fails, with the failing checks
 * (`GET /api/future-plan/half-year-check/failing`); it renders nothing for other people.
 */
import {
  HALF_YEAR_CHECKS,
  type HalfYearCountLine,
  type HalfYearCounts,
  type HalfYearFailingResponse,
} from '@samenspraak/shared';
import { useId } from 'react';
import { errorText } from '../../app/errorText';
import { AppLink, paths } from '../../app/router';
import { useApi } from '../../app/useApi';
import { Alert, Heading, Paragraph, Table } from '../../components/ui';
import { m } from './messages';
import './plan.css';

const shown = (v: HalfYearCountLine['total']) => (v === 'hidden' ? m.hidden : String(v));

function CountTable({ caption, head, rows }: { caption: string; head: string; rows: [string, HalfYearCountLine][] }) {
  return (
    <div className="plan-table-wrap">
      <Table>
        <Table.Caption>{caption}</Table.Caption>
        <Table.Header>
          <Table.Row>
            <Table.HeaderCell scope="col">{head}</Table.HeaderCell>
            <Table.HeaderCell scope="col" numericColumn>
              {m.total}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" numericColumn>
              {m.passing}
            </Table.HeaderCell>
            <Table.HeaderCell scope="col" numericColumn>
              {m.failing}
            </Table.HeaderCell>
          </Table.Row>
        </Table.Header>
        <Table.Body>
          {rows.map(([label, l]) => (
            <Table.Row key={label}>
              <Table.HeaderCell scope="row">{label}</Table.HeaderCell>
              <Table.Cell numericColumn>{shown(l.total)}</Table.Cell>
              <Table.Cell numericColumn>{shown(l.passing)}</Table.Cell>
              <Table.Cell numericColumn>{shown(l.failing)}</Table.Cell>
            </Table.Row>
          ))}
        </Table.Body>
      </Table>
    </div>
  );
}

export function HalfYearCheckPanel({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const id = useId();
  const res = useApi<{ counts: HalfYearCounts }>('/api/future-plan/half-year-check/counts');
  const c = res.data?.counts;
  return (
    <section className="panel plan stack-s" aria-labelledby={`${id}-t`} data-testid="half-year-check-panel">
      <Heading level={headingLevel} size="level-3" id={`${id}-t`}>
        {m.panelTitle}
      </Heading>
      <Paragraph size="small">{m.panelIntro}</Paragraph>
      {res.error && (
        <Alert heading={m.panelTitle} headingLevel={3} severity="error">
          <Paragraph>{errorText(res.error)}</Paragraph>
        </Alert>
      )}
      {c && (
        <>
          <CountTable
            caption={m.perCheck}
            head={m.check}
            rows={[
              [m.total, c.overall],
              ...HALF_YEAR_CHECKS.map((k) => [m.checks[k], c.perCheck[k]] as [string, HalfYearCountLine]),
            ]}
          />
          {c.perMunicipality.length > 0 && (
            <CountTable
              caption={m.perMunicipality}
              head={m.municipality}
              rows={c.perMunicipality.map((r) => [r.municipality, r])}
            />
          )}
          {c.perRegion.length > 0 && (
            <CountTable caption={m.perRegion} head={m.region} rows={c.perRegion.map((r) => [r.region, r])} />
          )}
          <div className="plan-table-wrap">
            <Table>
              <Table.Caption>{m.movesNear18}</Table.Caption>
              <Table.Header>
                <Table.Row>
                  <Table.HeaderCell scope="col">{m.reason}</Table.HeaderCell>
                  <Table.HeaderCell scope="col" numericColumn>
                    {m.count}
                  </Table.HeaderCell>
                </Table.Row>
              </Table.Header>
              <Table.Body>
                {Object.entries(c.movesNearEighteen).map(([k, v]) => (
                  <Table.Row key={k}>
                    <Table.HeaderCell scope="row">
                      {k === 'zonder_reden' ? m.noReason : (m.moveReasons[k as keyof typeof m.moveReasons] ?? k)}
                    </Table.HeaderCell>
                    <Table.Cell numericColumn>{shown(v)}</Table.Cell>
                  </Table.Row>
                ))}
              </Table.Body>
            </Table>
          </div>
        </>
      )}
    </section>
  );
}

/** A professional's own cases whose future plan fails the half-year check (nothing for anyone else). */
export function MyFailingPlans() {
  const id = useId();
  const res = useApi<HalfYearFailingResponse>('/api/future-plan/half-year-check/failing');
  if (!res.data) return null;
  return (
    <section className="panel plan stack-s" aria-labelledby={`${id}-t`} data-testid="my-failing-plans">
      <Heading level={2} size="level-4" id={`${id}-t`}>
        {m.myFailingTitle}
      </Heading>
      {res.data.cases.length === 0 ? (
        <Paragraph size="small">{m.myFailingNone}</Paragraph>
      ) : (
        <ul className="plain-list stack-xs">
          {res.data.cases.map((c) => (
            <li key={c.caseId}>
              <AppLink to={paths.document(c.caseId, 'futurePlan')}>{m.openPlan(c.youngPersonName)}</AppLink>
              <span className="plan-small"> — {c.failing.map((f) => m.checks[f]).join('; ')}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
