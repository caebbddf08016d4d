/**
 * Issue #18 "Done means", as one journey on phones of 360 × 740 against the real demo server:
 *  - Daan (14) makes a passkey once (after a password login), logs out and logs in with the passkey only
 *    (Chrome's virtual authenticator over CDP), lands on his start page, reaches his own part in ≤ 2
 *    counted taps and writes it ("Opgeslagen"), reads who looked at his file on his rights page,
 *    downloads his file (the PDF is read with poppler's `pdftotext` and holds the words he just wrote),
 *    adds his own statement and sees it next to the disputed text in the analysis;
 *  - Marieke, his mother, on another phone, does not see Daan's own activity in the access log;
 *  - axe in strict mode (WCAG A/AA + best-practice + experimental) finds nothing on any page visited.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, SESSION_COOKIE, startDemoApp } from '../support/app.js';
import { axeViolations } from '../support/axe.js';
import { launchBrowser, screenshot } from '../support/browser.js';
import { editor, SAVED, waitEditable, waitSaved } from '../support/documentPage.js';

const CASE = demoCases.daan;
const PART = 'hulpvraag_jeugdige';
const LIVE = { timeout: 15_000 };
const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'nl-NL',
  acceptDownloads: true,
} as const;
/** What Daan writes in his part: a sentence no demo text contains, so the PDF can only hold it from him. */
const MY_WORDS = 'Ik wil weer naar school en voetballen met mijn opa op zaterdag.';
/** A sentence of the demo analysis (risk factors of the young person) Daan disagrees with. */
const DISPUTED = 'Daan slaapt slecht en trekt zich terug als het druk wordt.';
const STATEMENT = 'Ik slaap slecht omdat het thuis laat onrustig is, niet omdat ik me terugtrek.';

let app: DemoApp;
let browser: Browser;
/** WebAuthn needs a domain as relying party id: the server's default PUBLIC_URL is http://localhost:<port>. */
let origin: string;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];
const visited: string[] = [];
let downloadDir: string;

beforeAll(async () => {
  [app, browser] = await Promise.all([startDemoApp({ exampleText: true }), launchBrowser()]);
  origin = app.server.url.replace('127.0.0.1', 'localhost');
  context = await browser.newContext(PHONE);
  page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  downloadDir = mkdtempSync(path.join(tmpdir(), 'samenspraak-journey-'));
}, 120_000);

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.dispose();
  if (downloadDir) rmSync(downloadDir, { recursive: true, force: true });
});

