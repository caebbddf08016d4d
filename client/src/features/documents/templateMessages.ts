/**
 * Texts of the Bijlage 1 layout of the analysis: group headings come from shared (SECTION_GROUPS, the
 * source's own Dutch headings); these are the words around them. Plain language (B1), "je".
 */
import { messages } from '../../i18n';

interface TemplateMessages {
  addition: string;
  legacyNote: string;
  parentHint: (name: string) => string;
  parentHintYours: string;
  recordedBy: (recorder: string, person: string) => string;
  childUnder12: (name: string) => string;
  recordChild: (name: string) => string;
  stopRecording: string;
  recordFailed: string;
  summaryEmpty: string;
  summaryPoint: (n: number) => string;
  addSummaryPoint: string;
  mechanism: string;
  mechanismNone: string;
  hints: Record<string, string>;
}

const nl: TemplateMessages = {
  addition: 'Toevoeging Samenspraak (niet uit Bijlage 1)',
  legacyNote:
    'Dit deel komt uit de vorige indeling van de analyse. Er staat nog tekst in; die blijft staan tot iemand hem verplaatst.',
  parentHint: (name) => `${name} schrijft hier in eigen woorden: wat zijn je zorgen, wat wil je, wat moet eerst?`,
  parentHintYours: 'Schrijf hier in je eigen woorden: wat zijn je zorgen? Wat wil je graag? Wat moet eerst?',
  recordedBy: (recorder, person) => `opgetekend door ${recorder} (zoals verteld door ${person})`,
  childUnder12: (name) =>
    `${name} is jonger dan 12 en heeft nog geen eigen account. Een professional schrijft op wat ${name} vertelt, in de woorden van ${name}.`,
  recordChild: (name) => `Ik schrijf op wat ${name} vertelt`,
  stopRecording: 'Stoppen met opschrijven',
  recordFailed: 'Dat lukte niet.',
  summaryEmpty: 'Nog geen punten in de samenvatting.',
  summaryPoint: (n) => `Punt ${n}`,
  addSummaryPoint: 'Punt toevoegen',
  mechanism: 'Gaat over',
  mechanismNone: '— kies —',
  hints: {
    probleemgedrag: 'Welk gedrag zorgt voor problemen? Beschrijf wat er gebeurt, zonder schuld.',
    risicofactoren_jeugdige: 'Wat bij de jeugdige zelf maakt de problemen groter of houdt ze in stand?',
    beschermende_factoren_jeugdige: 'Wat kan de jeugdige goed? Wat helpt en beschermt?',
    risicofactoren_systeem: 'Wat in het gezin, op school, bij vrienden of in de buurt maakt het moeilijker?',
    beschermende_factoren_systeem: 'Wie en wat om de jeugdige heen helpt en beschermt?',
    samenvatting: 'De belangrijkste punten, kort en op een rij. Elk punt even zwaar.',
  },
};

const en: TemplateMessages = {
  addition: 'Samenspraak addition (not from Bijlage 1)',
  legacyNote: 'This part comes from the previous layout of the analysis. Its text stays here until someone moves it.',
  parentHint: (name) => `${name} writes here in their own words: worries, wishes, what comes first?`,
  parentHintYours: 'Write here in your own words: what worries you? What would you like? What comes first?',
  recordedBy: (recorder, person) => `recorded by ${recorder} (as told by ${person})`,
  childUnder12: (name) =>
    `${name} is under 12 and has no account yet. A professional writes down what ${name} tells, in ${name}'s words.`,
  recordChild: (name) => `I write down what ${name} tells`,
  stopRecording: 'Stop writing down',
  recordFailed: 'That did not work.',
  summaryEmpty: 'No points in the summary yet.',
  summaryPoint: (n) => `Point ${n}`,
  addSummaryPoint: 'Add point',
  mechanism: 'About',
  mechanismNone: '— choose —',
  hints: {
    probleemgedrag: 'Which behaviour causes problems? Describe what happens, without blame.',
    risicofactoren_jeugdige: 'What in the young person makes the problems bigger or keeps them going?',
    beschermende_factoren_jeugdige: 'What is the young person good at? What helps and protects?',
    risicofactoren_systeem: 'What at home, at school, among friends or nearby makes it harder?',
    beschermende_factoren_systeem: 'Who and what around the young person helps and protects?',
    samenvatting: 'The main points, short and in a row. Each point of equal weight.',
  },
};

export const tm = messages({ nl, en });
