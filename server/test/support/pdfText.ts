/**
 * Reading the PDFs Samenspraak makes the way a reader does, with pdfjs (Mozilla's PDF engine): the text
 * as laid out on the pages, the document's metadata and tagging, and its structure tree.
 */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface StructNode {
  role?: string;
  type?: string;
  id?: string;
  children?: StructNode[];
}

/** A structure element and the text of the content it holds directly ('' for Document, L, Table, TR…). */
export interface TaggedText {
  page: number;
  role: string;
  text: string;
}

export interface PdfReading {
  pages: number;
  /**
   * The text page by page, top to bottom and left to right: every laid-out line on a line of its own,
   * and runs on one line that stand apart (table cells) each on a line of their own, so a table row
   * reads "cell 1\ncell 2\n…" and a cell that wraps continues after the row's first line.
   */
  text: string;
  /** Each page's text as above. */
  pageTexts: string[];
  /** Every shown run of text with its page (1, 2, …) and position in points from the bottom left. */
  runs: Array<Run & { page: number }>;
  title: string | undefined;
  lang: string | null;
  /** MarkInfo /Marked: the file says it is tagged. */
  marked: boolean;
  /** The catalog has a StructTreeRoot. */
  structTreeRoot: boolean;
  /** ViewerPreferences /DisplayDocTitle: readers show the title, not the file name. */
  displayTitle: boolean;
  /** The structure tree of each page (pdfjs `getStructTree()`), null when there is none. */
  structTrees: Array<StructNode | null>;
  /** The structure elements page by page in tree order (reading order), with their text. */
  structure: TaggedText[];
  /** The file as latin1, for checks on its raw dictionaries. */
  raw: string;
}

export interface Run {
  str: string;
  x: number;
  y: number;
  width: number;
}

function pageLines(runs: Run[]): string[] {
  const sorted = runs.filter((r) => r.str.trim() !== '').sort((a, b) => b.y - a.y || a.x - b.x);
  const out: string[] = [];
  let last: Run | null = null;
  for (const r of sorted) {
    // On the same baseline and at most a space away from the run before it (pdfjs may cut a line into
    // runs, a list item's bullet is a run of its own): one text. Table cells stand further apart.
    const gap = last && Math.abs(last.y - r.y) < 1 ? r.x - (last.x + last.width) : Number.POSITIVE_INFINITY;
    if (gap < 1 && out.length > 0) out[out.length - 1] += r.str;
    else if (gap < 5 && out.length > 0) out[out.length - 1] = `${(out.at(-1) ?? '').trimEnd()} ${r.str.trimStart()}`;
    else out.push(r.str);
    last = r;
  }
  return out;
}

export async function readPdf(file: Uint8Array | Buffer): Promise<PdfReading> {
  const data = new Uint8Array(file);
  const raw = Buffer.from(data).toString('latin1');
  const task = getDocument({ data: new Uint8Array(data), useSystemFonts: false, verbosity: 0 });
  const pdf = await task.promise;
  try {
    const pageTexts: string[] = [];
    const allRuns: PdfReading['runs'] = [];
    const structure: TaggedText[] = [];
    const structTrees: Array<StructNode | null> = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent({ includeMarkedContent: true });
      const runs: Run[] = [];
      // The text inside each marked-content sequence, by the id the structure tree refers to.
      const markedText = new Map<string, string>();
      const lastRun = new Map<string, Run>();
      const open: string[] = [];
      for (const item of content.items) {
        if (!('str' in item)) {
          if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') open.push(item.id ?? '');
          else if (item.type === 'endMarkedContent') open.pop();
          continue;
        }
        const run = { str: item.str, x: item.transform[4] ?? 0, y: item.transform[5] ?? 0, width: item.width };
        const id = open.at(-1);
        if (id) {
          // A new line of the same paragraph: the line break was a space.
          const prev = lastRun.get(id);
          const sep = prev && Math.abs(prev.y - run.y) >= 1 && item.str !== '' ? ' ' : '';
          markedText.set(id, `${markedText.get(id) ?? ''}${sep}${item.str}`);
          if (item.str !== '') lastRun.set(id, run);
        }
        runs.push(run);
      }
      pageTexts.push(pageLines(runs).join('\n'));
      allRuns.push(...runs.map((r) => ({ ...r, page: n })));
      const tree = ((await page.getStructTree()) as StructNode | null) ?? null;
      structTrees.push(tree);
      const walk = (node: StructNode) => {
        if (node.role && node.role !== 'Root') {
          const text = (node.children ?? [])
            .filter((c) => c.type === 'content')
            .map((c) => markedText.get(c.id ?? '') ?? '')
            .join('');
          structure.push({ page: n, role: node.role, text: text.trim() });
        }
        for (const c of node.children ?? []) walk(c);
      };
      if (tree) walk(tree);
    }
    const meta = await pdf.getMetadata();
    const info = meta.info as { Title?: string; Language?: string };
    const markInfo = (await pdf.getMarkInfo()) as Map<string, unknown> | { Marked?: boolean } | null;
    const marked = markInfo instanceof Map ? markInfo.get('Marked') : markInfo?.Marked;
    return {
      pages: pdf.numPages,
      text: pageTexts.join('\n'),
      pageTexts,
      runs: allRuns,
      title: info.Title,
      lang: info.Language ?? null,
      marked: marked === true,
      structTreeRoot: /\/Type \/StructTreeRoot/.test(raw),
      displayTitle: /\/DisplayDocTitle true/.test(raw),
      structTrees,
      structure,
      raw,
    };
  } finally {
    await task.destroy();
  }
}
