/** Texts of passkeys and single sign-on: the login page's other ways in, the account page's passkeys. */
import { messages } from '../../i18n';

export const s = messages({
  nl: {
    or: 'Of',
    passkeyLogin: 'Log in met een toegangssleutel',
    passkeyLoginHint:
      'Een toegangssleutel (passkey) staat op je telefoon of computer. Je ontgrendelt hem met je vingerafdruk, gezicht of pincode. Je hebt dan geen wachtwoord of code nodig.',
    ssoLogin: 'Inloggen met je organisatie',
    ssoFailed: 'Inloggen met je organisatie lukte niet',
    passkeysTitle: 'Toegangssleutels',
    passkeysIntro:
      'Met een toegangssleutel log je in zonder wachtwoord: je telefoon of computer vraagt je vingerafdruk, gezicht of pincode. Niemand kan hem namaken op een andere website.',
    passkeysNone: 'Je hebt nog geen toegangssleutel.',
    passkeyName: 'Naam van de toegangssleutel (bijvoorbeeld "mijn telefoon")',
    passkeyAdd: 'Toegangssleutel maken',
    passkeyAdded: 'Je toegangssleutel is gemaakt. De volgende keer kun je ermee inloggen.',
    passkeyRemove: (name: string) => `Verwijderen: ${name}`,
    passkeyRemoved: 'De toegangssleutel is verwijderd.',
    passkeyMeta: (created: string, used: string | null, synced: boolean) =>
      `Gemaakt op ${created}${used ? `, laatst gebruikt op ${used}` : ', nog niet gebruikt'}${synced ? ' · wordt bewaard in je account bij Apple, Google of Microsoft' : ''}.`,
    cancelled: 'Het maken of gebruiken van de toegangssleutel is gestopt. Probeer het opnieuw als je wilt.',
    notSupported: 'Deze browser kan geen toegangssleutels gebruiken.',
    failed: 'Dat lukte niet',
    activationPasskeyTitle: 'Of: een toegangssleutel in plaats van de app',
    activationPasskeyIntro:
      'Vul hierboven je wachtwoord in en maak een toegangssleutel op dit apparaat. Je logt dan voortaan in met de toegangssleutel, zonder wachtwoord en zonder code uit de app.',
    activationPasskeyButton: 'Toegangssleutel gebruiken in plaats van de app',
    activationPasswordFirst: 'Vul eerst je wachtwoord in.',
    activationPasskeyDone: 'Je account is klaar. Log in met je toegangssleutel.',
  },
  en: {
    or: 'Or',
    passkeyLogin: 'Log in with a passkey',
    passkeyLoginHint:
      'A passkey lives on your phone or computer. You unlock it with your fingerprint, face or PIN. You then need no password or code.',
    ssoLogin: 'Log in with your organisation',
    ssoFailed: 'Logging in with your organisation did not work',
    passkeysTitle: 'Passkeys',
    passkeysIntro:
      'With a passkey you log in without a password: your phone or computer asks for your fingerprint, face or PIN. Nobody can copy it to another website.',
    passkeysNone: 'You have no passkey yet.',
    passkeyName: 'Name of the passkey (for example "my phone")',
    passkeyAdd: 'Create a passkey',
    passkeyAdded: 'Your passkey was created. Next time you can log in with it.',
    passkeyRemove: (name: string) => `Remove: ${name}`,
    passkeyRemoved: 'The passkey was removed.',
    passkeyMeta: (created: string, used: string | null, synced: boolean) =>
      `Created on ${created}${used ? `, last used on ${used}` : ', not used yet'}${synced ? ' · kept in your Apple, Google or Microsoft account' : ''}.`,
    cancelled: 'Creating or using the passkey was stopped. Try again if you like.',
    notSupported: 'This browser cannot use passkeys.',
    failed: 'That did not work',
    activationPasskeyTitle: 'Or: a passkey instead of the app',
    activationPasskeyIntro:
      'Fill in your password above and create a passkey on this device. From then on you log in with the passkey, without a password and without a code from the app.',
    activationPasskeyButton: 'Activate with a passkey',
    activationPasswordFirst: 'Fill in your password first.',
    activationPasskeyDone: 'Your account is ready. Log in with your passkey.',
  },
});

/** The beheerder's words for an account's passkeys and organisation link. */
export const b = messages({
  nl: {
    summary: (name: string) => `Toegangssleutels en organisatie-account van ${name}`,
    passkeys: (n: number) =>
      n === 0 ? 'Geen toegangssleutels.' : n === 1 ? '1 toegangssleutel.' : `${n} toegangssleutels.`,
    removePasskeys: 'Toegangssleutels verwijderen',
    confirmRemove: (name: string) =>
      `Heb je gecontroleerd dat je echt met ${name} spreekt? Alle toegangssleutels van ${name} worden verwijderd. Dat doe je bijvoorbeeld als een telefoon kwijt is.`,
    ssoTitle: (name: string) => `Organisatie-account van ${name}`,
    ssoLinked: 'Gekoppeld aan een account bij de organisatie.',
    ssoNotLinked: 'Nog niet gekoppeld aan een account bij de organisatie.',
    ssoSubject: 'Kenmerk bij de organisatie (subject; leeg maken ontkoppelt)',
    ssoSave: 'Koppeling opslaan',
    failed: 'Dat lukte niet',
  },
  en: {
    summary: (name: string) => `Passkeys and organisation account of ${name}`,
    passkeys: (n: number) => (n === 0 ? 'No passkeys.' : n === 1 ? '1 passkey.' : `${n} passkeys.`),
    removePasskeys: 'Remove passkeys',
    confirmRemove: (name: string) =>
      `Did you check that you are really talking to ${name}? All passkeys of ${name} will be removed, for example because a phone was lost.`,
    ssoTitle: (name: string) => `Organisation account of ${name}`,
    ssoLinked: 'Linked to an account at the organisation.',
    ssoNotLinked: 'Not yet linked to an account at the organisation.',
    ssoSubject: 'Identifier at the organisation (subject; empty unlinks)',
    ssoSave: 'Save link',
    failed: 'That did not work',
  },
});
