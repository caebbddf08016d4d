/**
 * The young person's complete dossier as a PDF a person can read (and a screen reader can follow: see
 * documents/pdfWriter.ts): a title page with their name and the date, who works on the case, every
 * document's sections under their headings with the comments (names and dates), who agrees and the
 * versions, the meetings' decisions, destruction requests, and at the end a short summary of the access
 * log (grouped per person, day and kind, not raw log lines). Built from the same data as the JSON export
 * (`buildCaseExport`), so both forms always hold the same dossier.
 */
import { type DocumentType, type EndorsementStance, subjectWords } from '@samenspraak/shared';
import { type PdfBlock, renderPdf } from '../documents/pdfWriter.js';
import { sectionBody } from '../documents/sections.js';
import { groupAccessLog, summarisePeople } from './accessLogSummary.js';
import type { CaseExport } from './caseExport.js';
import { futurePlanBlocks } from './planPdf.js';

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
  'gz-psycholoog': 'GZ-psycholoog',
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
const who = (name: string, r: string | null) => (r ? `${name} (${role(r)})` : name);
const h1 = (text: string, pageBreak = true): PdfBlock => ({ kind: 'heading', level: 1, text, pageBreak });
const h2 = (text: string): PdfBlock => ({ kind: 'heading', level: 2, text, gap: 8 });
const para = (text: string, indent = 0): PdfBlock => ({ kind: 'paragraph', text, indent });
const list = (items: string[]): PdfBlock => ({ kind: 'list', items });

type ExportedDocument = CaseExport['documents'][number];

/**
 * Meeting notes carry the meeting's title and date when the meeting is known, else a number in the
 * order of the export (their ids mean nothing to a reader).
 */
function documentTitle(d: ExportedDocument, meetingNumber: number, x: CaseExport): string {
  if (d.type !== 'meetingNotes') return DOCUMENT_TITLES[d.type];
  const meeting = x.meetings.find((m) => m.id === d.meetingId);
  return meeting
    ? `${DOCUMENT_TITLES.meetingNotes}: ${meeting.title} (${dutchDate(meeting.scheduledAt)})`
    : `${DOCUMENT_TITLES.meetingNotes} ${meetingNumber}`;
}

const ITEM_KIND: Record<string, string> = { decision: 'Besluit', action: 'Actie' };

/** What a meeting decided, who does what by when, and what was read back to the young person. */
function meetingBlocks(meeting: CaseExport['meetings'][number]): PdfBlock[] {
  const blocks: PdfBlock[] = [h2(`${meeting.title} — ${dutchDate(meeting.scheduledAt)}`)];
  const present = meeting.attendance.filter((a) => a.present).map((a) => who(a.name, a.role));
  if (present.length > 0) blocks.push(para(`Aanwezig: ${present.join(', ')}`));
  for (const item of meeting.items) {
    const owner = item.ownerName ? ` — ${item.ownerName}` : '';
    const due = item.due ? `, uiterlijk ${dutchDate(item.due)}` : '';
    blocks.push(para(`${ITEM_KIND[item.kind] ?? item.kind}: ${item.text}${owner}${due}`, 12));
  }
  if (meeting.readBack) blocks.push(para(`In gewone woorden: ${meeting.readBack}`));
  return blocks;
}

/** Each section under its heading, then the comments on it: who, when, what (replies indented). */
function sectionBlocks(d: ExportedDocument, statements: CaseExport['statements']): PdfBlock[] {
  const blocks: PdfBlock[] = [];
  // In the document's own template order (documents/sections.ts): each parent's part, legacy roots with words.
  for (const [id, s] of Object.entries(d.sections)) {
    blocks.push(h2(s.title));
    const body = sectionBody(s);
    if (!body) blocks.push(para('(Dit deel kon niet worden gelezen.)'));
    else if ('items' in body) blocks.push(body.items.length > 0 ? list(body.items) : para('(nog leeg)'));
    else if (body.paragraphs.length === 0) blocks.push(para('(nog leeg)'));
    else blocks.push(...body.paragraphs.map((p) => para(p)));
    // Own statements next to the text they are about (Jeugdwet 7.3.8), before the comments.
    for (const st of statements.filter((x) => x.document === d.type && x.section === id)) {
      const about = st.passage ? ` over “${st.passage}”` : '';
      blocks.push(
        para(
          `Eigen verklaring van ${who(st.author.name, st.author.role)}, ${dutchDateTime(st.createdAt)}${about}: ${st.text}`,
          16,
        ),
      );
    }
    for (const c of d.comments.filter((c) => c.section === id)) {
      const kind = c.parentId ? 'Antwoord' : 'Opmerking';
      const done = c.resolvedAt ? ' (afgehandeld)' : '';
      blocks.push(
        para(
          `${kind} van ${who(c.author.name, c.author.role)}, ${dutchDateTime(c.createdAt)}: ${c.text}${done}`,
          c.parentId ? 28 : 16,
        ),
      );
    }
  }
  return blocks;
}

