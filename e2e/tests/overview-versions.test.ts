/**
 * The case overview, the case page and the document side column (endorsement, sign-off, versions), in a
 * real browser against the real server with the demo cases:
 *  - the overview lists the cases with the analysis clock, on a laptop and on a 375 px phone;
 *  - endorsement by the young person and sign-off by the responsible behavioural scientist make a version;
 *  - two versions compared show the change word by word; a version downloads as PDF and Markdown;
 *  - the young person's case page shows the access log, and the complete dossier downloads as PDF;
 *  - axe-core finds no serious or critical violations;
 *  - once the analysis is late (server and browser clocks moved), the overview says so in words.
 * Screenshots land in e2e/artifacts/.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { type AccessLogView, MessageType, SECTIONS, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import type { Browser, BrowserContext, Download, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { type DemoApp, demo, demoCases, SESSION_COOKIE, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { artifactsDir, launchBrowser, screenshot } from '../support/browser.js';
import { pdfText } from '../support/pdfText.js';

const CASE = demoCases.daan;
const ANALYSIS = `${CASE}.analysis`;
const DAY = 86_400_000;

let browser: Browser;
let app: DemoApp;
const contexts: BrowserContext[] = [];
/** Pages opened by the running test, screenshotted when it fails (fail-<test>-<n>.png). */
let testPages: Page[] = [];

async function pageAs(login: string, path = '/', device: 'laptop' | 'phone' = 'laptop') {
  const user = await app.pageAs(browser, login, path, device);
  contexts.push(user.context);
  testPages.push(user.page);
  return user;
}

/** A 375 px wide phone (the smallest common width), logged in as `login`. */
async function phoneAs(login: string, path = '/') {
  const context = await browser.newContext({
    viewport: { width: 375, height: 812 },
    deviceScaleFactor: 2,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
  });
  contexts.push(context);
  await context.addCookies([
    {
      name: SESSION_COOKIE,
      value: await app.sessionCookie(login),
      url: app.server.url,
      httpOnly: true,
      sameSite: 'Strict',
    },
  ]);
  const page = await context.newPage();
  testPages.push(page);
  await page.goto(`${app.server.url}${path}`);
  return { context, page };
}

/** True when the page is wider than the viewport (something sticks out sideways). */
const overflows = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

/**
 * Replaces a rich-text section of a case document the way the editor does (Tiptap paragraphs), through
 * the collaboration server as `login`, and waits until the server reports the change durable.
 */
async function writeSection(login: string, docId: string, section: string, paragraphs: string[]): Promise<void> {
  await writeDoc(login, docId, (doc) => {
    const fragment = doc.getXmlFragment(section);
    fragment.delete(0, fragment.length);
    fragment.insert(
      0,
      paragraphs.map((text) => {
        const p = new Y.XmlElement('paragraph');
        p.insert(0, [new Y.XmlText(text)]);
        return p;
      }),
    );
  });
}

/** Changes a case document through the collaboration server as `login`; waits until it is durable. */
async function writeDoc(login: string, docId: string, change: (doc: Y.Doc) => void): Promise<void> {
  const { token } = await app.apiAs<{ token: string }>(login, 'POST', `/api/documents/${docId}/token`);
  let sent = 0;
  let saved = 0;
  const rejected: string[] = [];
  class CountingSocket extends WebSocket {
    override send(data: Uint8Array, ...rest: unknown[]): void {
      const d = decoding.createDecoder(data instanceof Uint8Array ? data : new Uint8Array(data));
      if (decoding.readVarUint(d) === MessageType.Sync) {
        const step = decoding.readVarUint(d);
        if (step === SyncStep.Step2 || step === SyncStep.Update) sent += 1;
      }
      // biome-ignore lint/suspicious/noExplicitAny: forwarding ws's overloaded send
      (super.send as any)(data, ...rest);
    }
  }
  const doc = new Y.Doc();
  const provider = new WebsocketProvider(`${app.server.url.replace(/^http/, 'ws')}/collab`, docId, doc, {
    params: { token },
    WebSocketPolyfill: CountingSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
  });
  provider.messageHandlers[MessageType.Saved] = (_e, decoder) => {
    saved = Math.max(saved, decoding.readVarUint(decoder));
  };
  provider.messageHandlers[MessageType.Rejected] = (_e, decoder) => {
    decoding.readVarUint(decoder);
    rejected.push(decoding.readVarString(decoder));
  };
  try {
    await until(() => provider.synced, 'the document to sync');
    doc.transact(() => change(doc));
    await until(() => rejected.length > 0 || (sent > 0 && saved >= sent), 'the server to save the change');
    if (rejected.length > 0) throw new Error(`change rejected: ${rejected.join(', ')}`);
  } finally {
    provider.destroy();
    doc.destroy();
  }
}

