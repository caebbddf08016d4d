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
}

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

/** The explanatory analysis (domain brief §3); endorsement (9) is a server record, not a section. */
const analysis: SectionDef[] = [
  s('hulpvraag_jeugdige', own('jeugdige'), 'Hulpvraag — in mijn eigen woorden', 'Request for help — in my own words'),
  s(
    'hulpvraag_ouders',
    own('ouder'),
    'Hulpvraag — in de woorden van ouders',
    "Request for help — in the parents' words",
  ),
  s(
    'hulpvraag_professionals',
    pro,
    'Hulpvraag — verwijzer en professionals',
    'Request for help — referrer and professionals',
  ),
  s('hulp_tot_nu', pro, 'Hulp tot nu toe en resultaten', 'Help so far and its results'),
  s('problemen_en_krachten', pro, 'Problemen en krachten', 'Problems and strengths'),
  s('veiligheid', pro, 'Veiligheid', 'Safety'),
  s('hypothesen', pro, 'Verklarende hypothesen', 'Explanatory hypotheses', 'items'),
  s('verschillen_van_inzicht', pro, 'Verschillen van inzicht', 'Differences of view'),
  s('aanknopingspunten', pro, 'Aanknopingspunten en passende aanpak', 'Leads for change and the fitting approach'),
  s('evaluatie', pro, 'Evaluatiemoment en criteria', 'Evaluation moment and criteria'),
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

/**
 * What appendix 1 of 002 says an analysis holds (request for help, problems and strengths, hypotheses,
 * leads for change): required before a sign-off. The template work may set `required` itself; this
 * marks the seed's minimum until then.
 */
const SEED_REQUIRED = new Set(['hulpvraag_professionals', 'problemen_en_krachten', 'hypothesen', 'aanknopingspunten']);
for (const def of analysis) if (SEED_REQUIRED.has(def.id)) def.required = true;

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
