/**
 * What a mail says. A pure function of three things only: the kind, the absolute link and (for the
 * digest) a count. Nothing else can reach a mail's subject or text — no name, no case content, no
 * diagnosis — because nothing else is passed in; the outbox row holds exactly these three fields, and
 * the link is checked to be a plain path of ids (outbox.ts `assertPlainLink`).
 *
 * Dutch first, one short English line for people who read English better.
 */
import type { MailKind } from '@samenspraak/shared';

export interface MailContent {
  subject: string;
  text: string;
  html: string;
}

interface Words {
  subject: string;
  /** The Dutch lines above the link. */
  nl: string[];
  /** The short English line. */
  en: string;
  /** The words on the button (HTML) and before the link (text). */
  action: string;
}

function digestWords(count: number): Words {
  const n = Math.max(1, Math.floor(count));
  const nl = n === 1 ? 'Er staat 1 nieuw bericht voor je klaar' : `Er staan ${n} nieuwe berichten voor je klaar`;
  return {
    subject: `${nl} in Samenspraak`,
    nl: [`${nl} in Samenspraak.`, 'Log in om ze te lezen.'],
    en: `There ${n === 1 ? 'is 1 new item' : `are ${n} new items`} for you in Samenspraak.`,
    action: 'Open Samenspraak',
  };
}

/** The fixed words per kind (the digest's count is the one variable). */
function wordsFor(kind: MailKind, count: number | null): Words {
  switch (kind) {
    case 'inbox-new':
      return {
        subject: 'Er is iets nieuws voor je in Samenspraak',
        nl: ['Er is iets nieuws voor je in Samenspraak.', 'Log in om te zien wat het is.'],
        en: 'There is something new for you in Samenspraak.',
        action: 'Open Samenspraak',
      };
    case 'inbox-digest':
      return digestWords(count ?? 1);
    case 'account-activation':
      return {
        subject: 'Je account voor Samenspraak staat klaar',
        nl: [
          'Er is een account voor je gemaakt in Samenspraak.',
          'Via de link kies je een wachtwoord en stel je de app voor de inlogcode in.',
        ],
        en: 'An account was made for you in Samenspraak: use the link to choose a password.',
        action: 'Account activeren',
      };
    case 'password-reset':
      return {
        subject: 'Nieuw wachtwoord kiezen voor Samenspraak',
        nl: [
          'Je hebt gevraagd om een nieuw wachtwoord voor Samenspraak.',
          'De link werkt één keer en 30 minuten lang. Heb je dit niet gevraagd? Dan hoef je niets te doen.',
        ],
        en: 'Use the link to choose a new password (once, within 30 minutes). Did not ask? Ignore this mail.',
        action: 'Nieuw wachtwoord kiezen',
      };
    case 'consultation-receipt':
      return {
        subject: 'We hebben je vraag ontvangen',
        nl: ['We hebben je vraag aan het Regionaal Expertteam ontvangen.', 'Via de link zie je hoe het ermee staat.'],
        en: 'We received your request to the Regional Expert Team.',
        action: 'Bekijk je vraag',
      };
  }
}

const FOOTER = 'Dit bericht is automatisch verstuurd door Samenspraak. Je kunt er niet op antwoorden.';

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The subject, plain text and simple HTML of one mail. `url` is absolute; `count` only for the digest. */
export function composeMail(kind: MailKind, url: string, count: number | null = null): MailContent {
  const w = wordsFor(kind, count);
  const text = [...w.nl, '', `${w.action}: ${url}`, '', w.en, '', '--', FOOTER, ''].join('\n');
  const u = escapeHtml(url);
  const html = [
    '<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>',
    escapeHtml(w.subject),
    '</title></head><body style="font-family:sans-serif;line-height:1.5">',
    ...w.nl.map((line) => `<p>${escapeHtml(line)}</p>`),
    `<p><a href="${u}">${escapeHtml(w.action)}</a></p>`,
    `<p style="font-size:small">${u}</p>`,
    `<p lang="en">${escapeHtml(w.en)}</p>`,
    `<p style="font-size:small;color:#555">${escapeHtml(FOOTER)}</p>`,
    '</body></html>',
  ].join('');
  return { subject: w.subject, text, html };
}
