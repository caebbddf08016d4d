/**
 * Every PDF Samenspraak makes goes through here: pdfkit with DejaVu Sans embedded (so names such as
 * Łukasz Şahin print as written) and tagged as PDF/UA — a title and a language, headings as H1/H2,
 * paragraphs as P, lists as L/LI, tables as Table/TR/TH/TD, in reading order, and the page footers as
 * artifacts a screen reader skips. Callers describe blocks; this file does the layout.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type PDFDocumentType from 'pdfkit';

export type PdfBlock = (
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean; indent?: number }
  | { kind: 'list'; items: string[] }
  | { kind: 'table'; columns: Array<{ title: string; width: number }>; rows: string[][] }
) & {
  /** Font size in points (defaults per kind). */
  size?: number;
  /** Extra space above, in points. */
  gap?: number;
  /** Start a new page before this block (a title page, a new chapter). */
  pageBreak?: boolean;
};

export interface PdfOptions {
  /** The document title readers show instead of the file name. */
  title: string;
  /** BCP 47; Dutch unless said otherwise. */
  lang?: string;
  /** A line at the bottom of every page, e.g. `pagina 2 van 5`. */
  footer?: (page: number, pages: number) => string;
}

const MARGIN = 56;
const BODY_SIZE = 10.5;
const HEADING_SIZE = { 1: 15, 2: 12 } as const;

const require = createRequire(import.meta.url);
/** Font names in the document → DejaVu files; tables use the condensed cut, so their columns hold more. */
const FONT_FILES = {
  Regular: 'DejaVuSans.ttf',
  Bold: 'DejaVuSans-Bold.ttf',
  Condensed: 'DejaVuSansCondensed.ttf',
  CondensedBold: 'DejaVuSansCondensed-Bold.ttf',
} as const;
let fonts: Array<[string, Buffer]> | null = null;
/** DejaVu Sans covers Latin Extended (Ł, Ş, Ğ), Greek, Cyrillic and the punctuation people type. */
function dejaVu(): Array<[string, Buffer]> {
  fonts ??= Object.entries(FONT_FILES).map(([name, file]) => [
    name,
    readFileSync(require.resolve(`dejavu-fonts-ttf/ttf/${file}`)),
  ]);
  return fonts;
}

type Doc = PDFKit.PDFDocument;
type Struct = PDFKit.PDFStructureElement;

/** Adds a structure element under `parent` whose content `draw` puts on the page(s). */
function tagged(doc: Doc, parent: Struct, type: string, draw: () => void, options: object = {}): void {
  const element = doc.struct(type, options);
  parent.add(element);
  element.add(draw);
  element.end();
}

/** Tabs and stray control characters would show as boxes; a line break stays a line break. */
const clean = (text: string) =>
  [...text.normalize('NFC').replace(/\t/g, ' ')].filter((ch) => ch === '\n' || ch >= ' ').join('');

function drawTable(doc: Doc, parent: Struct, block: Extract<PdfBlock, { kind: 'table' }>, size: number): void {
  const left = doc.page.margins.left;
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  const total = block.columns.reduce((sum, c) => sum + c.width, 0) || 1;
  const xs: number[] = [];
  const ws: number[] = [];
  let x = left;
  for (const c of block.columns) {
    const w = (width * c.width) / total;
    xs.push(x);
    ws.push(w - 6);
    x += w;
  }
  const titles = block.columns.map((c) => clean(c.title));
  const heightOf = (texts: string[], font: string) => {
    doc.font(font).fontSize(size);
    return Math.max(...texts.map((t, i) => doc.heightOfString(t, { width: ws[i] ?? 10 })));
  };
  /** The column titles again at the top of a continued table: repeated for the eye, an artifact for a screen reader. */
  const repeatHeader = () => {
    const top = doc.y;
    const height = heightOf(titles, 'CondensedBold');
    doc.markContent('Artifact', { type: 'Pagination' });
    titles.forEach((title, i) => {
      doc.text(title, xs[i] ?? left, top, { width: ws[i] ?? 10 });
    });
    doc.endMarkedContent();
    doc.x = left;
    doc.y = top + height + 2;
  };
  const table = doc.struct('Table');
  parent.add(table);
  const row = (texts: string[], header: boolean) => {
    const font = header ? 'CondensedBold' : 'Condensed';
    const height = heightOf(texts, font);
    const bottom = doc.page.height - doc.page.margins.bottom;
    // Keep a row on one page when it fits on one.
    if (doc.y + height > bottom && height < bottom - doc.page.margins.top) {
      doc.addPage();
      if (!header) repeatHeader();
    }
    doc.font(font).fontSize(size);
    const top = doc.y;
    const tr = doc.struct('TR');
    table.add(tr);
    texts.forEach((text, i) => {
      const options = header ? { scope: 'Column' } : {};
      tagged(doc, tr, header ? 'TH' : 'TD', () => doc.text(text, xs[i] ?? left, top, { width: ws[i] ?? 10 }), options);
    });
    tr.end();
    doc.x = left;
    doc.y = top + height + 2;
  };
  row(titles, true);
  for (const cells of block.rows) row(cells.map(clean), false);
  table.end();
}

