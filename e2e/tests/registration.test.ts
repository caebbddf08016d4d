/**
 * Registering a case through the form and managing its team on the case page, in a real browser against
 * the real server with the demo people:
 *  - a behavioural scientist registers a case at /zaken/nieuw (region select with each RET, who asked,
 *    what for, the responsible scientist from the directory) and lands on the new case page;
 *  - adds a colleague from the directory; that colleague, in a second browser context, has the case page
 *    open and sees the next team change arrive live (case:changed → re-read);
 *  - invites a parent: the code is shown to pass on by letter or SMS;
 *  - the public consultation form (from the login page) answers a receipt only, on a phone;
 *  - axe finds no serious or critical violations. Screenshots land in e2e/artifacts/.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { launchBrowser, screenshot } from '../support/browser.js';

let browser: Browser;
let app: DemoApp;
const contexts: BrowserContext[] = [];

async function pageAs(login: string, path = '/', device: 'laptop' | 'phone' = 'laptop') {
  const user = await app.pageAs(browser, login, path, device);
  contexts.push(user.context);
  return user;
}

/** Searches the picker inside `scope` and chooses the person named. */
async function pick(page: Page, scope: string, search: string, name: string) {
  const picker = page.getByTestId(scope).getByTestId('professional-picker');
  await picker.getByLabel('Zoek op naam of organisatie').fill(search);
  await picker.getByRole('button', { name: 'Zoeken' }).click();
  await picker.getByRole('button', { name: new RegExp(`^Kies: ${name}`) }).click();
  await expect.poll(() => picker.getByTestId('picker-chosen').textContent()).toContain(name);
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startDemoApp();
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
});

