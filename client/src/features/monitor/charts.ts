/**
 * Data → geometry of the monitor's horizontal bar charts, pure so it can be tested without a browser.
 * Labels sit above their bar (no truncation on a phone); the value is written next to the bar, or inside
 * its end when there is no room. A suppressed count ("<5") is never drawn as a guessed number: it becomes
 * a hatched band over the whole range it may lie in (1 to 4), labelled "<5". A hidden count (withheld so
 * that a "<5" elsewhere cannot be worked out from the total) has no bar at all, only its marker text:
 * it may be any size, so any bar would be a guess.
 */
import type { SuppressedCount } from '@samenspraak/shared';

export const SUPPRESSED = '<5' as const;
export const HIDDEN = 'hidden' as const;

export interface BarDatum {
  key: string;
  label: string;
  value: SuppressedCount;
  /** Bars with the same group are drawn under one group heading (e.g. the region, bars per year). */
  group?: string;
}

export interface ChartLayoutOptions {
  /** Drawing width in CSS pixels (the chart's container). */
  width: number;
  /** Counts below this are suppressed by the server; the hatched band reaches up to this value minus one. */
  suppressBelow?: number;
  barHeight?: number;
  /** Height of the label line above each bar. */
  labelHeight?: number;
  /** Space between one bar and the next label. */
  gap?: number;
  /** Height of a group heading line. */
  groupHeight?: number;
  /** Height reserved for the axis under the bars. */
  axisHeight?: number;
  /** Approximate width of one character of the value text, to decide whether it fits after the bar. */
  charWidth?: number;
  /** The text written for a hidden count. */
  hiddenText?: string;
}

export interface BarGeometry {
  key: string;
  label: string;
  value: SuppressedCount;
  suppressed: boolean;
  /** Withheld to protect a small count elsewhere: no bar, only the marker text. */
  hidden: boolean;
  /** Where the label text starts (baseline). */
  labelY: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The text written at the bar: the count, or "<5". */
  valueText: string;
  valueX: number;
  valueY: number;
  /** The value is drawn inside the bar's end (right-aligned, light text) because it does not fit after it. */
  valueInside: boolean;
}

export interface GroupGeometry {
  label: string;
  y: number;
}

export interface TickGeometry {
  value: number;
  x: number;
}

export interface ChartGeometry {
  width: number;
  height: number;
  max: number;
  bars: BarGeometry[];
  groups: GroupGeometry[];
  ticks: TickGeometry[];
  /** y of the axis line. */
  axisY: number;
  /** Whether any bar is suppressed (then the chart shows the legend for the hatching). */
  hasSuppressed: boolean;
  /** Whether any count is hidden (then the chart explains the marker). */
  hasHidden: boolean;
}

/** The smallest "nice" number (1, 2 or 5 times a power of ten) that is at least `n`. */
export function niceCeil(n: number): number {
  if (!Number.isFinite(n) || n <= 0) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 5, 10]) {
    const candidate = step * power;
    if (candidate >= n - 1e-9) return candidate;
  }
  return 10 * power;
}

/** The top of the scale: a nice number above the largest known count, and never below the suppression band. */
export function scaleMax(values: readonly SuppressedCount[], suppressBelow = 5): number {
  let max = 0;
  for (const v of values) max = Math.max(max, v === SUPPRESSED ? suppressBelow - 1 : v === HIDDEN ? 0 : v);
  return niceCeil(Math.max(max, suppressBelow));
}

/** Whole-number ticks from 0 to `max` with a nice step, at most about `count` of them. */
export function ticks(max: number, count = 4): number[] {
  if (max <= 0) return [0];
  const step = Math.max(1, niceCeil(max / count));
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(v);
  return out;
}

export function isSuppressed(value: SuppressedCount): value is '<5' {
  return value === SUPPRESSED;
}

export function isHidden(value: SuppressedCount): value is 'hidden' {
  return value === HIDDEN;
}

