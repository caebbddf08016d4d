/**
 * Logging in through the browser: a professional with password and TOTP, a parent with a password
 * only, a parent accepting her invitation on a phone; wrong input gets a clear message in Dutch; the
 * login and invitation pages pass axe; logout ends the session.
 */

import type { CaseDetail, CreateInvitationResponse } from '@samenspraak/shared';
import * as OTPAuth from 'otpauth';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, startDemoApp } from '../support/app.js';
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
    // In plain Dutch, not the server's English.
    await expect
      .poll(() => page.getByRole('alert').textContent())
      .toContain('Je gebruikersnaam of wachtwoord klopt niet.');

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

  it('a parent accepts her invitation on a phone; a wrong code or date of birth says in Dutch how many tries are left', async () => {
    const invitation = await app.apiAs<CreateInvitationResponse>(
      demo.procesregisseur,
      'POST',
      `/api/cases/${demoCases.daan}/invitations`,
      { role: 'ouder', name: 'Johan Visser' },
    );
    const { case: daan } = await app.apiAs<{ case: CaseDetail }>(
      demo.procesregisseur,
      'GET',
      `/api/cases/${demoCases.daan}`,
    );
    const context = await browser.newContext(devices.phone);
    const page = await context.newPage();
    await page.goto(new URL(invitation.link, app.server.url).toString());
    await expect.poll(() => page.getByRole('heading', { name: 'Welkom bij Samenspraak' }).count()).toBe(1);
    await expectNoSeriousViolations(page, 'invitation page (phone)');

    const wrong = invitation.code === '12345678' ? '87654321' : '12345678';
    await page.getByLabel('Code (8 cijfers)').fill(wrong);
    await page.getByLabel('Geboortedatum van de jeugdige').fill(daan.youngPerson.dateOfBirth);
    await page.getByLabel('Kies een gebruikersnaam').fill('johan.visser');
    await page.getByLabel('Kies een wachtwoord (minstens 10 tekens)').fill('een lang wachtwoord');
    await page.getByRole('button', { name: 'Account maken' }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('De code klopt niet. Je kunt het nog 4 keer proberen.');
    expect(await alert.textContent()).not.toContain('attempt');
    await expectNoSeriousViolations(page, 'invitation page with an error (phone)');
    await screenshot(page, 'invitation-phone-wrong-code');

    // The right code with a date of birth that is not the registered one: refused, nothing made.
    await page.getByLabel('Code (8 cijfers)').fill(invitation.code);
    await page.getByLabel('Geboortedatum van de jeugdige').fill('2000-01-01');
    await page.getByRole('button', { name: 'Account maken' }).click();
    await expect
      .poll(() => alert.textContent())
      .toContain(
        'Die geboortedatum klopt niet met de aanmelding. Vul de geboortedatum van de jeugdige in. Je kunt het nog 3 keer proberen.',
      );

    await page.getByLabel('Geboortedatum van de jeugdige').fill(daan.youngPerson.dateOfBirth);
    await page.getByRole('button', { name: 'Account maken' }).click();
    await expect.poll(() => page.locator('header').textContent(), { timeout: 10_000 }).toContain('Johan Visser');
    await expect.poll(() => page.locator(`[data-case-id="${demoCases.daan}"]`).count(), { timeout: 10_000 }).toBe(1);
    await context.close();
  });

  it('a context made with a session cookie is logged in', async () => {
    const { page, context } = await app.pageAs(browser, demo.procesregisseur);
    await expect.poll(() => page.locator('header').textContent(), { timeout: 10_000 }).toContain('Ria de Graaf');
    await context.close();
  });
});