describe('registration and team management', () => {
  it('registers through the form, adds a colleague, invites a parent; a second context sees the team change live', async () => {
    const { page } = await pageAs(demo.gedragswetenschapper, '/');
    await page.getByTestId('register-case').click();
    await page.getByRole('heading', { level: 1, name: 'Zaak aanmelden' }).waitFor();
    await page.getByLabel('Naam van de jeugdige').fill('Mees van Dijk');
    await page.getByLabel('Geboortedatum').fill('2011-04-12');
    await page.getByLabel('Gemeente').fill('Bergen');
    await page.getByLabel('Jeugdregio').selectOption('Alkmaar (Noord-Kennemerland)');
    expect(await page.getByLabel('Jeugdregio').locator('option:checked').textContent()).toContain(
      'RET Noord-Kennemerland',
    );
    await page.getByLabel('School (onderwijs)').check();
    await page.getByLabel(/^Waarvoor\?/).fill('Mees komt al weken niet op school; de school vraagt om mee te denken.');
    await expectNoSeriousViolations(page, 'registration form');
    await screenshot(page, 'registration-form');
    // After axe and the full-page screenshot (which resizes the viewport for a moment) headless Chromium
    // drops the next click while the textarea has focus; without them one click submits. Leave the field first.
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.getByRole('button', { name: 'Zaak aanmelden' }).click();
    await page.getByRole('heading', { level: 1, name: /Mees/ }).waitFor();
    const caseUrl = page.url();
    expect(caseUrl).toMatch(/\/zaken\/[0-9a-f-]{36}$/);
    const team = page.getByTestId('team-table');
    await expect.poll(() => team.textContent()).toContain('heeft de procesregie');

    // A colleague from the directory.
    await page.getByTestId('team-add').getByLabel('Rol').selectOption('jeugdhulpaanbieder');
    await pick(page, 'team-add', 'pien', 'Pien');
    await page.getByRole('button', { name: 'Toevoegen aan de zaak' }).click();
    await expect.poll(() => team.textContent()).toContain('Pien');

    // The colleague opens the case in a second context.
    const other = await pageAs(demo.jeugdhulpaanbieder, new URL(caseUrl).pathname);
    const otherTeam = other.page.getByTestId('team-table');
    await expect.poll(() => otherTeam.textContent()).toContain('Pien');
    expect(await otherTeam.textContent()).not.toContain('Olga');

    await page.getByTestId('team-add').getByLabel('Rol').selectOption('onderwijsconsulent');
    await pick(page, 'team-add', 'olga', 'Olga');
    await page.getByRole('button', { name: 'Toevoegen aan de zaak' }).click();
    // Live: no reload in the second context.
    await expect.poll(() => otherTeam.textContent(), { timeout: 10_000 }).toContain('Olga');

    // Invite a parent: the code is shown to pass on.
    const invite = page.getByTestId('invite');
    await invite.getByLabel('Ouder', { exact: true }).check();
    await invite.getByLabel(/naam/i).fill('Anouk van Dijk');
    await invite.getByRole('button', { name: /uitnodig/i }).click();
    const result = page.getByTestId('invitation-result');
    await result.waitFor();
    expect(await result.locator('.invite-result__code').textContent()).toMatch(/\S{6,}/);
    await expectNoSeriousViolations(page, 'case page with team management');
    await screenshot(page, 'registration-case-page');
    await screenshot(other.page, 'registration-case-page-live');
  });

  it('the public consultation form from the login page answers a receipt only, on a phone', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 780 },
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
    });
    contexts.push(context);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/inloggen`);
    await page.getByTestId('consultation-link').click();
    await page.getByRole('heading', { level: 1, name: 'Hulp of advies vragen' }).waitFor();
    await page.getByLabel('Ik ben ouder of verzorger').check();
    await page.getByLabel(/In welke regio/).selectOption('West-Friesland');
    await page.getByLabel('Je naam').fill('Henk de Boer');
    await page.getByLabel('Telefoonnummer').fill('06 1234 5678');
    await page.getByLabel(/Waar wil je hulp/).fill('Mijn dochter loopt vast op school en thuis. Wie kan meedenken?');
    await expectNoSeriousViolations(page, 'consultation form');
    await screenshot(page, 'consultation-form-phone');
    await page.getByRole('button', { name: 'Versturen' }).click();
    const receipt = page.getByTestId('consultation-receipt');
    await receipt.waitFor();
    const text = (await receipt.textContent()) ?? '';
    expect(text).toMatch(/C-[2-9A-Z]{4}-[2-9A-Z]{4}/);
    expect(text).toContain('RET West-Friesland');
    // Nothing of the question stays on the screen.
    expect(await page.content()).not.toContain('loopt vast');
    const wide = await page.evaluate(
      () => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1,
    );
    expect(wide).toBe(false);
    await screenshot(page, 'consultation-receipt-phone');
  });

  it('the GI records "maatregel gestart" on the case page, where the clocks are', async () => {
    const { page } = await pageAs(demo.jeugdbeschermer, `/zaken/${demoCases.sanne}`);
    const form = page.getByTestId('fact-measureStartedAt');
    await form.waitFor();
    await form.getByLabel('Op').fill('2026-11-20');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => form.textContent()).toContain('20 november 2026');
    await screenshot(page, 'registration-clock-facts');
  });

  it('the RET procesregisseur opens a request of her region and turns it into a case (prefilled form)', async () => {
    const res = await fetch(`${app.server.url}/api/consultations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: app.server.url },
      body: JSON.stringify({
        asker: 'onderwijs',
        region: 'Alkmaar (Noord-Kennemerland)',
        name: 'Mentor Bergen',
        email: 'mentor@school.example',
        question: 'Een leerling van ons verzuimt veel; wie denkt mee?',
      }),
    });
    expect(res.status).toBe(201);
    const { page } = await pageAs(demo.procesregisseur, '/');
    await page.getByTestId('consultations-link').click();
    const queue = page.getByTestId('consultation-queue');
    await queue.waitFor();
    await queue
      .getByRole('link', { name: /^Openen/ })
      .first()
      .click();
    const detail = page.getByTestId('consultation-detail');
    await expect.poll(() => detail.textContent()).toContain('mentor@school.example');
    await expectNoSeriousViolations(page, 'consultation request');
    await screenshot(page, 'consultation-detail');
    await page.getByTestId('consultation-convert').click();
    await page.getByRole('heading', { level: 1, name: 'Zaak aanmelden' }).waitFor();
    await expect.poll(() => page.getByLabel(/^Waarvoor\?/).inputValue()).toContain('verzuimt veel');
    expect(await page.getByLabel('Jeugdregio').inputValue()).toBe('Alkmaar (Noord-Kennemerland)');
    expect(await page.getByLabel('School (onderwijs)').isChecked()).toBe(true);
  });
});