/** Strict axe (0 violations of any impact) and no sideways scrolling at 360 px. */
async function expectClean(p: Page, label: string): Promise<void> {
  await p.waitForLoadState('networkidle');
  const violations = await axeViolations(p, { strict: true });
  expect(
    violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' ')}`),
    `${label}: axe strict`,
  ).toEqual([]);
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow, `${label}: sideways scroll`).toBeLessThanOrEqual(0);
  visited.push(label);
}

async function me(p: Page): Promise<{ status: number; name: string }> {
  return p.evaluate(async () => {
    const res = await fetch('/api/auth/me');
    return { status: res.status, name: res.ok ? ((await res.json()) as { user: { name: string } }).user.name : '' };
  });
}

describe('the young person’s journey on a 360 px phone', () => {
  it('makes a passkey once, then logs in with the passkey only and lands on his start page', async () => {
    const cdp = await context.newCDPSession(page);
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
    const entry = app.logins.get(demo.daan);
    if (!entry) throw new Error('no demo login for Daan');

    // Setup, once: the password login, then a passkey made on the account page.
    await page.goto(origin);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor(LIVE);
    await expectClean(page, 'login page');
    await page.getByLabel('Gebruikersnaam').fill(entry.login);
    await page.getByLabel('Wachtwoord').fill(entry.password);
    await page.getByRole('button', { name: 'Inloggen', exact: true }).click();
    await page.getByTestId('start-page').waitFor(LIVE);
    await page.goto(`${origin}/account`);
    await expect.poll(() => page.getByText('Je hebt nog geen toegangssleutel.').count(), LIVE).toBe(1);
    await page.getByLabel('Naam van de toegangssleutel').fill('mijn telefoon');
    await page.getByRole('button', { name: 'Toegangssleutel maken' }).click();
    await expect
      .poll(() => page.getByRole('status').allTextContents(), LIVE)
      .toContain('Je toegangssleutel is gemaakt. De volgende keer kun je ermee inloggen.');
    const [credential] = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    expect(credential?.isResidentCredential).toBe(true);
    await expectClean(page, 'account page with a passkey');

    await page.getByRole('button', { name: 'Uitloggen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor(LIVE);
    expect((await me(page)).status).toBe(401);
    await expectClean(page, 'login page after logging out');

    // Later he opens Samenspraak again and logs in with the passkey only: no login name, no password typed.
    await page.goto(origin);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor(LIVE);
    expect(await page.getByLabel('Wachtwoord').inputValue()).toBe('');
    await page.getByRole('button', { name: 'Log in met een toegangssleutel' }).click();
    await page.getByTestId('start-page').waitFor(LIVE);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hoi Daan');
    expect((await me(page)).name).toBe('Daan Visser');
    const [after] = (await cdp.send('WebAuthn.getCredentials', { authenticatorId })).credentials;
    expect(after?.signCount ?? 0).toBeGreaterThan(credential?.signCount ?? 0);
    await screenshot(page, 'youth-journey-start');
    await expectClean(page, 'start page');
  });

  it('finds his part from the start page in at most 2 taps and writes it', async () => {
    let taps = 0;
    await page.getByTestId('start-my-part').tap();
    taps += 1;
    await expect.poll(() => new URL(page.url()).pathname, LIVE).toBe(`/zaken/${CASE}/analyse`);
    expect(new URL(page.url()).hash).toBe(`#sectie-${PART}`);
    await waitEditable(page, PART);
    const heading = page.locator(`#sectie-${PART}-titel`);
    expect(await heading.textContent()).toContain('Jouw deel: wat vind jij?');
    // His part is on screen where the tap landed.
    await expect
      .poll(async () => {
        const box = await heading.boundingBox();
        return box !== null && box.y >= 0 && box.y < 740;
      }, LIVE)
      .toBe(true);

    await editor(page, PART).tap();
    taps += 1; // the tap into the text to write: still within 2
    expect(taps).toBeLessThanOrEqual(2);
    await page.keyboard.press('Control+End');
    await page.keyboard.type(` ${MY_WORDS}`);
    await waitSaved(page);
    expect(await page.getByTestId('save-status').textContent()).toBe(SAVED);
    expect(await editor(page, PART).textContent()).toContain(MY_WORDS);
    await screenshot(page, 'youth-journey-written');
    await expectClean(page, 'analysis after writing');
  });

  it('reads who looked at his file on his rights page', async () => {
    // From the start page: "more about your plan and your rights", then the rights link of the case page.
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).tap();
    await page.getByTestId('start-page').waitFor(LIVE);
    await page.getByRole('link', { name: 'Meer over je plan en je rechten' }).tap();
    await expect.poll(() => new URL(page.url()).pathname, LIVE).toBe(`/zaken/${CASE}`);
    await page.getByRole('heading', { level: 1 }).first().waitFor(LIVE);
    await expectClean(page, 'case page');
    await page.getByRole('link', { name: /Jouw rechten/ }).tap();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent(), LIVE).toBe('Jouw rechten');
    await expectClean(page, 'rights page');

    await page.getByRole('link', { name: 'Zien wie je dossier bekeek' }).tap();
    const log = page.getByTestId('right-log');
    await expect.poll(() => log.isVisible(), LIVE).toBe(true);
    await log.getByText('Laat ook zien wat ik zelf deed').click();
    // His own visits are in the log (so the parent's view below hides something that is there).
    await expect.poll(() => log.getByTestId('access-log').textContent(), LIVE).toContain('Daan Visser');
    await screenshot(page, 'youth-journey-log');
    await expectClean(page, 'rights page with the access log');
  });

  it('downloads his file: the PDF (read with pdftotext) holds the words he just wrote', async () => {
    const right = page.getByTestId('right-download');
    await right.scrollIntoViewIfNeeded();
    const [download] = await Promise.all([page.waitForEvent('download'), right.getByTestId('download-pdf').click()]);
    const file = path.join(downloadDir, 'dossier.pdf');
    await download.saveAs(file);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Mijn dossier in Samenspraak');
    expect(text).toContain(MY_WORDS);
    expect(text).toContain('Wie heeft mijn dossier bekeken?');
    await expectClean(page, 'rights page after the download');
  });

  it('adds his own statement and sees it next to the disputed text', async () => {
    await page.getByRole('link', { name: 'Je eigen verklaring toevoegen' }).tap();
    const form = page.getByTestId('statement-form');
    await form.getByLabel('Over welk deel?').selectOption('risicofactoren_jeugdige');
    await form.getByLabel(/Welke tekst klopt niet/).fill(DISPUTED);
    await form.getByLabel('Jouw verklaring').fill(STATEMENT);
    await form.getByRole('button', { name: 'Verklaring toevoegen' }).tap();
    await expect
      .poll(() => page.getByTestId('statement-status').textContent(), LIVE)
      .toContain('Je verklaring staat in het dossier.');
    await expectClean(page, 'rights page after a statement');

    await page.goto(`${origin}/zaken/${CASE}/analyse#sectie-risicofactoren_jeugdige`);
    const section = page.locator('#sectie-risicofactoren_jeugdige');
    await expect
      .poll(() => editor(page, 'risicofactoren_jeugdige').textContent(), { timeout: 20_000 })
      .toContain(DISPUTED);
    const statement = section.getByTestId('own-statement');
    await expect.poll(() => statement.textContent(), LIVE).toContain(STATEMENT);
    expect(await statement.textContent()).toContain(DISPUTED);
    await statement.scrollIntoViewIfNeeded();
    await screenshot(page, 'youth-journey-statement');
    await expectClean(page, 'analysis with his statement');
    expect(errors).toEqual([]);
  });
});

