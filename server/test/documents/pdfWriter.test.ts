/**
 * The one PDF writer (pdfkit, DejaVu Sans embedded, tagged): text in any Latin script reads back as
 * written, long text wraps and flows onto more pages, table cells sit in their columns, footers number
 * the pages, and the file carries a title, a language and a structure tree in reading order.
 */
import { describe, expect, it } from 'vitest';
import { renderPdf } from '../../src/documents/pdfWriter.js';
import { readPdf } from '../support/pdfText.js';

describe('pdf writer', () => {
  it('prints every character people type, Łukasz Şahin and Ğ included', async () => {
    const text = 'Łukasz Şahin, Ayşe Doğan — café “ja” €5 ✓';
    const pdf = await readPdf(await renderPdf([{ kind: 'paragraph', text }], { title: 'Naam: Łukasz Şahin' }));
    expect(pdf.text).toBe(text);
    expect(pdf.title).toBe('Naam: Łukasz Şahin');
    expect(pdf.raw).not.toContain('/Helvetica');
  });

  it('wraps to the width and cuts words longer than a line, losing nothing', async () => {
    const words = 'een twee drie vier vijf zes zeven acht negen tien '.repeat(12).trim();
    const pdf = await readPdf(
      await renderPdf(
        [
          { kind: 'paragraph', text: words },
          { kind: 'paragraph', text: 'x'.repeat(200) },
        ],
        { title: 't' },
      ),
    );
    const lines = pdf.text.split('\n');
    expect(lines.length).toBeGreaterThan(4);
    const firstX = lines.findIndex((l) => l.startsWith('x'));
    expect(lines.slice(0, firstX).join(' ')).toBe(words);
    expect(lines.filter((l) => l.startsWith('x')).join('')).toBe('x'.repeat(200));
  });

  it('flows onto more pages and numbers them in a footer', async () => {
    const blocks = Array.from({ length: 200 }, (_, i) => ({ kind: 'paragraph' as const, text: `Regel ${i}` }));
    const pdf = await readPdf(await renderPdf(blocks, { title: 't', footer: (p, n) => `pagina ${p} van ${n}` }));
    expect(pdf.pages).toBeGreaterThan(3);
    expect(pdf.text).toContain('Regel 0\n');
    expect(pdf.text).toContain('Regel 199');
    for (let p = 1; p <= pdf.pages; p++) expect(pdf.pageTexts[p - 1]).toContain(`pagina ${p} van ${pdf.pages}`);
    // Footers are artifacts: not in the structure a screen reader reads.
    expect(pdf.structure.some((s) => s.text.startsWith('pagina'))).toBe(false);
  });

  it('lays out table rows in columns and breaks pages on request', async () => {
    const pdf = await readPdf(
      await renderPdf(
        [
          { kind: 'heading', level: 1, text: 'Titel' },
          { kind: 'heading', level: 1, text: 'Hoofdstuk', pageBreak: true },
          {
            kind: 'table',
            columns: [
              { title: 'Links', width: 1 },
              { title: 'Rechts', width: 1 },
            ],
            rows: [['links', 'rechts']],
          },
        ],
        { title: 't' },
      ),
    );
    expect(pdf.pages).toBe(2);
    expect(pdf.pageTexts[1]).toBe('Hoofdstuk\nLinks\nRechts\nlinks\nrechts');
    // The second cell starts half-way across the text width (595.28 - 2 × 56 → 56 + 241.64).
    const right = pdf.runs.find((r) => r.str === 'rechts');
    expect(right?.x).toBeCloseTo(297.64, 1);
    expect(pdf.structure.filter((s) => s.page === 2).map((s) => [s.role, s.text])).toEqual([
      ['Document', ''],
      ['H1', 'Hoofdstuk'],
      ['Table', ''],
      ['TR', ''],
      ['TH', 'Links'],
      ['TH', 'Rechts'],
      ['TR', ''],
      ['TD', 'links'],
      ['TD', 'rechts'],
    ]);
  });

  it('repeats the column titles on every page a table continues on, outside the structure', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => [`rij ${i}`, 'gelukt']);
    const pdf = await readPdf(
      await renderPdf(
        [
          {
            kind: 'table',
            columns: [
              { title: 'Wanneer', width: 1 },
              { title: 'Gelukt?', width: 1 },
            ],
            rows,
          },
        ],
        { title: 't' },
      ),
    );
    expect(pdf.pages).toBeGreaterThan(1);
    for (const page of pdf.pageTexts) expect(page.startsWith('Wanneer\nGelukt?\n')).toBe(true);
    // In the structure once, as the table's header cells; the repeats are artifacts.
    const titles = pdf.structure.filter((s) => s.text === 'Wanneer' || s.text === 'Gelukt?');
    expect(titles.map((s) => [s.role, s.text])).toEqual([
      ['TH', 'Wanneer'],
      ['TH', 'Gelukt?'],
    ]);
    expect(pdf.structure.filter((s) => s.role === 'TD' && s.text.startsWith('rij '))).toHaveLength(120);
  });

  it('is a tagged PDF with title, language, headings, paragraphs and lists in reading order', async () => {
    const pdf = await readPdf(
      await renderPdf(
        [
          { kind: 'heading', level: 1, text: 'Verklarende analyse' },
          { kind: 'heading', level: 2, text: 'Veiligheid' },
          { kind: 'paragraph', text: 'Oma’s huis is een veilige plek.' },
          { kind: 'list', items: ['Spanning thuis'] },
        ],
        { title: 'Verklarende analyse — bespreekversie' },
      ),
    );
    expect(pdf.marked).toBe(true);
    expect(pdf.structTreeRoot).toBe(true);
    expect(pdf.displayTitle).toBe(true);
    expect(pdf.lang).toBe('nl-NL');
    expect(pdf.title).toBe('Verklarende analyse — bespreekversie');
    expect(pdf.structure.map((s) => [s.role, s.text])).toEqual([
      ['Document', ''],
      ['H1', 'Verklarende analyse'],
      ['H2', 'Veiligheid'],
      ['P', 'Oma’s huis is een veilige plek.'],
      ['L', ''],
      ['LI', ''],
      ['Lbl', '•'],
      ['LBody', 'Spanning thuis'],
    ]);
    expect(pdf.text).toBe('Verklarende analyse\nVeiligheid\nOma’s huis is een veilige plek.\n• Spanning thuis');
  });
});
