/**
 * The young person's complete dossier as a readable PDF: a title page with their name and the date,
 * who works on the case, every document's sections as plain paragraphs with comments, versions and
 * endorsements, destruction requests, and the access log as a table. Built from the same data as the
 * JSON export (`buildCaseExport`), so both forms always hold the same dossier.
 */
import {
  type DocumentType,
  type EndorsementStance,
  eventWords,
  itemText,
  SECTIONS,
  subjectWords,
} from '@samenspraak/shared';
import { type PdfLine, renderPdf } from '../versions/pdfWriter.js';
import type { CaseExport } from './caseExport.js';

const DOCUMENT_TITLES: Record<DocumentType, string> = {
  analysis: 'Verklarende analyse',
  futurePlan: 'Toekomstplan',
  meetingNotes: 'Verslag van een overleg',
};

const STATUSES: Record<string, string> = {
  aanmelding: 'Aangemeld',
  analyse_en_planvorming: 'Samen uitzoeken en plannen',
  monitoring: 'Volgen hoe het gaat',
  afgeschaald: 'Afgesloten',
};

const ROLES: Record<string, string> = {
  jeugdige: 'jeugdige',
  ouder: 'ouder',
  gedragswetenschapper: 'gedragswetenschapper',
  'lokaal-team': 'lokaal team',
  jeugdbeschermer: 'jeugdbeschermer',
  jeugdhulpaanbieder: 'jeugdhulpaanbieder',
  onderwijsconsulent: 'onderwijsconsulent',
  clientondersteuner: 'cliëntondersteuner',
  procesregisseur: 'procesregisseur',
  'ben-adviseur': 'BEN-adviseur',
  'dbt-lid': 'lid doorbraakteam',
  gemeente: 'gemeente',
  beheerder: 'beheerder',
  systeem: 'systeem',
  client: 'cliënt',
};

const STANCES: Record<EndorsementStance, string> = {
  agree: 'eens',
  'agree-with-remarks': 'eens, met opmerkingen',
  disagree: 'niet eens',
};

const OUTCOME_WORDS: Record<string, string> = { success: 'gelukt', denied: 'geweigerd', failure: 'mislukt' };

/** Which part of the dossier an access-log entry is about, in plain Dutch (the same words as the case page). */
export function logSubject(detail: string): string {
  return subjectWords(detail, 'nl');
}

