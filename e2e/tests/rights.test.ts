/**
 * Issue 18, the rights page and the privacy seams, on phones (360×740) against the real demo server:
 *  - Daan (14, password login) opens his rights page, reads who looked at his dossier, downloads it
 *    (the test opens the PDF and finds his own words), adds his own statement about a sentence of the
 *    analysis and sees it next to that sentence in the document;
 *  - his mother, on another phone, does not see Daan's own activity in the access log;
 *  - Sanne (16½) withdraws her father's access while his analysis page is open: the text goes at once,
 *    the page says why, and his local copy of the case's documents is deleted;
 *  - axe finds no serious violation on any page visited.
 */
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, SESSION_COOKIE, startDemoApp } from '../support/app.js';
import { axeViolations, expectNoSeriousViolations } from '../support/axe.js';
import { artifactsDir, launchBrowser, screenshot } from '../support/browser.js';
import { pdfText } from '../support/pdfText.js';

const PHONE = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'nl-NL',
} as const;
const DAAN = demoCases.daan;
const SANNE = demoCases.sanne;
const DISPUTED = 'Daan slaapt slecht en trekt zich terug als het druk wordt.';
const OWN_WORDS = 'Ik slaap slecht omdat het thuis laat onrustig is, niet omdat ik me terugtrek.';

let app: DemoApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

