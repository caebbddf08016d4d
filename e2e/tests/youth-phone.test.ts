/**
 * Issue #18 on a small phone (360 × 740): Daan (14) logs in with his password, lands on his start page,
 * reaches his own part of the analysis in at most 2 taps, writes in it; the toolbar stays reachable with
 * the keyboard open; every page he visits fits 360 px without sideways scrolling, has tap targets of at
 * least 44 px, and axe finds 0 violations (any impact; WCAG A/AA plus best-practice and experimental rules,
 * so landmark-unique and label-content-name-mismatch count). Screenshots in e2e/artifacts/youth-phone-*.png.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, startDemoApp } from '../support/app.js';
import { axeViolations } from '../support/axe.js';
import { artifactsDir, launchBrowser, screenshot } from '../support/browser.js';
import { editor, waitEditable, waitSaved } from '../support/documentPage.js';

const CASE = demoCases.daan;
const PART = 'hulpvraag_jeugdige';
const LIVE = { timeout: 15_000 };
const phone360 = {
  viewport: { width: 360, height: 740 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'nl-NL',
};

let app: DemoApp;
let browser: Browser;
let context: BrowserContext;
let page: Page;
const errors: string[] = [];

beforeAll(async () => {
  app = await startDemoApp();
  browser = await launchBrowser();
  context = await browser.newContext(phone360);
  page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
}, 60_000);
afterAll(async () => {
  await context?.close();
  await browser?.close();
  await app?.dispose();
});

/** Fits 360 px: the page never scrolls sideways. */
async function scrollWidth(): Promise<number> {
  return page.evaluate(() => document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY);
}

/** Visible controls smaller than 44 px in height (inline links inside running text are exempt, WCAG 2.5.8). */
async function smallTapTargets(scope = 'body'): Promise<string[]> {
  return page.evaluate((root) => {
    const out: string[] = [];
    for (const el of document.querySelectorAll<HTMLElement>(
      `${root} a[href], ${root} button, ${root} summary, ${root} input, ${root} select`,
    )) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (el.closest('.visually-hidden, [hidden], .utrecht-skip-link')) continue;
      if (el.tagName === 'A' && el.closest('p, li.start__person')) continue;
      if (el.matches('input[type="checkbox"], input[type="radio"]')) continue;
      if (box.height < 43.5)
        out.push(
          `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(box.height)}px`,
        );
    }
    return out;
  }, scope);
}

/** What the phone shows now (not the whole page): where a jump landed, the toolbar over the keyboard. */
async function viewShot(name: string): Promise<void> {
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });
}

