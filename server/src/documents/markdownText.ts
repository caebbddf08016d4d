/**
 * People's words inside an exported Markdown file (minutes, versions) come out as the literal text they
 * typed: never a heading, list, table, link, image, code block, raw HTML or entity. Checked against a
 * real CommonMark + GFM-table parser in the export tests (server/test/support/markdownStructure.ts).
 *
 * Escaping uses CommonMark's backslash escapes, which any ASCII punctuation accepts: characters that are
 * structure anywhere in a line are escaped everywhere; those that are structure only at the start of a
 * line ("- ", "+ ", "1. ", "2) ", "=") are escaped there. Leading spaces are dropped (four make a code
 * block). Ordinary text (hyphens, dots, brackets) stays readable in the file.
 */

/** Anywhere in a line: escapes, code, emphasis, strikethrough, links/images, HTML and autolinks, headings, tables, entities. */
const ANYWHERE = /[\\`*_[\]<>#|~&]/g;

function escapeLine(line: string): string {
  const escaped = line.trim().replace(ANYWHERE, '\\$&');
  return escaped
    .replace(/^[-+=]/, '\\$&') // a list item, or a setext underline
    .replace(/^(\d{1,9})([.)])/, '$1\\$2'); // an ordered list item
}

/** A person's text on one line (inside a heading, list item or sentence); line breaks become spaces. */
export function mdInline(text: string): string {
  return escapeLine(text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/\t/g, ' '));
}

/** A person's text of several lines: each non-empty line its own paragraph, so the lines stay apart. */
export function mdBlock(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => escapeLine(line.replace(/\t/g, ' ')))
    .filter((line) => line !== '')
    .join('\n\n');
}
