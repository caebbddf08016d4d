/**
 * The monitor as a download, from the already suppressed view (never from the raw counts):
 *  - CSV for Dutch Excel: UTF-8 with a BOM, semicolons, CRLF, Dutch headers; '<5' stays '<5', a
 *    complementary-hidden figure is 'x' (the CBS convention);
 *  - a PDF report through the one PDF writer (documents/pdfWriter.ts): a table per breakdown.
 */
import type { MonitorTable, MonitorView, SuppressedCount } from '@samenspraak/shared';
import { type PdfBlock, renderPdf } from '../documents/pdfWriter.js';

export const countText = (v: SuppressedCount): string => (v === 'hidden' ? 'x' : String(v));

const csvField = (s: string): string => (/[";\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function scopeText(view: MonitorView): string {
  return view.scope.municipality
    ? `Gemeente ${view.scope.municipality} (regio ${view.scope.region})`
    : `Regio ${view.scope.region}`;
}

/** Rows "Tabel;Onderwerp;<columns…>;Totaal" per table, then a line of column totals where they add up. */
export function monitorCsv(view: MonitorView): string {
  const lines: string[][] = [
    ['RET-monitor', scopeText(view)],
    ['Gemaakt op', view.generatedAt.slice(0, 10)],
    ['Toelichting', '<5 = 1 tot 4; x = weggelaten zodat geen klein aantal terug te rekenen is'],
  ];
  for (const t of view.tables) {
    lines.push([]);
    lines.push(['Tabel', 'Onderwerp', ...t.columnLabels, 'Totaal']);
    t.rowLabels.forEach((label, r) => {
      lines.push([t.title, label, ...(t.cells[r] ?? []).map(countText), countText(t.rowTotals[r] as SuppressedCount)]);
    });
    lines.push([
      t.title,
      t.partition ? `Totaal ${t.unit}` : 'Aantal casussen',
      ...(t.columnTotals ?? t.columns.map(() => '')).map((v) => (v === '' ? '' : countText(v as SuppressedCount))),
      countText(t.grandTotal),
    ]);
  }
  return `\uFEFF${lines.map((l) => l.map(csvField).join(';')).join('\r\n')}\r\n`;
}

function tableBlocks(t: MonitorTable): PdfBlock[] {
  const first = 34;
  const rest = t.columns.length + 1;
  return [
    { kind: 'heading', level: 2, text: t.title, gap: 10 },
    {
      kind: 'table',
      columns: [
        { title: 'Onderwerp', width: first },
        ...t.columnLabels.map((c) => ({ title: c, width: (66 / rest) | 0 })),
        { title: 'Totaal', width: (66 / rest) | 0 },
      ],
      rows: [
        ...t.rowLabels.map((label, r) => [
          label,
          ...(t.cells[r] ?? []).map(countText),
          countText(t.rowTotals[r] as SuppressedCount),
        ]),
        [
          t.partition ? 'Totaal' : 'Aantal casussen',
          ...(t.columnTotals ?? t.columns.map(() => null)).map((v) => (v === null ? '' : countText(v))),
          countText(t.grandTotal),
        ],
      ],
    },
  ];
}

export function monitorPdf(view: MonitorView): Promise<Buffer> {
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: `RET-monitor — ${scopeText(view)}` },
    {
      kind: 'paragraph',
      text: `Gemaakt op ${view.generatedAt.slice(0, 10)}. Alleen aantallen, geen namen of inhoud van casussen.`,
    },
    {
      kind: 'paragraph',
      text: '<5 betekent 1 tot 4. x betekent: weggelaten, zodat geen klein aantal uit totalen of andere tabellen terug te rekenen is.',
    },
    ...view.tables.flatMap(tableBlocks),
  ];
  return renderPdf(blocks, {
    title: `RET-monitor ${scopeText(view)}`,
    footer: (page, pages) => `RET-monitor · pagina ${page} van ${pages}`,
  });
}

/** "ret-monitor-west-friesland-2026-12-03": only fixed words and the scope's own name. */
export function monitorFileName(view: MonitorView): string {
  const where = (view.scope.municipality ?? view.scope.region)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
  return `ret-monitor-${where}-${view.generatedAt.slice(0, 10)}`;
}
