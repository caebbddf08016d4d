/**
 * A minimal PDF writer: A4 pages of wrapped text in the standard Helvetica fonts (no embedding, WinAnsi
 * encoding), uncompressed so the text stays searchable in the file itself. Enough for an export that
 * prints and that any reader (and pdftotext) can open; not a layout engine.
 */

export interface PdfLine {
  text: string;
  size?: number;
  bold?: boolean;
  /** Extra space above, in points. */
  gap?: number;
  /** Start a new page before this line (a title page, a new chapter). */
  pageBreak?: boolean;
  /** Indent from the left margin, in points. */
  indent?: number;
  /**
   * A table row instead of `text`: cells side by side, each wrapped within its share of the line
   * (`width` relative to the other cells); the row is as tall as its tallest cell.
   */
  cells?: Array<{ text: string; width: number }>;
}

export interface PdfOptions {
  title: string;
  /** A line at the bottom of every page, e.g. `Pagina 2 van 5`. */
  footer?: (page: number, pages: number) => string;
}

const PAGE_W = 595;
const PAGE_H = 842;
const MARGIN = 56;

/** Helvetica advance widths (1/1000 em) for the printable ASCII range 32..126. */
const WIDTHS = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556,
  556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,
  722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556,
  556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334,
  260, 334, 584,
];

/** Unicode → WinAnsi (cp1252) for the characters outside Latin-1. */
const CP1252: Record<string, number> = {
  '€': 0x80,
  '‚': 0x82,
  ƒ: 0x83,
  '„': 0x84,
  '…': 0x85,
  '†': 0x86,
  '‡': 0x87,
  ˆ: 0x88,
  '‰': 0x89,
  Š: 0x8a,
  '‹': 0x8b,
  Œ: 0x8c,
  Ž: 0x8e,
  '‘': 0x91,
  '’': 0x92,
  '“': 0x93,
  '”': 0x94,
  '•': 0x95,
  '–': 0x96,
  '—': 0x97,
  '˜': 0x98,
  '™': 0x99,
  š: 0x9a,
  '›': 0x9b,
  œ: 0x9c,
  ž: 0x9e,
  Ÿ: 0x9f,
};

/** A JS string whose char codes are the WinAnsi bytes; what cannot be encoded becomes '?'. */
export function toWinAnsi(text: string): string {
  let out = '';
  for (const ch of text.normalize('NFC')) {
    const code = ch.codePointAt(0) ?? 63;
    if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff)) out += ch;
    else if (CP1252[ch] !== undefined) out += String.fromCharCode(CP1252[ch]);
    else if (ch === '\t') out += ' ';
    else out += '?';
  }
  return out;
}

function textWidth(winAnsi: string, size: number, bold: boolean): number {
  let units = 0;
  for (let i = 0; i < winAnsi.length; i++) {
    const c = winAnsi.charCodeAt(i);
    units += c >= 32 && c <= 126 ? (WIDTHS[c - 32] ?? 556) : 556;
  }
  // Helvetica-Bold runs a little wider; close enough for wrapping.
  return (units * size * (bold ? 1.06 : 1)) / 1000;
}

/** Breaks one line into lines that fit `width`; a word longer than the line is cut. */
export function wrap(winAnsi: string, width: number, size: number, bold = false): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of winAnsi.split(' ')) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (textWidth(candidate, size, bold) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    let rest = word;
    while (textWidth(rest, size, bold) > width && rest.length > 1) {
      let cut = rest.length - 1;
      while (cut > 1 && textWidth(rest.slice(0, cut), size, bold) > width) cut--;
      lines.push(rest.slice(0, cut));
      rest = rest.slice(cut);
    }
    line = rest;
  }
  lines.push(line);
  return lines;
}

const escapePdf = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** Lays the lines out on as many pages as they need and returns the PDF file. */
export function renderPdf(input: PdfLine[], info: PdfOptions): Buffer {
  const pages: string[][] = [];
  let ops: string[] = [];
  let y = PAGE_H - MARGIN;
  const newPage = () => {
    pages.push(ops);
    ops = [];
    y = PAGE_H - MARGIN;
  };
  const show = (font: string, size: number, x: number, line: string) => {
    const at = Number.isInteger(x) ? String(x) : x.toFixed(2);
    if (line !== '') ops.push(`BT /${font} ${size} Tf ${at} ${y.toFixed(2)} Td (${escapePdf(line)}) Tj ET`);
  };
  for (const item of input) {
    const size = item.size ?? 11;
    const leading = size * 1.35;
    const font = item.bold ? 'F2' : 'F1';
    const left = MARGIN + (item.indent ?? 0);
    const width = PAGE_W - MARGIN - left;
    if (item.pageBreak && ops.length > 0) newPage();
    y -= item.gap ?? 0;
    if (item.cells) {
      const total = item.cells.reduce((sum, c) => sum + c.width, 0) || 1;
      const gutter = 8;
      let x = left;
      const columns = item.cells.map((cell) => {
        const w = (width * cell.width) / total;
        const lines = toWinAnsi(cell.text)
          .split('\n')
          .flatMap((p) => wrap(p, w - gutter, size, item.bold));
        const column = { x, lines };
        x += w;
        return column;
      });
      const rows = Math.max(1, ...columns.map((c) => c.lines.length));
      // Keep a row on one page when it fits on one.
      if (y - rows * leading < MARGIN && rows * leading <= PAGE_H - 2 * MARGIN) newPage();
      for (let r = 0; r < rows; r++) {
        if (y - leading < MARGIN) newPage();
        y -= leading;
        for (const c of columns) show(font, size, c.x, c.lines[r] ?? '');
      }
      continue;
    }
    for (const paragraph of toWinAnsi(item.text).split('\n')) {
      for (const line of wrap(paragraph, width, size, item.bold)) {
        if (y - leading < MARGIN) newPage();
        y -= leading;
        show(font, size, left, line);
      }
    }
  }
  pages.push(ops);
  if (info.footer) {
    pages.forEach((page, i) => {
      const text = toWinAnsi(info.footer?.(i + 1, pages.length) ?? '');
      if (text !== '') page.push(`BT /F1 9 Tf ${MARGIN} ${(MARGIN / 2).toFixed(2)} Td (${escapePdf(text)}) Tj ET`);
    });
  }
  const contents = pages.map((page) => page.join('\n'));

  // Objects: 1 catalog, 2 page tree, 3/4 fonts, 5 info, then per page a page and its content stream.
  const objects: string[] = [];
  const pageIds = contents.map((_, i) => 6 + 2 * i);
  objects[1] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${contents.length} >>`;
  objects[3] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
  objects[4] = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>';
  objects[5] = `<< /Title (${escapePdf(toWinAnsi(info.title))}) /Producer (Samenspraak) >>`;
  contents.forEach((content, i) => {
    const id = pageIds[i] as number;
    objects[id] =
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${PAGE_W} ${PAGE_H}] ` +
      `/Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${id + 1} 0 R >>`;
    objects[id + 1] = `<< /Length ${content.length} >>\nstream\n${content}\nendstream`;
  });

  // Every character is one byte (latin1), so string offsets are byte offsets.
  let file = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = file.length;
    file += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = file.length;
  file += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) file += `${String(offsets[id]).padStart(10, '0')} 00000 n \n`;
  file += `trailer\n<< /Size ${objects.length} /Root 1 0 R /Info 5 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(file, 'latin1');
}
