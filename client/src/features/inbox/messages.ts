/** Words of the inbox (bell, page, mail choice): plain, so a 14-year-old understands them. */
import type { InboxItemView } from '@samenspraak/shared';
import { formatDate } from '../../dates';
import { messages } from '../../i18n';

type Item = Pick<InboxItemView, 'kind' | 'params' | 'caseName'>;

const nl = {
  bellLabel: 'Meldingen',
  bellCount: (n: number) =>
    n === 0 ? 'geen nieuwe meldingen' : n === 1 ? '1 nieuwe melding' : `${n} nieuwe meldingen`,
  bellUrgent: (n: number) => (n === 1 ? 'waarvan 1 dringend' : `waarvan ${n} dringend`),
  panelTitle: 'Nieuwe meldingen',
  close: 'Sluiten',
  allItems: 'Alle meldingen',
  noneNew: 'Er is niets nieuws voor je.',
  loading: 'Meldingen laden…',
  loadFailed: 'Je meldingen konden niet worden geladen.',
  pageTitle: 'Meldingen',
  pageIntro: 'Hier staat wat jou aangaat, het nieuwste bovenaan. Open een melding om ernaar toe te gaan.',
  none: 'Je hebt nog geen meldingen.',
  unreadCount: (n: number) =>
    n === 0 ? 'Alles is gelezen.' : n === 1 ? 'Je hebt 1 nieuwe melding.' : `Je hebt ${n} nieuwe meldingen.`,
  markAll: 'Alles gelezen',
  markAllFailed: 'Het lukte niet om alles op gelezen te zetten',
  unread: 'Nieuw',
  read: 'Gelezen',
  caseOf: (name: string) => `Over ${name}`,
  mailTitle: 'E-mail over nieuwe meldingen',
  mailIntro: 'In de e-mail staat alleen dat er iets nieuws is, met een link. Nooit wat erin staat.',
  mailLegend: 'Wanneer wil je een e-mail?',
  mailImmediate: 'Direct een e-mail bij iets nieuws',
  mailDaily: 'Eén keer per dag een overzicht',
  mailOff: 'Geen e-mail',
  mailNoAddress: 'We hebben nog geen e-mailadres van je. Zonder e-mailadres sturen we geen e-mail.',
  mailDefault: 'Je hebt nog niet gekozen; dit is wat we nu doen.',
  mailSaved: 'Opgeslagen.',
  mailFailed: 'Je keuze kon niet worden opgeslagen',
  kinds: {
    'case-added': () => 'Je doet nu mee aan een zaak.',
    'session-invitation': (i: Item) =>
      i.params.session === 'meeting'
        ? 'Je bent uitgenodigd voor een overleg.'
        : 'Je bent uitgenodigd voor een doorbraaksessie.',
    'own-words-waiting': () => 'Er is een plek voor jouw eigen woorden. Schrijf op wat jij belangrijk vindt.',
    'own-words-written': (i: Item) =>
      i.params.byRole === 'jeugdige'
        ? 'De jeugdige heeft in eigen woorden geschreven in de analyse.'
        : 'Een ouder heeft in eigen woorden geschreven in de analyse.',
    'own-statement-added': (i: Item) =>
      `${i.params.byRole === 'jeugdige' ? 'De jeugdige' : 'Een ouder'} heeft een eigen verklaring toegevoegd aan ${i.params.document === 'futurePlan' ? 'het toekomstplan' : 'de analyse'}.`,
    'correction-requested': (i: Item) =>
      `${i.params.byRole === 'jeugdige' ? 'De jeugdige' : 'Een ouder'} vraagt om iets te verbeteren in ${i.params.document === 'futurePlan' ? 'het toekomstplan' : 'de analyse'}.${i.params.dueBy ? ` Geef antwoord vóór ${formatDate(i.params.dueBy)}.` : ''}`,
    'commitment-due': (i: Item) =>
      i.params.overdue === 'true'
        ? 'Een afspraak van de doorbraaksessie is te laat.'
        : 'Een afspraak moet binnenkort klaar zijn.',
    'clock-running-out': (i: Item) => {
      const late = i.params.overdue === 'true';
      const what: Record<string, [string, string]> = {
        'analysis-due': ['De verklarende analyse moet bijna klaar zijn.', 'De verklarende analyse is te laat.'],
        'future-plan-required': [
          'Er is binnenkort een toekomstplan nodig (vanaf 16 jaar).',
          'Er is een toekomstplan nodig, en dat is er nog niet.',
        ],
        'future-plan-half-year-check': [
          'Het toekomstplan moet binnenkort weer worden nagekeken.',
          'Het toekomstplan had al opnieuw nagekeken moeten worden.',
        ],
        'measure-escalation': [
          'De hulp na de maatregel moet snel beginnen.',
          'De hulp is 6 weken na de maatregel nog niet begonnen.',
        ],
        'no-progress-analysis': [
          'Bijna drie maanden hulp zonder vooruitgang.',
          'Drie maanden hulp zonder vooruitgang: tijd voor een nieuwe analyse.',
        ],
      };
      const words = what[i.params.notice ?? ''];
      return words ? words[late ? 1 : 0] : late ? 'Een termijn is verlopen.' : 'Er loopt een termijn af.';
    },
    'comment-reply': () => 'Iemand heeft gereageerd op jouw opmerking.',
    mention: () => 'Iemand noemt jou in een opmerking.',
    'endorsement-outdated': () => 'Een stuk waar jij het mee eens was is veranderd. Kijk je nog eens?',
    'analysis-update-requested': () => 'De analyse moet worden bijgewerkt.',
    'escalation-changed': () => 'Er wordt meer hulp bij de zaak gehaald.',
  } as Record<string, (i: Item) => string>,
};

