/**
 * The documents of a case and their sections. A document is one Y.Doc; each section is a named root
 * type (Tiptap XML fragment for text, a Y.Array for structured items). Section ids are the root names.
 */
import type { Role } from './access.js';

export const DOCUMENT_TYPES = ['analysis', 'futurePlan', 'meetingNotes'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];

/** Who a section belongs to: someone's own words, or the professionals' shared text. */
export type SectionOwner = { kind: 'ownWords'; role: Extract<Role, 'jeugdige' | 'ouder'> } | { kind: 'professional' };

export interface SectionDef {
  id: string;
  owner: SectionOwner;
  /** Text (rich text) or structured items (e.g. hypotheses). */
  content: 'richText' | 'items';
  title: { nl: string; en: string };
  /** Must be non-empty before the behavioural scientist may sign the document off (see sign-off rules). */
  required?: boolean;
  /**
   * Where the section comes from: 'bijlage1' = a part named in 002 Bijlage 1 (Toelichting Verklarende
   * Analyse); 'addition' = our own addition, shown as "Toevoeging Samenspraak (niet uit Bijlage 1)".
   */
  source?: 'bijlage1' | 'addition';
  /** The Bijlage 1 part a section belongs to (a heading above a run of sections with the same group). */
  group?: SectionGroup;
  /**
   * A root of the template before the Bijlage 1 layout (kept, never moved or deleted, so no character of
   * an older document is lost): shown, exported and editable only while it holds content.
   */
  legacy?: boolean;
}

/** The parts of 002 Bijlage 1, with the source's own Dutch headings. */
export const SECTION_GROUPS = {
  hulpvraag: { nl: 'Analyse van de hulpvraag', en: 'Analysis of the request for help' },
  probleemEnKrachten: { nl: 'Probleem- en krachtenanalyse', en: 'Problem and strengths analysis' },
  verklarend: {
    nl: 'Gedeelde verklarende analyse: getoetste hypothesen',
    en: 'Shared explanatory analysis: tested hypotheses',
  },
  aanpak: { nl: 'Aanknopingspunten voor verandering', en: 'Leads for change' },
  samenvatting: { nl: 'Samenvatting', en: 'Summary' },
} as const;
export type SectionGroup = keyof typeof SECTION_GROUPS;

/**
 * The same parts in plain words (B1), shown to the young person and parents next to the professional
 * term (issue #18). Checked by `shared/test/readability.test.ts`: LIX ≤ 40 and no forbidden jargon.
 */
export const PLAIN_GROUP_TITLES: Record<SectionGroup, { nl: string; en: string }> = {
  hulpvraag: { nl: 'Waar wil je hulp bij?', en: 'What do you want help with?' },
  probleemEnKrachten: { nl: 'Wat gaat goed en wat is moeilijk?', en: 'What goes well and what is hard?' },
  verklarend: { nl: 'Waarom gaat het zo? Ideeën om te toetsen', en: 'Why is it like this? Ideas to check' },
  aanpak: { nl: 'Wat kan helpen?', en: 'What can help?' },
  samenvatting: { nl: 'Kort op een rij', en: 'In short' },
};