function endorsementBlocks(d: ExportedDocument): PdfBlock[] {
  const current = d.endorsements.filter((e) => e.supersededAt === null);
  const blocks: PdfBlock[] = [h2('Wie is het ermee eens?')];
  if (current.length === 0) blocks.push(para('Nog niemand heeft gezegd of hij of zij het ermee eens is.'));
  for (const e of current) {
    const words = e.words ? ` — “${e.words}”` : '';
    blocks.push(
      para(
        `${who(e.person.name, e.person.role)}: ${STANCES[e.stance] ?? e.stance}${words}, op ${dutchDateTime(e.createdAt)}`,
      ),
    );
  }
  return blocks;
}

function versionBlocks(d: ExportedDocument): PdfBlock[] {
  if (d.versions.length === 0) return [];
  const kind: Record<string, string> = { manual: 'bewaard', 'signed-off': 'vastgesteld', restored: 'teruggezet' };
  return [
    h2('Versies'),
    ...d.versions.map((v) =>
      para(
        `${v.name} — ${kind[v.kind] ?? v.kind} door ${who(v.author.name, v.author.role)}, ${dutchDateTime(v.createdAt)}`,
      ),
    ),
  ];
}

/** "1 keer, op 01-03-2026 11:00", "3 keer, op 01-03-2026 tussen 11:00 en 14:30", "12 keer, van … tot …". */
function timesWords(p: { count: number; first: string; last: string }): string {
  const [firstDay, firstTime] = dutchDateTime(p.first).split(' ');
  const [lastDay, lastTime] = dutchDateTime(p.last).split(' ');
  const times = `${p.count} keer`;
  if (p.count === 1 || (firstDay === lastDay && firstTime === lastTime)) return `${times}, op ${firstDay} ${firstTime}`;
  if (firstDay === lastDay) return `${times}, op ${firstDay} tussen ${firstTime} en ${lastTime}`;
  return `${times}, van ${dutchDateTime(p.first)} tot ${dutchDateTime(p.last)}`;
}

/** The access log at the end: one line per person, then a table grouped per day, person and kind. */
function accessLogBlocks(x: CaseExport): PdfBlock[] {
  const blocks: PdfBlock[] = [
    h1('Wie heeft mijn dossier bekeken?'),
    para(
      'Iedere keer dat iemand je dossier opent, verandert of downloadt, wordt dat bewaard. Hier zie je wie dat deed.',
    ),
  ];
  if (x.accessLog.length === 0) return [...blocks, para('(nog niets)')];
  blocks.push(
    h2('Per persoon'),
    list(summarisePeople(x.accessLog).map((p) => `${who(p.name, p.role)}: ${timesWords(p)}`)),
    h2('Wat er gebeurde'),
  );
  const rows = groupAccessLog(x.accessLog).map((g) => {
    // One entry: its day and time; several (on one day): the day and how often.
    const when = g.count === 1 ? dutchDateTime(g.first) : `${dutchDateTime(g.first).split(' ')[0]}\n${g.count} keer`;
    return [when, who(g.name, g.role), g.what, g.about, OUTCOME_WORDS[g.outcome] ?? g.outcome];
  });
  const columns = ['Wanneer', 'Wie', 'Wat', 'Waarover', 'Gelukt?'];
  const widths = [2.3, 2.8, 2.0, 3.7, 1.2];
  blocks.push({ kind: 'table', columns: columns.map((title, i) => ({ title, width: widths[i] ?? 1 })), rows });
  return blocks;
}

