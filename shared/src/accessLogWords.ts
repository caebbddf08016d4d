/**
 * The access log (NEN 7513 entries) in plain words for the young person: which kind of event, and which
 * part of the dossier it was about. Entries hold a route or document id; this reads it. Pure; shared by
 * the case page (client) and the dossier PDF (server), so both say the same.
 */

type Words = Record<string, string>;

const EVENTS: Record<'nl' | 'en', Words> = {
  nl: {
    create: 'iets toegevoegd',
    read: 'bekeken',
    update: 'iets veranderd',
    delete: 'iets verwijderd',
    export: 'gedownload',
    print: 'geprint',
    search: 'in een lijst gezien',
    emergency: 'noodtoegang',
    login: 'ingelogd',
    logout: 'uitgelogd',
    consent: 'toestemming veranderd',
    destroy: 'vernietigd',
  },
  en: {
    create: 'added something',
    read: 'looked at',
    update: 'changed something',
    delete: 'removed something',
    export: 'downloaded',
    print: 'printed',
    search: 'saw it in a list',
    emergency: 'emergency access',
    login: 'logged in',
    logout: 'logged out',
    consent: 'changed consent',
    destroy: 'destroyed',
  },
};

const OUTCOMES: Record<'nl' | 'en', Words> = {
  nl: { success: '', denied: 'geweigerd', failure: 'mislukt' },
  en: { success: '', denied: 'refused', failure: 'failed' },
};

/** [pattern, nl, en]; the first that matches the entry's detail names the topic. */
const TOPICS: Array<[RegExp, string, string]> = [
  [/own activity/, 'wie jouw eigen bezoeken ziet', 'who sees your own visits'],
  [/statement/, 'een eigen verklaring', 'an own statement'],
  [/correction/, 'verzoek om iets te verbeteren', 'request to correct something'],
  [/rights/, 'jouw rechten', 'your rights'],
  [/export/, 'het hele dossier', 'the whole dossier'],
  [/access[- ]log/, 'wie het dossier bekeek', 'who looked at the dossier'],
  [/sign-off/, 'vaststellen', 'signing off'],
  [/endorsement/, 'wie het ermee eens is', 'who agrees'],
  [/hypothes/, 'de verklaringen', 'the explanations'],
  [/restore/, 'een oude versie terugzetten', 'restoring an old version'],
  [/version/, 'versies', 'versions'],
  [/comment/, 'opmerkingen', 'comments'],
  [/token|collab/, 'het document geopend', 'opened the document'],
  [/consent/, 'toegang voor ouders', 'access for parents'],
  [/participant/, 'wie er meewerkt', 'who works on it'],
  [/invitation/, 'een uitnodiging', 'an invitation'],
  [/destruction/, 'verzoek om te vernietigen', 'request to destroy'],
  [/escalation|breakthrough|commitment/, 'opschalen en afspraken', 'escalation and commitments'],
  [/notification|inbox/, 'meldingen', 'notifications'],
  [/meeting/, 'een overleg', 'a meeting'],
  [/status/, 'de stap in het proces', 'the step in the process'],
];

const DOCUMENTS: Array<[RegExp, string, string]> = [
  [/\.analysis\b/, 'de analyse', 'the analysis'],
  [/\.futureplan\b/, 'het toekomstplan', 'the future plan'],
  [/\.meetingnotes\b/, 'het verslag van een overleg', 'the notes of a meeting'],
];

export function eventWords(event: string, language: 'nl' | 'en'): string {
  return EVENTS[language][event] ?? event;
}

/** '' for success (the normal case is not worth a word), else "geweigerd" / "mislukt". */
export function outcomeWords(outcome: string, language: 'nl' | 'en'): string {
  return OUTCOMES[language][outcome] ?? outcome;
}

/** Which part of the dossier an entry was about, e.g. "de analyse: versies" or "het dossier". */
export function subjectWords(detail: string, language: 'nl' | 'en'): string {
  const d = detail.toLowerCase();
  const pick = (row: [RegExp, string, string] | undefined) => (row ? (language === 'nl' ? row[1] : row[2]) : null);
  const doc = pick(DOCUMENTS.find(([re]) => re.test(d)));
  const topic = pick(TOPICS.find(([re]) => re.test(d)));
  if (doc && topic) return `${doc}: ${topic}`;
  return doc ?? topic ?? (language === 'nl' ? 'het dossier' : 'the dossier');
}
