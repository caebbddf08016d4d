/**
 * The inbox end to end: a parent (Marieke, mother of Daan) on a 390 px phone sees her bell count rise
 * live when the behavioural scientist replies to her comment, opens the inbox, and the item opens the
 * analysis (and is then read). The inbox page passes axe and is photographed in e2e/artifacts/.
 */
import { documentId, type InboxResponse } from '@samenspraak/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { launchBrowser, screenshot } from '../support/browser.js';

const CASE = demoCases.daan;
const LIVE = { timeout: 15_000 };
const comments = `/api/documents/${documentId(CASE, 'analysis')}/comments`;

let app: DemoApp;
let browser: Browser;

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

describe('the inbox of a parent on her phone', () => {
  it('the bell rises live on a reply, the inbox lists it, the item opens the analysis', async () => {
    const mine = await app.apiAs<{ comment: { id: string } }>(demo.marieke, 'POST', comments, {
      section: 'hulpvraag_ouders',
      text: 'Daan slaapt slecht sinds hij van school is.',
    });
    const { page, errors } = await app.pageAs(browser, demo.marieke, '/', 'phone');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('data-status'), LIVE).toBe('ready');
    const before = Number(await bell.getAttribute('data-total'));

    await app.apiAs(demo.gedragswetenschapper, 'POST', comments, {
      section: 'hulpvraag_ouders',
      text: 'Dank je, dat nemen we mee in de analyse.',
      parentId: mine.comment.id,
    });
    // Live: no reload, the count goes up by one.
    await expect.poll(async () => Number(await bell.getAttribute('data-total')), LIVE).toBe(before + 1);
    await screenshot(page, 'inbox-bell-phone-390');

    await bell.click();
    await expect.poll(() => page.locator('.bell__panel [data-kind="comment-reply"]').count(), LIVE).toBe(1);
    await page.getByRole('link', { name: 'Alle meldingen' }).click();
    await expect.poll(() => new URL(page.url()).pathname, LIVE).toBe('/inbox');
    await expect.poll(() => page.getByRole('heading', { level: 1, name: 'Meldingen' }).count(), LIVE).toBe(1);
    const item = page.locator('[data-testid="inbox-item"][data-kind="comment-reply"]').first();
    expect(await item.getAttribute('data-unread')).toBe('true');
    expect(await item.textContent()).toContain('Iemand heeft gereageerd op jouw opmerking.');
    expect(await item.textContent()).toContain('Over Daan');
    // The mail choice: a parent gets none until she chooses.
    expect(await page.getByRole('radio', { name: 'Geen e-mail' }).isChecked()).toBe(true);
    await screenshot(page, 'inbox-page-phone-390');
    await expectNoSeriousViolations(page, 'inbox page (phone)');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    const posted: string[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST') posted.push(`${r.status()} ${new URL(r.url()).pathname}`);
    });
    await item.getByRole('link').click();
    await expect.poll(() => new URL(page.url()).pathname, LIVE).toBe(`/zaken/${CASE}/analyse`);
    await expect.poll(() => posted, LIVE).toEqual([expect.stringMatching(/^200 \/api\/inbox\/.+\/read$/)]);
    await expect.poll(async () => Number(await bell.getAttribute('data-total')), LIVE).toBe(before);
    const inbox = await app.apiAs<InboxResponse>(demo.marieke, 'GET', '/api/inbox');
    expect(inbox.items.find((i) => i.kind === 'comment-reply')?.readAt).not.toBeNull();
    expect(errors).toEqual([]);
  });
});
