/**
 * Two people edit the same document in two browsers: changes arrive live, presence shows
 * who is there, the save status is honest, and what was saved survives a server restart.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  LIVE_MS,
  launchBrowser,
  notes,
  notesValue,
  openPage,
  recordStatusHistory,
  saveStatus,
  screenshot,
  statusHistory,
  type UserPage,
  waitForNotes,
  waitUntilEditable,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { documentUrl, signToken } from '../support/tokens.js';

const DOC = 'casus-2025-017';
const SAVED = 'Opgeslagen';
const UNSAVED = 'Nog niet opgeslagen';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let browser: Browser;
let server: TestServer;
const pages: UserPage[] = [];

async function open(
  name: string,
  sub: string,
  role: 'ouder' | 'jeugdbeschermer' | 'jeugdige',
  device: 'laptop' | 'phone',
) {
  const token = await signToken(server.secret, { sub, name, role, docs: { [DOC]: 'write' } });
  const user = await openPage(browser, documentUrl(server.url, DOC, token), device);
  pages.push(user);
  return user;
}

const statusOf = (user: UserPage) => saveStatus(user.page).textContent();

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});

afterAll(async () => {
  for (const user of pages) await user.context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('samen in één document', () => {
  let anna: UserPage;
  let bram: UserPage;

  it('opens the document for two writers and shows who is there', async () => {
    anna = await open('Anna de Vries', 'anna', 'ouder', 'laptop');
    bram = await open('Bram Jansen', 'bram', 'jeugdbeschermer', 'phone');
    await waitUntilEditable(anna.page);
    await waitUntilEditable(bram.page);

    expect(await anna.page.getByTestId('document-id').textContent()).toBe(DOC);
    expect(await anna.page.getByTestId('user').textContent()).toContain('Anna de Vries');
    expect(await anna.page.getByTestId('user').textContent()).toContain('Ouder');
    expect(await anna.page.getByText('Je kunt dit document alleen lezen').count()).toBe(0);

    await expect.poll(() => anna.page.getByTestId('presence').textContent()).toContain('Bram Jansen');
    await expect.poll(() => bram.page.getByTestId('presence').textContent()).toContain('Anna de Vries');
    expect(await anna.page.getByTestId('presence').textContent()).toContain('Nu aanwezig:');
    expect(await anna.page.getByTestId('presence').textContent()).toContain('Jeugdbeschermer');
    // Nothing changed yet, and the initial sync is acknowledged.
    await expect.poll(() => statusOf(anna)).toBe(SAVED);
  });

  it('shows what A types to B live, and "Opgeslagen" only after the server acknowledged it', async () => {
    await recordStatusHistory(anna.page);
    await notes(anna.page).click();
    const text = 'Afspraak: Noor gaat maandag weer naar school.';
    await anna.page.keyboard.type(text);
    await waitForNotes(bram.page, text, LIVE_MS);

    await expect.poll(() => statusOf(anna)).toBe(SAVED);
    const history = await statusHistory(anna.page);
    // Went from saved, through "not saved yet" (typing), to saved (acknowledged) — never skipping.
    expect(history[0]).toBe(SAVED);
    expect(history).toContain(UNSAVED);
    expect(history.indexOf(UNSAVED)).toBeLessThan(history.lastIndexOf(SAVED));
    expect(history.at(-1)).toBe(SAVED);
    await screenshot(anna.page, 'document-laptop-saved');
  });

  it('shows what B types to A live', async () => {
    await notes(bram.page).click();
    await bram.page.keyboard.press('Control+End');
    const text = '\nBram: ik bel de school vrijdag.';
    await bram.page.keyboard.type(text);
    await waitForNotes(anna.page, text.trim(), LIVE_MS);
    await expect.poll(() => statusOf(bram)).toBe(SAVED);
    await expect.poll(() => notesValue(anna.page)).toBe(await notesValue(bram.page));
    await screenshot(bram.page, 'document-phone-saved');
  });

  it("keeps A's caret in place while B edits earlier in the text", async () => {
    await notes(anna.page).click();
    await anna.page.keyboard.press('Control+End');
    await anna.page.keyboard.type(' Akkoord');
    await waitForNotes(bram.page, 'vrijdag. Akkoord', LIVE_MS);

    await notes(bram.page).click();
    await bram.page.keyboard.press('Control+Home');
    await bram.page.keyboard.type('Overleg 12 mei. ');
    await waitForNotes(anna.page, 'Overleg 12 mei. ', LIVE_MS);

    // Anna's caret stayed at the end of her own text: she just keeps typing.
    await anna.page.keyboard.type('!');
    await waitForNotes(bram.page, 'Akkoord!', LIVE_MS);
    const expected =
      'Overleg 12 mei. Afspraak: Noor gaat maandag weer naar school.\nBram: ik bel de school vrijdag. Akkoord!';
    await expect.poll(() => notesValue(anna.page)).toBe(expected);
    await expect.poll(() => notesValue(bram.page)).toBe(expected);
  });

  it('does not claim "Opgeslagen" while the server has not acknowledged', async () => {
    await expect.poll(() => statusOf(anna)).toBe(SAVED);
    await recordStatusHistory(anna.page);
    server.pause(); // the connection stays open, but nothing is acknowledged
    try {
      await notes(anna.page).click();
      await anna.page.keyboard.press('Control+End');
      await anna.page.keyboard.type(' (concept)');
      await sleep(1500);
      expect(await statusOf(anna)).toBe(UNSAVED);
      // The first entry is the state before typing; after the edit "Opgeslagen" must not appear.
      expect((await statusHistory(anna.page)).slice(1)).not.toContain(SAVED);
    } finally {
      server.resume();
    }
    await expect.poll(() => statusOf(anna), { timeout: 5000 }).toBe(SAVED);
    await waitForNotes(bram.page, '(concept)', LIVE_MS);
  });

  it('keeps edits made offline and saves them after reconnecting', async () => {
    await anna.context.setOffline(true);
    await expect.poll(() => statusOf(anna), { timeout: 5000 }).toContain('Offline');
    await notes(anna.page).click();
    await anna.page.keyboard.press('Control+End');
    await anna.page.keyboard.type(' Offline getypt.');
    await expect.poll(() => statusOf(anna)).toContain(UNSAVED);
    expect(await statusOf(anna)).toContain('Offline — je wijzigingen worden bewaard');
    await screenshot(anna.page, 'document-laptop-offline');

    await anna.context.setOffline(false);
    await expect.poll(() => statusOf(anna), { timeout: 10_000 }).toBe(SAVED);
    await waitForNotes(bram.page, 'Offline getypt.', LIVE_MS);
  });

  it('keeps the saved text across a server restart', async () => {
    const expected = await notesValue(anna.page);
    expect(expected).toContain('Offline getypt.');
    await expect.poll(() => statusOf(anna)).toBe(SAVED);

    expect(await server.stop()).toBe(0);
    await expect.poll(() => statusOf(anna), { timeout: 5000 }).toContain('Offline');
    await server.start();

    // A fresh browser (no local copy) gets the text from the restarted server.
    const carla = await open('Carla Smit', 'carla', 'jeugdige', 'laptop');
    await waitUntilEditable(carla.page);
    expect(await notesValue(carla.page)).toBe(expected);

    // The open pages reconnect by themselves and are in sync again.
    await expect.poll(() => statusOf(anna), { timeout: 15_000 }).toBe(SAVED);
    await expect.poll(() => statusOf(bram), { timeout: 15_000 }).toBe(SAVED);
    await expect
      .poll(() => carla.page.getByTestId('presence').textContent(), { timeout: 5000 })
      .toContain('Anna de Vries');
  });

  it('had no errors in the pages', () => {
    const errors = pages.flatMap((user) => user.errors).filter((e) => !/WebSocket connection to .* failed/.test(e));
    expect(errors).toEqual([]);
  });
});
