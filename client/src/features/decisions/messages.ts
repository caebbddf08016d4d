/** Texts of the placement decisions panel. */
import { messages } from '../../i18n';

export const m = messages({
  nl: {
    title: 'Besluiten over plaatsing',
    intro:
      'Een besluit over uithuisplaatsing of gesloten plaatsing rust altijd op een recente, vastgestelde verklarende analyse. De analyse is een bindend advies: wie ervan afwijkt, schrijft op waarom.',
    none: 'Er is nog geen besluit over plaatsing.',
    kinds: { uithuisplaatsing: 'Uithuisplaatsing', 'gesloten-plaatsing': 'Gesloten plaatsing' } as Record<
      string,
      string
    >,
    follows: 'Volgt de analyse',
    departs: 'Wijkt af van de analyse',
    reason: 'Reden:',
    restsOn: (name: string, date: string) => `Op de vastgestelde analyse “${name}” van ${date}`,
    gz: (name: string) => `Onafhankelijk GZ-psycholoog: ${name}`,
    by: (who: string, when: string) => `Besloten door ${who}, ${when}`,
    formTitle: 'Besluit vastleggen',
    kindLegend: 'Welk besluit?',
    decisionLabel: 'Wat is besloten?',
    decisionHint: 'In gewone woorden, zodat de jongere en de ouders het begrijpen.',
    followsLabel: 'Dit besluit volgt de verklarende analyse',
    reasonLabel: 'Waarom wijkt het besluit af van de analyse?',
    reasonHint: 'Verplicht: de analyse is een bindend advies. De deelnemers zien deze reden.',
    gzLabel: 'Onafhankelijk GZ-psycholoog',
    gzHint: 'Verplicht bij gesloten plaatsing. Alleen een GZ-psycholoog die meedoet aan deze zaak.',
    gzNone: 'Kies…',
    gzMissing: 'Er doet nog geen GZ-psycholoog mee aan deze zaak. Nodig eerst een GZ-psycholoog uit.',
    submit: 'Besluit vastleggen',
    submitting: 'Bezig…',
    saved: 'Het besluit is vastgelegd. De gedragswetenschapper krijgt een verzoek om de analyse bij te werken.',
    notSaved: 'Het besluit is niet vastgelegd',
  },
  en: {
    title: 'Placement decisions',
    intro:
      'A decision on an out-of-home or closed placement always rests on a recent, signed-off explanatory analysis. The analysis is binding advice: a departure from it records why.',
    none: 'No placement decision yet.',
    kinds: { uithuisplaatsing: 'Out-of-home placement', 'gesloten-plaatsing': 'Closed placement' } as Record<
      string,
      string
    >,
    follows: 'Follows the analysis',
    departs: 'Departs from the analysis',
    reason: 'Reason:',
    restsOn: (name: string, date: string) => `On the signed-off analysis “${name}” of ${date}`,
    gz: (name: string) => `Independent GZ psychologist: ${name}`,
    by: (who: string, when: string) => `Decided by ${who}, ${when}`,
    formTitle: 'Record a decision',
    kindLegend: 'Which decision?',
    decisionLabel: 'What was decided?',
    decisionHint: 'In plain words, so the young person and the parents understand it.',
    followsLabel: 'This decision follows the explanatory analysis',
    reasonLabel: 'Why does the decision depart from the analysis?',
    reasonHint: 'Required: the analysis is binding advice. The participants see this reason.',
    gzLabel: 'Independent GZ psychologist',
    gzHint: 'Required for a closed placement. Only a GZ psychologist who takes part in this case.',
    gzNone: 'Choose…',
    gzMissing: 'No GZ psychologist takes part in this case yet. Invite one first.',
    submit: 'Record decision',
    submitting: 'Saving…',
    saved: 'The decision was recorded. The behavioural scientist is asked to update the analysis.',
    notSaved: 'The decision was not recorded',
  },
});