/** Waits until `cond()` holds (usable outside tests too, e.g. in beforeAll). */
async function until(cond: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Bytes of a finished browser download. */
async function downloadedBytes(download: Download): Promise<Buffer> {
  const file = await download.path();
  if (!file) throw new Error(`download failed: ${await download.failure()}`);
  return readFileSync(file);
}

/** The document page of the demo analysis as `login`, with its side column loaded. */
async function documentPageAs(login: string) {
  const user = await pageAs(login, `/zaken/${CASE}/analyse`);
  await user.page.getByTestId('document-panels').waitFor({ timeout: 15_000 });
  await user.page.getByTestId('version-list').waitFor();
  return user;
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startDemoApp({ testClock: true });
  await writeSection(demo.gedragswetenschapper, ANALYSIS, 'veiligheid', ['Thuis is het rustig.']);
  // The sections a sign-off requires (002 bijlage 1), so the sign-off below is allowed.
  for (const section of SECTIONS.analysis.filter((s) => s.required && s.content === 'richText'))
    await writeSection(demo.gedragswetenschapper, ANALYSIS, section.id, [`${section.title.nl}: ingevuld.`]);
  await writeDoc(demo.gedragswetenschapper, ANALYSIS, (doc) => {
    for (const section of SECTIONS.analysis.filter((s) => s.required && s.content === 'items')) {
      const item = new Y.Map<unknown>();
      item.set('id', `e2e-${section.id}`);
      item.set('text', 'Daan vermijdt school uit angst');
      item.set('status', 'open');
      doc.getArray(section.id).push([item]);
    }
  });
});

beforeEach(() => {
  testPages = [];
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  const name = ctx.task.name.replace(/[^a-z0-9]+/gi, '-').slice(0, 40);
  for (const [i, page] of testPages.entries()) await screenshot(page, `fail-${name}-${i}`).catch(() => {});
});

afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
});