/** 23-11-2026 11:00, Amsterdam time (the readers are in Noord-Holland). */
export function dutchDateTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('day')}-${get('month')}-${get('year')} ${get('hour')}:${get('minute')}`;
}

/** 23 november 2026. */
export function dutchDate(iso: string): string {
  const d = iso.length === 10 ? new Date(`${iso}T12:00:00Z`) : new Date(iso);
  return new Intl.DateTimeFormat('nl-NL', {
    timeZone: 'Europe/Amsterdam',
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  }).format(d);
}

const role = (r: string | null) => (r ? (ROLES[r] ?? r) : '');
const heading = (text: string, gap = 18): PdfLine => ({ text, size: 15, bold: true, gap });
const subheading = (text: string): PdfLine => ({ text, size: 12, bold: true, gap: 12 });
const para = (text: string, gap = 4, indent = 0): PdfLine => ({ text, gap, indent });

/**
 * Meeting notes carry the meeting's title and date when the meeting is known, else a number in the
 * order of the export (their ids mean nothing to a reader).
 */
function documentTitle(d: CaseExport['documents'][number], meetingNumber: number, x: CaseExport): string {
  if (d.type !== 'meetingNotes') return DOCUMENT_TITLES[d.type];
  const meeting = x.meetings.find((m) => m.id === d.meetingId);
  return meeting
    ? `${DOCUMENT_TITLES.meetingNotes}: ${meeting.title} (${dutchDate(meeting.scheduledAt)})`
    : `${DOCUMENT_TITLES.meetingNotes} ${meetingNumber}`;
}

const ITEM_KIND: Record<string, string> = { decision: 'Besluit', action: 'Actie' };

/** What a meeting decided, who does what by when, and what was read back to the young person. */
function meetingLines(meeting: CaseExport['meetings'][number]): PdfLine[] {
  const lines: PdfLine[] = [subheading(`${meeting.title} — ${dutchDate(meeting.scheduledAt)}`)];
  const present = meeting.attendance.filter((a) => a.present).map((a) => `${a.name} (${role(a.role)})`);
  if (present.length > 0) lines.push(para(`Aanwezig: ${present.join(', ')}`));
  for (const item of meeting.items) {
    const who = item.ownerName ? ` — ${item.ownerName}` : '';
    const due = item.due ? `, uiterlijk ${dutchDate(item.due)}` : '';
    lines.push(para(`${ITEM_KIND[item.kind] ?? item.kind}: ${item.text}${who}${due}`, 4, 12));
  }
  if (meeting.readBack) lines.push(para(`In gewone woorden: ${meeting.readBack}`, 8));
  return lines;
}

function sectionLines(d: CaseExport['documents'][number]): PdfLine[] {
  const lines: PdfLine[] = [];
  for (const def of SECTIONS[d.type]) {
    const s = d.sections[def.id];
    if (!s) continue;
    lines.push(subheading(s.title));
    let body: string[];
    if (s.content === 'richText') body = s.text.split('\n').filter((p) => p.trim() !== '');
    else if (s.content === 'items')
      body = s.items
        .map(itemText)
        .filter((t) => t !== '')
        .map((t) => `• ${t}`);
    else body = ['(Dit deel kon niet worden gelezen.)'];
    if (body.length === 0) lines.push(para('(nog leeg)'));
    for (const text of body) lines.push(para(text));
    const comments = d.comments.filter((c) => c.section === def.id);
    for (const c of comments) {
      lines.push(
        para(
          `Opmerking van ${c.author.name} (${role(c.author.role)}), ${dutchDateTime(c.createdAt)}: ${c.text}` +
            (c.resolvedAt ? ' [afgehandeld]' : ''),
          4,
          16,
        ),
      );
    }
  }
  return lines;
}

function endorsementLines(d: CaseExport['documents'][number]): PdfLine[] {
  const current = d.endorsements.filter((e) => e.supersededAt === null);
  const lines: PdfLine[] = [subheading('Wie is het ermee eens?')];
  if (current.length === 0) lines.push(para('Nog niemand heeft gezegd of hij of zij het ermee eens is.'));
  for (const e of current) {
    lines.push(
      para(
        `${e.person.name} (${role(e.person.role)}): ${STANCES[e.stance] ?? e.stance}` +
          `${e.words ? ` — “${e.words}”` : ''} (${dutchDateTime(e.createdAt)})`,
      ),
    );
  }
  return lines;
}

function versionLines(d: CaseExport['documents'][number]): PdfLine[] {
  if (d.versions.length === 0) return [];
  const kind: Record<string, string> = { manual: 'bewaard', 'signed-off': 'vastgesteld', restored: 'teruggezet' };
  return [
    subheading('Versies'),
    ...d.versions.map((v) =>
      para(
        `${v.name} — ${kind[v.kind] ?? v.kind} door ${v.author.name} (${role(v.author.role)}), ${dutchDateTime(v.createdAt)}`,
      ),
    ),
  ];
}

/** The model as PDF lines; separate from rendering so tests can read it. */
export function casePdfLines(x: CaseExport): PdfLine[] {
  const c = x.case;
  const lines: PdfLine[] = [
    { text: 'Mijn dossier in Samenspraak', size: 24, bold: true, gap: 120 },
    { text: c.youngPerson.name, size: 20, gap: 16 },
    { text: `Gemaakt op ${dutchDate(x.exportedAt)}`, size: 12, gap: 24 },
    para(`Geboortedatum: ${dutchDate(c.youngPerson.dateOfBirth)}`, 16),
    para(`Gemeente: ${c.youngPerson.municipality}`),
    para(`Regio: ${c.region}`),
    para(`Stap in het proces: ${STATUSES[c.status] ?? c.status}`),
    para(
      'In dit bestand staat alles wat in Samenspraak over jou is opgeschreven: de analyse, je toekomstplan, ' +
        'de verslagen, wie meedoet, wie het ermee eens is, en wie je dossier heeft bekeken.',
      24,
    ),
    para('Dit dossier is van jou. Klopt er iets niet? Zeg het tegen je gedragswetenschapper of procesregisseur.', 8),

    { ...heading('Wie werken er mee?', 0), pageBreak: true },
  ];
  for (const p of x.participants)
    lines.push(para(`${p.name} — ${role(p.role)}${p.organisation ? `, ${p.organisation}` : ''}`));

  let meetings = 0;
  for (const d of x.documents) {
    if (d.type === 'meetingNotes') meetings += 1;
    lines.push({ ...heading(documentTitle(d, meetings, x), 0), pageBreak: true });
    lines.push(...sectionLines(d), ...endorsementLines(d), ...versionLines(d));
  }

  if (x.meetings.length > 0) {
    lines.push({ ...heading('Overleggen: wat is besloten?', 0), pageBreak: true });
    for (const meeting of x.meetings) lines.push(...meetingLines(meeting));
  }

  if (x.destructionRequests.length > 0) {
    lines.push(heading('Verzoeken om het dossier te vernietigen'));
    const decision: Record<string, string> = { approved: 'goedgekeurd', refused: 'geweigerd' };
    for (const r of x.destructionRequests) {
      const outcome = r.decision ? decision[r.decision] : 'nog geen besluit';
      lines.push(
        para(
          `Gevraagd op ${dutchDate(r.requestedAt)}; besluit uiterlijk ${dutchDate(r.dueBy)}: ${outcome}` +
            (r.motivation ? ` — ${r.motivation}` : ''),
        ),
      );
    }
  }

  lines.push({ ...heading('Wie heeft mijn dossier bekeken?', 0), pageBreak: true });
  lines.push(para('Iedere keer dat iemand je dossier opent, verandert of downloadt, wordt dat bewaard.', 4));
  const widths = [2.1, 2.8, 2.1, 4, 1.4];
  lines.push({
    text: '',
    bold: true,
    size: 9,
    gap: 10,
    cells: ['Wanneer', 'Wie', 'Wat', 'Waarover', 'Gelukt?'].map((text, i) => ({ text, width: widths[i] ?? 1 })),
  });
  for (const e of x.accessLog) {
    const cells = [
      dutchDateTime(e.at),
      `${e.name ?? 'onbekend'}${e.role ? ` (${role(e.role)})` : ''}`,
      eventWords(e.event, 'nl'),
      logSubject(e.what),
      OUTCOME_WORDS[e.outcome] ?? e.outcome,
    ];
    lines.push({ text: '', size: 9, gap: 3, cells: cells.map((text, i) => ({ text, width: widths[i] ?? 1 })) });
  }
  if (x.accessLog.length === 0) lines.push(para('(nog niets)'));
  return lines;
}

export function casePdf(x: CaseExport): Buffer {
  return renderPdf(casePdfLines(x), {
    title: `Dossier ${x.case.youngPerson.name}`,
    footer: (page, pages) =>
      `Dossier ${x.case.youngPerson.name} — gemaakt op ${dutchDate(x.exportedAt)} — pagina ${page} van ${pages}`,
  });
}