/** Plain words per section (own parts, the analysis, the future plan, meeting notes); see PLAIN_GROUP_TITLES. */
export const PLAIN_SECTION_TITLES: Record<string, { nl: string; en: string }> = {
  hulpvraag_jeugdige: { nl: 'Jouw deel: wat vind jij?', en: 'Your part: what do you think?' },
  hulpvraag_ouders: { nl: 'Wat de ouders eerder schreven', en: 'What the parents wrote before' },
  hulpvraag_professionals: { nl: 'Wat de hulpverleners vragen', en: 'What the care workers ask' },
  hulp_tot_nu: { nl: 'Welke hulp was er al?', en: 'What help was there already?' },
  probleemgedrag: { nl: 'Wat gaat er mis?', en: 'What goes wrong?' },
  risicofactoren_jeugdige: { nl: 'Wat maakt het zwaar voor jou?', en: 'What makes it hard for you?' },
  beschermende_factoren_jeugdige: { nl: 'Wat helpt jou?', en: 'What helps you?' },
  risicofactoren_systeem: { nl: 'Wat maakt het thuis zwaar?', en: 'What makes it hard at home?' },
  beschermende_factoren_systeem: { nl: 'Wat helpt thuis en om je heen?', en: 'What helps at home and around you?' },
  problemen_en_krachten: { nl: 'Wat goed gaat en wat niet (oud)', en: 'What goes well and what not (old)' },
  veiligheid: { nl: 'Ben je veilig?', en: 'Are you safe?' },
  hypothesen: { nl: 'Ideeën over waarom het zo gaat', en: 'Ideas about why it is like this' },
  verschillen_van_inzicht: { nl: 'Waar we het niet over eens zijn', en: 'Where we do not agree' },
  aanknopingspunten: { nl: 'Wat we gaan doen', en: 'What we will do' },
  evaluatie: { nl: 'Wanneer kijken we of het helpt?', en: 'When do we check if it helps?' },
  samenvatting: { nl: 'Kort op een rij', en: 'In short' },
  toekomstbeeld_jeugdige: { nl: 'Jouw deel: hoe zie jij je toekomst?', en: 'Your part: how do you see your future?' },
  regie_en_steun: { nl: 'Wie helpt je en wie houdt het overzicht?', en: 'Who helps you and who keeps track?' },
  risicos: { nl: 'Waar moeten we op letten?', en: 'What should we watch out for?' },
  checklist_18: { nl: 'Wat moet er klaar zijn als je 18 wordt?', en: 'What must be ready when you turn 18?' },
  agenda: { nl: 'Waar praten we over?', en: 'What do we talk about?' },
  inbreng_jeugdige: { nl: 'Wat jij wilt zeggen', en: 'What you want to say' },
  inbreng_ouders: { nl: 'Wat de ouders willen zeggen', en: 'What the parents want to say' },
  notulen: { nl: 'Wat er gezegd is', en: 'What was said' },
};

/** A parent's own part in plain words (the per-parent roots of analysisParts.ts). */
export const PLAIN_PARENT_PART_TITLE = {
  nl: 'Jouw deel als ouder: wat vind jij?',
  en: 'Your part as a parent: what do you think?',
};

/** The label of our additions to the Bijlage 1 layout, in the interface and in exports. */
export const ADDITION_LABEL = {
  nl: 'Toevoeging Samenspraak (niet uit Bijlage 1)',
  en: 'Samenspraak addition (not from Bijlage 1)',
};

const own = (role: 'jeugdige' | 'ouder'): SectionOwner => ({ kind: 'ownWords', role });
const pro: SectionOwner = { kind: 'professional' };
const s = (
  id: string,
  owner: SectionOwner,
  nl: string,
  en: string,
  content: SectionDef['content'] = 'richText',
): SectionDef => ({
  id,
  owner,
  content,
  title: { nl, en },
});
const b1 = (group: SectionGroup, def: SectionDef, required = false): SectionDef => ({
  ...def,
  source: 'bijlage1',
  group,
  ...(required ? { required } : {}),
});
const addition = (group: SectionGroup, def: SectionDef): SectionDef => ({ ...def, source: 'addition', group });
const legacy = (group: SectionGroup, def: SectionDef): SectionDef => ({ ...def, group, legacy: true });

/**
 * The explanatory analysis along 002 Bijlage 1 "Toelichting Verklarende Analyse" (domain brief §3):
 * the request for help in the words of each person involved, the problem and strengths analysis, the
 * shared tested hypotheses, leads for change and the fitting approach, and the summary as a bullet list.
 * Each parent's own part is a root per person (`hulpvraag_ouder_<userId>`, see analysisParts.ts), placed
 * after the young person's part. Endorsement is a server record, not a section.
 */
