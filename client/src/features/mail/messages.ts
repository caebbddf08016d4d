/** Texts of the functioneel beheerder's mail page. */
import type { MailKind, MailStatus } from '@samenspraak/shared';
import { messages } from '../../i18n';

export const m = messages({
  nl: {
    title: 'E-mails',
    intro:
      'Samenspraak stuurt e-mails zonder inhoud over zaken: alleen dat er iets nieuws is, met een link naar Samenspraak. Hier zie je welke e-mails zijn verstuurd, welke nog wachten en welke niet lukten.',
    folderNote: (folder: string) =>
      `Er is geen mailserver ingesteld (SMTP_URL). De e-mails worden niet verstuurd maar bewaard in de map ${folder}. Je leest ze hieronder.`,
    smtpNote: 'De e-mails gaan via de ingestelde mailserver.',
    pending: 'Wachten',
    sent: 'Verstuurd',
    failed: 'Mislukt',
    failedTitle: (n: number) =>
      n === 1 ? '1 e-mail kon niet worden verstuurd' : `${n} e-mails konden niet worden verstuurd`,
    failedBody:
      'Samenspraak heeft het vaak geprobeerd. Kijk bij de laatste fout wat er mis ging, bijvoorbeeld een verkeerd adres.',
    caption: (n: number) => `De nieuwste ${n} e-mails`,
    columnTo: 'Aan',
    columnKind: 'Soort',
    columnCreated: 'Aangemaakt',
    columnStatus: 'Status',
    columnAttempts: 'Pogingen',
    columnError: 'Laatste fout',
    none: 'Er zijn nog geen e-mails.',
    noError: '—',
    nextTry: (when: string) => `volgende poging ${when}`,
    showText: 'Tekst van de e-mail',
    kinds: {
      'inbox-new': 'Iets nieuws',
      'inbox-digest': 'Overzicht van de dag',
      'account-activation': 'Account activeren',
      'password-reset': 'Nieuw wachtwoord',
      'consultation-receipt': 'Vraag ontvangen',
    } satisfies Record<MailKind, string>,
    statuses: { pending: 'Wacht', sent: 'Verstuurd', failed: 'Mislukt' } satisfies Record<MailStatus, string>,
    loading: 'E-mails laden…',
    loadFailed: 'De e-mails konden niet worden geladen',
    forbidden: 'Deze pagina is voor de functioneel beheerder.',
    reload: 'Opnieuw laden',
  },
  en: {
    title: 'E-mails',
    intro:
      'Samenspraak sends e-mails without case content: only that there is something new, with a link to Samenspraak. Here you see which e-mails were sent, which are waiting and which failed.',
    folderNote: (folder: string) =>
      `No mail server is set (SMTP_URL). E-mails are not sent but kept in the folder ${folder}. You can read them below.`,
    smtpNote: 'E-mails go through the configured mail server.',
    pending: 'Waiting',
    sent: 'Sent',
    failed: 'Failed',
    failedTitle: (n: number) => (n === 1 ? '1 e-mail could not be sent' : `${n} e-mails could not be sent`),
    failedBody: 'Samenspraak tried many times. The last error says what went wrong, for example a wrong address.',
    caption: (n: number) => `The newest ${n} e-mails`,
    columnTo: 'To',
    columnKind: 'Kind',
    columnCreated: 'Created',
    columnStatus: 'Status',
    columnAttempts: 'Tries',
    columnError: 'Last error',
    none: 'No e-mails yet.',
    noError: '—',
    nextTry: (when: string) => `next try ${when}`,
    showText: 'Text of the e-mail',
    kinds: {
      'inbox-new': 'Something new',
      'inbox-digest': 'Daily overview',
      'account-activation': 'Activate account',
      'password-reset': 'New password',
      'consultation-receipt': 'Request received',
    } satisfies Record<MailKind, string>,
    statuses: { pending: 'Waiting', sent: 'Sent', failed: 'Failed' } satisfies Record<MailStatus, string>,
    loading: 'Loading e-mails…',
    loadFailed: 'The e-mails could not be loaded',
    forbidden: 'This page is for the application manager.',
    reload: 'Reload',
  },
});