export function layoutBars(data: readonly BarDatum[], options: ChartLayoutOptions): ChartGeometry {
  const width = Math.max(120, Math.floor(options.width));
  const suppressBelow = options.suppressBelow ?? 5;
  const barHeight = options.barHeight ?? 22;
  const labelHeight = options.labelHeight ?? 20;
  const gap = options.gap ?? 10;
  const groupHeight = options.groupHeight ?? 26;
  const axisHeight = options.axisHeight ?? 24;
  const charWidth = options.charWidth ?? 8;
  const hiddenText = options.hiddenText ?? '–';
  // Room on the right so the largest tick label and a value after a long bar stay inside the drawing.
  const left = 1;
  const right = 12;
  const plotWidth = width - left - right;
  const max = scaleMax(
    data.map((d) => d.value),
    suppressBelow,
  );
  const scale = (v: number) => (v / max) * plotWidth;

  const bars: BarGeometry[] = [];
  const groups: GroupGeometry[] = [];
  let y = 4;
  let currentGroup: string | undefined;
  for (const d of data) {
    if (d.group !== undefined && d.group !== currentGroup) {
      currentGroup = d.group;
      y += groups.length > 0 ? 4 : 0;
      groups.push({ label: d.group, y: y + groupHeight - 8 });
      y += groupHeight;
    }
    const suppressed = isSuppressed(d.value);
    const hidden = isHidden(d.value);
    const labelY = y + labelHeight - 5;
    const barY = y + labelHeight;
    // The band of a suppressed count covers every value it may be (1 … suppressBelow − 1).
    const barWidth = suppressed ? scale(suppressBelow - 1) : hidden ? 0 : scale(d.value as number);
    const valueText = suppressed ? SUPPRESSED : hidden ? hiddenText : String(d.value);
    const textWidth = valueText.length * charWidth + 8;
    const fitsAfter = left + barWidth + 6 + textWidth <= width;
    const valueInside = !fitsAfter && barWidth >= textWidth;
    bars.push({
      key: d.key,
      label: d.label,
      value: d.value,
      suppressed,
      hidden,
      labelY,
      x: left,
      y: barY,
      width: barWidth,
      height: barHeight,
      valueText,
      valueX: valueInside ? left + barWidth - 6 : left + barWidth + 6,
      valueY: barY + barHeight / 2,
      valueInside,
    });
    y = barY + barHeight + gap;
  }
  const axisY = y;
  const tickValues = ticks(max);
  return {
    width,
    height: axisY + axisHeight,
    max,
    bars,
    groups,
    ticks: tickValues.map((value) => ({ value, x: left + scale(value) })),
    axisY,
    hasSuppressed: bars.some((b) => b.suppressed),
    hasHidden: bars.some((b) => b.hidden),
  };
}

/** How a count is read out: "12", "minder dan 5", or the words for a hidden count. */
export function spokenCount(value: SuppressedCount, words: { fewerThanFive: string; hidden: string }): string {
  return isSuppressed(value) ? words.fewerThanFive : isHidden(value) ? words.hidden : String(value);
}

/**
 * The text alternative of a chart (its aria-label): title, then every bar as "label: count", groups
 * prefixed. Screen-reader users hear the same numbers the bars show.
 */
export function chartSummary(
  title: string,
  data: readonly BarDatum[],
  words: { fewerThanFive: string; hidden: string; noData: string },
): string {
  if (data.length === 0) return `${title}. ${words.noData}`;
  const parts = data.map((d) => {
    const label = d.group ? `${d.group} ${d.label}` : d.label;
    return `${label}: ${spokenCount(d.value, words)}`;
  });
  return `${title}. ${parts.join('; ')}.`;
}

/**
 * The share of `value` in the total, as a whole percentage — only when every count is known. With a
 * suppressed or hidden count in the set, any percentage would be a guess, so there is none (null).
 */
export function shareOf(key: string, data: readonly BarDatum[]): number | null {
  if (data.some((d) => typeof d.value !== 'number')) return null;
  const total = data.reduce((sum, d) => sum + (d.value as number), 0);
  const item = data.find((d) => d.key === key);
  if (!item || total === 0) return null;
  return Math.round(((item.value as number) / total) * 100);
}
