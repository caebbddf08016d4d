/**
 * User-facing text. Dutch is the language of the product; English is available with `?lang=en`
 * (for colleagues and reviewers who do not read Dutch). Keep sentences short and plain (B1 level).
 */
import type { Role } from '@samenspraak/shared';

export type Lang = 'nl' | 'en';

export interface Messages {
  appName: string;
  tagline: string;
  documentLabel: string;
  signedInAs: string;
  roleLabel: string;
  presenceLabel: string;
  presenceOnlyYou: string;
  presenceYou: string;
  notesLabel: string;
  notesHint: string;
  readOnlyNote: string;
  accessWrite: string;
  accessRead: string;
  statusConnecting: string;
  statusSaved: string;
  statusUnsaved: string;
  statusRejected: string;
  statusNotConnected: string;
  accessEnded: string;
  accessEndedUnsaved: string;
  reload: string;
  reloadExplanation: string;
  statusOffline: string;
  statusLoading: string;
  accessDeniedTitle: string;
  deniedUnauthenticated: string;
  deniedExpired: string;
  deniedForbidden: string;
  deniedRevoked: string;
  deniedBadDocument: string;
  invalidLink: string;
  askForNewLink: string;
  rejected: Record<string, string>;
  rejectedOther: string;
  problemRateLimited: string;
  problemStoreUnavailable: string;
  problemTooBig: string;
  problemInvalid: string;
  /** The server speaks a newer collaboration protocol (CloseCode.OutdatedClient). */
  outdatedClient: string;
  reloadPage: string;
  roles: Record<Role, string>;
}

const nl: Messages = {
  appName: 'Samenspraak',
  tagline: 'Samen werken aan één plan',
  documentLabel: 'Document',
  signedInAs: 'Je bent',
  roleLabel: 'Rol',
  presenceLabel: 'Nu aanwezig:',
  presenceOnlyYou: 'alleen jij',
  presenceYou: 'jij',
  notesLabel: 'Notities',
  notesHint: 'Wat je typt, zien de anderen meteen.',
  readOnlyNote: 'Je kunt dit document alleen lezen',
  accessWrite: 'Mag bewerken',
  accessRead: 'Alleen lezen',
  statusConnecting: 'Verbinding maken…',
  statusSaved: 'Opgeslagen',
  statusUnsaved: 'Nog niet opgeslagen',
  statusRejected: 'Niet opgeslagen',
  statusNotConnected: 'Niet verbonden',
  accessEnded: 'Je ziet de laatste versie die je had. Wijzigingen worden niet meer opgeslagen.',
  accessEndedUnsaved:
    'Je laatste wijzigingen zijn niet opgeslagen. Kopieer je tekst als je die wilt bewaren, en vraag om een nieuwe link.',
  reload: 'Laad het document opnieuw',
  reloadExplanation: 'Jouw versie wijkt nu af van de opgeslagen versie.',
  statusOffline: 'Offline — je wijzigingen worden bewaard',
  statusLoading: 'Document laden…',
  accessDeniedTitle: 'Geen toegang',
  deniedUnauthenticated: 'Deze link werkt niet. Misschien is hij niet compleet gekopieerd.',
  deniedExpired: 'Deze link is verlopen.',
  deniedForbidden: 'Met deze link mag je dit document niet openen.',
  deniedRevoked: 'Je toegang tot dit document is ingetrokken.',
  deniedBadDocument: 'Dit document bestaat niet of de link is niet compleet.',
  invalidLink: 'Deze link is niet compleet of beschadigd.',
  askForNewLink: 'Vraag de persoon die je de link gaf om een nieuwe link.',
  rejected: {
    'read-only': 'Je wijziging is niet opgeslagen: je kunt dit document alleen lezen.',
    'section-forbidden': 'Je wijziging is niet opgeslagen: je mag dit deel van het document niet aanpassen.',
    'document-too-large': 'Je wijziging is niet opgeslagen: het document is te groot geworden.',
    'store-backpressure': 'Je wijziging is nog niet opgeslagen: de server is even druk. We proberen het zo opnieuw.',
    'out-of-sync': 'Je wijziging is niet opgeslagen: je versie loopt niet meer gelijk met die van de anderen.',
    'foreign-client-id': 'Je wijziging is niet opgeslagen: je versie botst met die van iemand anders.',
    'held-back-limit': 'Je wijziging is niet opgeslagen: er wachtten te veel wijzigingen tegelijk.',
  },
  rejectedOther: 'Je wijziging is niet opgeslagen.',
  problemRateLimited: 'Er gaan te veel wijzigingen tegelijk. We proberen het zo opnieuw.',
  problemStoreUnavailable: 'Opslaan lukt nu even niet. We proberen het zo opnieuw.',
  problemTooBig: 'Je wijziging is te groot om in één keer te versturen.',
  problemInvalid: 'Er ging iets mis met de verbinding. We proberen het opnieuw.',
  outdatedClient: 'Er is een nieuwe versie van Samenspraak. Laad de pagina opnieuw.',
  reloadPage: 'Pagina opnieuw laden',
  roles: {
    jeugdige: 'Jeugdige',
    ouder: 'Ouder',
    gedragswetenschapper: 'Gedragswetenschapper',
    'lokaal-team': 'Lokaal team',
    jeugdbeschermer: 'Jeugdbeschermer',
    jeugdhulpaanbieder: 'Jeugdhulpaanbieder',
    onderwijsconsulent: 'Onderwijsconsulent',
    clientondersteuner: 'Cliëntondersteuner',
    procesregisseur: 'Procesregisseur',
    'ben-adviseur': 'BEN-adviseur',
    'dbt-lid': 'DBT-lid',
    gemeente: 'Gemeente',
    beheerder: 'Beheerder',
    'gz-psycholoog': 'GZ-psycholoog (onafhankelijk)',
  },
};

