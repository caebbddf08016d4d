/**
 * Logging out removes this person's local copies of case documents from the browser (IndexedDB), so
 * a shared or borrowed computer keeps no child's case text — without silently losing offline edits:
 *
 * - saved everything, log out → the person's databases are gone (`indexedDB.databases()`)
 * - an offline edit, log out → a dialog names the document; "Blijf ingelogd" keeps the copy and the
 *   edit is saved once online; "Toch uitloggen en wijzigingen wissen" deletes the copies and shows the
 *   login (the server is told about the logout once the network is back)
 * - a session that ended elsewhere: at the next start clean copies go, an unsaved one stays for its
 *   owner only; someone else logging in on the same browser never sees it, its owner sends it later
 * - a logout in one tab logs the person's other tabs out, so their open copies can be deleted too
 * - the dialog passes axe, also on a phone; screenshots go to e2e/artifacts/
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, SESSION_COOKIE, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { artifactsDir, devices, launchBrowser, type UserPage } from '../support/browser.js';
import {
  editor,
  ownParentPart,
  sleep,
  statusText,
  typeAtEnd,
  UNSAVED,
  waitEditable,
  waitSaved,
} from '../support/documentPage.js';

const DAAN = demoCases.daan;
const ANALYSIS = `${DAAN}.analysis`;
const FUTURE_PLAN = `${DAAN}.futurePlan`;
const analysisPath = `/zaken/${DAAN}/analyse`;
const futurePlanPath = `/zaken/${DAAN}/toekomstplan`;
/** Marieke's own part (002 Bijlage 1: one per parent), read from her page. */
let PARENT_SECTION = '';
let browser: Browser;
let app: DemoApp;
const people: UserPage[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
});

afterAll(async () => {
  for (const person of people) await person.context.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
});

function watch(page: Page, errors: string[]): Page {
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  return page;
}

/** A browser of its own with a session of its own (logging out ends the session, so none is shared). */
async function freshBrowserAs(
  login: string,
  pathname: string,
  device: keyof typeof devices = 'laptop',
): Promise<UserPage> {
  const cookie = await app.sessionCookie(login, { fresh: true });
  const context = await browser.newContext(devices[device]);
  await context.addCookies([
    { name: SESSION_COOKIE, value: cookie, url: app.server.url, httpOnly: true, sameSite: 'Strict' },
  ]);
  const errors: string[] = [];
  const page = watch(await context.newPage(), errors);
  await page.goto(`${app.server.url}${pathname}`);
  const person = { context, page, errors };
  people.push(person);
  return person;
}

/** What the person sees (a full-page shot would cut the dialog's backdrop off at the fold). */
async function viewportShot(page: Page, name: string): Promise<void> {
  mkdirSync(artifactsDir, { recursive: true });
  await page.screenshot({ path: path.join(artifactsDir, `${name}.png`) });
}

const logoutButton = (page: Page) => page.getByRole('button', { name: 'Uitloggen' });
const dialog = (page: Page) => page.getByRole('dialog', { name: 'Nog niet alles is opgeslagen' });
const loginHeading = (page: Page) => page.getByRole('heading', { name: 'Inloggen', level: 1 });

async function sessionUserId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const res = await fetch('/api/auth/me');
    if (!res.ok) throw new Error(`me: HTTP ${res.status}`);
    return ((await res.json()) as { user: { id: string } }).user.id;
  });
}

/** The document ids of this user's IndexedDB copies, as the browser lists its databases. */
async function copiesOf(page: Page, userId: string): Promise<string[]> {
  const prefix = `samenspraak:${userId}:`;
  return page.evaluate(async (p) => {
    const dbs = await indexedDB.databases();
    return dbs.flatMap((db) => (db.name?.startsWith(p) ? [db.name.slice(p.length)] : [])).sort();
  }, prefix);
}

/** Every IndexedDB copy in this browser, whoever it belongs to. */
async function allCopies(page: Page): Promise<string[]> {
  return page.evaluate(async () =>
    (await indexedDB.databases()).flatMap((db) => (db.name?.startsWith('samenspraak:') ? [db.name] : [])).sort(),
  );
}

async function pendingOf(page: Page, userId: string): Promise<string[]> {
  return page.evaluate((key) => {
    const raw = localStorage.getItem(key);
    return raw ? ((JSON.parse(raw) as { pending: string[] }).pending ?? []) : [];
  }, `samenspraak.localCopies.${userId}`);
}

async function recordOf(page: Page, userId: string): Promise<string | null> {
  return page.evaluate((key) => localStorage.getItem(key), `samenspraak.localCopies.${userId}`);
}

async function goOffline(person: UserPage): Promise<void> {
  await person.context.setOffline(true);
  await expect.poll(() => statusText(person.page), { timeout: 5000 }).toContain('Offline');
}

