/**
 * The RET monitor (domain brief §6, issue 17) for the RET chair and BEN-NH adviser (their region) and
 * the municipality (itself): a trend per year, a bar chart per breakdown (with its table alternative)
 * and the full table per year, plus CSV and PDF downloads. Every count comes from the server already
 * suppressed: "<5" is 1–4, "verborgen" is withheld so that no "<5" can be worked out; shown as such.
 */

import { HALF_YEAR_COUNTS_ROLES, type MonitorTable, type Role } from '@samenspraak/shared';
import { useUser } from '../../app/auth';
import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { Alert, Button, Heading, Paragraph, Table } from '../../components/ui';
import { formatMoment } from '../../dates';
import { HalfYearCheckPanel } from '../plan/HalfYearCheckPanel';
import { BarChart, CountText } from './BarChart';
import type { BarDatum } from './charts';
import { m } from './messages';
import type { MonitorResponse } from './monitorData';
import './monitor.css';

/** The row totals of a table as bars (the breakdown over all years shown). */
export function breakdownBars(t: MonitorTable): BarDatum[] {
  return t.rows.map((key, i) => ({ key, label: t.rowLabels[i] ?? key, value: t.rowTotals[i] ?? 0 }));
}

/** Cases per year: the column totals of the registrants' table (every case has one registrant). */
export function trendBars(t: MonitorTable): BarDatum[] {
  return t.columns.map((key, i) => ({ key, label: t.columnLabels[i] ?? key, value: t.columnTotals?.[i] ?? 0 }));
}

function YearTable({ table }: { table: MonitorTable }) {
  const title = m.tableTitles[table.id] ?? table.title;
  return (
    <details className="monitor__years">
      <summary>{m.perYear}</summary>
      <div className="monitor__scroll">
        <Table>
          <Table.Caption>{`${title} — ${m.perYear.toLowerCase()}`}</Table.Caption>
          <Table.Header>
            <Table.Row>
              <Table.HeaderCell scope="col">{m.columnWhat}</Table.HeaderCell>
              {table.columnLabels.map((c) => (
                <Table.HeaderCell key={c} scope="col" numericColumn>
                  {c}
                </Table.HeaderCell>
              ))}
              <Table.HeaderCell scope="col" numericColumn>
                {m.columnTotal}
              </Table.HeaderCell>
            </Table.Row>
          </Table.Header>
          <Table.Body>
            {table.rows.map((row, r) => (
              <Table.Row key={row}>
                <Table.HeaderCell scope="row">{table.rowLabels[r]}</Table.HeaderCell>
                {table.columns.map((col, c) => (
                  <Table.Cell key={col} numericColumn>
                    <CountText value={table.cells[r]?.[c] ?? 0} />
                  </Table.Cell>
                ))}
                <Table.Cell numericColumn>
                  <CountText value={table.rowTotals[r] ?? 0} />
                </Table.Cell>
              </Table.Row>
            ))}
            {table.columnTotals && (
              <Table.Row>
                <Table.HeaderCell scope="row">{m.columnTotal}</Table.HeaderCell>
                {table.columnTotals.map((v, c) => (
                  <Table.Cell key={table.columns[c]} numericColumn>
                    <CountText value={v} />
                  </Table.Cell>
                ))}
                <Table.Cell numericColumn>
                  <CountText value={table.grandTotal} />
                </Table.Cell>
              </Table.Row>
            )}
          </Table.Body>
        </Table>
      </div>
    </details>
  );
}

export function MonitorPage() {
  const { data, error, loading, reload } = useApi<MonitorResponse>('/api/monitor');
  const user = useUser();
  // The future plan's half-year check, as counts, for the roles the server gives them to.
  const readsHalfYear =
    user.kind === 'professional' && (HALF_YEAR_COUNTS_ROLES as readonly Role[]).includes(user.role as Role);

  if (error) {
    const forbidden = error.status === 403;
    return (
      <section className="stack" aria-labelledby="monitor-title">
        <Heading level={1} id="monitor-title">
          {m.title}
        </Heading>
        <Alert heading={m.loadFailed} headingLevel={2} severity="error">
          <Paragraph>{forbidden ? errorText(error) || m.forbidden : errorText(error)}</Paragraph>
          {!forbidden && <Button onClick={() => void reload()}>{m.retry}</Button>}
        </Alert>
      </section>
    );
  }
  if (!data) {
    return (
      <section className="stack" aria-labelledby="monitor-title" aria-busy={loading}>
        <Heading level={1} id="monitor-title">
          {m.title}
        </Heading>
        <Paragraph>{m.loading}</Paragraph>
      </section>
    );
  }

  const mon = data.monitor;
  const registrants = mon.tables.find((t) => t.id === 'aanmelders');
  const scope = mon.scope.municipality ? m.scopeMunicipality(mon.scope.municipality) : m.scopeRegion(mon.scope.region);

  return (
    <section className="stack monitor" aria-labelledby="monitor-title">
      <header className="stack monitor__head">
        <Heading level={1} id="monitor-title">
          {m.title}: {scope}
        </Heading>
        <Paragraph>{m.intro}</Paragraph>
        <dl className="monitor__facts">
          <div>
            <dt>{m.total}</dt>
            <dd className="monitor__big">
              <CountText value={registrants?.grandTotal ?? 0} />
            </dd>
          </div>
          <div>
            <dt>{m.generatedAt}</dt>
            <dd>{formatMoment(mon.generatedAt)}</dd>
          </div>
        </dl>
        <div className="monitor__downloads">
          <a className="monitor__download" href="/api/monitor.csv" download>
            {m.downloadCsv}
          </a>
          <a className="monitor__download" href="/api/monitor.pdf" download>
            {m.downloadPdf}
          </a>
        </div>
        <div className="monitor__privacy" role="note" aria-labelledby="monitor-privacy">
          <Heading level={2} size="level-5" id="monitor-privacy">
            {m.privacyTitle}
          </Heading>
          <Paragraph size="small">{m.privacyBody}</Paragraph>
        </div>
      </header>

      {registrants && (
        <BarChart
          title={m.trendTitle}
          description={m.trendDesc}
          data={trendBars(registrants)}
          suppressBelow={mon.suppressedBelow}
        />
      )}

      <div className="monitor__grid">
        {mon.tables.map((t) => (
          <div key={t.id} className="monitor__panel" data-table={t.id}>
            <BarChart
              title={m.tableTitles[t.id] ?? t.title}
              description={m.tableDescs[t.id]}
              data={breakdownBars(t)}
              suppressBelow={mon.suppressedBelow}
            />
            <YearTable table={t} />
          </div>
        ))}
      </div>

      {readsHalfYear && <HalfYearCheckPanel headingLevel={2} />}
    </section>
  );
}
