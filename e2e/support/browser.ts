/** Chromium (system package) through playwright-core, plus small page helpers shared by the tests. */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, type BrowserContext, type BrowserContextOptions, chromium, type Page } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const artifactsDir = fileURLToPath(new URL('../artifacts', import.meta.url));

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM_PATH}. The browser tests need it: install the Debian package ` +
        '`chromium` (`apt-get install chromium`; .ci/run does this) or point CHROMIUM_PATH at a Chromium binary.',
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
}

export const devices = {
  laptop: { viewport: { width: 1280, height: 800 }, locale: 'nl-NL' },
  phone: {
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
  },
} satisfies Record<string, BrowserContextOptions>;

export interface UserPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught page errors and console errors, for assertions and diagnostics. */
  errors: string[];
}

export async function openPage(
  browser: Browser,
  url: string,
  device: keyof typeof devices = 'laptop',
): Promise<UserPage> {
  const context = await browser.newContext(devices[device]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.goto(url);
  return { context, page, errors };
}

export const notes = (page: Page) => page.getByLabel('Notities');
export const saveStatus = (page: Page) => page.getByTestId('save-status');

/** Waits until the document was loaded and the textarea accepts input. */
export async function waitUntilEditable(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    () => {
      const area = document.querySelector('textarea');
      return area !== null && !area.readOnly;
    },
    undefined,
    { timeout },
  );
}

export async function notesValue(page: Page): Promise<string> {
  return notes(page).inputValue();
}

/**
 * How long a live change may take to show in another browser before a test fails: it bounds a hang, not
 * speed (tests must not depend on the machine's speed; latency is measured in `npm run bench`).
 */
export const LIVE_MS = 15_000;

/** Waits until the notes contain `text`; `timeout` in ms. */
export async function waitForNotes(page: Page, text: string, timeout: number): Promise<void> {
  await page.waitForFunction((expected) => document.querySelector('textarea')?.value.includes(expected), text, {
    timeout,
    polling: 'raf',
  });
}

/** Waits until the save status reads "Opgeslagen" (usable outside tests, e.g. in beforeAll). */
export async function waitForSaved(page: Page, timeout = 5000): Promise<void> {
  await page.waitForFunction(
    () => document.querySelector('[data-testid="save-status"]')?.textContent === 'Opgeslagen',
    undefined,
    { timeout },
  );
}

/** Records every text the save status shows from now on; read it back with `statusHistory`. */
export async function recordStatusHistory(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __statusHistory?: string[] };
    const history: string[] = [];
    w.__statusHistory = history;
    const read = () => document.querySelector('[data-testid="save-status"]')?.textContent ?? '';
    history.push(read());
    new MutationObserver(() => {
      const text = read();
      if (history[history.length - 1] !== text) history.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

export async function statusHistory(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __statusHistory?: string[] }).__statusHistory ?? []);
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
