/**
 * A version as a readable document (Markdown or PDF): title, the young person's first name, the
 * version's name and date, the sections the reader may read as text, and the endorsements with each
 * person's stance in their own words.
 */
import type { DocumentType, EndorsementStance } from '@samenspraak/shared';
import { mdInline } from '../documents/markdownText.js';
import { type PdfBlock, renderPdf } from '../documents/pdfWriter.js';
import { type SectionExport, sectionBody } from '../documents/sections.js';
import type { EndorsementView } from '../endorsements/endorsements.js';

const DOCUMENT_TITLES: Record<DocumentType, string> = {
  analysis: 'Verklarende analyse',
  futurePlan: 'Toekomstplan',
  meetingNotes: 'Verslag overleg',
};

const STANCES: Record<EndorsementStance, string> = {
  agree: 'eens',
  'agree-with-remarks': 'eens met opmerkingen',
  disagree: 'oneens',
};

export interface ExportModel {
  title: string;
  firstName: string;
  versionName: string;
  createdAt: string;
  sections: Array<{ title: string; paragraphs: string[] } | { title: string; items: string[] }>;
  endorsements: Array<{ name: string; role: string; stance: string; words: string | null }>;
  /** Disagreements and remarks, repeated under their own heading: with a sign-off they are never hidden. */
  dissent: Array<{ name: string; role: string; stance: string; words: string | null }>;
}

/** An endorsement as printed; one of text that changed since says so (002 h1: it no longer counts). */
const line = (e: EndorsementView) => ({
  name: e.person.name,
  role: e.person.role,
  stance: `${STANCES[e.stance] ?? e.stance}${e.outdatedAt ? ' (gegeven op een eerdere versie)' : ''}`,
  words: e.words,
});

export function exportModel(input: {
  type: DocumentType;
  youngPersonName: string;
  version: { name: string; createdAt: string };
  sections: Record<string, SectionExport>;
  endorsements: EndorsementView[];
}): ExportModel {
  return {
    title: DOCUMENT_TITLES[input.type],
    firstName: input.youngPersonName.trim().split(/\s+/)[0] ?? '',
    versionName: input.version.name,
    createdAt: input.version.createdAt,
    sections: Object.values(input.sections).map((s) => ({
      title: s.title,
      ...(sectionBody(s) ?? { paragraphs: ['(deze sectie kon niet worden gelezen)'] }),
    })),
    endorsements: input.endorsements.map(line),
    dissent: input.endorsements.filter((e) => e.stance !== 'agree').map(line),
  };
}

const day = (iso: string) => iso.slice(0, 10);

/** People's words print as written: never a heading, list, link, table, code or HTML. */
const md = mdInline;

export function toMarkdown(m: ExportModel): string {
  const out = [`# ${md(m.title)} — ${md(m.firstName)}`, '', `Versie: ${md(m.versionName)} (${day(m.createdAt)})`, ''];
  for (const s of m.sections) {
    out.push(`## ${md(s.title)}`, '');
    const lines = 'items' in s ? s.items.map((i) => `- ${md(i)}`) : s.paragraphs.map((p) => `${md(p)}\n`);
    out.push(...(lines.length > 0 ? lines : ['_(leeg)_']), '');
  }
  out.push('## Gedragen', '');
  if (m.endorsements.length === 0) out.push('_(nog niemand)_');
  for (const e of m.endorsements)
    out.push(`- ${md(e.name)} (${md(e.role)}): ${e.stance}${e.words ? ` — “${md(e.words)}”` : ''}`);
  if (m.dissent.length > 0) {
    out.push('', '## Niet eens of met opmerkingen', '');
    for (const e of m.dissent)
      out.push(`- ${md(e.name)} (${md(e.role)}): ${e.stance}${e.words ? ` — “${md(e.words)}”` : ''}`);
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

export function toPdf(m: ExportModel): Promise<Buffer> {
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: `${m.title} — ${m.firstName}`, size: 18 },
    { kind: 'paragraph', text: `Versie: ${m.versionName} (${day(m.createdAt)})`, size: 10 },
  ];
  const paragraph = (text: string): PdfBlock => ({ kind: 'paragraph', text });
  for (const s of m.sections) {
    blocks.push({ kind: 'heading', level: 2, text: s.title, gap: 10 });
    const body = 'items' in s ? s.items : s.paragraphs;
    if (body.length === 0) blocks.push(paragraph('(leeg)'));
    else if ('items' in s) blocks.push({ kind: 'list', items: s.items });
    else blocks.push(...s.paragraphs.map(paragraph));
  }
  blocks.push({ kind: 'heading', level: 2, text: 'Gedragen', gap: 10 });
  if (m.endorsements.length === 0) blocks.push(paragraph('(nog niemand)'));
  for (const e of m.endorsements)
    blocks.push(paragraph(`${e.name} (${e.role}): ${e.stance}${e.words ? ` — “${e.words}”` : ''}`));
  if (m.dissent.length > 0) {
    blocks.push({ kind: 'heading', level: 2, text: 'Niet eens of met opmerkingen', gap: 10 });
    for (const e of m.dissent)
      blocks.push(paragraph(`${e.name} (${e.role}): ${e.stance}${e.words ? ` — “${e.words}”` : ''}`));
  }
  return renderPdf(blocks, { title: `${m.title} — ${m.versionName}` });
}