describe('case overview', () => {
  it('lists the cases with region, step, role, the analysis clock and links (laptop)', async () => {
    const { page, errors } = await pageAs(demo.gedragswetenschapper, '/');
    await page.getByRole('heading', { level: 1, name: 'Mijn zaken' }).waitFor();
    const cards = page.getByTestId('case-card');
    await expect.poll(() => cards.count()).toBe(2);
    const daan = page.locator(`[data-case-id="${CASE}"]`);
    await expect.poll(() => daan.getByRole('heading', { level: 3 }).textContent()).toBe('Daan, 14 jaar');
    // The analysis is due 6 weeks after the request: the demo case was registered just now.
    await expect.poll(() => daan.getByTestId('clock-countdown').first().textContent()).toMatch(/nog 4[12] dagen/);
    const daanText = await daan.textContent();
    expect(daanText).toContain('Alkmaar (Noord-Kennemerland)');
    expect(daanText).toContain('Samen uitzoeken en plannen');
    expect(daanText).toContain('Gedragswetenschapper');
    expect(daanText).toContain('Verklarende analyse klaar');
    // Links: the case page and the analysis; Daan is 14, so no future plan yet. Sanne (16) has one.
    expect(await daan.getByRole('link', { name: 'Open het dossier van Daan' }).getAttribute('href')).toBe(
      `/zaken/${CASE}`,
    );
    expect(await daan.getByRole('link', { name: 'Verklarende analyse' }).getAttribute('href')).toBe(
      `/zaken/${CASE}/analyse`,
    );
    expect(await daan.getByRole('link', { name: 'Toekomstplan' }).count()).toBe(0);
    const sanne = page.locator(`[data-case-id="${demoCases.sanne}"]`);
    expect(await sanne.getByRole('link', { name: 'Toekomstplan' }).getAttribute('href')).toBe(
      `/zaken/${demoCases.sanne}/toekomstplan`,
    );
    // The work list on top names the case and the clock.
    const tasks = page.getByTestId('tasks');
    expect(await tasks.textContent()).toMatch(/Daan — Verklarende analyse klaar.*nog 4[12] dagen/);
    await screenshot(page, 'overview-laptop');
    const minor = await expectNoSeriousViolations(page, 'overview (laptop)');
    console.log(`axe overview: ${minor.length} minor/moderate`, minor.map((v) => v.id).join(', '));
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);
  });

  it('fits a 375 px phone without sideways scrolling', async () => {
    const { page } = await phoneAs(demo.gedragswetenschapper, '/');
    await expect.poll(() => page.getByTestId('case-card').count()).toBe(2);
    await expect.poll(() => page.getByTestId('clock-countdown').count()).toBeGreaterThan(0);
    expect(await overflows(page)).toBe(false);
    // Cards stack in one column.
    const boxes = await page.getByTestId('case-card').evaluateAll((els) => els.map((e) => e.getBoundingClientRect().x));
    expect(new Set(boxes.map(Math.round)).size).toBe(1);
    await screenshot(page, 'overview-phone-375');
    await expectNoSeriousViolations(page, 'overview (phone)');
  });

  it('shows the young person their start page without work clocks, and a user without cases an empty state', async () => {
    // Since issue #18 the young person lands on their start page (features/start), not the case list.
    const young = await pageAs(demo.daan, '/');
    await young.page.getByTestId('start-page').waitFor();
    expect(await young.page.getByRole('heading', { level: 1 }).textContent()).toBe('Hoi Daan');
    expect(await young.page.getByTestId('tasks').count()).toBe(0);
    expect(await young.page.getByTestId('clock-countdown').count()).toBe(0);
    const none = await pageAs(demo.gemeente, '/');
    await none.page.getByTestId('cases-empty').waitFor();
    expect(await none.page.getByTestId('cases-empty').textContent()).toContain('Je hebt nog geen zaken');
    await screenshot(none.page, 'overview-empty');
  });
});