/** The dossier as blocks; separate from rendering so tests can read it. */
export function casePdfBlocks(x: CaseExport): PdfBlock[] {
  const c = x.case;
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: 'Mijn dossier in Samenspraak', size: 24, gap: 110 },
    { kind: 'paragraph', text: c.youngPerson.name, size: 20 },
    { kind: 'paragraph', text: `Gemaakt op ${dutchDate(x.exportedAt)}`, size: 12, gap: 4 },
    { kind: 'paragraph', text: `Geboortedatum: ${dutchDate(c.youngPerson.dateOfBirth)}`, gap: 16 },
    para(`Gemeente: ${c.youngPerson.municipality}`),
    para(`Regio: ${c.region}`),
    para(`Stap in het proces: ${STATUSES[c.status] ?? c.status}`),
    {
      kind: 'paragraph',
      gap: 20,
      text:
        'In dit bestand staat alles wat in Samenspraak over jou is opgeschreven: de analyse, je toekomstplan, ' +
        'de verslagen, wie meedoet, wie het ermee eens is, en wie je dossier heeft bekeken.',
    },
    para('Dit dossier is van jou. Klopt er iets niet? Zeg het tegen je gedragswetenschapper of procesregisseur.'),
    h1('Wie werken er mee?'),
    list(x.participants.map((p) => `${p.name} — ${role(p.role)}${p.organisation ? `, ${p.organisation}` : ''}`)),
  ];

  let meetings = 0;
  for (const d of x.documents) {
    if (d.type === 'meetingNotes') meetings += 1;
    blocks.push(h1(documentTitle(d, meetings, x)));
    if (d.shownVersion)
      blocks.push(
        para(`Dit is de tekst van de versie “${d.shownVersion.name}” van ${dutchDateTime(d.shownVersion.createdAt)}.`),
      );
    // Statements belong to the analysis and the plan, not to meeting notes.
    const own = d.type === 'meetingNotes' ? [] : x.statements;
    blocks.push(...sectionBlocks(d, own), ...endorsementBlocks(d), ...versionBlocks(d));
    // The plan's records (life domains, BIG5, supporter, moves) right after the plan's text.
    if (d.type === 'futurePlan' && x.futurePlan) blocks.push(...futurePlanBlocks(x.futurePlan, dutchDate));
  }
  if (x.futurePlan && !x.documents.some((d) => d.type === 'futurePlan'))
    blocks.push(...futurePlanBlocks(x.futurePlan, dutchDate));

  if (x.meetings.length > 0) {
    blocks.push(h1('Overleggen: wat is besloten?'));
    for (const meeting of x.meetings) blocks.push(...meetingBlocks(meeting));
  }

  if (x.destructionRequests.length > 0) {
    blocks.push(h1('Verzoeken om het dossier te vernietigen', false));
    const decision: Record<string, string> = { approved: 'goedgekeurd', refused: 'geweigerd' };
    for (const r of x.destructionRequests) {
      const outcome = r.decision ? decision[r.decision] : 'nog geen besluit';
      const motivation = r.motivation ? ` — ${r.motivation}` : '';
      blocks.push(
        para(
          `Gevraagd op ${dutchDate(r.requestedAt)}; besluit uiterlijk ${dutchDate(r.dueBy)}: ${outcome}${motivation}`,
        ),
      );
    }
  }

  if (x.corrections.length > 0) {
    blocks.push(h1('Verzoeken om iets te verbeteren', false));
    const answer: Record<string, string> = { accepted: 'aangepast', declined: 'niet aangepast' };
    for (const r of x.corrections) {
      const outcome = r.decision
        ? `${answer[r.decision]} door ${r.decidedBy ?? 'onbekend'}: ${r.answer ?? ''}`
        : `nog geen antwoord (uiterlijk ${dutchDate(r.dueBy)})`;
      const about = r.passage ? ` over “${r.passage}”` : '';
      blocks.push(
        para(
          `${who(r.requestedBy.name, r.requestedBy.role)} vroeg op ${dutchDate(r.requestedAt)}${about}: ${r.what} Waarom: ${r.why} — ${outcome}`,
        ),
      );
    }
  }

  blocks.push(...accessLogBlocks(x));
  return blocks;
}

export function casePdf(x: CaseExport): Promise<Buffer> {
  return renderPdf(casePdfBlocks(x), {
    title: `Dossier ${x.case.youngPerson.name}`,
    footer: (page, pages) =>
      `Dossier ${x.case.youngPerson.name} — gemaakt op ${dutchDate(x.exportedAt)} — pagina ${page} van ${pages}`,
  });
}
