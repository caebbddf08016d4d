/**
 * Passkeys in the real browser: Chromium with Chrome's virtual authenticator (CDP `WebAuthn.*`: CTAP2,
 * internal transport, resident keys, user verification), so the real @simplewebauthn/browser talks to a
 * real (virtual) authenticator and the server verifies real attestations and signatures.
 *
 * - Daan (14), on a 360×740 phone: logs in with his password, makes a passkey on /account, logs out and
 *   logs in with the passkey only (no login name typed: a discoverable credential).
 * - A professional: password + TOTP once, makes a passkey, logs out, types the login name and logs in
 *   with the passkey alone: no password, no TOTP code.
 * - The pages pass axe (the account page and the login page at 360 px, no horizontal scroll).
 */
import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContext, CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { launchBrowser, screenshot } from '../support/browser.js';

let app: DemoApp;
let browser: Browser;
/** WebAuthn needs a domain as relying party id: the server's default PUBLIC_URL is http://localhost:<port>. */
let origin: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
  origin = app.server.url.replace('127.0.0.1', 'localhost');
});

afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

async function withAuthenticator(context: BrowserContext, page: Page) {
  const cdp: CDPSession = await context.newCDPSession(page);
  await cdp.send('WebAuthn.enable', { enableUI: false });
  const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
    options: {
      protocol: 'ctap2',
      transport: 'internal',
      hasResidentKey: true,
      hasUserVerification: true,
      isUserVerified: true,
      automaticPresenceSimulation: true,
    },
  });
  return {
    async credentials() {
      return (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    },
  };
}

async function passwordLogin(page: Page, login: string, password: string) {
  await page.getByLabel('Gebruikersnaam').fill(login);
  await page.getByLabel('Wachtwoord').fill(password);
  await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
}

async function makePasskey(page: Page, name: string) {
  await page.goto(`${origin}/account`);
  await expect.poll(() => page.getByRole('heading', { name: 'Toegangssleutels' }).count()).toBe(1);
  await expect.poll(() => page.getByText('Je hebt nog geen toegangssleutel.').count()).toBe(1);
  await page.getByLabel('Naam van de toegangssleutel').fill(name);
  await page.getByRole('button', { name: 'Toegangssleutel maken' }).click();
  await expect
    .poll(() => page.getByRole('status').allTextContents(), { timeout: 15_000 })
    .toContain('Je toegangssleutel is gemaakt. De volgende keer kun je ermee inloggen.');
  await expect.poll(() => page.getByTestId('passkeys').textContent()).toContain(name);
}

async function logout(page: Page) {
  await page.getByRole('button', { name: 'Uitloggen' }).click();
  await expect.poll(() => page.getByRole('heading', { name: 'Inloggen' }).count(), { timeout: 10_000 }).toBe(1);
  expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
}

async function me(page: Page): Promise<{ status: number; name?: string }> {
  return page.evaluate(async () => {
    const res = await fetch('/api/auth/me');
    return { status: res.status, name: res.ok ? ((await res.json()) as { user: { name: string } }).user.name : '' };
  });
}

