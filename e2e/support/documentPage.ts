/** The case document page as the browser tests read it: its sections, editors and save status. */
import type { Page } from 'playwright-core';

export const SAVED = 'Opgeslagen';
export const UNSAVED = 'Nog niet opgeslagen';

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const editor = (page: Page, section: string) => page.getByTestId(`editor-${section}`);
export const sectionBlock = (page: Page, section: string) => page.getByTestId(`section-${section}`);
export const statusText = (page: Page) => page.getByTestId('save-status').textContent();

/** Waits until the document is loaded and the section's editor accepts input. */
export async function waitEditable(page: Page, section: string, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    (s) => document.querySelector(`[data-testid="editor-${s}"]`)?.getAttribute('contenteditable') === 'true',
    section,
    { timeout },
  );
}

/** Waits until the page says "Opgeslagen": the server confirmed every local change. */
export async function waitSaved(page: Page, timeout = 10_000): Promise<void> {
  await page.waitForFunction(
    (saved) => document.querySelector('[data-testid="save-status"]')?.textContent === saved,
    SAVED,
    { timeout },
  );
}

/** Types at the end of a section's text. */
export async function typeAtEnd(page: Page, section: string, text: string): Promise<void> {
  await editor(page, section).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

/**
 * From the top of the page, presses Tab until the element with `testId` has the focus, as a keyboard
 * user would. Returns how many presses it took, or null when `limit` presses did not reach it.
 */
export async function tabTo(page: Page, testId: string, limit: number): Promise<number | null> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  for (let tabs = 1; tabs <= limit; tabs += 1) {
    await page.keyboard.press('Tab');
    if ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) === testId) return tabs;
  }
  return null;
}

/**
 * The parent's own part of the request for help on their page (002 Bijlage 1: one part per parent, root
 * `hulpvraag_ouder_<userId>`): the parent part this person may edit.
 */
export async function ownParentPart(page: Page): Promise<string> {
  const block = page.locator('[data-testid^="section-hulpvraag_ouder_"][data-permission="edit"]').first();
  await block.waitFor();
  return ((await block.getAttribute('data-testid')) ?? '').slice('section-'.length);
}
