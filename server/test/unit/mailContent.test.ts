/**
 * A mail says fixed words per kind, a link and (for the digest) a number — nothing else can reach it
 * (issue: "never names, case content or diagnoses in the mail"). Retry waits grow exponentially.
 */
import { MAIL_KINDS } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { composeMail } from '../../src/mail/mailContent.js';
import { envelopeAddress, messageIdFor } from '../../src/mail/mailMessage.js';
import { assertPlainLink } from '../../src/mail/outbox.js';
import { retryDelayMs } from '../../src/mail/outboxWorker.js';

const URL_ = 'https://samenspraak.example.nl/zaken/abc';

describe('mail content', () => {
  it('takes only kind, link and count: every kind has Dutch words, one English line and the link', () => {
    expect(composeMail.length).toBe(2); // kind, url (count optional) — no room for anything else
    for (const kind of MAIL_KINDS) {
      const c = composeMail(kind, URL_, kind === 'inbox-digest' ? 2 : null);
      expect(c.subject.length).toBeGreaterThan(10);
      expect(c.text).toContain(URL_);
      expect(c.html).toContain(`href="${URL_}"`);
      expect(c.text).toMatch(/Samenspraak/);
      expect(c.text).toMatch(/\b(There|An|Use|We)\b/); // the English line
    }
  });

  it('inbox-new says there is something new, the digest gives a count only', () => {
    expect(composeMail('inbox-new', URL_).subject).toBe('Er is iets nieuws voor je in Samenspraak');
    expect(composeMail('inbox-digest', URL_, 1).subject).toBe('Er staat 1 nieuw bericht voor je klaar in Samenspraak');
    expect(composeMail('inbox-digest', URL_, 7).text).toContain('There are 7 new items for you in Samenspraak.');
  });

  it('escapes the link in HTML', () => {
    expect(composeMail('inbox-new', 'https://x.example/a?b=1&c=2').html).toContain('a?b=1&#38;c=2');
  });

  it('links are plain paths of ids: no spaces, encoded text or other hosts', () => {
    for (const ok of ['/', '/zaken/8f0e-12', '/wachtwoord#token=AbC_-1', '/account/activeren?t=xyz'])
      expect(() => assertPlainLink(ok)).not.toThrow();
    for (const bad of ['zaken/1', '/zaken/Noor Jansen', '/x?n=Noor%20Jansen', '//evil.example/x', '/x<script>', '/é'])
      expect(() => assertPlainLink(bad), bad).toThrow();
  });
});

describe('mail headers', () => {
  it('the Message-ID is a stable hash of the idempotency key (the key itself stays out)', () => {
    expect(messageIdFor('reset:token-1', 'samenspraak.nl')).toBe(messageIdFor('reset:token-1', 'samenspraak.nl'));
    expect(messageIdFor('reset:token-1', 'samenspraak.nl')).not.toBe(messageIdFor('reset:token-2', 'samenspraak.nl'));
    expect(messageIdFor('reset:token-1', 'samenspraak.nl')).not.toContain('token');
    expect(messageIdFor('k', 'samenspraak.nl')).toMatch(/^<[0-9a-f]{32}@samenspraak\.nl>$/);
  });

  it('the envelope sender is the bare address of MAIL_FROM', () => {
    expect(envelopeAddress('Samenspraak <noreply@example.nl>')).toBe('noreply@example.nl');
    expect(() => envelopeAddress('Samenspraak')).toThrow(/MAIL_FROM/);
  });
});

describe('retry waits', () => {
  it('double per try from the base, capped, with ±25 % jitter', () => {
    const lo = () => 0;
    const hi = () => 0.999_999;
    expect(retryDelayMs(1, 1000, 60_000, lo)).toBe(750);
    expect(retryDelayMs(2, 1000, 60_000, lo)).toBe(1500);
    expect(retryDelayMs(4, 1000, 60_000, lo)).toBe(6000);
    expect(retryDelayMs(4, 1000, 60_000, hi)).toBe(10_000);
    expect(retryDelayMs(20, 1000, 60_000, hi)).toBe(75_000);
  });
});

describe('mail config', () => {
  it('defaults: local folder, 8 tries, public URL from the port', () => {
    const c = loadConfig({});
    expect(c.mail).toMatchObject({ smtpUrl: null, maxAttempts: 8 });
    expect(c.publicUrl).toBeNull();
  });

  it('reads SMTP_URL, MAIL_FROM and PUBLIC_URL and refuses nonsense', () => {
    const c = loadConfig({ SMTP_URL: 'smtp://u:p@mail:587', MAIL_FROM: 'S <a@b.nl>', PUBLIC_URL: 'https://s.nl/' });
    expect(c.mail).toMatchObject({ smtpUrl: 'smtp://u:p@mail:587', from: 'S <a@b.nl>' });
    expect(c.publicUrl).toBe('https://s.nl');
    expect(() => loadConfig({ SMTP_URL: 'mail.example.nl' })).toThrow(/SMTP_URL/);
    expect(() => loadConfig({ PUBLIC_URL: 'ftp://x' })).toThrow(/PUBLIC_URL/);
    expect(() => loadConfig({ MAIL_MAX_ATTEMPTS: '0' })).toThrow(/MAIL_MAX_ATTEMPTS/);
  });
});
