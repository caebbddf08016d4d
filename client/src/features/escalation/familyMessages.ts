/** Plain words (B1) for the young person and the parents: where their case went, why, and what was promised. */
import { messages } from '../../i18n';

export const fm = messages({
  nl: {
    title: 'Hulp van andere teams',
    intro:
      'Soms lukt het niet om samen goede hulp te vinden. Dan vragen we hulp aan een team dat meer kan. Hier zie je wat er met deze zaak is gebeurd.',
    none: 'De zaak is niet naar een ander team gegaan. De mensen om je heen zoeken samen naar hulp die past.',
    now: {
      lokaal: 'De zaak is weer terug bij de mensen om je heen (lokaal team, hulpverlener of jeugdbeschermer).',
      ret: 'De zaak ligt nu bij het Regionaal Expertteam (RET). Dat zijn deskundigen uit de regio. Zij helpen zoeken naar hulp die past.',
      'ben-nh':
        'De zaak ligt nu bij BEN-NH. Dat is een netwerk van deskundigen in heel Noord-Holland. Zij brengen extra kennis en soms extra geld.',
      dbt: 'De zaak ligt nu bij het Doorbraakteam. Daarin zitten directeuren van organisaties. Zij mogen beslissen en beloven wat hun organisatie gaat doen.',
      gesloten: 'De extra hulp van deze teams is klaar.',
    } as Record<string, string>,
    stepsTitle: 'Wat er gebeurde',
    went: {
      lokaal: 'Terug naar de mensen om je heen',
      ret: 'Naar het Regionaal Expertteam (RET)',
      'ben-nh': 'Naar BEN-NH',
      dbt: 'Naar het Doorbraakteam',
      gesloten: 'De extra hulp is klaar',
    } as Record<string, string>,
    on: (date: string) => `op ${date}`,
    why: 'Waarom:',
    fast: 'Met voorrang: 6 weken na de maatregel was de hulp nog niet begonnen.',
    promisesTitle: 'Wat organisaties hebben beloofd',
    promisesNone: 'Er zijn nog geen beloftes vastgelegd.',
    promises: (org: string) => `${org} belooft:`,
    by: (date: string) => `Uiterlijk ${date}.`,
    status: {
      met: 'Gedaan',
      open: 'Nog niet gedaan',
      overdue: 'Te laat: nog niet gedaan',
      released: 'Gaat niet door',
    } as Record<string, string>,
    reason: 'Reden:',
    ask: 'Heb je vragen? Vraag het je jeugdbeschermer, je hulpverlener of je cliëntondersteuner.',
    loading: 'Laden…',
    loadFailed: 'Dit kon niet worden geladen. Probeer het later opnieuw.',
  },
  en: {
    title: 'Help from other teams',
    intro:
      'Sometimes we cannot find good help together. Then we ask a team that can do more. Here you see what happened with this case.',
    none: 'The case has not gone to another team. The people around you are looking for help that fits.',
    now: {
      lokaal: 'The case is back with the people around you (local team, care worker or child-protection worker).',
      ret: 'The case is now with the Regional Expert Team (RET): experts from the region who help find help that fits.',
      'ben-nh':
        'The case is now with BEN-NH: a network of experts in all of Noord-Holland. They add knowledge and sometimes money.',
      dbt: 'The case is now with the breakthrough team: directors of organisations who may decide and promise what their organisation will do.',
      gesloten: 'The extra help of these teams has finished.',
    } as Record<string, string>,
    stepsTitle: 'What happened',
    went: {
      lokaal: 'Back to the people around you',
      ret: 'To the Regional Expert Team (RET)',
      'ben-nh': 'To BEN-NH',
      dbt: 'To the breakthrough team',
      gesloten: 'The extra help has finished',
    } as Record<string, string>,
    on: (date: string) => `on ${date}`,
    why: 'Why:',
    fast: 'With priority: 6 weeks after the measure, help had not started yet.',
    promisesTitle: 'What organisations promised',
    promisesNone: 'No promises have been recorded yet.',
    promises: (org: string) => `${org} promises:`,
    by: (date: string) => `By ${date} at the latest.`,
    status: { met: 'Done', open: 'Not done yet', overdue: 'Late: not done yet', released: 'Will not happen' } as Record<
      string,
      string
    >,
    reason: 'Reason:',
    ask: 'Questions? Ask your child-protection worker, your care worker or your client supporter.',
    loading: 'Loading…',
    loadFailed: 'This could not be loaded. Try again later.',
  },
});
