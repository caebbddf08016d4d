/**
 * Logging in through the browser: a professional with password and TOTP, a parent with a password
 * only; wrong input gets a clear message; the login page passes axe; logout ends the session.
 */
import * as OTPAuth from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { devices, launchBrowser, screenshot } from '../support/browser.js';

let app: DemoApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

describe('login', () => {
  it('a professional logs in with password and TOTP code and sees their name', async () => {
    const context = await browser.newContext(devices.laptop);
    const page = await context.newPage();
    await page.goto(app.server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen' }).count()).toBe(1);
    await expectNoSeriousViolations(page, 'login page');
    await screenshot(page, 'login-laptop');

    const entry = app.logins.get(demo.gedragswetenschapper);
    if (!entry?.totpSecret) throw new Error('demo scientist has no TOTP secret');
    await page.getByLabel('Gebruikersnaam').fill(entry.login);
    await page.getByLabel('Wachtwoord').fill('definitely wrong password');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBeTruthy();

    await page.getByLabel('Wachtwoord').fill(entry.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(entry.totpSecret) }).generate();
    await page.getByLabel('Code (6 cijfers)').fill(code);
    await page.getByRole('button', { name: 'Bevestigen' }).click();
    await expect.poll(() => page.locator('header').textContent(), { timeout: 10_000 }).toContain('Gert Bakker');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen' }).count()).toBe(1);
    const me = await page.evaluate(async () => (await fetch('/api/auth/me')).status);
    expect(me).toBe(401);
    await context.close();
  });

  it('a parent logs in with a password only, on a phone', async () => {
    const context = await browser.newContext(devices.phone);
    const page = await context.newPage();
    await page.goto(app.server.url);
    const entry = app.logins.get(demo.marieke);
    if (!entry) throw new Error('demo parent missing');
    await page.getByLabel('Gebruikersnaam').fill(entry.login);
    await page.getByLabel('Wachtwoord').fill(entry.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.locator('header').textContent(), { timeout: 10_000 }).toContain('Marieke Visser');
    await screenshot(page, 'login-phone-after');
    await context.close();
  });

  it('a context made with a session cookie is logged in', async () => {
    const { page, context } = await app.pageAs(browser, demo.procesregisseur);
    await expect.poll(() => page.locator('header').textContent(), { timeout: 10_000 }).toContain('Ria de Graaf');
    await context.close();
  });
});