function drawBlock(doc: Doc, root: Struct, block: PdfBlock): void {
  const left = doc.page.margins.left;
  const bottom = doc.page.height - doc.page.margins.bottom;
  // A new page on request unless this one is still empty; a heading never ends a page on its own.
  if (block.pageBreak && doc.y > doc.page.margins.top) doc.addPage();
  else if (block.kind === 'heading' && doc.y + 5 * (block.size ?? HEADING_SIZE[block.level]) > bottom) doc.addPage();
  else doc.y += block.gap ?? 0;
  doc.x = left;
  switch (block.kind) {
    case 'heading':
      doc.font('Bold').fontSize(block.size ?? HEADING_SIZE[block.level]);
      tagged(doc, root, `H${block.level}`, () => doc.text(clean(block.text), { paragraphGap: 4 }));
      return;
    case 'paragraph': {
      doc.font(block.bold ? 'Bold' : 'Regular').fontSize(block.size ?? BODY_SIZE);
      const indent = block.indent ?? 0;
      const width = doc.page.width - left - doc.page.margins.right - indent;
      tagged(doc, root, 'P', () => doc.text(clean(block.text), left + indent, doc.y, { width, paragraphGap: 3 }));
      doc.x = left;
      return;
    }
    case 'list': {
      doc.font('Regular').fontSize(block.size ?? BODY_SIZE);
      const list = doc.struct('L');
      root.add(list);
      for (const item of block.items) {
        const li = doc.struct('LI');
        list.add(li);
        tagged(doc, li, 'Lbl', () => doc.text('• ', { continued: true }));
        tagged(doc, li, 'LBody', () => doc.text(clean(item), { paragraphGap: 3 }));
        li.end();
      }
      list.end();
      return;
    }
    case 'table':
      drawTable(doc, root, block, block.size ?? 9);
      return;
  }
}

/** Lays the blocks out on A4 pages and returns the PDF file. */
export async function renderPdf(blocks: PdfBlock[], options: PdfOptions): Promise<Buffer> {
  // pdfkit (with its font machinery) is loaded on the first export, not at server start (issue 16, idle RSS).
  const PDFDocument = (await import('pdfkit')).default as typeof PDFDocumentType;
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true,
    tagged: true,
    pdfVersion: '1.7',
    lang: options.lang ?? 'nl-NL',
    displayTitle: true,
    // PDF/UA is in pdfkit but not yet in its type definitions.
    subset: 'PDF/UA' as unknown as PDFKit.Mixins.PDFSubsets,
    info: { Title: options.title, Producer: 'Samenspraak', Creator: 'Samenspraak' },
    font: '', // no standard font is loaded; everything is set in the embedded DejaVu
  } as PDFKit.PDFDocumentOptions);
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  for (const [name, file] of dejaVu()) doc.registerFont(name, file);
  doc.font('Regular');
  const root = doc.struct('Document');
  doc.addStructure(root);
  for (const block of blocks) drawBlock(doc, root, block);
  root.end();
  if (options.footer) {
    const range = doc.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      doc.switchToPage(i);
      const bottom = doc.page.margins.bottom;
      doc.page.margins.bottom = 0;
      doc.markContent('Artifact', { type: 'Pagination' });
      doc
        .font('Regular')
        .fontSize(8.5)
        .text(clean(options.footer(i + 1, range.count)), MARGIN, doc.page.height - MARGIN / 2 - 6, {
          lineBreak: false,
        });
      doc.endMarkedContent();
      doc.page.margins.bottom = bottom;
    }
  }
  doc.end();
  return done;
}
