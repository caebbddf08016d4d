/**
 * The RET monitor (domain brief §6) for the municipality and the RET process direction: counts only,
 * as bar charts with a table alternative. Counts below 5 come from the server as "<5", and counts it
 * withheld so that no "<5" can be recomputed come as "hidden"; both are shown as such, never as a guess.
 */

import type { ReactNode } from 'react';
import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { Alert, Button, Heading, Paragraph } from '../../components/ui';
import { formatMoment } from '../../dates';
import { BarChart, CountText } from './BarChart';
import { type BarDatum, shareOf } from './charts';
import { m } from './messages';
import { byCountBars, labelledBars, type MonitorResponse, regionYearBars, yearBars } from './monitorData';
import './monitor.css';

type ChartKey =
  | 'regionYear'
  | 'registeredBy'
  | 'problems'
  | 'school'
  | 'ben'
  | 'dbt'
  | 'overdue'
  | 'halfYear'
  | 'placements';

function ShareLine({ keyName, data }: { keyName: string; data: readonly BarDatum[] }) {
  if (data.length === 0) return null;
  const pct = shareOf(keyName, data);
  const label = data.find((d) => d.key === keyName)?.label;
  return (
    <Paragraph size="small" className="bar-chart__share">
      {pct === null ? m.percentUnknown : `${label}: ${m.percentOfKnown(pct)}`}
    </Paragraph>
  );
}

export function MonitorPage() {
  const { data, error, loading, reload } = useApi<MonitorResponse>('/api/monitor');

  if (error) {
    const forbidden = error.status === 403;
    return (
      <section className="stack" aria-labelledby="monitor-title">
        <Heading level={1} id="monitor-title">
          {m.title}
        </Heading>
        <Alert heading={m.loadFailed} headingLevel={2} severity="error">
          <Paragraph>{forbidden ? m.forbidden : errorText(error)}</Paragraph>
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
  const s = m.sections;
  const school = labelledBars(mon.attendsSchool, m.school, ['ja', 'nee', 'onbekend']);
  const halfYear = labelledBars(mon.futurePlanHalfYearCheck, m.halfYear, ['metPlan', 'zonderPlan']);
  const below = mon.suppressedBelow;
  // In page order; each chart's title and description are its key and key + "Desc" in the texts.
  const charts: Array<{ key: ChartKey; data: readonly BarDatum[]; footer?: ReactNode }> = [
    { key: 'regionYear', data: regionYearBars(mon.casesPerRegionAndYear) },
    { key: 'registeredBy', data: labelledBars(mon.registeredBy, m.registrants, Object.keys(m.registrants)) },
    { key: 'problems', data: byCountBars(mon.problemCategories, m.problemCategories) },
    { key: 'school', data: school, footer: <ShareLine keyName="nee" data={school} /> },
    { key: 'ben', data: yearBars(mon.benNhInvolvementPerYear) },
    { key: 'dbt', data: yearBars(mon.dbtReferralsPerYear) },
    { key: 'overdue', data: labelledBars(mon.overdueClocks, m.clocks, Object.keys(m.clocks)) },
    { key: 'halfYear', data: halfYear, footer: <ShareLine keyName="zonderPlan" data={halfYear} /> },
    // Keys are "<year> volgt analyse" / "<year> wijkt af" (server/src/escalation/monitor.ts).
    {
      key: 'placements',
      data: yearBars(mon.placementDecisionsPerYear).map((d) => ({
        ...d,
        label: d.key.replace(
          /^(\d{4}) (.+)$/,
          (_, year: string, how: string) => `${year} ${m.placementWords[how] ?? how}`,
        ),
      })),
    },
  ];

  return (
    <section className="stack monitor" aria-labelledby="monitor-title">
      <header className="stack monitor__head">
        <Heading level={1} id="monitor-title">
          {m.title}
        </Heading>
        <Paragraph>{m.intro}</Paragraph>
        <dl className="monitor__facts">
          <div>
            <dt>{m.total}</dt>
            <dd className="monitor__big">
              <CountText value={mon.total} />
            </dd>
          </div>
          <div>
            <dt>{m.generatedAt}</dt>
            <dd>{formatMoment(mon.generatedAt)}</dd>
          </div>
        </dl>
        <div className="monitor__privacy" role="note" aria-labelledby="monitor-privacy">
          <Heading level={2} size="level-5" id="monitor-privacy">
            {m.privacyTitle}
          </Heading>
          <Paragraph size="small">{m.privacyBody}</Paragraph>
        </div>
      </header>

      <div className="monitor__grid">
        {charts.map((c) => (
          <BarChart
            key={c.key}
            title={s[c.key]}
            description={s[`${c.key}Desc`]}
            data={c.data}
            suppressBelow={below}
            footer={c.footer}
          />
        ))}
      </div>
    </section>
  );
}
