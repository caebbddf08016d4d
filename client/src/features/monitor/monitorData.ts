/**
 * The answer of `GET /api/monitor` and its conversion into the charts' data: known keys get readable
 * labels and a fixed order (regions as in the brief, years ascending); unknown keys are kept, not dropped.
 */
import { REGIONS, type SuppressedCount } from '@samenspraak/shared';
import type { BarDatum } from './charts';

export type CountMap = Record<string, SuppressedCount>;

/** The answer of `GET /api/monitor`, as the server defines it (shared/src/escalationSchemas.ts). */
export type { MonitorResponse, MonitorView } from '@samenspraak/shared';

/** "Alkmaar (Noord-Kennemerland) 2025" → region and year (the year is the last word). */
export function splitRegionYear(key: string): { region: string; year: string } {
  const at = key.lastIndexOf(' ');
  if (at < 0) return { region: key, year: '' };
  return { region: key.slice(0, at), year: key.slice(at + 1) };
}

function regionRank(region: string): number {
  const i = (REGIONS as readonly string[]).indexOf(region);
  return i < 0 ? REGIONS.length : i;
}

/** Region × year as grouped bars: one group per region (in the brief's order), one bar per year. */
export function regionYearBars(counts: CountMap): BarDatum[] {
  return Object.entries(counts)
    .map(([key, value]) => ({ key, value, ...splitRegionYear(key) }))
    .sort(
      (a, b) =>
        regionRank(a.region) - regionRank(b.region) || a.region.localeCompare(b.region) || a.year.localeCompare(b.year),
    )
    .map(({ key, value, region, year }) => ({ key, label: year, value, group: region }));
}

/** Bars with labels from `labels` (fallback: the key), in the order of `order`, then the rest by label. */
export function labelledBars(
  counts: CountMap,
  labels: Record<string, string> = {},
  order: readonly string[] = [],
): BarDatum[] {
  const rank = (key: string) => {
    const i = order.indexOf(key);
    return i < 0 ? order.length : i;
  };
  return Object.entries(counts)
    .map(([key, value]) => ({ key, label: labels[key] ?? key, value }))
    .sort((a, b) => rank(a.key) - rank(b.key) || a.label.localeCompare(b.label));
}

/** Years ascending. */
export function yearBars(counts: CountMap): BarDatum[] {
  return Object.entries(counts)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => ({ key, label: key, value }));
}

/** Largest first, for categories without a natural order (problems); ties, "<5" and hidden by label. */
export function byCountBars(counts: CountMap, labels: Record<string, string> = {}): BarDatum[] {
  // "<5" and hidden are at least 1 (a hidden zero never sorts above a shown one).
  const weight = (v: SuppressedCount) => (typeof v === 'number' ? v : 1);
  return Object.entries(counts)
    .map(([key, value]) => ({ key, label: labels[key] ?? key, value }))
    .sort((a, b) => weight(b.value) - weight(a.value) || a.label.localeCompare(b.label));
}