async function expectPhoneClean(label: string): Promise<void> {
  expect(await scrollWidth(), `${label}: scrollWidth`).toBeLessThanOrEqual(360);
  const violations = await axeViolations(page, { strict: true });
  expect(
    violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.join(' ')}`),
    `${label}: axe`,
  ).toEqual([]);
}

describe('the young person on a 360 px phone', () => {
  it('logs in with his password and lands on his start page', async () => {
    const login = app.logins.get(demo.daan);
    if (!login) throw new Error('demo young person missing');
    await page.goto(app.server.url);
    await page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor(LIVE);
    await expectPhoneClean('login page');
    await page.getByLabel('Gebruikersnaam').fill(login.login);
    await page.getByLabel('Wachtwoord').fill(login.password);
    await page.getByRole('button', { name: 'Inloggen' }).click();

    await page.getByTestId('start-page').waitFor(LIVE);
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Hoi Daan');
    // What waits for him: his own part, still empty in the demo.
    await expect.poll(() => page.getByTestId('start-waiting').locator('[data-kind="own-words"]').count(), LIVE).toBe(1);
    // Who is on his case, each with what they do in plain words.
    const team = page.getByTestId('start-team');
    expect(await team.textContent()).toContain('Kijkt samen met jullie waarom het zo gaat.');
    await screenshot(page, 'youth-phone-360-start');
    await expectPhoneClean('start page');
    expect(await smallTapTargets('main')).toEqual([]);
  });

  it('reaches his part in at most 2 taps and writes in it', async () => {
    let taps = 0;
    await page.getByTestId('start-my-part').tap();
    taps += 1;
    await expect.poll(() => new URL(page.url()).pathname, LIVE).toBe(`/zaken/${CASE}/analyse`);
    expect(new URL(page.url()).hash).toBe(`#sectie-${PART}`);
    await waitEditable(page, PART);
    // The page jumped to his part: its heading is on screen, in plain words next to the professional term.
    const heading = page.locator(`#sectie-${PART}-titel`);
    await expect
      .poll(async () => {
        const box = await heading.boundingBox();
        return box !== null && box.y >= 40 && box.y < 740;
      }, LIVE)
      .toBe(true);
    expect(await heading.textContent()).toContain('Jouw deel: wat vind jij?');
    expect(taps).toBeLessThanOrEqual(2);
    await viewShot('youth-phone-360-landed-on-part');

    await editor(page, PART).tap();
    await page.keyboard.type('Ik wil weer naar school. Thuis is het soms druk.');
    await waitSaved(page);
    expect(await editor(page, PART).textContent()).toContain('Ik wil weer naar school.');
    await screenshot(page, 'youth-phone-360-document');
    await expectPhoneClean('analysis');
    expect(await smallTapTargets('[data-testid="section-nav"]')).toEqual([]);
    expect(await smallTapTargets(`#sectie-${PART}`)).toEqual([]);
  });

  it('keeps the toolbar in view while writing with the keyboard open', async () => {
    // The keyboard takes the lower half: with interactive-widget=resizes-content the viewport shrinks.
    await page.setViewportSize({ width: 360, height: 380 });
    await editor(page, PART).tap();
    await page.keyboard.press('Control+End');
    for (let i = 0; i < 8; i += 1) await page.keyboard.type(`\nRegel ${i + 1} van wat ik wil zeggen.`);
    await waitSaved(page);
    const toolbar = page.locator(`#sectie-${PART} .rt-toolbar`);
    const box = await toolbar.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.y ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.y ?? 999) + (box?.height ?? 0)).toBeLessThanOrEqual(380);
    // One row on a phone, and nothing (the sticky save status) lies over its first tools.
    expect(box?.height ?? 999).toBeLessThan(60);
    for (const name of ['Vet', 'Schuin']) {
      const hit = await toolbar.getByRole('button', { name }).evaluate((button) => {
        const r = button.getBoundingClientRect();
        const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return top !== null && button.contains(top);
      });
      expect(hit, `${name} is not covered`).toBe(true);
    }
    // The caret (end of the text) is in view below the toolbar.
    const caret = await page.evaluate(() => {
      const sel = window.getSelection();
      const rect = sel && sel.rangeCount > 0 ? sel.getRangeAt(0).getBoundingClientRect() : null;
      return rect ? rect.bottom : -1;
    });
    expect(caret).toBeGreaterThan((box?.y ?? 0) + (box?.height ?? 0));
    expect(caret).toBeLessThanOrEqual(380);
    // A tool works from there: bold on, typed, saved.
    await toolbar.getByRole('button', { name: 'Vet' }).tap();
    await page.keyboard.type(' vet');
    await waitSaved(page);
    expect(await editor(page, PART).locator('strong').last().textContent()).toContain('vet');
    await viewShot('youth-phone-360-keyboard');
    await page.setViewportSize({ width: 360, height: 740 });
  });

  it('jumps to any section from the navigation', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByTestId('section-nav').locator('summary').tap();
    await page.getByTestId('toc-samenvatting').tap();
    await expect
      .poll(async () => {
        const box = await page.locator('#sectie-samenvatting').boundingBox();
        return box !== null && Math.abs(box.y) < 60;
      }, LIVE)
      .toBe(true);
    await viewShot('youth-phone-360-jumped');
    await expectPhoneClean('analysis with the navigation open');
  });

  it('back on the start page his part no longer waits', async () => {
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Start' }).tap();
    await page.getByTestId('start-page').waitFor(LIVE);
    await expect.poll(() => page.locator('[data-kind="own-words"]').count(), LIVE).toBe(0);
    await expectPhoneClean('start page after writing');
  });

  it('every other page he can open from there fits and is axe clean', async () => {
    const meeting = page.getByRole('link', { name: 'Naar het overleg' });
    const pages: Array<[string, string]> = [
      ['case page', `/zaken/${CASE}`],
      ['inbox', '/inbox'],
      ['account', '/account'],
    ];
    if ((await meeting.count()) > 0) pages.push(['meeting', (await meeting.first().getAttribute('href')) ?? '/']);
    for (const [label, to] of pages) {
      await page.goto(new URL(to, app.server.url).toString());
      await page.getByRole('heading', { level: 1 }).first().waitFor(LIVE);
      // Logged in, on the page itself (not the login form).
      expect(await page.locator('header.shell__header').textContent(), label).toContain('Daan Visser');
      expect(await page.getByRole('heading', { name: 'Inloggen' }).count(), label).toBe(0);
      // Let lazy parts (panels, live data) arrive before checking.
      await page.waitForLoadState('networkidle');
      await screenshot(page, `youth-phone-360-${label.replace(/ /g, '-')}`);
      await expectPhoneClean(label);
    }
    expect(errors).toEqual([]);
  });
});

describe('a parent on another 360 px phone', () => {
  it('lands on her start page and reaches her own part in one tap, axe clean', async () => {
    const other = await app.contextAs(browser, demo.marieke, 'phone');
    const mother = await other.newPage();
    await mother.setViewportSize(phone360.viewport);
    await mother.goto(app.server.url);
    await mother.getByTestId('start-page').waitFor(LIVE);
    expect(await mother.getByRole('heading', { level: 1 }).textContent()).toBe('Hoi Marieke');
    const previous = page;
    page = mother;
    try {
      await expectPhoneClean('parent start page');
      await mother.getByTestId('start-my-part').tap();
      await expect.poll(() => new URL(mother.url()).hash, LIVE).toMatch(/^#sectie-hulpvraag_ouder_/);
      const part = new URL(mother.url()).hash.slice('#sectie-'.length);
      await waitEditable(mother, part);
      expect(await mother.locator(`#sectie-${part}-titel`).textContent()).toContain('Jouw deel als ouder');
      await expectPhoneClean('parent analysis');
    } finally {
      page = previous;
      await other.close();
    }
  });
});