async function phoneAs(login: string, path: string): Promise<{ page: Page; errors: string[] }> {
  const cookie = await app.sessionCookie(login);
  const context = await browser.newContext({ ...PHONE, acceptDownloads: true });
  contexts.push(context);
  await context.addCookies([
    { name: SESSION_COOKIE, value: cookie, url: app.server.url, httpOnly: true, sameSite: 'Strict' },
  ]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  await page.goto(`${app.server.url}${path}`);
  return { page, errors };
}

/** No sideways scrolling at 360 px. */
async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

async function downloadedBytes(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error(`download failed: ${await download.failure()}`);
  const { readFile } = await import('node:fs/promises');
  return readFile(file);
}

beforeAll(async () => {
  [app, browser] = await Promise.all([startDemoApp({ exampleText: true }), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
});

describe('rights of the young person on a phone', () => {
  let daan: Page;

  it('Daan opens his rights page from his case and reads who looked at his file', async () => {
    ({ page: daan } = await phoneAs(demo.daan, `/zaken/${DAAN}`));
    await daan.getByRole('link', { name: /Jouw rechten/ }).click();
    await expect
      .poll(() => daan.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe('Jouw rechten');
    await expectNoHorizontalScroll(daan);
    await expectNoSeriousViolations(daan, 'rights page (young person)');
    // One tap to the right: the jump link leads to the access log.
    await daan.getByRole('link', { name: 'Zien wie je dossier bekeek' }).click();
    const log = daan.getByTestId('right-log');
    await expect.poll(() => log.isVisible()).toBe(true);
    await log.getByText('Laat ook zien wat ik zelf deed').click();
    await expect.poll(() => log.getByTestId('access-log').textContent(), { timeout: 10_000 }).toContain('Daan');
    await screenshot(daan, 'rights-young-log');
  });

  it('adds his own statement to a sentence of the analysis, and sees it beside that sentence', async () => {
    await daan.getByRole('link', { name: 'Je eigen verklaring toevoegen' }).click();
    const form = daan.getByTestId('statement-form');
    await form.getByLabel('Over welk deel?').selectOption('risicofactoren_jeugdige');
    await form.getByLabel(/Welke tekst klopt niet/).fill(DISPUTED);
    await form.getByLabel('Jouw verklaring').fill(OWN_WORDS);
    await form.getByRole('button', { name: 'Verklaring toevoegen' }).click();
    await expect
      .poll(() => daan.getByTestId('statement-status').textContent(), { timeout: 10_000 })
      .toContain('Je verklaring staat in het dossier.');
    await expect.poll(() => daan.getByTestId('statement-item').first().textContent()).toContain(OWN_WORDS);
    await expectNoSeriousViolations(daan, 'rights page after a statement');

    await daan.goto(`${app.server.url}/zaken/${DAAN}/analyse`);
    const section = daan.locator('#sectie-risicofactoren_jeugdige');
    // The disputed sentence in the document's own text (not only quoted in the statement)…
    await expect
      .poll(() => daan.getByTestId('editor-risicofactoren_jeugdige').textContent(), { timeout: 20_000 })
      .toContain(DISPUTED);
    const statement = section.getByTestId('own-statement');
    await expect.poll(() => statement.textContent(), { timeout: 10_000 }).toContain(OWN_WORDS);
    // …and the statement beside it, in the same section, quoting it.
    expect(await statement.textContent()).toContain(DISPUTED);
    await statement.scrollIntoViewIfNeeded();
    await section.screenshot({ path: `${artifactsDir}/rights-statement-in-document.png` });
    await expectNoSeriousViolations(daan, 'analysis with an own statement');
  });

  it('downloads his whole file: the PDF holds the analysis text and his own words', async () => {
    await daan.goto(`${app.server.url}/zaken/${DAAN}/rechten#downloaden`);
    const right = daan.getByTestId('right-download');
    await expect.poll(() => right.isVisible(), { timeout: 10_000 }).toBe(true);
    const [download] = await Promise.all([daan.waitForEvent('download'), right.getByTestId('download-pdf').click()]);
    const text = (await pdfText(await downloadedBytes(download))).replace(/\s+/g, ' ');
    // The analysis as text (sentences of the demo analysis that no statement quotes), then his own words.
    expect(text).toContain('Daan is sportief, heeft een goede band met zijn opa');
    expect(text).toContain('Schoolverzuim, slecht slapen, ruzies thuis over school.');
    expect(text).toContain('Eigen verklaring van Daan');
    expect(text).toContain('Ik slaap slecht omdat het thuis laat onrustig is');
    expect(text).toContain('Wie heeft mijn dossier bekeken?');
    await expectNoSeriousViolations(daan, 'rights page after a download');
  });

  it('his mother, on another phone, does not see Daan’s own activity in the access log', async () => {
    const { page: mother } = await phoneAs(demo.marieke, `/zaken/${DAAN}/rechten`);
    await expect
      .poll(() => mother.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 })
      .toBe('Jullie rechten');
    const log = mother.getByTestId('right-log');
    await log.getByText('Laat ook zien wat ik zelf deed').click();
    await expect.poll(() => log.getByTestId('access-log').textContent(), { timeout: 10_000 }).toContain('Marieke');
    expect(await log.getByTestId('access-log').textContent()).not.toContain('Daan Visser');
    expect(await log.textContent()).toContain('Wat de jongere zelf in het dossier doet, zie je niet.');
    // She sees his statement beside the text, like everyone on the case.
    expect(await mother.getByTestId('right-statement').textContent()).toContain(OWN_WORDS);
    await expectNoHorizontalScroll(mother);
    await expectNoSeriousViolations(mother, 'rights page (parent)');

    // Daan allows it on his rights page: now she sees his visits.
    await daan.goto(`${app.server.url}/zaken/${DAAN}/rechten`);
    await daan.getByText('Mijn ouders mogen zien wat ik zelf in mijn dossier doe', { exact: true }).click();
    await expect.poll(() => daan.getByTestId('log-privacy-status').textContent(), { timeout: 10_000 }).toContain('Aan');
    await expect
      .poll(
        async () => {
          await mother.reload();
          const table = mother.getByTestId('right-log');
          await table.getByText('Laat ook zien wat ik zelf deed').click();
          return table.getByTestId('access-log').textContent();
        },
        { timeout: 15_000 },
      )
      .toContain('Daan Visser');
  });
});

describe('the professional on the case', () => {
  it('the responsible scientist finds Daan’s statement in the inbox; the case page with the team table is strict-axe clean', async () => {
    const context = await app.contextAs(browser, demo.gedragswetenschapper);
    contexts.push(context);
    const gert = await context.newPage();
    await gert.goto(`${app.server.url}/inbox`);
    const item = gert.locator('[data-testid="inbox-item"][data-kind="own-statement-added"]');
    await expect.poll(() => item.count(), { timeout: 10_000 }).toBe(1);
    expect(await item.textContent()).toContain('De jeugdige heeft een eigen verklaring toegevoegd aan de analyse.');
    // The item names the part, never the words.
    expect(await item.textContent()).not.toContain(OWN_WORDS);
    await expectNoSeriousViolations(gert, 'scientist inbox');

    await gert.goto(`${app.server.url}/zaken/${DAAN}`);
    const team = gert.getByTestId('team-table');
    await expect.poll(() => team.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await team.getByRole('columnheader', { name: 'Toegang' }).count()).toBe(1);
    await gert.waitForLoadState('networkidle');
    const strict = await axeViolations(gert, { strict: true });
    expect(strict.map((v) => `${v.id}: ${v.nodes.join(' ')}`)).toEqual([]);
  });
});

describe('a withdrawn right clears an open page', () => {
  it('Sanne withdraws her father’s access: his open analysis empties at once and says why', async () => {
    await app.apiAs(demo.sanne, 'PUT', `/api/cases/${SANNE}/parents-consent`, { consent: true });
    const { page: father } = await phoneAs(demo.henk, `/zaken/${SANNE}/analyse`);
    const document = father.getByTestId('case-document');
    await expect.poll(() => document.isVisible(), { timeout: 20_000 }).toBe(true);
    await expect
      .poll(() => father.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').join('\n')), {
        timeout: 10_000,
      })
      .toContain(SANNE);
    await expectNoSeriousViolations(father, 'analysis (parent, before)');

    // Sanne, on her own phone, switches her father's access off.
    const { page: sanne } = await phoneAs(demo.sanne, `/zaken/${SANNE}`);
    const consent = sanne.getByTestId('parents-consent');
    const toggle = consent.getByRole('switch', { name: 'Mijn ouders mogen mijn dossier zien' });
    await expect.poll(() => toggle.isChecked(), { timeout: 10_000 }).toBe(true);
    await consent.getByText('Mijn ouders mogen mijn dossier zien', { exact: true }).click();

    // The page-wide notice of the access guard (the document's own connection notice, which may come a
    // moment earlier when its socket is refused first, carries the same test id inside the document).
    const ended = father.locator('section[data-testid="access-ended"]');
    await expect.poll(() => ended.isVisible(), { timeout: 10_000 }).toBe(true);
    expect(await father.getByTestId('case-document').count()).toBe(0);
    expect(await father.getByRole('heading', { level: 1 }).textContent()).toBe('Je kunt dit dossier niet meer zien');
    expect(await father.getByRole('alert').textContent()).toContain('toestemming');
    await expect
      .poll(() => father.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? '').join('\n')), {
        timeout: 10_000,
      })
      .not.toContain(SANNE);
    await expectNoHorizontalScroll(father);
    await screenshot(father, 'rights-access-ended');
    await expectNoSeriousViolations(father, 'access ended page');
  });
});