/** Logs in through the login page (parents and young people: password only). */
async function logInWithForm(page: Page, login: string): Promise<void> {
  const entry = app.logins.get(login);
  if (!entry) throw new Error(`no demo login ${login}`);
  await page.getByLabel('Gebruikersnaam').fill(entry.login);
  await page.getByLabel('Wachtwoord').fill(entry.password);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await expect.poll(() => page.getByRole('button', { name: 'Uitloggen' }).count(), { timeout: 10_000 }).toBe(1);
}

describe('logging out clears the local copies', () => {
  it('deletes the copies of someone whose changes are all saved', async () => {
    const marieke = await freshBrowserAs(demo.marieke, analysisPath);
    const { page } = marieke;
    PARENT_SECTION = await ownParentPart(page);
    await waitEditable(page, PARENT_SECTION);
    const userId = await sessionUserId(page);
    await typeAtEnd(page, PARENT_SECTION, ' Hij slaapt slecht sinds de zomer.');
    await waitSaved(page);
    expect(await copiesOf(page, userId)).toEqual([ANALYSIS]);

    await logoutButton(page).click();
    await expect.poll(() => loginHeading(page).count(), { timeout: 10_000 }).toBe(1);
    expect(await dialog(page).count()).toBe(0); // nothing to ask: everything was saved
    await expect.poll(() => copiesOf(page, userId), { timeout: 5000 }).toEqual([]);
    expect(await recordOf(page, userId)).toBeNull();
    expect(await page.evaluate(async () => (await fetch('/api/auth/me')).status)).toBe(401);
  });
});

describe('logging out in one of several tabs', () => {
  it('logs the other tabs out too, so they let go of their copies and those are deleted as well', async () => {
    const marieke = await freshBrowserAs(demo.marieke, analysisPath);
    const first = marieke.page;
    const second = watch(await marieke.context.newPage(), marieke.errors);
    await second.goto(`${app.server.url}${futurePlanPath}`);
    PARENT_SECTION = await ownParentPart(first);
    await waitEditable(first, PARENT_SECTION);
    await second.getByTestId('save-status').waitFor({ timeout: 15_000 });
    await waitSaved(first);
    await waitSaved(second);
    const userId = await sessionUserId(first);
    expect(await copiesOf(first, userId)).toEqual([ANALYSIS, FUTURE_PLAN]);

    await logoutButton(first).click();
    await expect.poll(() => loginHeading(first).count(), { timeout: 10_000 }).toBe(1);
    // The other tab shows the login as well, without a reload, and its open copy is gone too.
    await expect.poll(() => loginHeading(second).count(), { timeout: 5000 }).toBe(1);
    await expect.poll(() => copiesOf(second, userId), { timeout: 5000 }).toEqual([]);
    await second.close();
  });
});

describe('logging out with changes that are not saved yet', () => {
  let marieke: UserPage;
  let userId: string;

  it('asks first, naming the document; "Blijf ingelogd" keeps the copy, and online the change is saved', async () => {
    marieke = await freshBrowserAs(demo.marieke, analysisPath);
    const { page } = marieke;
    PARENT_SECTION = await ownParentPart(page);
    await waitEditable(page, PARENT_SECTION);
    userId = await sessionUserId(page);
    await waitSaved(page);

    await goOffline(marieke);
    await typeAtEnd(page, PARENT_SECTION, ' Geschreven zonder internet.');
    await expect.poll(() => statusText(page)).toContain(UNSAVED);
    expect(await pendingOf(page, userId)).toEqual([ANALYSIS]);

    await logoutButton(page).click();
    await dialog(page).waitFor({ timeout: 5000 });
    expect(await page.getByTestId('logout-unsaved-documents').textContent()).toBe('Verklarende analyse van Daan');
    expect(await dialog(page).textContent()).toContain('Je hebt nu geen internet.');
    // The safe choice has the focus, so Enter or Space does not throw work away.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Blijf ingelogd');
    await viewportShot(page, 'logout-unsaved-dialog');
    await expectNoSeriousViolations(page, 'the logout dialog with unsaved changes');

    // Escape is "stay" as well.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog(page).count()).toBe(0);
    await logoutButton(page).click();
    await dialog(page).waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: 'Blijf ingelogd' }).click();
    await expect.poll(() => dialog(page).count()).toBe(0);
    expect(await page.getByRole('banner').textContent()).toContain('Marieke Visser');
    expect(await copiesOf(page, userId)).toEqual([ANALYSIS]);
    expect(await editor(page, PARENT_SECTION).textContent()).toContain('Geschreven zonder internet.');

    await marieke.context.setOffline(false);
    await waitSaved(page, 15_000);
    await expect.poll(() => pendingOf(page, userId), { timeout: 5000 }).toEqual([]);
    expect(await copiesOf(page, userId)).toEqual([ANALYSIS]);
  });

  it('"Toch uitloggen en wijzigingen wissen" deletes the copies, shows the login, and ends the session once online', async () => {
    const { page } = marieke;
    await goOffline(marieke);
    await typeAtEnd(page, PARENT_SECTION, ' Dit mag weg.');
    await expect.poll(() => statusText(page)).toContain(UNSAVED);

    await logoutButton(page).click();
    await dialog(page).waitFor({ timeout: 5000 });
    await page.getByRole('button', { name: 'Toch uitloggen en wijzigingen wissen' }).click();
    await expect.poll(() => loginHeading(page).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => copiesOf(page, userId), { timeout: 5000 }).toEqual([]);
    expect(await recordOf(page, userId)).toBeNull();

    // The server could not be told while offline; it is as soon as the network is back.
    await marieke.context.setOffline(false);
    await expect
      .poll(() => page.evaluate(async () => (await fetch('/api/auth/me')).status), { timeout: 10_000 })
      .toBe(401);
    expect(await page.evaluate(() => localStorage.getItem('samenspraak.logoutOwed'))).toBeNull();
  });
});

