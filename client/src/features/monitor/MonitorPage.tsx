/**
 * The RET monitor (domain brief §6) for the municipality and the RET process direction: counts only,
 * as bar charts with a table alternative. Counts below 5 come from the server as "<5", and counts it
 * withheld so that no "<5" can be recomputed come as "hidden"; both are shown as such, never as a guess.
 */

import { errorText } from '../../app/errorText';
import { useApi } from '../../app/useApi';
import { Alert, Button, Heading, Paragraph } from '../../components/ui';
import { lang } from '../../i18n';
import { BarChart, CountText } from './BarChart';
import { type BarDatum, shareOf } from './charts';
import { m } from './messages';
import { byCountBars, labelledBars, type MonitorResponse, regionYearBars, yearBars } from './monitorData';
import './monitor.css';

function formatMoment(iso: string): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short' });
}

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
        <BarChart
          title={s.regionYear}
          description={s.regionYearDesc}
          data={regionYearBars(mon.casesPerRegionAndYear)}
          suppressBelow={below}
        />
        <BarChart
          title={s.registeredBy}
          description={s.registeredByDesc}
          data={labelledBars(mon.registeredBy, m.registrants, Object.keys(m.registrants))}
          suppressBelow={below}
        />
        <BarChart
          title={s.problems}
          description={s.problemsDesc}
          data={byCountBars(mon.problemCategories, m.problemCategories)}
          suppressBelow={below}
        />
        <BarChart
          title={s.school}
          description={s.schoolDesc}
          data={school}
          suppressBelow={below}
          footer={<ShareLine keyName="nee" data={school} />}
        />
        <BarChart
          title={s.ben}
          description={s.benDesc}
          data={yearBars(mon.benNhInvolvementPerYear)}
          suppressBelow={below}
        />
        <BarChart
          title={s.dbt}
          description={s.dbtDesc}
          data={yearBars(mon.dbtReferralsPerYear)}
          suppressBelow={below}
        />
        <BarChart
          title={s.overdue}
          description={s.overdueDesc}
          data={labelledBars(mon.overdueClocks, m.clocks, Object.keys(m.clocks))}
          suppressBelow={below}
        />
        <BarChart
          title={s.halfYear}
          description={s.halfYearDesc}
          data={halfYear}
          suppressBelow={below}
          footer={<ShareLine keyName="zonderPlan" data={halfYear} />}
        />
      </div>
    </section>
  );
}
