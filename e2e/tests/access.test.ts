/**
 * Links that do not grant access: a clear Dutch message, and no endless reconnecting.
 * Also the start page (no link) and the token leaving the address bar.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  notes,
  notesValue,
  openPage,
  saveStatus,
  screenshot,
  type UserPage,
  waitForSaved,
  waitUntilEditable,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { documentUrl, signToken } from '../support/tokens.js';

const DOC = 'casus-toegang';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let browser: Browser;
let server: TestServer;
const pages: UserPage[] = [];

const claims = { sub: 'lotte', name: 'Lotte Visser', role: 'jeugdige' as const, docs: { [DOC]: 'write' as const } };

async function open(url: string, device: 'laptop' | 'phone' = 'phone') {
  const user = await openPage(browser, url, device);
  pages.push(user);
  return user;
}

/** Opens `url`, waits for the alert and checks the page stops connecting. */
async function expectRefusal(url: string, message: string, shot?: string, title = 'Geen toegang'): Promise<UserPage> {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const user: UserPage = { context, page, errors: [] };
  pages.push(user);
  let sockets = 0;
  page.on('websocket', () => {
    sockets += 1;
  });
  await page.goto(url);
  await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 5000 }).toContain(message);
  expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
  expect(await page.locator('textarea').count()).toBe(0);
  expect(await page.getByTestId('user').count()).toBe(0); // no name or role from a refused token
  const socketsAtAlert = sockets;
  await sleep(1500); // the provider would have retried within ~100-400 ms
  expect(sockets).toBe(socketsAtAlert);
  expect(sockets).toBeLessThanOrEqual(1);
  if (shot) await screenshot(page, shot);
  return user;
}

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
});

afterAll(async () => {
  for (const user of pages) await user.context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('toegang', () => {
  it('without a login or a document link, the start page asks to log in', async () => {
    const laptop = await open(`${server.url}/`, 'laptop');
    await laptop.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    expect(await laptop.page.getByLabel('Gebruikersnaam').count()).toBe(1);
    expect(await laptop.page.title()).toBe('Samenspraak');
    expect(await laptop.page.locator('html').getAttribute('lang')).toBe('nl');
    await screenshot(laptop.page, 'start-laptop');
    // A document link without its token is no way in either: the same login page.
    const phone = await open(`${server.url}/?doc=${DOC}`, 'phone');
    await phone.page.getByRole('heading', { level: 1, name: 'Inloggen' }).waitFor();
    await screenshot(phone.page, 'start-phone');
  });

  it('refuses a token signed with another secret (4001)', async () => {
    const token = await signToken('een-heel-ander-geheim-van-minstens-32-tekens', claims);
    await expectRefusal(documentUrl(server.url, DOC, token), 'Deze link werkt niet', 'denied-phone-invalid');
  });

  it('refuses an expired token (4002)', async () => {
    const token = await signToken(server.secret, claims, { ttlSeconds: -120 });
    await expectRefusal(documentUrl(server.url, DOC, token), 'Deze link is verlopen.', 'denied-phone-expired');
  });

  it('refuses a token for another document (4003)', async () => {
    const token = await signToken(server.secret, { ...claims, docs: { 'ander-document': 'write' } });
    await expectRefusal(documentUrl(server.url, DOC, token), 'Met deze link mag je dit document niet openen.');
  });

  it('says so when the link is damaged, without connecting', async () => {
    const user = await expectRefusal(
      `${server.url}/?doc=${DOC}#token=abc.def`,
      'Deze link is niet compleet of beschadigd.',
    );
    expect(user.errors).toEqual([]);
  });

  it('speaks English with ?lang=en', async () => {
    const token = await signToken(server.secret, claims, { ttlSeconds: -120 });
    const user = await expectRefusal(
      documentUrl(server.url, DOC, token, 'en'),
      'This link has expired.',
      undefined,
      'No access',
    );
    expect(await user.page.locator('html').getAttribute('lang')).toBe('en');
  });

  it('moves the token out of the address bar, and a reload still works', async () => {
    const token = await signToken(server.secret, claims);
    const user = await open(documentUrl(server.url, DOC, token));
    await waitUntilEditable(user.page);
    expect(user.page.url()).not.toContain('token');
    expect(user.page.url()).toContain(`doc=${DOC}`);
    await user.page.reload();
    await waitUntilEditable(user.page);
    expect(await notesValue(user.page)).toBe('');
    expect(user.errors).toEqual([]);
  });

  // Last: restarts the server.
  it('keeps the text visible, read-only, when access ends during the session', async () => {
    const doc = 'casus-verloopt';
    const signedAt = Date.now();
    const token = await signToken(server.secret, { ...claims, docs: { [doc]: 'write' } }, { ttlSeconds: 4 });
    const user = await open(documentUrl(server.url, doc, token));
    await waitUntilEditable(user.page);
    await notes(user.page).click();
    await user.page.keyboard.type('Mijn doel: weer voetballen.');
    await waitForSaved(user.page);

    await server.stop();
    await expect.poll(() => saveStatus(user.page).textContent(), { timeout: 5000 }).toContain('Offline');
    await user.page.keyboard.type(' Nog niet verstuurd.');
    await sleep(Math.max(0, signedAt + 5000 - Date.now())); // the token has expired by now
    await server.start();

    const ended = user.page.getByTestId('access-ended');
    await expect.poll(() => ended.textContent(), { timeout: 15_000 }).toContain('Deze link is verlopen.');
    expect(await ended.textContent()).toContain('Je laatste wijzigingen zijn niet opgeslagen.');
    expect(await saveStatus(user.page).textContent()).toBe('Nog niet opgeslagen');
    expect(await notesValue(user.page)).toBe('Mijn doel: weer voetballen. Nog niet verstuurd.');
    expect(await notes(user.page).getAttribute('readonly')).not.toBeNull();
    expect(await user.page.getByTestId('user').count()).toBe(0);
    await screenshot(user.page, 'access-ended-phone');
  });
});