describe('endorsement, sign-off and versions', () => {
  it('the young person endorses in their own words; the scientist signs off, which makes a version', async () => {
    const young = await documentPageAs(demo.daan);
    const panel = young.page.getByTestId('endorsement-panel');
    await panel.getByText('Ik ben het ermee eens, met opmerkingen', { exact: true }).click();
    // Remarks need words: saving without them says so and sends nothing.
    await panel.getByRole('button', { name: 'Opslaan' }).click();
    await panel.getByText('Schrijf in je eigen woorden wat je vindt.').waitFor();
    await panel.getByLabel('In je eigen woorden').fill('Het klopt, maar ik ben niet lui.');
    await panel.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => panel.getByTestId('endorsement-status').textContent()).toBe('Je mening is opgeslagen.');
    await expect
      .poll(() => panel.getByTestId('endorsement-list').textContent())
      .toContain('Daan Visser (jij, Jeugdige): eens, met opmerkingen');
    expect(await panel.getByTestId('endorsement-list').textContent()).toContain('Het klopt, maar ik ben niet lui.');
    // The young person cannot sign off.
    expect(await young.page.getByTestId('sign-off').count()).toBe(0);

    const scientist = await documentPageAs(demo.gedragswetenschapper);
    const list = scientist.page.getByTestId('endorsement-list');
    await expect.poll(() => list.textContent()).toContain('Daan Visser (Jeugdige): eens, met opmerkingen');
    // Education was consulted (002 h1): recorded before the sign-off, which the server requires.
    await app.apiAs(demo.gedragswetenschapper, 'PUT', `/api/documents/${ANALYSIS}/sign-off-facts`, {
      kind: 'education-consulted',
      words: 'Olga Peters (SWV)',
      consultedOn: '2026-01-05',
    });
    await expect
      .poll(() => scientist.page.getByTestId('sign-off').textContent())
      .toContain('Alles is klaar om vast te stellen.');
    await scientist.page.getByTestId('sign-off').getByRole('button', { name: 'Vaststellen' }).click();
    const confirm = scientist.page.getByTestId('sign-off-dialog');
    await confirm.getByRole('heading', { name: 'Document vaststellen?' }).waitFor();
    expect(await confirm.textContent()).toContain('1 van de 7 mensen zijn het ermee eens');
    await confirm.getByRole('button', { name: 'Ja, vaststellen' }).click();
    const versions = scientist.page.getByTestId('version-list');
    await expect.poll(() => versions.textContent()).toMatch(/vastgesteld \d{4}-\d{2}-\d{2}/);
    expect(await scientist.page.locator('.version--signed-off .version__kind').textContent()).toBe('vastgesteld');
    // The signed-off version keeps the endorsements of that moment.
    await scientist.page.getByRole('button', { name: /^Bekijk versie “vastgesteld/ }).click();
    const dialog = scientist.page.getByTestId('version-dialog');
    await dialog.getByTestId('version-view').waitFor();
    expect(await dialog.textContent()).toContain('Thuis is het rustig.');
    expect(await dialog.textContent()).toContain(
      'Daan Visser (Jeugdige): eens, met opmerkingen — “Het klopt, maar ik ben niet lui.”',
    );
    await scientist.page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
  });

  it('compares two versions word by word, with the keyboard', async () => {
    const { page } = await documentPageAs(demo.gedragswetenschapper);
    const panel = page.getByTestId('versions-panel');
    await panel.getByLabel('Naam van de nieuwe versie').fill('Versie A');
    await panel.getByRole('button', { name: 'Versie bewaren' }).click();
    await expect.poll(() => panel.getByTestId('versions-status').textContent()).toBe('Versie "Versie A" is bewaard.');

    await writeSection(demo.gedragswetenschapper, ANALYSIS, 'veiligheid', [
      'Thuis is het rustig. Op school gaat het beter.',
    ]);
    await panel.getByLabel('Naam van de nieuwe versie').fill('Versie B');
    await panel.getByRole('button', { name: 'Versie bewaren' }).click();
    await expect.poll(() => panel.getByTestId('versions-status').textContent()).toBe('Versie "Versie B" is bewaard.');

    // Choose B then A with the keyboard (space on the checkboxes), then compare.
    await panel.getByLabel('Vergelijk “Versie B”').focus();
    await page.keyboard.press('Space');
    await panel.getByLabel('Vergelijk “Versie A”').focus();
    await page.keyboard.press('Space');
    await panel.getByTestId('compare').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByTestId('version-dialog');
    const diff = dialog.getByTestId('diff-view');
    await diff.waitFor();
    // Shown from the older to the newer version, whatever order they were picked in.
    expect(await diff.textContent()).toContain('Van “Versie A” naar “Versie B”.');
    const section = diff.locator('[data-section="veiligheid"]');
    expect(await section.locator('ins').allTextContents()).toEqual([
      expect.stringContaining('Op school gaat het beter.'),
    ]);
    expect(await section.locator('del').count()).toBe(0);
    expect(await section.textContent()).toContain('Veranderd: 1 stuk toegevoegd, 0 stukken weggehaald.');
    // Screen readers hear what was added.
    expect(await section.locator('ins .visually-hidden').first().textContent()).toBe('[toegevoegd: ');
    // Only the changed section is shown.
    expect(await diff.locator('.diff__section').count()).toBe(1);
    await screenshot(page, 'diff-view-page');
    await dialog.screenshot({ path: path.join(artifactsDir, 'diff-view.png') });
    await expectNoSeriousViolations(page, 'diff dialog');
    // Escape closes, and focus returns to the compare button.
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.evaluate((d) => (d as HTMLDialogElement).open)).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('compare');
    // What the side column looks like (viewport screenshots: the column scrolls on its own).
    await page.getByTestId('endorsement-panel').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'document-panels-endorsement.png') });
    await page.getByTestId('version-list').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifactsDir, 'document-panels-versions.png') });
  });

  it('downloads a version as PDF and Markdown with the section text', async () => {
    const { page } = await documentPageAs(demo.daan);
    const panel = page.getByTestId('versions-panel');
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download versie “Versie B” als PDF' }).click(),
    ]);
    expect(pdf.suggestedFilename()).toBe('Verklarende analyse Versie B.pdf');
    const bytes = await downloadedBytes(pdf);
    expect(bytes.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
    const text = await pdfText(bytes);
    expect(text).toContain('Thuis is het rustig. Op school gaat het beter.');
    expect(text).toContain('Verklarende analyse');
    const [md] = await Promise.all([
      page.waitForEvent('download'),
      panel.getByRole('button', { name: 'Download versie “Versie A” als Markdown' }).click(),
    ]);
    const markdown = (await downloadedBytes(md)).toString('utf8');
    expect(markdown).toMatch(/^# Verklarende analyse — Daan\n/);
    // Safety is our addition to 002 Bijlage 1, and the export says so in its heading.
    expect(markdown).toContain('## Veiligheid — Toevoeging Samenspraak (niet uit Bijlage 1)\n\nThuis is het rustig.\n');
    expect(markdown).not.toContain('Op school');
  });
});

