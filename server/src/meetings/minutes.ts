/**
 * The minutes of a meeting as Markdown: agenda, attendance, the required-roles check, decisions and
 * actions with owners, dates and where they landed, the read-back for the young person, and the notes
 * document's text (only the sections the reader may read). Pure over what the caller loaded.
 */
import { type MeetingLink, type MeetingView, SECTIONS } from '@samenspraak/shared';
import { mdBlock, mdInline } from '../documents/markdownText.js';
import { dutchDate, dutchDay } from '../domain/dutchDates.js';

const DOCUMENT_TITLES = { analysis: 'Verklarende analyse', futurePlan: 'Toekomstplan' } as const;
const STATUS = { scheduled: 'gepland', live: 'bezig', ended: 'afgerond' } as const;
const VIA = { presence: 'online', phone: 'telefonisch', 'in-person': 'aanwezig in de ruimte' } as const;

/** People's words stay text, never Markdown structure (headings, lists, links, HTML, code). */
const inline = mdInline;

function linkLabel(link: MeetingLink): string {
  const section = SECTIONS[link.document].find((s) => s.id === link.section);
  return `${DOCUMENT_TITLES[link.document]} › ${section?.title.nl ?? link.section}`;
}

export interface MinutesInput {
  view: MeetingView;
  caseFirstName: string;
  chairName: string | null;
  /** Notes sections the reader may read, in template order: title and plain text. */
  notes: Array<{ title: string; text: string }>;
}

export function minutesMarkdown({ view, caseFirstName, chairName, notes }: MinutesInput): string {
  const at = new Date(view.startedAt ?? view.scheduledAt);
  const out: string[] = [
    `# ${inline(view.title)}`,
    '',
    `Multidisciplinair overleg over ${inline(caseFirstName)} — ${dutchDay(at)} (${STATUS[view.status]})`,
  ];
  if (chairName) out.push('', `Voorzitter: ${inline(chairName)}`);

  out.push('', '## Agenda', '');
  if (view.agenda.length === 0) out.push('_Geen agenda._');
  view.agenda.forEach((item, i) => {
    out.push(`${i + 1}. ${inline(item)}`);
  });

  out.push('', '## Aanwezig', '');
  const present = view.attendance.filter((a) => a.present);
  if (present.length === 0) out.push('_Niemand geregistreerd._');
  for (const a of present) out.push(`- ${inline(a.name)} (${a.role}, ${VIA[a.via]})`);
  const absent = view.attendance.filter((a) => !a.present);
  if (absent.length > 0) {
    out.push('', 'Uitgenodigd, niet aanwezig:', '');
    for (const a of absent) out.push(`- ${inline(a.name)} (${a.role})`);
  }

  out.push('', '## Verplichte inbreng', '');
  out.push(`- Onderwijs aanwezig: ${view.requiredRoles.educationPresent ? 'ja' : 'nee'}`);
  out.push(`- Jeugdige of ouders gehoord: ${view.requiredRoles.youngPersonOrParentsHeard ? 'ja' : 'nee'}`);
  for (const line of view.requiredRoles.missing) out.push(`- ⚠ ${line}`);

  for (const [kind, heading] of [
    ['decision', 'Besluiten'],
    ['action', 'Acties'],
  ] as const) {
    const items = view.items.filter((i) => i.kind === kind);
    out.push('', `## ${heading}`, '');
    if (items.length === 0) out.push(`_Geen ${heading.toLowerCase()}._`);
    for (const i of items) {
      const parts = [inline(i.text)];
      if (i.ownerName) parts.push(`wie: ${inline(i.ownerName)}`);
      if (i.due) parts.push(`uiterlijk ${dutchDate(i.due)}`);
      if (i.link) parts.push(`vastgelegd in ${linkLabel(i.link)}`);
      out.push(`- ${parts.join(' — ')}`);
    }
  }

  out.push(
    '',
    '## Teruggelezen voor de jeugdige',
    '',
    view.readBack ? inline(view.readBack) : '_Nog niet vastgelegd._',
  );

  out.push('', '## Verslag');
  for (const section of notes) {
    out.push('', `### ${inline(section.title)}`, '');
    const text = mdBlock(section.text);
    out.push(text === '' ? '_Leeg._' : text);
  }
  return `${out.join('\n')}\n`;
}
