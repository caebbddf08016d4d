/**
 * Mails through a real SMTP server (smtp-server, in-process): they arrive with the right link, the fixed
 * words of their kind and nothing else — no name, no case content — and a key queued twice is one mail.
 */
import { MAIL_KINDS } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { composeMail } from '../../src/mail/mailContent.js';
import { messageIdFor } from '../../src/mail/mailMessage.js';
import { bornYearsAgo, type CaseHarness, type CaseTeam, caseWithTeam, START } from '../cases/support.js';
import { writeAnalysis } from '../escalation/support.js';
import { TestSmtpServer } from '../support/smtpServer.js';
import { outbox, PUBLIC_URL, queue, row, startMailServer, waitForRow } from './support.js';

let smtp: TestSmtpServer;
let h: CaseHarness;
let team: CaseTeam;
const CARE_WORDS = ['Noor', 'Jansen', 'hechting', 'Ria Regisseur', 'Zorgaanbieder', 'trauma'];

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  h = await startMailServer(smtp.url, { MAIL_FROM: 'Samenspraak <noreply@samenspraak.test>' });
  team = await caseWithTeam(h, bornYearsAgo(START, 15), 'Noor Jansen');
  await writeAnalysis(h, team.caseId, 'hypothese: hechting en trauma');
});
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

describe('a mail through SMTP', () => {
  it('arrives with the absolute link, the fixed words of its kind, and no care data (every kind)', async () => {
    for (const kind of MAIL_KINDS) {
      const key = `delivery:${kind}`;
      const link = `/zaken/${team.caseId}`;
      const count = kind === 'inbox-digest' ? 3 : undefined;
      const to = `noor+${kind}@example.nl`;
      expect(await queue(h, { idempotencyKey: key, userId: team.youngPerson.id, to, kind, link, count })).toBe(true);
      const mail = await smtp.waitForMail((m) => m.to.includes(to));
      const expected = composeMail(kind, `${PUBLIC_URL}${link}`, count ?? null);
      expect(mail.subject).toBe(expected.subject);
      expect(mail.text.trim()).toBe(expected.text.trim());
      expect(mail.html?.trim()).toBe(expected.html.trim());
      expect(mail.text).toContain(`${PUBLIC_URL}/zaken/${team.caseId}`);
      expect(mail.messageId).toBe(messageIdFor(key, 'samenspraak.test'));
      expect(mail.headers.get('from')).toContain('noreply@samenspraak.test');
      expect(mail.envelopeFrom).toBe('noreply@samenspraak.test');
      for (const word of CARE_WORDS) expect(mail.raw).not.toContain(word);
      if (kind === 'inbox-digest') expect(mail.subject).toContain('3 nieuwe berichten');
      const stored = await waitForRow(h, key, (r) => r.sent_at !== null, 'marked sent');
      expect(stored).toMatchObject({ attempts: 1, failed_at: null, lease_owner: null, last_error: null });
    }
  });

  it('the same idempotency key queued twice is one mail', async () => {
    const mail = {
      idempotencyKey: 'twice',
      userId: null,
      to: 'twice@example.nl',
      kind: 'inbox-new',
      link: '/',
    } as const;
    expect(await queue(h, mail)).toBe(true);
    expect(await queue(h, { ...mail, to: 'other@example.nl' })).toBe(false);
    await waitForRow(h, 'twice', (r) => r.sent_at !== null, 'sent');
    // A later mail arriving means the worker had its chance to send a second copy.
    await queue(h, { ...mail, idempotencyKey: 'after-twice', to: 'after@example.nl' });
    await smtp.waitForMail((m) => m.to.includes('after@example.nl'));
    expect(smtp.messages.filter((m) => m.messageId === messageIdFor('twice', 'samenspraak.test'))).toHaveLength(1);
    expect(smtp.messages.some((m) => m.to.includes('other@example.nl'))).toBe(false);
  });

  it('refuses a link that could carry words, and a count on anything but the digest: nothing is queued', async () => {
    const base = { userId: null, to: 'x@example.nl', kind: 'inbox-new' } as const;
    const bad = [
      { ...base, idempotencyKey: 'bad-1', link: '/zaken/1?naam=Noor Jansen' },
      { ...base, idempotencyKey: 'bad-2', link: '/zaken/1?naam=Noor%20Jansen' },
      { ...base, idempotencyKey: 'bad-3', link: 'https://elders.example/x' },
      { ...base, idempotencyKey: 'bad-4', link: '/', count: 2 },
      { ...base, idempotencyKey: 'bad-5', link: '/', kind: 'inbox-digest' as const },
    ];
    for (const mail of bad) await expect(queue(h, mail)).rejects.toThrow();
    const stored = await outbox(h)
      .selectFrom('mail_outbox')
      .select('id')
      .where('idempotency_key', 'like', 'bad-%')
      .execute();
    expect(stored).toEqual([]);
  });

  it('the mail row is written with the event: a rolled-back event leaves no mail', async () => {
    const { enqueueMail } = await import('../../src/mail/outbox.js');
    await expect(
      h.db.transaction().execute(async (trx) => {
        await enqueueMail(
          trx as never,
          { idempotencyKey: 'rolled-back', userId: null, to: 'r@example.nl', kind: 'inbox-new', link: '/' },
          h.now(),
        );
        throw new Error('the event failed');
      }),
    ).rejects.toThrow('the event failed');
    await expect(row(h, 'rolled-back')).rejects.toThrow();
  });
});