describe('case page', () => {
  it('shows the young person their team, documents and who looked at the dossier; the dossier downloads as PDF', async () => {
    const { page, errors } = await pageAs(demo.daan, `/zaken/${CASE}`);
    await page.getByRole('heading', { level: 1, name: 'Dossier van Daan' }).waitFor();
    expect(await page.getByTestId('team').textContent()).toContain('Gert Bakker');
    expect(await page.getByTestId('documents').textContent()).toContain('Verklarende analyse');
    expect(await page.getByTestId('documents').textContent()).toContain(
      'Vanaf 16 jaar maak je samen een toekomstplan.',
    );
    const log = page.getByTestId('access-log-panel');
    await log.getByRole('heading', { name: 'Wie heeft mijn dossier bekeken?' }).waitFor();
    // The scientist's sign-off and version saves are in it, in plain words.
    const table = log.getByTestId('access-log');
    await expect.poll(() => table.textContent()).toContain('Gert Bakker');
    // Only others' visits by default, grouped per minute; older rows behind "Toon … meer".
    expect(await table.textContent()).not.toContain('Daan Visser');
    const more = log.getByRole('button', { name: /^Toon \d+ meer$/ });
    while (!(await table.textContent())?.includes('de analyse: vaststellen') && (await more.count()) > 0)
      await more.click();
    expect(await table.textContent()).toContain('iets toegevoegd: de analyse: vaststellen');
    expect(await table.textContent()).not.toContain('/api/');
    // Clients see no professionals' clocks and cannot invite.
    expect(await page.getByTestId('clocks').count()).toBe(0);
    expect(await page.getByTestId('invite').count()).toBe(0);
    // Daan is 14: no parents' consent switch yet.
    expect(await page.getByTestId('parents-consent').count()).toBe(0);
    await screenshot(page, 'case-page-young-person');
    await expectNoSeriousViolations(page, 'case page (young person)');

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('download-pdf').click()]);
    expect(download.suggestedFilename()).toBe(`samenspraak-dossier-${CASE}.pdf`);
    const bytes = await downloadedBytes(download);
    expect(bytes.subarray(0, 9).toString('latin1')).toBe('%PDF-1.7\n');
    const text = await pdfText(bytes);
    expect(text).toContain('Mijn dossier in Samenspraak\nDaan Visser');
    expect(text).toContain('Thuis is het rustig. Op school gaat het beter.');
    expect(text).toContain('Het klopt, maar ik ben niet lui.');
    expect(text).toContain('Wie heeft mijn dossier bekeken?');
    // The download itself is now in the log on the page, among the young person's own actions.
    await log.getByText('Laat ook zien wat ik zelf deed', { exact: true }).click();
    await expect.poll(() => table.textContent()).toContain('gedownload: het hele dossier');
    expect(errors.filter((e) => e.startsWith('pageerror'))).toEqual([]);

    const phone = await phoneAs(demo.daan, `/zaken/${CASE}`);
    await phone.page.getByTestId('access-log').waitFor();
    expect(await overflows(phone.page)).toBe(false);
    await screenshot(phone.page, 'case-page-phone-375');
  });

  it('lets the young person of 16 decide about the parents, and a professional invite someone', async () => {
    const sanne = await pageAs(demo.sanne, `/zaken/${demoCases.sanne}`);
    const consent = sanne.page.getByTestId('parents-consent');
    await consent.waitFor();
    expect(await consent.getByTestId('consent-status').textContent()).toBe('Je ouders kunnen je dossier nu zien.');
    expect(await consent.getByRole('switch', { name: 'Mijn ouders mogen mijn dossier zien' }).isChecked()).toBe(true);
    await consent.getByText('Mijn ouders mogen mijn dossier zien', { exact: true }).click();
    await expect
      .poll(() => consent.getByTestId('consent-status').textContent())
      .toBe('Je ouders kunnen je dossier nu niet zien.');
    const henk = await app.apiAs<{ cases: Array<{ id: string; hasAccess: boolean }> }>(demo.henk, 'GET', '/api/cases');
    expect(henk.cases.find((c) => c.id === demoCases.sanne)?.hasAccess).toBe(false);
    await consent.getByText('Mijn ouders mogen mijn dossier zien', { exact: true }).click();
    await expect
      .poll(() => consent.getByTestId('consent-status').textContent())
      .toBe('Je ouders kunnen je dossier nu zien.');

    const { page } = await pageAs(demo.procesregisseur, `/zaken/${CASE}`);
    const invite = page.getByTestId('invite');
    await invite.waitFor();
    await invite.getByText('Ouder', { exact: true }).click();
    await invite.getByLabel('Naam').fill('Johan Visser');
    await invite.getByRole('button', { name: 'Uitnodiging maken' }).click();
    const result = invite.getByTestId('invitation-result');
    await result.waitFor();
    expect(await result.textContent()).toMatch(new RegExp(`${app.server.url}/uitnodiging/[\\w-]+`));
    expect(await result.locator('.invite-result__code').textContent()).toMatch(/^\d{8}$/);
    // The open invitation is listed (by name, never its link) and can be withdrawn.
    const open = invite.getByTestId('open-invitations');
    await expect.poll(() => open.textContent()).toContain('Johan Visser');
    expect(await open.textContent()).not.toContain('/uitnodiging/');
    await open
      .getByRole('listitem')
      .filter({ hasText: 'Johan Visser' })
      .getByRole('button', { name: 'Intrekken' })
      .first()
      .click();
    await expect.poll(() => invite.getByTestId('open-invitations').count()).toBe(0);
    // The process director sees the clocks and the escalation level. Daan's analysis was signed off above,
    // which stops its 6-week clock (002 h1 "binnen 6 weken"): no clock runs for it any more.
    const clocks = await page.getByTestId('clocks').textContent();
    expect(clocks).toContain('Niveau: Lokaal');
    expect(clocks).not.toContain('Verklarende analyse klaar');
    await screenshot(page, 'case-page-professional');
    await expectNoSeriousViolations(page, 'case page (professional)');
  });
});

