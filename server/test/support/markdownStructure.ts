/**
 * Reads exported Markdown as a renderer would (markdown-it: CommonMark, GFM tables and strikethrough,
 * raw HTML allowed — the strictest reading) to check that people's words stayed text.
 */
import MarkdownIt from 'markdown-it';

const parser = new MarkdownIt({ html: true });

interface Tok {
  type: string;
  tag: string;
  content: string;
  children: Tok[] | null;
}

/** The document's structure without its words: block and inline token kinds, in order. */
export function structureOf(markdown: string): string[] {
  const out: string[] = [];
  const walk = (tokens: Tok[]) => {
    for (const t of tokens) {
      if (t.type === 'inline') walk(t.children ?? []);
      else if (t.type !== 'text') out.push(`${t.type}:${t.tag}`);
    }
  };
  walk(parser.parse(markdown, {}) as unknown as Tok[]);
  // Adjacent text tokens are split differently depending on the words; their kind is all that matters.
  return out;
}

/** The words as a reader sees them: all text, one line per block. */
export function renderedText(markdown: string): string {
  const lines: string[] = [];
  for (const t of parser.parse(markdown, {}) as unknown as Tok[]) {
    if (t.type !== 'inline') continue;
    lines.push((t.children ?? []).map((c) => (c.type === 'softbreak' ? ' ' : c.content)).join(''));
  }
  return lines.join('\n');
}

/** What a hostile participant writes to turn their words into structure. */
export const HOSTILE_TEXTS = [
  '# Kop van een ouder',
  '[klik hier](javascript:alert(1))',
  '<script>alert(1)</script>',
  '| naam | adres |',
  '- een lijstje',
  '1. genummerd',
  '2) ook genummerd',
  '+ plus',
  '---',
  '    ingesprongen code',
  '```',
  '~~~',
  '> een citaat',
  '**vet** _schuin_ ~~doorgehaald~~',
  '![beeld](https://example.org/x.png)',
  '&lt;b&gt; &amp;',
  '<https://example.org>',
  '=',
  'a\\',
];
