/**
 * The functioneel beheerder's mail page (/beheer/mails) on the demo server without SMTP_URL: mails go
 * to the local folder, the page lists them with their text; others do not get the menu item.
 */
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type DemoApp, demo, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { launchBrowser, screenshot } from '../support/browser.js';

const BEHEERDER = 'bert.beheer@ret.example';
let browser: Browser;
let app: DemoApp;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startDemoApp();
  // Two queued mails, as enqueueMail (server/src/mail/outbox.ts) writes them, into the server's SQLite database.
  const sqlite = new Database(path.join(app.server.dataDir, 'app.db'));
  sqlite.pragma('busy_timeout = 5000');
  const now = new Date().toISOString();
  const insert = sqlite.prepare(
    `INSERT INTO mail_outbox (id, idempotency_key, user_id, to_address, kind, link, item_count, created_at, attempts, next_attempt_at)
     VALUES (?, ?, NULL, ?, ?, '/', ?, ?, 0, ?)`,
  );
  insert.run(randomUUID(), 'e2e-1', 'marieke@example.nl', 'inbox-new', null, now, now);
  insert.run(randomUUID(), 'e2e-2', 'ria@example.nl', 'inbox-digest', 3, now, now);
  sqlite.close();
}, 90_000);

afterAll(async () => {
  await app?.dispose();
  await browser?.close();
});

it('lists the mails with their text for the beheerder, on a phone and a laptop', async () => {
  for (const device of ['phone', 'laptop'] as const) {
    const { page, errors, context } = await app.pageAs(browser, BEHEERDER, '/', device);
    await page.getByRole('link', { name: 'E-mails' }).click();
    await expect.poll(() => page.url()).toContain('/beheer/mails');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('E-mails');
    // Sent by the worker into the folder within its poll interval; the page re-reads on "Opnieuw laden".
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: 'Opnieuw laden' }).click();
          return page.locator('.mails__status--sent').count();
        },
        { timeout: 15_000 },
      )
      .toBe(2);
    await expect.poll(() => page.getByText('marieke@example.nl').count()).toBe(1);
    await page.getByText('Tekst van de e-mail').first().click();
    await expect.poll(() => page.locator('.mails__text pre').first().textContent()).toContain('Samenspraak');
    expect(await page.getByText(/geen mailserver ingesteld/).count()).toBe(1);
    await expectNoSeriousViolations(page, `mails ${device}`);
    await screenshot(page, `mails-${device}`);
    expect(errors).toEqual([]);
    await context.close();
  }
});

it('is not in the menu of others, and the API refuses them', async () => {
  const { page, context } = await app.pageAs(browser, demo.procesregisseur, '/beheer/mails');
  await expect.poll(() => page.getByText('Deze pagina is voor de functioneel beheerder.').count()).toBe(1);
  expect(await page.getByRole('link', { name: 'E-mails' }).count()).toBe(0);
  await context.close();
});
