/**
 * An accessible horizontal bar chart in plain SVG: role="img" with a spoken summary, text labels on
 * every bar, suppressed counts hatched and written "<5" (colour is never the only carrier), hidden
 * counts without a bar and written "verborgen", a legend explaining both, and the same numbers as a
 * table behind "Toon als tabel".
 */

import type { SuppressedCount } from '@samenspraak/shared';
import { type ReactNode, type RefObject, useId, useLayoutEffect, useRef, useState } from 'react';
import { Heading, Paragraph, Table } from '../../components/ui';
import { type BarDatum, chartSummary, layoutBars } from './charts';
import { m } from './messages';

/** A count as text: the number, "<5" (read out as "minder dan 5"), or "verborgen" with its reason. */
export function CountText({ value }: { value: SuppressedCount }) {
  if (value === '<5')
    return (
      <>
        <span aria-hidden="true">&lt;5</span>
        <span className="visually-hidden">{m.fewerThanFive}</span>
      </>
    );
  if (value === 'hidden')
    return (
      <>
        <span aria-hidden="true">{m.hiddenText}</span>
        <span className="visually-hidden">{m.hiddenSpoken}</span>
      </>
    );
  return <>{value}</>;
}

function useWidth(fallback: number): [RefObject<HTMLDivElement | null>, number] {
  const ref = useRef<HTMLDivElement | null>(null);
  const [width, setWidth] = useState(fallback);
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const measure = () => {
      const w = Math.floor(el.getBoundingClientRect().width);
      if (w > 0) setWidth(w);
    };
    measure();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(measure);
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}

export interface BarChartProps {
  title: string;
  description?: string;
  data: readonly BarDatum[];
  suppressBelow?: number;
  /** Extra lines under the chart (e.g. a percentage). */
  footer?: ReactNode;
  headingLevel?: 2 | 3;
}

export function BarChart({ title, description, data, suppressBelow = 5, footer, headingLevel = 2 }: BarChartProps) {
  const [ref, width] = useWidth(480);
  const id = useId().replace(/:/g, '');
  const geometry = layoutBars(data, { width, suppressBelow, hiddenText: m.hiddenText });
  const summary = chartSummary(title, data, {
    fewerThanFive: m.fewerThanFive,
    hidden: m.hiddenSpoken,
    noData: m.noData,
  });
  const hatch = `hatch-${id}`;
  const titleId = `title-${id}`;

  return (
    <figure className="bar-chart" aria-labelledby={titleId}>
      <Heading level={headingLevel} size="level-4" id={titleId}>
        {title}
      </Heading>
      {description && (
        <Paragraph size="small" className="bar-chart__desc">
          {description}
        </Paragraph>
      )}
      <div ref={ref} className="bar-chart__canvas">
        {data.length === 0 ? (
          <Paragraph>{m.noData}</Paragraph>
        ) : (
          <svg
            role="img"
            aria-label={summary}
            width={geometry.width}
            height={geometry.height}
            viewBox={`0 0 ${geometry.width} ${geometry.height}`}
            className="bar-chart__svg"
          >
            <defs>
              <pattern id={hatch} patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">
                <rect width="7" height="7" className="bar-chart__hatch-bg" />
                <line x1="0" y1="0" x2="0" y2="7" className="bar-chart__hatch-line" />
              </pattern>
            </defs>
            {geometry.ticks.map((t) => (
              <line
                key={`grid-${t.value}`}
                x1={t.x}
                x2={t.x}
                y1={0}
                y2={geometry.axisY}
                className={t.value === 0 ? 'bar-chart__baseline' : 'bar-chart__grid'}
              />
            ))}
            {geometry.groups.map((g) => (
              <text key={`group-${g.label}`} x={5} y={g.y} className="bar-chart__group">
                {g.label}
              </text>
            ))}
            {geometry.bars.map((b) => (
              <g key={b.key}>
                <text x={b.x + 4} y={b.labelY} className="bar-chart__label">
                  {b.label}
                </text>
                <rect
                  x={b.x}
                  y={b.y}
                  width={Math.max(b.width, 1)}
                  height={b.height}
                  className={b.suppressed ? 'bar-chart__bar bar-chart__bar--suppressed' : 'bar-chart__bar'}
                  // Inline style: it must win over the class's solid fill.
                  style={b.suppressed ? { fill: `url(#${hatch})` } : undefined}
                />
                <text
                  x={b.valueX}
                  y={b.valueY}
                  dominantBaseline="central"
                  textAnchor={b.valueInside ? 'end' : 'start'}
                  className={b.valueInside ? 'bar-chart__value bar-chart__value--inside' : 'bar-chart__value'}
                >
                  {b.valueText}
                </text>
              </g>
            ))}
            <line x1={0} x2={geometry.width} y1={geometry.axisY} y2={geometry.axisY} className="bar-chart__axis" />
            {geometry.ticks.map((t, i) => (
              <text
                key={`tick-${t.value}`}
                x={t.x}
                y={geometry.axisY + 16}
                textAnchor={i === 0 ? 'start' : 'middle'}
                className="bar-chart__tick"
              >
                {t.value}
              </text>
            ))}
          </svg>
        )}
      </div>
      {geometry.hasSuppressed && (
        <p className="bar-chart__legend">
          <svg width="28" height="14" aria-hidden="true" focusable="false">
            <rect width="28" height="14" style={{ fill: `url(#${hatch})` }} className="bar-chart__bar--suppressed" />
          </svg>
          <span>{m.legendSuppressed}</span>
        </p>
      )}
      {geometry.hasHidden && <p className="bar-chart__legend">{m.legendHidden}</p>}
      {footer}
      {data.length > 0 && (
        <details className="bar-chart__table">
          <summary>{m.showTable}</summary>
          <Table>
            <Table.Caption className="visually-hidden">{title}</Table.Caption>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell scope="col">{m.columnWhat}</Table.HeaderCell>
                <Table.HeaderCell scope="col" numericColumn>
                  {m.columnCount}
                </Table.HeaderCell>
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {data.map((d) => (
                <Table.Row key={d.key}>
                  <Table.HeaderCell scope="row">{d.group ? `${d.group} — ${d.label}` : d.label}</Table.HeaderCell>
                  <Table.Cell numericColumn>
                    <CountText value={d.value} />
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        </details>
      )}
    </figure>
  );
}