describe('the overview, live', () => {
  it('shows a case moving up the ladder to a professional whose overview is open, without a reload', async () => {
    // What Gert's page did, as Daan reads it in his access log.
    const gertsEntries = async (what: string) =>
      (await app.apiAs<{ entries: AccessLogView[] }>(demo.daan, 'GET', `/api/cases/${CASE}/access-log`)).entries.filter(
        (e) => e.name === 'Gert Bakker' && e.what.endsWith(what),
      ).length;
    const joinsBefore = await gertsEntries('case:join case channel');
    const readsBefore = await gertsEntries('GET /api/notifications notifications');
    const { page } = await pageAs(demo.gedragswetenschapper, '/');
    const daan = page.locator(`[data-case-id="${CASE}"]`);
    await daan.waitFor();
    expect(await daan.textContent()).not.toContain('Regionaal Expertteam (RET)');
    // The tab has joined Daan's case channel once the server logged it.
    await expect.poll(() => gertsEntries('case:join case channel'), { timeout: 10_000 }).toBeGreaterThan(joinsBefore);
    // The overview and the bell share one notification store: opening the page reads them once, plus
    // at most once more for pushes that arrived meanwhile (each read is an entry in Daan's log).
    await page.getByTestId('tasks').waitFor();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const reads = (await gertsEntries('GET /api/notifications notifications')) - readsBefore;
    console.log(`overview live: notifications read ${reads} time(s) on opening the overview`);
    expect(reads).toBeGreaterThanOrEqual(1);
    expect(reads).toBeLessThanOrEqual(2);
    await page.evaluate(() => {
      (window as unknown as { sameDocument?: boolean }).sameDocument = true;
    });

    await app.apiAs(demo.procesregisseur, 'POST', `/api/cases/${CASE}/escalation`, {
      to: 'ret',
      bottleneck: 'Geen passende school in de regio',
      tried: 'Twee scholen en een zorgboerderij',
    });
    const escalatedAt = Date.now();
    await expect.poll(() => daan.textContent(), { timeout: 5000 }).toContain('Regionaal Expertteam (RET)');
    const took = Date.now() - escalatedAt;
    console.log(`overview live: the escalation showed on the open overview after ${took} ms`);
    // The same page, not a reload.
    expect(await page.evaluate(() => (window as unknown as { sameDocument?: boolean }).sameDocument)).toBe(true);
  });
});