const analysis: SectionDef[] = [
  b1(
    'hulpvraag',
    s(
      'hulpvraag_jeugdige',
      own('jeugdige'),
      'Hulpvraag van de jeugdige — in eigen woorden',
      "The young person's request for help — in their own words",
    ),
  ),
  legacy(
    'hulpvraag',
    s(
      'hulpvraag_ouders',
      own('ouder'),
      'Hulpvraag ouders (samen, van vóór de nieuwe indeling)',
      "Parents' request for help (together, from before the new layout)",
    ),
  ),
  b1(
    'hulpvraag',
    s(
      'hulpvraag_professionals',
      pro,
      'Hulpvraag van verwijzer en professionals',
      'Request for help of the referrer and professionals',
    ),
    true,
  ),
  addition('hulpvraag', s('hulp_tot_nu', pro, 'Hulp tot nu toe en resultaten', 'Help so far and its results')),
  b1('probleemEnKrachten', s('probleemgedrag', pro, '(Probleem)gedrag', '(Problem) behaviour'), true),
  b1(
    'probleemEnKrachten',
    s('risicofactoren_jeugdige', pro, 'Risicofactoren — jeugdige', 'Risk factors — young person'),
    true,
  ),
  b1(
    'probleemEnKrachten',
    s('beschermende_factoren_jeugdige', pro, 'Beschermende factoren — jeugdige', 'Protective factors — young person'),
    true,
  ),
  b1(
    'probleemEnKrachten',
    s('risicofactoren_systeem', pro, 'Risicofactoren — systeem', 'Risk factors — the system'),
    true,
  ),
  b1(
    'probleemEnKrachten',
    s('beschermende_factoren_systeem', pro, 'Beschermende factoren — systeem', 'Protective factors — the system'),
    true,
  ),
  legacy(
    'probleemEnKrachten',
    s(
      'problemen_en_krachten',
      pro,
      'Problemen en krachten (van vóór de nieuwe indeling)',
      'Problems and strengths (from before the new layout)',
    ),
  ),
  addition('probleemEnKrachten', s('veiligheid', pro, 'Veiligheid', 'Safety')),
  b1(
    'verklarend',
    s(
      'hypothesen',
      pro,
      'Hypothesen over ontstaan, in stand houden, verergeren en verminderen',
      'Hypotheses on how the problem arises, persists, worsens and lessens',
      'items',
    ),
    true,
  ),
  addition('verklarend', s('verschillen_van_inzicht', pro, 'Verschillen van inzicht', 'Differences of view')),
  b1(
    'aanpak',
    s('aanknopingspunten', pro, 'Aanknopingspunten en passende aanpak', 'Leads for change and the fitting approach'),
    true,
  ),
  addition('aanpak', s('evaluatie', pro, 'Evaluatiemoment en criteria', 'Evaluation moment and criteria')),
  b1(
    'samenvatting',
    s('samenvatting', pro, 'Samenvatting — puntsgewijze opsomming', 'Summary — a bullet list', 'items'),
    true,
  ),
];

/** The future plan from 16 (domain brief §4). */
export const LIFE_DOMAINS = [
  ['wonen', 'Wonen', 'Housing'],
  ['onderwijs', 'School en opleiding', 'School and education'],
  ['werk', 'Werk en dagbesteding', 'Work and day activity'],
  ['inkomen', 'Inkomen en schulden', 'Income and debts'],
  ['zorg', 'Zorg en welzijn', 'Care and wellbeing'],
  ['netwerk', 'Netwerk, relaties en vrije tijd', 'Network, relationships and free time'],
  ['juridisch', 'Juridisch en veiligheid', 'Legal and safety'],
] as const;

const futurePlan: SectionDef[] = [
  s('toekomstbeeld_jeugdige', own('jeugdige'), 'Mijn toekomstbeeld', 'My picture of the future'),
  s('regie_en_steun', pro, 'Regie en steun (coördinator, JIM)', 'Coordinator and supporter (JIM)'),
  ...LIFE_DOMAINS.map(([id, nl, en]) => s(`domein_${id}`, pro, nl, en, 'items')),
  s('risicos', pro, "Risico's", 'Risks'),
  s('checklist_18', pro, 'Checklist 18 jaar', 'Checklist for turning 18', 'items'),
  s('evaluatie', pro, 'Evaluatie', 'Evaluation'),
];

const meetingNotes: SectionDef[] = [
  s('agenda', pro, 'Agenda', 'Agenda'),
  s('inbreng_jeugdige', own('jeugdige'), 'Inbreng van de jeugdige', "The young person's voice"),
  s('inbreng_ouders', own('ouder'), 'Inbreng van ouders', "The parents' voice"),
  s('notulen', pro, 'Aantekeningen', 'Notes'),
];

export const SECTIONS: Record<DocumentType, readonly SectionDef[]> = { analysis, futurePlan, meetingNotes };

export function sectionIds(type: DocumentType): string[] {
  return SECTIONS[type].map((x) => x.id);
}

/** Document ids of a case: `<caseId>.analysis`, `<caseId>.futurePlan`, `<caseId>.meetingNotes.<meetingId>`. */
export function documentId(caseId: string, type: DocumentType, meetingId?: string): string {
  return type === 'meetingNotes' ? `${caseId}.${type}.${meetingId}` : `${caseId}.${type}`;
}

export function parseDocumentId(id: string): { caseId: string; type: DocumentType; meetingId?: string } | null {
  const parts = id.split('.');
  const [caseId, type, meetingId] = parts;
  if (!caseId || !type || !(DOCUMENT_TYPES as readonly string[]).includes(type)) return null;
  if (type === 'meetingNotes') return parts.length === 3 && meetingId ? { caseId, type, meetingId } : null;
  return parts.length === 2 ? { caseId, type: type as DocumentType } : null;
}
