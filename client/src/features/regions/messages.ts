/** Texts of the region settings page (beheerder). */
import { messages } from '../../i18n';

export const m = messages({
  nl: {
    title: 'Instellingen van de regio',
    intro: (region: string) =>
      `Deze instellingen gelden voor alle zaken in ${region}. Alleen een beheerder van deze regio kan ze wijzigen.`,
    noRegion: 'Je account hoort niet bij een regio. Vraag een beheerder om je regio in te stellen.',
    recentLabel: 'Hoe lang is een vastgestelde analyse “recent”? (maanden)',
    recentHint:
      'Een besluit over uithuisplaatsing of gesloten plaatsing kan alleen met een vastgestelde verklarende analyse die niet ouder is dan dit. Standaard 6 maanden.',
    wfLegend: 'West-Friese regel (voorstel West-Friesland 2021, actie 4)',
    wfHint:
      'Staat deze regel aan, dan neemt de GI contact op met het lokale team als de hulp na de contacttermijn nog niet is begonnen, en schaalt de GI na de opschaaltermijn op naar de regionale doorbraakaanpak van het RET. Standaard uit.',
    wfOn: 'De West-Friese regel geldt in deze regio',
    contactLabel: 'Contacttermijn (dagen na de start van de maatregel)',
    contactHint: 'Standaard 14 dagen (twee weken).',
    escalationLabel: 'Opschaaltermijn (dagen na de start van de maatregel)',
    escalationHint: 'Standaard 42 dagen (zes weken).',
    save: 'Opslaan',
    saving: 'Bezig…',
    saved: 'De instellingen zijn opgeslagen.',
    notSaved: 'Niet opgeslagen',
    notAllowed: 'Je kunt deze instellingen bekijken. Alleen een beheerder van de regio kan ze wijzigen.',
    lastChanged: (date: string) => `Laatst gewijzigd: ${date}`,
    neverChanged: 'Nog nooit gewijzigd: de standaardinstellingen gelden.',
    loading: 'Laden…',
  },
  en: {
    title: 'Region settings',
    intro: (region: string) =>
      `These settings apply to every case in ${region}. Only an administrator of this region can change them.`,
    noRegion: 'Your account does not belong to a region. Ask an administrator to set your region.',
    recentLabel: 'How long is a signed-off analysis “recent”? (months)',
    recentHint:
      'A decision on an out-of-home or closed placement needs a signed-off explanatory analysis no older than this. Default 6 months.',
    wfLegend: 'West-Friesland rule (West-Friesland proposal 2021, action 4)',
    wfHint:
      "When on, the GI contacts the local team when help has not started after the contact term, and escalates to the RET's regional breakthrough approach after the escalation term. Off by default.",
    wfOn: 'The West-Friesland rule applies in this region',
    contactLabel: 'Contact term (days after the measure started)',
    contactHint: 'Default 14 days (two weeks).',
    escalationLabel: 'Escalation term (days after the measure started)',
    escalationHint: 'Default 42 days (six weeks).',
    save: 'Save',
    saving: 'Saving…',
    saved: 'The settings were saved.',
    notSaved: 'Not saved',
    notAllowed: 'You can view these settings. Only an administrator of the region can change them.',
    lastChanged: (date: string) => `Last changed: ${date}`,
    neverChanged: 'Never changed: the defaults apply.',
    loading: 'Loading…',
  },
});