const en: typeof nl = {
  bellLabel: 'Notifications',
  bellCount: (n: number) =>
    n === 0 ? 'no new notifications' : n === 1 ? '1 new notification' : `${n} new notifications`,
  bellUrgent: (n: number) => `${n} urgent`,
  panelTitle: 'New notifications',
  close: 'Close',
  allItems: 'All notifications',
  noneNew: 'Nothing new for you.',
  loading: 'Loading notifications…',
  loadFailed: 'Your notifications could not be loaded.',
  pageTitle: 'Notifications',
  pageIntro: 'What needs you, newest first. Open a notification to go there.',
  none: 'You have no notifications yet.',
  unreadCount: (n: number) =>
    n === 0 ? 'Everything is read.' : n === 1 ? 'You have 1 new notification.' : `You have ${n} new notifications.`,
  markAll: 'Mark all as read',
  markAllFailed: 'Could not mark everything as read',
  unread: 'New',
  read: 'Read',
  caseOf: (name: string) => `About ${name}`,
  mailTitle: 'E-mail about new notifications',
  mailIntro: 'The e-mail only says there is something new, with a link. Never what it is about.',
  mailLegend: 'When do you want an e-mail?',
  mailImmediate: 'An e-mail right away',
  mailDaily: 'One overview a day',
  mailOff: 'No e-mail',
  mailNoAddress: 'We have no e-mail address for you yet. Without one we send no e-mail.',
  mailDefault: 'You have not chosen yet; this is what we do now.',
  mailSaved: 'Saved.',
  mailFailed: 'Your choice could not be saved',
  kinds: {
    'case-added': () => 'You now take part in a case.',
    'session-invitation': (i: Item) =>
      i.params.session === 'meeting' ? 'You are invited to a meeting.' : 'You are invited to a breakthrough session.',
    'own-words-waiting': () => 'There is a place for your own words. Write what matters to you.',
    'own-words-written': (i: Item) =>
      i.params.byRole === 'jeugdige'
        ? 'The young person wrote in their own words in the analysis.'
        : 'A parent wrote in their own words in the analysis.',
    'own-statement-added': (i: Item) =>
      `${i.params.byRole === 'jeugdige' ? 'The young person' : 'A parent'} added their own statement to the ${i.params.document === 'futurePlan' ? 'future plan' : 'analysis'}.`,
    'correction-requested': (i: Item) =>
      `${i.params.byRole === 'jeugdige' ? 'The young person' : 'A parent'} asks for a correction in the ${i.params.document === 'futurePlan' ? 'future plan' : 'analysis'}.${i.params.dueBy ? ` Answer before ${formatDate(i.params.dueBy)}.` : ''}`,
    'commitment-due': (i: Item) =>
      i.params.overdue === 'true' ? 'A breakthrough commitment is overdue.' : 'A commitment is due soon.',
    'clock-running-out': (i: Item) =>
      `A deadline is running out${i.params.overdue === 'true' ? ' (the date has passed)' : ''}.`,
    'comment-reply': () => 'Someone replied to your comment.',
    mention: () => 'Someone mentioned you in a comment.',
    'endorsement-outdated': () => 'A part you agreed with has changed. Will you look again?',
    'analysis-update-requested': () => 'The analysis needs updating.',
    'escalation-changed': () => 'More help is being brought in for the case.',
  },
};

export const m = messages({ nl, en });

/** What an item says, in words. */
export function itemText(item: Item): string {
  return m.kinds[item.kind]?.(item) ?? item.kind;
}

/** An item that needs attention now: an overdue commitment or clock, or one marked urgent. */
export function isUrgent(item: Pick<InboxItemView, 'params'>): boolean {
  return item.params.severity === 'urgent' || item.params.overdue === 'true';
}