describe('a late analysis', () => {
  // Daan's analysis was signed off above (its clock stopped); Sanne's is not.
  const LATE = demoCases.sanne;
  it('says how many days late, in words and colour, once the 6 weeks have passed', async () => {
    const { case: c } = await app.apiAs<{ case: { createdAt: string } }>(
      demo.gedragswetenschapper,
      'GET',
      `/api/cases/${LATE}`,
    );
    const late = new Date(Date.parse(c.createdAt) + 42 * DAY + 3 * DAY + 3600_000);
    await app.setClock(late);
    await app.sessionCookie(demo.gedragswetenschapper, { fresh: true, at: late });
    const context = await app.contextAs(browser, demo.gedragswetenschapper, 'laptop');
    contexts.push(context);
    await context.clock.setFixedTime(late);
    const page = await context.newPage();
    testPages.push(page);
    await page.goto(`${app.server.url}/`);
    const lateCard = page.locator(`[data-case-id="${LATE}"]`);
    const analysisClock = lateCard.locator('.clock--urgent', { hasText: 'Verklarende analyse klaar' });
    await expect.poll(() => analysisClock.textContent(), { timeout: 10_000 }).toContain('Te laat: 3 dagen te laat');
    // The late case comes first in the list.
    expect(await page.getByTestId('case-card').first().getAttribute('data-case-id')).toBe(LATE);
    await screenshot(page, 'overview-late');
  });
});
