/** Texts of the "pas op de plaats" joint risk panel. */
import { messages } from '../../i18n';

export const jm = messages({
  nl: {
    title: 'Pas op de plaats: risico’s samen dragen',
    intro:
      'We vertragen en verdragen. De risico’s van deze tijd wegen en dragen we samen: aanbieder, ouders, GI en jeugd-GGZ. Elke kant stemt zelf in.',
    none: 'Er zijn nog geen risico’s vastgelegd.',
    parties: { aanbieder: 'Aanbieder', ouders: 'Ouders', gi: 'GI', 'jeugd-ggz': 'Jeugd-GGZ' } as Record<string, string>,
    bornBy: 'Gedragen door:',
    agreed: (party: string, name: string, date: string) => `${party}: ingestemd door ${name} op ${date}`,
    waiting: (party: string) => `${party}: nog niet ingestemd`,
    all: 'Alle vier de kanten stemden in.',
    agree: (party: string) => `Instemmen namens ${party}`,
    formTitle: 'Risico’s vastleggen',
    riskLabel: (n: number) => `Risico ${n}`,
    riskHint: 'Wat kan er misgaan in deze tijd? In gewone woorden.',
    bornLegend: (n: number) => `Wie draagt risico ${n}?`,
    addRisk: 'Nog een risico',
    submit: 'Vastleggen',
    submitting: 'Bezig…',
    notSaved: 'Niet vastgelegd',
    recordedBy: (name: string, date: string) => `Vastgelegd door ${name}, ${date}`,
  },
  en: {
    title: 'Pause: bearing the risks together',
    intro:
      'We slow down and bear it. The risks of this time are weighed and borne together: provider, parents, GI and youth mental health. Each side agrees itself.',
    none: 'No risks recorded yet.',
    parties: { aanbieder: 'Provider', ouders: 'Parents', gi: 'GI', 'jeugd-ggz': 'Youth mental health' } as Record<
      string,
      string
    >,
    bornBy: 'Borne by:',
    agreed: (party: string, name: string, date: string) => `${party}: agreed by ${name} on ${date}`,
    waiting: (party: string) => `${party}: not agreed yet`,
    all: 'All four sides agreed.',
    agree: (party: string) => `Agree for ${party}`,
    formTitle: 'Record risks',
    riskLabel: (n: number) => `Risk ${n}`,
    riskHint: 'What could go wrong in this time? In plain words.',
    bornLegend: (n: number) => `Who bears risk ${n}?`,
    addRisk: 'Another risk',
    submit: 'Record',
    submitting: 'Saving…',
    notSaved: 'Not recorded',
    recordedBy: (name: string, date: string) => `Recorded by ${name}, ${date}`,
  },
});
