/**
 * The SMTP server down, refusing for a while, or refusing for good: the outbox retries with exponential
 * backoff (on the domain clock, which this test moves), the mail arrives once the server is back, and a
 * mail that never gets through is marked failed and shows on the functioneel beheerder's page.
 */
import { MailsResponseSchema } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MailOutboxTable } from '../../src/mail/outbox.js';
import { type CaseHarness, lastSeq, logSince, type TestUser } from '../cases/support.js';
import { TestSmtpServer } from '../support/smtpServer.js';
import { queue, startMailServer, waitForRow } from './support.js';

const BASE = 60_000;
let smtp: TestSmtpServer;
let h: CaseHarness;
let beheerder: TestUser;

beforeAll(async () => {
  smtp = await TestSmtpServer.start();
  h = await startMailServer(smtp.url, { MAIL_RETRY_BASE_MS: String(BASE), MAIL_MAX_ATTEMPTS: '4' });
  beheerder = await h.user({ role: 'beheerder', name: 'Bert Beheer' });
});
afterAll(async () => {
  await h?.close();
  await smtp?.close();
});

/** Tried `n` times and waiting (a refusal of the end-of-data briefly shows the row sent, then undoes it). */
const triedAndWaiting = (n: number) => (r: MailOutboxTable) => r.attempts === n && r.sent_at === null;

/** Moves the domain clock to just after the row's next try is due. */
function advancePast(r: MailOutboxTable): void {
  h.setClock(new Date(new Date(r.next_attempt_at).getTime() + 1).toISOString());
}

function waitMs(r: MailOutboxTable): number {
  return new Date(r.next_attempt_at).getTime() - h.now().getTime();
}

describe('retries', () => {
  it('SMTP down: tried again with growing waits, delivered once it is back', async () => {
    await smtp.stop();
    await queue(h, { idempotencyKey: 'down', userId: null, to: 'down@example.nl', kind: 'inbox-new', link: '/' });
    const first = await waitForRow(h, 'down', (r) => r.attempts === 1, 'tried once');
    expect(first.sent_at).toBeNull();
    expect(first.failed_at).toBeNull();
    expect(first.last_error).toMatch(/ECONNREFUSED|connect/i);
    // About the base wait (±25 % jitter)...
    expect(waitMs(first)).toBeGreaterThanOrEqual(0.75 * BASE);
    expect(waitMs(first)).toBeLessThanOrEqual(1.25 * BASE);
    advancePast(first);
    const second = await waitForRow(h, 'down', (r) => r.attempts === 2, 'tried twice');
    // ...then about twice as long.
    expect(waitMs(second)).toBeGreaterThanOrEqual(0.75 * 2 * BASE);
    expect(waitMs(second)).toBeLessThanOrEqual(1.25 * 2 * BASE);
    await smtp.restart();
    advancePast(second);
    const sent = await waitForRow(h, 'down', (r) => r.sent_at !== null, 'sent');
    expect(sent).toMatchObject({ attempts: 3, failed_at: null });
    await smtp.waitForMail((m) => m.to.includes('down@example.nl'));
    expect(smtp.messages.filter((m) => m.to.includes('down@example.nl'))).toHaveLength(1);
  });

  it('a temporary refusal (451) is retried, and the mail arrives once accepted', async () => {
    smtp.answer = { code: 451, message: 'try again later' };
    await queue(h, {
      idempotencyKey: 'busy',
      userId: null,
      to: 'busy@example.nl',
      kind: 'password-reset',
      link: '/wachtwoord/abc',
    });
    const first = await waitForRow(h, 'busy', triedAndWaiting(1), 'tried once');
    expect(first.last_error).toContain('451');
    smtp.answer = 'accept';
    advancePast(first);
    await waitForRow(h, 'busy', (r) => r.sent_at !== null, 'sent');
    // Marked sent just before the end-of-data: the server's copy is a moment behind.
    await smtp.waitForMail((m) => m.to.includes('busy@example.nl'));
    const arrived = smtp.messages.filter((m) => m.to.includes('busy@example.nl'));
    expect(arrived).toHaveLength(1);
    expect(arrived[0]?.text).toContain('https://samenspraak.test/wachtwoord/abc');
  });

  it('refused every time: failed after the last try, and visible to the beheerder only', async () => {
    smtp.answer = { code: 550, message: 'mailbox unavailable' };
    await queue(h, { idempotencyKey: 'never', userId: null, to: 'never@example.nl', kind: 'inbox-new', link: '/' });
    let r = await waitForRow(h, 'never', triedAndWaiting(1), 'tried');
    for (let attempt = 2; attempt <= 4; attempt++) {
      advancePast(r);
      r = await waitForRow(h, 'never', triedAndWaiting(attempt), `tried ${attempt} times`);
    }
    expect(r.failed_at).not.toBeNull();
    expect(r.sent_at).toBeNull();
    expect(r.last_error).toContain('550');
    smtp.answer = 'accept';
    expect(smtp.messages.some((m) => m.to.includes('never@example.nl'))).toBe(false);

    const before = await lastSeq(h.db);
    const res = await h.api(beheerder, 'GET', '/api/admin/mails');
    expect(res.status).toBe(200);
    const view = MailsResponseSchema.parse(res.body);
    expect(view.transport).toBe('smtp');
    expect(view.counts.failed).toBe(1);
    expect(view.mails.find((m) => m.to === 'never@example.nl')).toMatchObject({
      kind: 'inbox-new',
      status: 'failed',
      attempts: 4,
      nextAttemptAt: null,
      text: null,
      file: null,
    });
    expect(view.mails.find((m) => m.to === 'never@example.nl')?.lastError).toContain('550');
    expect(view.mails.find((m) => m.to === 'down@example.nl')).toMatchObject({ status: 'sent', attempts: 3 });

    const regisseur = await h.user({ role: 'procesregisseur' });
    const refused = await h.api(regisseur, 'GET', '/api/admin/mails');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ id: 'forbidden' });
    expect((refused.body.error as { text?: string }).text).toMatch(/[a-z]/);
    expect((await h.api(null, 'GET', '/api/admin/mails')).status).toBe(401);

    const log = await logSince(h.db, before);
    expect(log.map((e) => [e.user_id, e.outcome, e.detail])).toEqual([
      [beheerder.id, 'success', 'GET /api/admin/mails mail outbox'],
      [regisseur.id, 'denied', 'GET /api/admin/mails mail outbox'],
    ]);
  });
});
