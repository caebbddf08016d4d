/**
 * Texts of the item sections: the hypotheses and their votes, the actions per life domain, the checklist
 * for turning 18 and the countdown to the 18th birthday.
 */
import type { LawOrBudget } from '@samenspraak/shared';
import { messages } from '../../i18n';
import type { HypothesisStatus } from './items';

export interface ItemMessages {
  addHypothesis: string;
  hypothesisN: (n: number) => string;
  statement: string;
  statementHint: string;
  evidence: string;
  evidenceHint: string;
  status: string;
  statuses: Record<HypothesisStatus, string>;
  remove: string;
  removeConfirm: (what: string) => string;
  noHypotheses: string;
  agree: string;
  disagree: string;
  iAgree: string;
  iDisagree: string;
  yourView: string;
  agreeCount: (n: number) => string;
  disagreeCount: (n: number) => string;
  votesUnknown: string;
  voteFailed: string;
  addAction: string;
  actionN: (n: number) => string;
  wat: string;
  wie: string;
  wanneer: string;
  wet: string;
  wetNone: string;
  bron: string;
  bronHint: string;
  laws: Record<LawOrBudget, string>;
  noActions: string;
  overdue: string;
  addChecklistItem: string;
  newChecklistItem: string;
  checklistDone: (done: number, total: number) => string;
  checklistItemDone: string;
  checklistItemOpen: string;
  noChecklist: string;
  addStandardChecklist: string;
  standardChecklist: readonly string[];
  countdownTitle: string;
  countdownBefore: (span: string, name: string, date: string) => string;
  countdownToday: (name: string) => string;
  countdownAfter: (name: string, date: string) => string;
  countdownBeforeYou: (span: string, date: string) => string;
  countdownTodayYou: string;
  countdownAfterYou: (date: string) => string;
  countdownNote: string;
  years: (n: number) => string;
  months: (n: number) => string;
  days: (n: number) => string;
  and: string;
}

const nl: ItemMessages = {
  addHypothesis: 'Verklaring toevoegen',
  hypothesisN: (n) => `Verklaring ${n}`,
  statement: 'Verklaring',
  statementHint: 'Waarom gebeurt dit, denken we?',
  evidence: 'Wat wijst hierop?',
  evidenceHint: 'Wat hebben we gezien of gehoord?',
  status: 'Stand',
  statuses: { open: 'Nog open', supported: 'Klopt waarschijnlijk', rejected: 'Klopt niet' },
  remove: 'Verwijderen',
  removeConfirm: (what) => `Weet je zeker dat je "${what}" wilt verwijderen?`,
  noHypotheses: 'Er zijn nog geen verklaringen.',
  agree: 'Eens',
  disagree: 'Oneens',
  iAgree: 'Ik ben het eens',
  iDisagree: 'Ik ben het oneens',
  yourView: 'Wat vind jij?',
  agreeCount: (n) => `Eens (${n})`,
  disagreeCount: (n) => `Oneens (${n})`,
  votesUnknown: 'Kies eens of oneens; daarna zie je wie er nog meer heeft gekozen.',
  voteFailed: 'Je keuze is niet opgeslagen. Probeer het opnieuw.',
  addAction: 'Actie toevoegen',
  actionN: (n) => `Actie ${n}`,
  wat: 'Wat gaat er gebeuren?',
  wie: 'Wie doet het?',
  wanneer: 'Klaar op',
  wet: 'Wie betaalt?',
  wetNone: 'Nog niet bekend',
  bron: 'Bron (niet verplicht)',
  bronHint: 'Bijvoorbeeld: overleg van 12 maart',
  laws: {
    Jeugdwet: 'Jeugdwet',
    Wmo: 'Wmo (gemeente)',
    Zvw: 'Zorgverzekering',
    Wlz: 'Wlz (langdurige zorg)',
    Participatiewet: 'Participatiewet',
    onderwijs: 'Onderwijs',
    other: 'Anders',
  },
  noActions: 'Nog geen acties.',
  overdue: 'Datum is voorbij',
  addChecklistItem: 'Punt toevoegen',
  newChecklistItem: 'Nieuw punt',
  checklistDone: (done, total) => `${done} van ${total} klaar`,
  checklistItemDone: 'klaar',
  checklistItemOpen: 'nog niet klaar',
  noChecklist: 'De lijst is nog leeg.',
  addStandardChecklist: 'Standaardlijst toevoegen',
  standardChecklist: [
    'Geldige ID-kaart of paspoort',
    'DigiD aangevraagd',
    'Eigen bankrekening',
    'Zorgverzekering afgesloten',
    'Zorgtoeslag aangevraagd',
    'Ingeschreven als woningzoekende',
    'Inkomen geregeld (werk, studiefinanciering of uitkering)',
    'Zorg na 18 geregeld (Wmo, Zvw of Wlz)',
    'Iemand die je steunt na 18 (bijvoorbeeld een JIM)',
  ],
  countdownTitle: 'Tot de 18e verjaardag',
  countdownBefore: (span, name, date) => `Nog ${span} tot ${name} 18 wordt, op ${date}.`,
  countdownToday: (name) => `Vandaag wordt ${name} 18. Gefeliciteerd!`,
  countdownAfter: (name, date) => `${name} is 18 geworden op ${date}.`,
  countdownBeforeYou: (span, date) => `Nog ${span} tot je 18 wordt, op ${date}.`,
  countdownTodayYou: 'Vandaag word je 18. Gefeliciteerd!',
  countdownAfterYou: (date) => `Je bent 18 geworden op ${date}.`,
  countdownNote: 'Vanaf 18 betaalt de Jeugdwet meestal niet meer. Regel op tijd wat daarna nodig is.',
  years: (n) => (n === 1 ? '1 jaar' : `${n} jaar`),
  months: (n) => (n === 1 ? '1 maand' : `${n} maanden`),
  days: (n) => (n === 1 ? '1 dag' : `${n} dagen`),
  and: 'en',
};

