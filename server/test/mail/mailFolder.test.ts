/**
 * Without SMTP_URL (the embedded default) mails are written to `<dataDir>/mail/` as .eml files, and
 * the functioneel beheerder's page lists them with their text, so a demo shows them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { MailsResponseSchema } from '@samenspraak/shared';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { composeMail } from '../../src/mail/mailContent.js';
import { messageIdFor } from '../../src/mail/mailMessage.js';
import type { CaseHarness } from '../cases/support.js';
import { parseMail } from '../support/smtpServer.js';
import { PUBLIC_URL, queue, row, startMailServer, waitForRow } from './support.js';

let h: CaseHarness;

beforeAll(async () => {
  h = await startMailServer(null);
});
afterAll(async () => {
  await h?.close();
});

it('writes each mail once to the mail folder, and the beheerder page lists it with its text', async () => {
  const folder = path.join(h.server.services.config.dataDir, 'mail');
  await queue(h, {
    idempotencyKey: 'folder-1',
    userId: null,
    to: 'ouder@example.nl',
    kind: 'inbox-new',
    link: '/zaken/c1',
  });
  await queue(h, {
    idempotencyKey: 'folder-2',
    userId: null,
    to: 'prof@example.nl',
    kind: 'inbox-digest',
    link: '/',
    count: 4,
  });
  for (const key of ['folder-1', 'folder-2']) await waitForRow(h, key, (r) => r.sent_at !== null, 'sent');
  const first = await row(h, 'folder-1');
  // The rename to the final name comes just after the "sent" mark.
  const file = path.join(folder, `${first.id}.eml`);
  const deadline = Date.now() + 5000;
  while (!fs.existsSync(file) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const parsed = parseMail(fs.readFileSync(file, 'utf8'));
  expect(parsed.messageId).toBe(messageIdFor('folder-1', 'samenspraak.test'));
  expect(parsed.text.trim()).toBe(composeMail('inbox-new', `${PUBLIC_URL}/zaken/c1`).text.trim());
  expect((fs.statSync(file).mode & 0o777).toString(8)).toBe('600');

  const beheerder = await h.user({ role: 'beheerder' });
  const res = await h.api(beheerder, 'GET', '/api/admin/mails');
  expect(res.status).toBe(200);
  const view = MailsResponseSchema.parse(res.body);
  expect(view).toMatchObject({ transport: 'folder', folder, counts: { pending: 0, sent: 2, failed: 0 } });
  const listed = view.mails.find((m) => m.to === 'ouder@example.nl');
  expect(listed).toMatchObject({ kind: 'inbox-new', status: 'sent', attempts: 1, file: `${first.id}.eml` });
  expect(listed?.text).toContain(`${PUBLIC_URL}/zaken/c1`);
  expect(view.mails.find((m) => m.to === 'prof@example.nl')?.text).toContain('Er staan 4 nieuwe berichten');
  // No half-written files are left behind.
  const names = fs.readdirSync(folder);
  expect(names.filter((n) => !n.endsWith('.eml'))).toEqual([]);
});

it('lists a password-reset mail to the beheerder without its token: the link is for its owner alone', async () => {
  await queue(h, {
    idempotencyKey: 'folder-reset',
    userId: null,
    to: 'eigenaar@example.nl',
    kind: 'password-reset',
    link: '/wachtwoord-herstellen/geheim-token-123',
  });
  await waitForRow(h, 'folder-reset', (r) => r.sent_at !== null, 'sent');
  const beheerder = await h.user({ role: 'beheerder' });
  const view = MailsResponseSchema.parse((await h.api(beheerder, 'GET', '/api/admin/mails')).body);
  const listed = view.mails.find((m) => m.to === 'eigenaar@example.nl');
  expect(listed?.text).toContain(`${PUBLIC_URL}/wachtwoord-herstellen/(verborgen)`);
  expect(JSON.stringify(view)).not.toContain('geheim-token-123');
});