describe('his mother on another 360 px phone', () => {
  it('does not see Daan’s own activity in the access log', async () => {
    const cookie = await app.sessionCookie(demo.marieke);
    const other = await browser.newContext(PHONE);
    try {
      await other.addCookies([
        { name: SESSION_COOKIE, value: cookie, url: app.server.url, httpOnly: true, sameSite: 'Strict' },
      ]);
      const mother = await other.newPage();
      const motherErrors: string[] = [];
      mother.on('pageerror', (err) => motherErrors.push(`pageerror: ${err.message}`));
      await mother.goto(app.server.url);
      await mother.getByTestId('start-page').waitFor(LIVE);
      expect(await mother.getByRole('heading', { level: 1 }).textContent()).toBe('Hoi Marieke');
      await expectClean(mother, 'parent start page');
      await mother.getByRole('link', { name: 'Meer over het plan van Daan' }).tap();
      await expect.poll(() => new URL(mother.url()).pathname, LIVE).toBe(`/zaken/${CASE}`);
      await mother.getByRole('heading', { level: 1 }).first().waitFor(LIVE);
      await expectClean(mother, 'parent case page');
      await mother
        .getByRole('link', { name: /Jullie rechten|rechten/ })
        .first()
        .tap();
      await expect.poll(() => mother.getByRole('heading', { level: 1 }).textContent(), LIVE).toBe('Jullie rechten');

      const log = mother.getByTestId('right-log');
      await log.getByText('Laat ook zien wat ik zelf deed').click();
      await expect.poll(() => log.getByTestId('access-log').textContent(), LIVE).toContain('Marieke');
      const shown = (await log.getByTestId('access-log').textContent()) ?? '';
      expect(shown).not.toContain('Daan Visser');
      expect(await log.textContent()).toContain('Wat de jongere zelf in het dossier doet, zie je niet.');
      // His statement is there for her too, beside the text (the right to be heard is not private).
      expect(await mother.getByTestId('right-statement').textContent()).toContain(STATEMENT);
      await screenshot(mother, 'youth-journey-parent-log');
      await expectClean(mother, 'parent rights page');
      expect(motherErrors).toEqual([]);
    } finally {
      await other.close();
    }
    expect(visited.length).toBeGreaterThanOrEqual(12);
  });
});