describe('the dialog on a phone', () => {
  it('fits the screen of a young person and passes axe', async () => {
    const daan = await freshBrowserAs(demo.daan, analysisPath, 'phone');
    const { page } = daan;
    await waitEditable(page, 'hulpvraag_jeugdige');
    await waitSaved(page);
    await goOffline(daan);
    await editor(page, 'hulpvraag_jeugdige').tap();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Ik wil zelf kiezen.');
    await expect.poll(() => statusText(page)).toContain(UNSAVED);
    await logoutButton(page).tap();
    await dialog(page).waitFor({ timeout: 5000 });
    const box = await dialog(page).boundingBox();
    const width = await page.evaluate(() => window.innerWidth);
    expect(box && box.x >= 0 && box.x + box.width <= width).toBe(true);
    await viewportShot(page, 'logout-unsaved-dialog-phone');
    await expectNoSeriousViolations(page, 'the logout dialog on a phone');
    await page.getByRole('button', { name: 'Blijf ingelogd' }).tap();
    await daan.context.setOffline(false);
    await waitSaved(page, 15_000);
  });
});

describe('a session that ended elsewhere', () => {
  it('keeps an unsaved copy for its owner only, clears clean ones, and lets the owner send it later', async () => {
    const marieke = await freshBrowserAs(demo.marieke, futurePlanPath);
    const { context } = marieke;
    let page = marieke.page;
    await page.getByTestId('save-status').waitFor({ timeout: 15_000 });
    await waitSaved(page);
    const userId = await sessionUserId(page);
    await page.goto(`${app.server.url}${analysisPath}`);
    PARENT_SECTION = await ownParentPart(page);
    await waitEditable(page, PARENT_SECTION);
    await waitSaved(page);
    expect(await copiesOf(page, userId)).toEqual([ANALYSIS, FUTURE_PLAN]);

    await goOffline(marieke);
    const offlineText = ' Nog te versturen na het inloggen.';
    await typeAtEnd(page, PARENT_SECTION, offlineText);
    await expect.poll(() => statusText(page)).toContain(UNSAVED);
    await sleep(1500); // y-indexeddb writes the change to the local copy
    await page.close();
    await app.apiAs(demo.marieke, 'POST', '/api/auth/logout'); // e.g. expired, or ended from another device
    await context.setOffline(false);

    // Next start: no session. The clean copy goes; the unsaved one stays for Marieke.
    page = watch(await context.newPage(), marieke.errors);
    await page.goto(app.server.url);
    await expect.poll(() => loginHeading(page).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => copiesOf(page, userId), { timeout: 5000 }).toEqual([ANALYSIS]);
    expect(await pendingOf(page, userId)).toEqual([ANALYSIS]);

    // Daan logs in on the same browser: his own copy, never Marieke's text.
    await logInWithForm(page, demo.daan);
    await page.goto(`${app.server.url}${analysisPath}`);
    await waitEditable(page, 'hulpvraag_jeugdige');
    await waitSaved(page);
    const daanId = await sessionUserId(page);
    expect(await editor(page, PARENT_SECTION).textContent()).not.toContain(offlineText.trim());
    expect(await copiesOf(page, daanId)).toEqual([ANALYSIS]);
    await logoutButton(page).click();
    await expect.poll(() => loginHeading(page).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => copiesOf(page, daanId), { timeout: 5000 }).toEqual([]);
    expect(await allCopies(page)).toEqual([`samenspraak:${userId}:${ANALYSIS}`]);

    // Marieke logs in again: her offline change is sent and saved.
    await logInWithForm(page, demo.marieke);
    await page.goto(`${app.server.url}${analysisPath}`);
    PARENT_SECTION = await ownParentPart(page);
    await waitEditable(page, PARENT_SECTION);
    await waitSaved(page, 15_000);
    expect(await editor(page, PARENT_SECTION).textContent()).toContain(offlineText.trim());
    await expect.poll(() => pendingOf(page, userId), { timeout: 5000 }).toEqual([]);
  });
});

describe('the pages', () => {
  it('had no errors', () => {
    const known = [/WebSocket connection to .* failed/, /net::ERR_INTERNET_DISCONNECTED/, /Failed to load resource/];
    const errors = people.flatMap((p) => p.errors).filter((e) => !known.some((k) => k.test(e)));
    expect(errors).toEqual([]);
  });
});