const en: Messages = {
  appName: 'Samenspraak',
  tagline: 'Working together on one plan',
  documentLabel: 'Document',
  signedInAs: 'You are',
  roleLabel: 'Role',
  presenceLabel: 'Here now:',
  presenceOnlyYou: 'only you',
  presenceYou: 'you',
  notesLabel: 'Notes',
  notesHint: 'What you type, the others see right away.',
  readOnlyNote: 'You can only read this document',
  accessWrite: 'Can edit',
  accessRead: 'Read only',
  statusConnecting: 'Connecting…',
  statusSaved: 'Saved',
  statusUnsaved: 'Not saved yet',
  statusRejected: 'Not saved',
  statusNotConnected: 'Not connected',
  accessEnded: 'You see the last version you had. Changes are no longer saved.',
  accessEndedUnsaved:
    'Your latest changes were not saved. Copy your text if you want to keep it, and ask for a new link.',
  reload: 'Reload the document',
  reloadExplanation: 'Your version now differs from the saved version.',
  statusOffline: 'Offline — your changes are kept',
  statusLoading: 'Loading document…',
  accessDeniedTitle: 'No access',
  deniedUnauthenticated: 'This link does not work. Perhaps it was not copied completely.',
  deniedExpired: 'This link has expired.',
  deniedForbidden: 'This link does not let you open this document.',
  deniedRevoked: 'Your access to this document was withdrawn.',
  deniedBadDocument: 'This document does not exist or the link is incomplete.',
  invalidLink: 'This link is incomplete or damaged.',
  askForNewLink: 'Ask the person who gave you the link for a new one.',
  rejected: {
    'read-only': 'Your change was not saved: you can only read this document.',
    'section-forbidden': 'Your change was not saved: you may not change this part of the document.',
    'document-too-large': 'Your change was not saved: the document has become too large.',
    'store-backpressure': 'Your change is not saved yet: the server is busy. We will try again shortly.',
    'out-of-sync': 'Your change was not saved: your copy no longer matches the others’.',
    'foreign-client-id': 'Your change was not saved: your copy clashes with someone else’s.',
    'held-back-limit': 'Your change was not saved: too many changes were waiting at once.',
  },
  rejectedOther: 'Your change was not saved.',
  problemRateLimited: 'Too many changes at once. We will try again shortly.',
  problemStoreUnavailable: 'Saving is not possible right now. We will try again shortly.',
  problemTooBig: 'Your change is too large to send at once.',
  problemInvalid: 'Something went wrong with the connection. We are trying again.',
  outdatedClient: 'There is a new version of Samenspraak. Reload the page.',
  reloadPage: 'Reload the page',
  roles: {
    jeugdige: 'Young person',
    ouder: 'Parent',
    gedragswetenschapper: 'Behavioural scientist',
    'lokaal-team': 'Local team',
    jeugdbeschermer: 'Child protection worker',
    jeugdhulpaanbieder: 'Youth care provider',
    onderwijsconsulent: 'Education consultant',
    clientondersteuner: 'Client support worker',
    procesregisseur: 'Case director',
    'ben-adviseur': 'BEN adviser',
    'dbt-lid': 'DBT member',
    gemeente: 'Municipality',
    beheerder: 'Administrator',
    'gz-psycholoog': 'GZ psychologist (independent)',
  },
};

const catalogs: Record<Lang, Messages> = { nl, en };

/** `?lang=en` selects English; anything else is Dutch. */
export function languageFromSearch(search: string): Lang {
  return new URLSearchParams(search).get('lang') === 'en' ? 'en' : 'nl';
}

export const lang: Lang = typeof location === 'undefined' ? 'nl' : languageFromSearch(location.search);
export const t: Messages = catalogs[lang];

export function roleLabel(role: string): string {
  return (t.roles as Record<string, string>)[role] ?? role;
}

/**
 * Messages of one feature, in both languages, picked for the current language. Each feature keeps its
 * own catalogue (`features/<name>/messages.ts`) so features can grow without touching one shared file.
 */
export function messages<T>(catalogue: Record<Lang, T>): T {
  return catalogue[lang];
}