const en: ItemMessages = {
  addHypothesis: 'Add explanation',
  hypothesisN: (n) => `Explanation ${n}`,
  statement: 'Explanation',
  statementHint: 'Why do we think this happens?',
  evidence: 'What points to it?',
  evidenceHint: 'What have we seen or heard?',
  status: 'Status',
  statuses: { open: 'Still open', supported: 'Probably right', rejected: 'Not right' },
  remove: 'Remove',
  removeConfirm: (what) => `Are you sure you want to remove "${what}"?`,
  noHypotheses: 'There are no explanations yet.',
  agree: 'Agree',
  disagree: 'Disagree',
  iAgree: 'I agree',
  iDisagree: 'I disagree',
  yourView: 'What do you think?',
  agreeCount: (n) => `Agree (${n})`,
  disagreeCount: (n) => `Disagree (${n})`,
  votesUnknown: 'Choose agree or disagree; then you see who else chose.',
  voteFailed: 'Your choice was not saved. Please try again.',
  addAction: 'Add action',
  actionN: (n) => `Action ${n}`,
  wat: 'What will happen?',
  wie: 'Who does it?',
  wanneer: 'Done by',
  wet: 'Who pays?',
  wetNone: 'Not known yet',
  bron: 'Source (optional)',
  bronHint: 'For example: meeting of 12 March',
  laws: {
    Jeugdwet: 'Youth Act',
    Wmo: 'Wmo (municipality)',
    Zvw: 'Health insurance',
    Wlz: 'Wlz (long-term care)',
    Participatiewet: 'Participation Act',
    onderwijs: 'Education',
    other: 'Other',
  },
  noActions: 'No actions yet.',
  overdue: 'Date has passed',
  addChecklistItem: 'Add item',
  newChecklistItem: 'New item',
  checklistDone: (done, total) => `${done} of ${total} done`,
  checklistItemDone: 'done',
  checklistItemOpen: 'not done yet',
  noChecklist: 'The list is still empty.',
  addStandardChecklist: 'Add the standard list',
  standardChecklist: [
    'Valid ID card or passport',
    'DigiD requested',
    'Own bank account',
    'Health insurance taken out',
    'Healthcare allowance requested',
    'Registered as a house seeker',
    'Income arranged (work, student finance or benefits)',
    'Care after 18 arranged (Wmo, Zvw or Wlz)',
    'Someone who supports you after 18 (for example a JIM)',
  ],
  countdownTitle: 'Until the 18th birthday',
  countdownBefore: (span, name, date) => `${span} left until ${name} turns 18, on ${date}.`,
  countdownToday: (name) => `Today ${name} turns 18. Congratulations!`,
  countdownAfter: (name, date) => `${name} turned 18 on ${date}.`,
  countdownBeforeYou: (span, date) => `${span} left until you turn 18, on ${date}.`,
  countdownTodayYou: 'Today you turn 18. Congratulations!',
  countdownAfterYou: (date) => `You turned 18 on ${date}.`,
  countdownNote: 'From 18 the Youth Act usually no longer pays. Arrange in time what is needed after that.',
  years: (n) => (n === 1 ? '1 year' : `${n} years`),
  months: (n) => (n === 1 ? '1 month' : `${n} months`),
  days: (n) => (n === 1 ? '1 day' : `${n} days`),
  and: 'and',
};

export const itemTexts = messages({ nl, en });