describe('passkeys', () => {
  it('Daan (14) on a 360×740 phone: password login, makes a passkey, logs out, logs in with the passkey only', async () => {
    const context = await browser.newContext({
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'nl-NL',
    });
    const page = await context.newPage();
    const authenticator = await withAuthenticator(context, page);
    const entry = app.logins.get(demo.daan);
    if (!entry) throw new Error('no demo login for Daan');

    await page.goto(origin);
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen' }).count()).toBe(1);
    await passwordLogin(page, entry.login, entry.password);
    await expect.poll(async () => (await me(page)).status, { timeout: 10_000 }).toBe(200);
    const name = (await me(page)).name!;

    await makePasskey(page, 'mijn telefoon');
    const [credential] = await authenticator.credentials();
    expect(credential?.isResidentCredential).toBe(true);
    await expectNoSeriousViolations(page, 'account page with a passkey (phone)');
    await screenshot(page, 'passkey-account-phone');
    // No horizontal scroll at 360 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await logout(page);
    await expectNoSeriousViolations(page, 'login page with passkey button (phone)');
    await screenshot(page, 'passkey-login-phone');
    // No login name, no password: the browser offers the passkey it holds for this site.
    await page.getByRole('button', { name: 'Log in met een toegangssleutel' }).click();
    await expect.poll(async () => (await me(page)).name, { timeout: 15_000 }).toBe(name);
    await expect.poll(() => page.locator('header').textContent(), { timeout: 10_000 }).toContain(name.split(' ')[0]);
    // The authenticator signed once more: its counter moved on, the server kept it.
    const [after] = await authenticator.credentials();
    expect(after!.signCount).toBeGreaterThan(credential!.signCount);
    await context.close();
  });

  it('a professional logs in with a passkey instead of password + TOTP', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await withAuthenticator(context, page);
    const entry = app.logins.get(demo.lokaalTeam);
    if (!entry?.totpSecret) throw new Error('no demo login with TOTP for the local team');

    await page.goto(origin);
    // Password + TOTP once, through the same API calls the login page makes (the browser keeps the cookie);
    // a code that arrives in the next 30-second step on a loaded machine gets one more try in a fresh step.
    const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(entry.totpSecret) });
    for (let attempt = 0; attempt < 2 && (await me(page)).status !== 200; attempt += 1) {
      if (attempt > 0) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
      await page.evaluate(
        async ({ login, password, code }) => {
          const post = (path: string, body: unknown, csrf?: string) =>
            fetch(path, {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', ...(csrf ? { 'X-CSRF-Token': csrf } : {}) },
              body: JSON.stringify(body),
            });
          const first = (await (await post('/api/auth/login', { login, password })).json()) as { csrfToken: string };
          await post('/api/auth/totp', { code }, first.csrfToken);
        },
        { login: entry.login, password: entry.password, code: totp.generate() },
      );
    }
    expect((await me(page)).status).toBe(200);

    await makePasskey(page, 'laptop werk');
    await logout(page);
    // With the login name typed: only that account's passkeys are allowed; no password, no code.
    await page.getByLabel('Gebruikersnaam').fill(entry.login);
    await page.getByRole('button', { name: 'Log in met een toegangssleutel' }).click();
    await expect.poll(async () => (await me(page)).status, { timeout: 15_000 }).toBe(200);
    expect(await page.getByLabel('Code (6 cijfers)').count()).toBe(0);

    // The server recorded the use (counter and time) on the passkey.
    const list = await page.evaluate(async () => (await fetch('/api/account/passkeys')).json());
    expect((list as { passkeys: { lastUsedAt: string | null }[] }).passkeys[0]?.lastUsedAt).not.toBeNull();
    await context.close();
  });

  it('a new professional activates the account with a passkey instead of the TOTP app, then logs in with it', async () => {
    const created = await app.apiAs<{ link: string }>('bert.beheer@ret.example', 'POST', '/api/admin/accounts', {
      name: 'Pim Passkey',
      email: 'pim.passkey@deduinen.example',
      role: 'gedragswetenschapper',
      organisation: 'Jeugdhulp De Duinen (demo)',
    });
    const link = new URL(created.link, origin);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL' });
    const page = await context.newPage();
    await withAuthenticator(context, page);
    await page.goto(`${origin}${link.pathname}`);
    await expect
      .poll(() => page.getByRole('button', { name: 'Toegangssleutel gebruiken in plaats van de app' }).count(), {
        timeout: 15_000,
      })
      .toBe(1);
    await expectNoSeriousViolations(page, 'activation page with the passkey option');
    await page.getByLabel('Nieuw wachtwoord', { exact: false }).fill('paarse olifant fluit 83 keer');
    await page.getByRole('button', { name: 'Toegangssleutel gebruiken in plaats van de app' }).click();
    await expect
      .poll(() => page.getByText('Je account is klaar. Log in met je toegangssleutel.').count(), { timeout: 15_000 })
      .toBe(1);
    // No TOTP was enrolled: the password alone does not log in.
    await page.goto(origin);
    await passwordLogin(page, 'pim.passkey@deduinen.example', 'paarse olifant fluit 83 keer');
    await expect.poll(() => page.getByRole('alert').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    expect((await me(page)).status).toBe(401);
    // The passkey does.
    await page.getByRole('button', { name: 'Log in met een toegangssleutel' }).click();
    await expect.poll(async () => (await me(page)).name, { timeout: 15_000 }).toBe('Pim Passkey');
    await context.close();
  });
});
