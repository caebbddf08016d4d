/**
 * The region's functioneel beheerder makes a professional's account in the browser; the professional
 * opens the activation link on a phone, chooses a password, adds the app (the test reads the secret
 * shown as text for manual entry, as a person without a camera would), keeps the recovery codes and
 * logs in. Issue: "Account creation shows a TOTP QR code to scan; nothing is printed to a console."
 */
import * as OTPAuth from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { devices, launchBrowser, screenshot } from '../support/browser.js';

const BEHEERDER = 'bert.beheer@ret.example';
const PASSWORD = 'paarse olifant fluit 83 keer';

let app: DemoApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

describe('accounts', () => {
  it('a beheerder creates a professional, who activates with the QR page, keeps recovery codes and logs in', async () => {
    const { page: admin, context: adminContext } = await app.pageAs(browser, BEHEERDER);
    await admin.goto(new URL('/beheer', app.server.url).toString());
    await expect
      .poll(() => admin.getByRole('heading', { name: 'Accounts beheren' }).count(), { timeout: 10_000 })
      .toBe(1);
    await expectNoSeriousViolations(admin, 'beheer page');

    await admin.getByLabel('Naam', { exact: true }).fill('Noor Bakker');
    await admin.getByLabel('E-mailadres (dit is ook de gebruikersnaam)').fill('noor.bakker@deduinen.example');
    await admin.getByLabel('Rol', { exact: true }).selectOption('gedragswetenschapper');
    await admin.getByLabel('Organisatie', { exact: true }).fill('Jeugdhulp De Duinen (demo)');
    await admin.getByRole('button', { name: 'Account maken' }).click();
    const notice = admin.getByTestId('activation-link');
    await expect.poll(() => notice.count(), { timeout: 10_000 }).toBe(1);
    const link = (await notice.locator('code').textContent())?.trim() ?? '';
    expect(link).toMatch(/\/activeren\/[A-Za-z0-9_-]+$/);
    await expect.poll(() => admin.getByTestId('accounts').textContent()).toContain('Wacht op activering');
    await expectNoSeriousViolations(admin, 'beheer page with a new link');
    await screenshot(admin, 'beheer-account-created');

    // The same account again: a clear Dutch refusal, nothing made.
    await admin.getByLabel('Naam', { exact: true }).fill('Noor Bakker');
    await admin.getByLabel('E-mailadres (dit is ook de gebruikersnaam)').fill('noor.bakker@deduinen.example');
    await admin.getByLabel('Rol', { exact: true }).selectOption('gedragswetenschapper');
    await admin.getByRole('button', { name: 'Account maken' }).click();
    await expect
      .poll(() => admin.getByRole('alert').textContent())
      .toContain('Er is al een account met dit e-mailadres.');

    // The professional, on a phone.
    const context = await browser.newContext(devices.phone);
    const page = await context.newPage();
    await page.goto(link);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Account activeren' }).count(), { timeout: 10_000 })
      .toBe(1);
    await expect.poll(() => page.getByRole('img', { name: /QR-code/ }).count()).toBe(1);
    await expectNoSeriousViolations(page, 'activation page (phone)');
    await screenshot(page, 'activation-phone');
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });

    await page.getByLabel('Nieuw wachtwoord (minstens 10 tekens)').fill('welkom1234');
    await page.getByLabel('Code (6 cijfers)').fill(totp.generate());
    await page.getByRole('button', { name: 'Activeren' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Kies een ander wachtwoord');

    await page.getByLabel('Nieuw wachtwoord (minstens 10 tekens)').fill(PASSWORD);
    await page.getByLabel('Code (6 cijfers)').fill(totp.generate());
    await page.getByRole('button', { name: 'Activeren' }).click();
    const codesList = page.getByTestId('recovery-codes');
    await expect.poll(() => codesList.locator('li').count(), { timeout: 10_000 }).toBe(10);
    const codes = await codesList.locator('code').allTextContents();
    await expectNoSeriousViolations(page, 'recovery codes (phone)');
    await screenshot(page, 'activation-recovery-codes-phone');
    await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
    await page.getByRole('button', { name: 'Naar inloggen' }).click();

    // Logging in: the code just used for the activation cannot be used again, so a recovery code.
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen' }).count()).toBe(1);
    await page.getByLabel('Gebruikersnaam').fill('noor.bakker@deduinen.example');
    await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('button', { name: 'Telefoon kwijt? Gebruik een herstelcode' }).click();
    await page.getByLabel('Herstelcode', { exact: true }).fill(codes[0] ?? '');
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await expect.poll(() => page.locator('header').textContent(), { timeout: 10_000 }).toContain('Noor Bakker');

    await page.goto(new URL('/account', app.server.url).toString());
    await expect
      .poll(() => page.getByText('Je hebt nog 9 ongebruikte herstelcodes.').count(), { timeout: 10_000 })
      .toBe(1);
    await expectNoSeriousViolations(page, 'account page (phone)');
    await screenshot(page, 'account-phone');
    await context.close();

    await admin.reload();
    await expect.poll(() => admin.getByTestId('accounts').textContent(), { timeout: 10_000 }).toContain('Noor Bakker');
    const row = admin.getByRole('row', { name: /Noor Bakker/ });
    await expect.poll(() => row.textContent()).toContain('Actief');

    await admin.goto(new URL('/beheer/zaken', app.server.url).toString());
    await expect
      .poll(() => admin.getByTestId('region-cases').textContent(), { timeout: 10_000 })
      .toContain('demo-alkmaar-daan');
    expect(await admin.locator('main').textContent()).not.toContain('Daan');
    await expectNoSeriousViolations(admin, 'region cases');
    await screenshot(admin, 'beheer-region-cases');
    await adminContext.close();
  });

  it('the login page offers "Wachtwoord vergeten?"; the answer is the same for any address', async () => {
    const context = await browser.newContext(devices.phone);
    const page = await context.newPage();
    await page.goto(app.server.url);
    await page.getByRole('link', { name: 'Wachtwoord vergeten?' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Wachtwoord vergeten' }).count()).toBe(1);
    await page.getByLabel('E-mailadres').fill('onbekend@example.nl');
    await page.getByRole('button', { name: 'Stuur de link' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Als dit adres bij ons bekend is');
    await expectNoSeriousViolations(page, 'forgotten password (phone)');
    await screenshot(page, 'forgot-password-phone');
    await context.close();
  });
});
