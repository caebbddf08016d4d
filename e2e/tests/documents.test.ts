/**
 * The case documents in real browsers against the real (demo) server: the explanatory analysis of Daan
 * (14) co-written by the behavioural scientist, his mother and Daan himself, and the future plan of
 * Sanne (16½). Several browser contexts at once; latencies are measured and logged, never asserted (the
 * machine's speed is not under test: `npm run bench` measures latency).
 *
 * - the template: every section in order with a hint; own words marked; read-only where one may not edit
 * - typing arrives live at the other person; "Opgeslagen" only after the server's Saved
 * - a crafted edit of a professional section from the parent's page is refused by the server, and the
 *   page reloads its document and says so
 * - comments anchored to a selection: the parent's comment appears for the scientist, highlighted
 * - the young person writes in his own section (on a phone)
 * - an edit made offline is kept, sent after reconnecting, and only then "Opgeslagen"; both converge
 * - keyboard only: Tab reaches the editor, toolbar buttons with aria-pressed, no keyboard trap
 * - hypotheses with agree / disagree; future-plan actions, checklist and the countdown to 18
 * - axe-core: no serious or critical violations; screenshots in e2e/artifacts/
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { SECTIONS } from '@samenspraak/shared';
import * as encoding from 'lib0/encoding';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DemoApp, demo, demoCases, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import {
  artifactsDir,
  devices,
  LIVE_MS,
  launchBrowser,
  recordStatusHistory,
  screenshot,
  statusHistory,
  type UserPage,
} from '../support/browser.js';
import {
  editor,
  ownParentPart,
  SAVED,
  sectionBlock,
  sleep,
  statusText,
  tabTo,
  typeAtEnd,
  UNSAVED,
  waitEditable,
  waitSaved,
} from '../support/documentPage.js';

const DAAN = demoCases.daan;
const SANNE = demoCases.sanne;
const analysisPath = (caseId: string) => `/zaken/${caseId}/analyse`;
const futurePlanPath = (caseId: string) => `/zaken/${caseId}/toekomstplan`;
/** A phone as the young person uses it: 375 CSS pixels wide. */
const phone375 = { ...devices.phone, viewport: { width: 375, height: 812 } };

let browser: Browser;
let app: DemoApp;
const people: UserPage[] = [];
/**
 * Marieke's own part of the request for help (002 Bijlage 1: one part per parent, root
 * `hulpvraag_ouder_<userId>`), read from her page: the part she may edit.
 */
let ouderPart = '';
const measured: Record<string, number> = {};

/**
 * A logged-in page. `captureSockets` records the page's WebSockets in `window.__sockets` (installed
 * before the app loads), so a test can send a hand-made frame over the app's own collaboration socket.
 */
async function open(
  login: string,
  pathname: string,
  options: { device?: 'laptop' | 'phone' | 'phone375'; captureSockets?: boolean } = {},
): Promise<UserPage> {
  const device = options.device ?? 'laptop';
  let context: BrowserContext;
  if (device === 'phone375') {
    const cookie = await app.sessionCookie(login);
    context = await browser.newContext(phone375);
    await context.addCookies([
      { name: 'samenspraak_session', value: cookie, url: app.server.url, httpOnly: true, sameSite: 'Strict' },
    ]);
  } else {
    context = await app.contextAs(browser, login, device);
  }
  if (options.captureSockets) {
    await context.addInitScript(() => {
      const Native = window.WebSocket;
      const sockets: WebSocket[] = [];
      (window as unknown as { __sockets: WebSocket[] }).__sockets = sockets;
      window.WebSocket = class extends Native {
        constructor(url: string | URL, protocols?: string | string[]) {
          super(url, protocols);
          sockets.push(this);
        }
      };
    });
  }
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.goto(`${app.server.url}${pathname}`);
  const person = { context, page, errors };
  people.push(person);
  return person;
}

/** Waits until the section's text contains `text`, polling every animation frame; returns the wait in ms. */
async function waitForText(page: Page, section: string, text: string, timeout: number): Promise<void> {
  await page.waitForFunction(
    ([s, t]) => document.querySelector(`[data-testid="editor-${s}"]`)?.textContent?.includes(t as string) ?? false,
    [section, text],
    { timeout, polling: 'raf' },
  );
}

/** The text of a section as its readers see it (without the name labels of others' cursors). */
async function sectionText(page: Page, section: string): Promise<string> {
  return editor(page, section).evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
    return copy.textContent ?? '';
  });
}

/** No serious or critical axe violations anywhere on the page, the side column included. */
async function expectAccessible(page: Page, label: string): Promise<void> {
  await expectNoSeriousViolations(page, label);
}

/** One Yjs sync update frame (y-websocket: varuint 0 = sync, varuint 2 = update, then the update). */
function syncUpdateFrame(update: Uint8Array): number[] {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, 0);
  encoding.writeVarUint(encoder, 2);
  encoding.writeVarUint8Array(encoder, update);
  return Array.from(encoding.toUint8Array(encoder));
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startDemoApp();
});

afterAll(async () => {
  for (const person of people) await person.context.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
  // The numbers behind the assertions, for the report.
  console.log('documents e2e measurements (ms):', JSON.stringify(measured));
});

describe('the explanatory analysis, written together', () => {
  let gert: UserPage; // behavioural scientist
  let marieke: UserPage; // Daan's mother

  it('shows every section of the template in order, with hints, own words marked, and per-person rights', async () => {
    gert = await open(demo.gedragswetenschapper, analysisPath(DAAN));
    marieke = await open(demo.marieke, analysisPath(DAAN), { captureSockets: true });
    await waitEditable(gert.page, 'hulpvraag_professionals');
    ouderPart = await ownParentPart(marieke.page);
    await waitEditable(marieke.page, ouderPart);

    expect(await gert.page.getByTestId('document-heading').textContent()).toBe('Verklarende analyse van Daan');
    const order = await gert.page
      .locator('[data-testid^="section-"]:not([data-testid="section-nav"])')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.slice('section-'.length)));
    // The 002 Bijlage 1 layout: each parent's part after the young person's; the old template's parts
    // are shown only when they hold words (never, in this new document).
    const parentParts = order.filter((id) => id?.startsWith('hulpvraag_ouder_'));
    expect(parentParts).toContain(ouderPart);
    expect(order).toEqual(
      SECTIONS.analysis
        .filter((s) => !s.legacy)
        .flatMap((s) => (s.id === 'hulpvraag_jeugdige' ? [s.id, ...parentParts] : [s.id])),
    );
    for (const id of order) {
      const hint = await sectionBlock(gert.page, id ?? '')
        .locator('.doc-section__hint')
        .textContent();
      expect(hint?.length, `hint of ${id}`).toBeGreaterThan(20);
    }
    // Own words are marked as such.
    expect(await sectionBlock(gert.page, 'hulpvraag_jeugdige').getByTestId('own-words').textContent()).toBe(
      'In eigen woorden van Daan',
    );
    expect(await sectionBlock(marieke.page, ouderPart).getByTestId('own-words').textContent()).toBe(
      'In je eigen woorden',
    );

    // The scientist edits the professionals' text but not the parents' own words (he may comment there).
    expect(await editor(gert.page, ouderPart).getAttribute('contenteditable')).toBe('false');
    expect(await editor(gert.page, ouderPart).getAttribute('aria-readonly')).toBe('true');
    // The parent edits her own words only; the professional text is read-only, with "Reageren".
    for (const s of ['hulpvraag_professionals', 'veiligheid', 'hulpvraag_jeugdige']) {
      expect(await editor(marieke.page, s).getAttribute('contenteditable'), s).toBe('false');
    }
    const proSection = sectionBlock(marieke.page, 'hulpvraag_professionals');
    expect(await proSection.getByRole('button', { name: 'Vet' }).count()).toBe(0);
    expect(await proSection.getByRole('button', { name: 'Reageren' }).count()).toBe(1);
    expect(await proSection.locator('.doc-section__access').textContent()).toBe(
      'Je kunt dit deel lezen en erop reageren.',
    );
    // Items: the parent cannot add hypotheses, but can give her view.
    expect(await marieke.page.getByTestId('add-hypothesis').count()).toBe(0);

    await expect.poll(() => gert.page.getByTestId('presence').textContent()).toContain('Marieke Visser');
    expect(await gert.page.getByTestId('presence').textContent()).toContain('Ouder');
    await expect.poll(() => marieke.page.getByTestId('presence').textContent()).toContain('Gert Bakker');
    expect(await marieke.page.getByTestId('presence').textContent()).toContain('Gedragswetenschapper');
    await expect.poll(() => statusText(gert.page)).toBe(SAVED);
    await expect.poll(() => statusText(marieke.page)).toBe(SAVED);
  });

  it("shows each one's typing to the other live, and 'Opgeslagen' only after the server's Saved", async () => {
    await recordStatusHistory(gert.page);
    const gertText = 'Daan gaat sinds oktober niet meer naar school.';
    await editor(gert.page, 'hulpvraag_professionals').click();
    await gert.page.keyboard.type(gertText);
    const typedAt = Date.now();
    await waitForText(marieke.page, 'hulpvraag_professionals', gertText, LIVE_MS);
    measured.scientistToParent = Date.now() - typedAt;

    const mariekeText = 'Ik maak me zorgen om zijn slaap.';
    await editor(marieke.page, ouderPart).click();
    await marieke.page.keyboard.type(mariekeText);
    const typedAt2 = Date.now();
    await waitForText(gert.page, ouderPart, mariekeText, LIVE_MS);
    measured.parentToScientist = Date.now() - typedAt2;

    await waitSaved(gert.page);
    const history = await statusHistory(gert.page);
    expect(history[0]).toBe(SAVED);
    expect(history).toContain(UNSAVED);
    expect(history.indexOf(UNSAVED)).toBeLessThan(history.lastIndexOf(SAVED));
    expect(history.at(-1)).toBe(SAVED);
    await waitSaved(marieke.page);
  });

  it("keeps the parent's read-only section unchanged when she types into it", async () => {
    const before = await sectionText(marieke.page, 'hulpvraag_professionals');
    await editor(marieke.page, 'hulpvraag_professionals').click();
    await marieke.page.keyboard.type('mag niet');
    await sleep(300);
    expect(await sectionText(marieke.page, 'hulpvraag_professionals')).toBe(before);
    expect(await statusText(marieke.page)).toBe(SAVED);
  });

  it("refuses a crafted edit of the professionals' section from the parent's own socket, and reloads her page", async () => {
    // A change to `hulpvraag_professionals` made outside the app (a fresh Yjs client), sent over the
    // app's own live socket: the server must refuse it (Rejected), and the page must start afresh.
    const crafted = new Y.Doc();
    crafted.getXmlFragment('hulpvraag_professionals').insert(0, [new Y.XmlText('GEHACKT door een ouder')]);
    const frame = syncUpdateFrame(Y.encodeStateAsUpdate(crafted));
    const sent = await marieke.page.evaluate((bytes) => {
      const sockets = (window as unknown as { __sockets: WebSocket[] }).__sockets;
      const socket = sockets.find((s) => s.url.includes('/collab/') && s.readyState === WebSocket.OPEN);
      if (!socket) return false;
      socket.send(new Uint8Array(bytes));
      return true;
    }, frame);
    expect(sent).toBe(true);

    const notice = marieke.page.getByTestId('reloaded-notice');
    await notice.waitFor({ timeout: 5000 });
    expect(await notice.textContent()).toContain('je mag dit deel van het document niet aanpassen');
    await waitEditable(marieke.page, ouderPart);
    await waitSaved(marieke.page);
    // Nobody ever sees the refused text; the parent's earlier, saved text is still there.
    await sleep(300);
    expect(await sectionText(gert.page, 'hulpvraag_professionals')).not.toContain('GEHACKT');
    expect(await sectionText(marieke.page, 'hulpvraag_professionals')).not.toContain('GEHACKT');
    expect(await sectionText(marieke.page, ouderPart)).toContain('Ik maak me zorgen om zijn slaap.');
    // And she keeps working normally on the fresh copy.
    await typeAtEnd(marieke.page, ouderPart, ' En om school.');
    await waitForText(gert.page, ouderPart, 'En om school.', LIVE_MS);
    await waitSaved(marieke.page);
  });

  it("shows the parent's comment on a selected passage to the scientist, highlighted, with its thread", async () => {
    // Marieke selects a passage of the professionals' text (read-only for her) and comments on it.
    const passage = 'niet meer naar school';
    const selected = await marieke.page.evaluate(
      ([section, text]) => {
        const root = document.querySelector(`[data-testid="editor-${section}"]`);
        const walker = root ? document.createTreeWalker(root, NodeFilter.SHOW_TEXT) : null;
        for (let node = walker?.nextNode(); node; node = walker?.nextNode()) {
          const at = node.textContent?.indexOf(text as string) ?? -1;
          if (at < 0) continue;
          const range = document.createRange();
          range.setStart(node, at);
          range.setEnd(node, at + (text as string).length);
          const selection = window.getSelection();
          selection?.removeAllRanges();
          selection?.addRange(range);
          return selection?.toString() ?? '';
        }
        return '';
      },
      ['hulpvraag_professionals', passage],
    );
    expect(selected).toBe(passage);
    await marieke.page.getByTestId('comment-button-hulpvraag_professionals').click();
    const form = sectionBlock(marieke.page, 'hulpvraag_professionals').getByTestId('comment-form');
    expect(await form.textContent()).toContain(passage); // the passage is quoted above the comment field
    expect(await form.textContent()).toContain('Je reageert op de gemarkeerde tekst.');
    const commentText = 'Hij wil wel, maar hij durft niet meer.';
    await marieke.page.keyboard.type(commentText); // the comment field has the focus
    await form.getByRole('button', { name: 'Plaats reactie' }).click();
    const postedAt = Date.now();
    await marieke.page.getByTestId('comment').getByText(commentText).waitFor({ timeout: 5000 });

    // The scientist sees it appear: a count on the section and the passage highlighted in his text.
    const toggle = gert.page.getByTestId('comments-toggle-hulpvraag_professionals');
    await toggle.waitFor({ timeout: 20_000 });
    measured.commentToScientist = Date.now() - postedAt;
    await gert.page.waitForFunction(
      (text) =>
        document.querySelector('[data-testid="editor-hulpvraag_professionals"] .comment-mark')?.textContent === text,
      passage,
      { timeout: 2000 },
    );
    await gert.page.locator('[data-testid="editor-hulpvraag_professionals"] .comment-mark').click();
    const thread = sectionBlock(gert.page, 'hulpvraag_professionals').getByTestId('thread');
    await thread.waitFor();
    expect(await thread.textContent()).toContain(commentText);
    expect(await thread.textContent()).toContain('Marieke Visser');
    expect(await thread.textContent()).toContain(passage);
    await gert.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'thread');
    await screenshot(gert.page, 'documents-comment-thread');

    // He replies; she sees the reply.
    await thread.getByRole('button', { name: 'Antwoorden' }).click();
    await gert.page.keyboard.type('Dank je, dat neem ik mee in de hypothesen.');
    await thread.getByRole('button', { name: 'Plaats reactie' }).click();
    await thread.getByText('Dank je, dat neem ik mee').waitFor({ timeout: 5000 });
    await sectionBlock(marieke.page, 'hulpvraag_professionals')
      .getByText('Dank je, dat neem ik mee')
      .waitFor({ timeout: 20_000 });
  });

  it('lets Daan write in his own words on his phone, and the scientist sees it live', async () => {
    const daan = await open(demo.daan, analysisPath(DAAN), { device: 'phone375' });
    await waitEditable(daan.page, 'hulpvraag_jeugdige');
    expect(await sectionBlock(daan.page, 'hulpvraag_jeugdige').getByTestId('own-words').textContent()).toBe(
      'In je eigen woorden',
    );
    // Daan may not change the professionals' text or his mother's words.
    expect(await editor(daan.page, ouderPart).getAttribute('contenteditable')).toBe('false');
    expect(await editor(daan.page, 'hulpvraag_professionals').getAttribute('contenteditable')).toBe('false');

    const text = 'Ik wil weer naar school, maar niet naar deze klas.';
    await editor(daan.page, 'hulpvraag_jeugdige').tap();
    await daan.page.keyboard.type(text);
    const typedAt = Date.now();
    await waitForText(gert.page, 'hulpvraag_jeugdige', text, LIVE_MS);
    measured.youngPersonToScientist = Date.now() - typedAt;
    await waitSaved(daan.page);
    // One column on a phone: nothing wider than the screen.
    const overflow = await daan.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await daan.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(daan.page, 'documents-analysis-phone-375');
    await expectAccessible(daan.page, 'the analysis on a phone (young person)');
  });

  it('keeps an edit made offline, sends it after reconnecting, and says "Opgeslagen" only after the server confirmed', async () => {
    await waitSaved(gert.page);
    await gert.context.setOffline(true);
    await expect.poll(() => statusText(gert.page), { timeout: 5000 }).toContain('Offline');
    await recordStatusHistory(gert.page);
    const text = ' Offline getypt in de trein.';
    await typeAtEnd(gert.page, 'hulp_tot_nu', text);
    await expect.poll(() => statusText(gert.page)).toContain(UNSAVED);
    expect(await statusText(gert.page)).toContain('Offline — je wijzigingen worden bewaard');
    // What Gert sees right then (the viewport: the sticky save status above the text he typed).
    await sectionBlock(gert.page, 'hulp_tot_nu').scrollIntoViewIfNeeded();
    mkdirSync(artifactsDir, { recursive: true });
    await gert.page.screenshot({ path: path.join(artifactsDir, 'documents-analysis-offline.png') });
    await sleep(500);
    expect(await sectionText(marieke.page, 'hulp_tot_nu')).not.toContain('trein');

    // Back online while the server is stalled: the edit travels, but nothing is confirmed yet.
    app.server.pause();
    try {
      await gert.context.setOffline(false);
      await sleep(1500);
      expect(await statusText(gert.page)).not.toBe(SAVED);
      expect(await statusText(gert.page)).toContain(UNSAVED);
    } finally {
      app.server.resume();
    }
    const resumedAt = Date.now();
    await waitSaved(gert.page, 10_000);
    measured.offlineEditSavedAfterResume = Date.now() - resumedAt;
    const history = await statusHistory(gert.page);
    // From the offline edit on, "Opgeslagen" appears only once, at the end.
    expect(history.slice(0, -1)).not.toContain(SAVED);
    expect(history.at(-1)).toBe(SAVED);
    await waitForText(marieke.page, 'hulp_tot_nu', 'trein', 5000);
    await expect
      .poll(
        async () => (await sectionText(marieke.page, 'hulp_tot_nu')) === (await sectionText(gert.page, 'hulp_tot_nu')),
      )
      .toBe(true);
  });

  it('keeps an offline edit in the browser when the tab is closed, and sends it when the page is opened again', async () => {
    const lotteOfDaan = await open(demo.lokaalTeam, analysisPath(DAAN));
    await waitEditable(lotteOfDaan.page, 'veiligheid');
    await waitSaved(lotteOfDaan.page);
    await lotteOfDaan.context.setOffline(true);
    await expect.poll(() => statusText(lotteOfDaan.page), { timeout: 5000 }).toContain('Offline');
    await typeAtEnd(lotteOfDaan.page, 'veiligheid', 'Afspraak: geen alcohol in huis.');
    await sleep(1500); // y-indexeddb writes the change to the local copy
    await lotteOfDaan.page.close();
    await lotteOfDaan.context.setOffline(false);

    const again = await lotteOfDaan.context.newPage();
    await again.goto(`${app.server.url}${analysisPath(DAAN)}`);
    await waitForText(again, 'veiligheid', 'geen alcohol', 10_000);
    await waitSaved(again);
    await waitForText(gert.page, 'veiligheid', 'geen alcohol', 5000);
    await again.close();
  });

  it('works with the keyboard alone: Tab to the text, format it, reach the toolbar, and Tab out again', async () => {
    const page = gert.page;
    // In the Bijlage 1 layout "(Probleem)gedrag" comes after the parents' own parts.
    const tabs = await tabTo(page, 'editor-probleemgedrag', 239);
    expect(tabs, 'Tab reaches the problem-behaviour part in fewer than 240 presses').not.toBeNull();
    measured.tabsToFifthSection = tabs ?? -1;
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('(Probleem)gedrag');
    await page.keyboard.type('Krachten: Daan is sportief');
    // Select the last word with the keyboard and make it bold with the shortcut.
    await page.keyboard.press('Shift+Control+ArrowLeft');
    await page.keyboard.press('Control+b');
    await expect.poll(() => editor(page, 'probleemgedrag').innerHTML()).toMatch(/<strong>[^<]*sportief[^<]*<\/strong>/);
    // The toolbar is reachable backwards with Shift+Tab; the selection survives the trip, so "Vet" says
    // it is on, and Space turns the word plain again.
    let back = 0;
    while (back < 8) {
      await page.keyboard.press('Shift+Tab');
      back += 1;
      if ((await page.evaluate(() => document.activeElement?.textContent)) === 'Vet') break;
    }
    const bold = sectionBlock(page, 'probleemgedrag').getByRole('button', { name: 'Vet' });
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Vet');
    expect(await bold.getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('Space');
    await expect.poll(() => bold.getAttribute('aria-pressed')).toBe('false');
    expect(await editor(page, 'probleemgedrag').innerHTML()).toContain('<p>Krachten: Daan is sportief</p>');
    // Focus went back to the text; Tab leaves it (no keyboard trap), also inside a list.
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe(
      'editor-probleemgedrag',
    );
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('- Houdt van voetbal');
    expect(await editor(page, 'probleemgedrag').innerHTML()).toContain('<ul>');
    // A nested item without Tab: Ctrl+] indents, Ctrl+[ outdents; the toolbar offers both in words.
    await page.keyboard.press('Enter');
    await page.keyboard.type('Vooral als keeper');
    const nested = () =>
      editor(page, 'probleemgedrag').evaluate((el) => el.querySelector('ul ul li')?.textContent ?? null);
    await page.keyboard.press('Control+BracketRight');
    await expect.poll(nested).toBe('Vooral als keeper');
    const outdent = sectionBlock(page, 'probleemgedrag').getByRole('button', { name: 'Uitspringen' });
    expect(await outdent.getAttribute('aria-keyshortcuts')).toBe('Control+[');
    expect(await outdent.isEnabled()).toBe(true);
    await page.keyboard.press('Control+BracketLeft');
    await expect.poll(nested).toBeNull();
    await page.keyboard.press('Control+BracketRight');
    await expect.poll(nested).toBe('Vooral als keeper');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).not.toBe(
      'editor-probleemgedrag',
    );
    await waitForText(marieke.page, 'probleemgedrag', 'Vooral als keeper', LIVE_MS);
    expect(
      await editor(marieke.page, 'probleemgedrag').evaluate((el) => el.querySelector('ul ul li')?.textContent),
    ).toBe('Vooral als keeper');
    await waitSaved(page);
  });

  it('lets the parent react to one sentence of a read-only text with the keyboard alone', async () => {
    // Without a mouse there is no selecting in a read-only text, so the form offers its sentences.
    const first = 'Er is eerder ambulante gezinsbegeleiding geweest.';
    const second = 'Die stopte na twee maanden, o.a. door wisselingen in het team.';
    await typeAtEnd(gert.page, 'hulp_tot_nu', ` ${first} ${second}`); // after what the offline test wrote
    await waitForText(marieke.page, 'hulp_tot_nu', second, LIVE_MS);

    const page = marieke.page;
    expect(await tabTo(page, 'comment-button-hulp_tot_nu', 149), 'Tab reaches Reageren').not.toBeNull();
    await page.keyboard.press('Enter');
    const form = sectionBlock(page, 'hulp_tot_nu').getByTestId('comment-form');
    await form.waitFor();
    expect(await form.textContent()).toContain('Waarop reageer je?');
    // The comment field has the focus; the choice is just before it.
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('comment-passage');
    const options = await form.getByTestId('comment-passage').locator('option').allTextContents();
    expect(options[0]).toBe('Op dit hele deel');
    expect(options.slice(-2)).toEqual([`“${first}”`, `“${second}”`]);
    for (let i = 1; i < options.length; i += 1) await page.keyboard.press('ArrowDown');
    expect(
      await form.getByTestId('comment-passage').evaluate((el: HTMLSelectElement) => el.selectedOptions[0]?.text),
    ).toBe(`“${second}”`);
    // The chosen sentence is marked in her text while she writes.
    await page.waitForFunction(
      (text) =>
        document.querySelector('[data-testid="editor-hulp_tot_nu"] .comment-mark--pending')?.textContent === text,
      second,
      { timeout: 2000 },
    );
    await sectionBlock(page, 'hulp_tot_nu').screenshot({
      path: path.join(artifactsDir, 'documents-comment-sentence-keyboard.png'),
    });
    await page.keyboard.press('Tab');
    const commentText = 'Dat klopt, en daarna heeft niemand meer gebeld.';
    await page.keyboard.type(commentText);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Plaats reactie');
    await page.keyboard.press('Enter');
    await page.getByTestId('comment').getByText(commentText).waitFor({ timeout: 5000 });

    // The scientist sees exactly that sentence highlighted, and the thread quotes it.
    await gert.page.waitForFunction(
      (text) => document.querySelector('[data-testid="editor-hulp_tot_nu"] .comment-mark')?.textContent === text,
      second,
      { timeout: 20_000 },
    );
    await gert.page.getByTestId('comments-toggle-hulp_tot_nu').click();
    const thread = sectionBlock(gert.page, 'hulp_tot_nu').getByTestId('thread');
    await thread.waitFor();
    expect(await thread.textContent()).toContain(commentText);
    expect(await thread.textContent()).toContain(second);
  });

  it('formats the word a keyboard selection covers, even before the browser has reported that selection', async () => {
    // The browser reports a keyboard selection to the editor through a later "selectionchange" event;
    // on a busy machine the next key can come first (it made the keyboard test above fail in about one
    // run in three). Here the selection moves and Ctrl+I arrives in one task, so that event cannot run
    // in between: the shortcut must still act on the selected word.
    const page = gert.page;
    await editor(page, 'probleemgedrag').click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' en ondernemend');
    await waitSaved(page);
    const html = await page.evaluate(() => {
      const el = document.querySelector('[data-testid="editor-probleemgedrag"]') as HTMLElement;
      window.getSelection()?.modify('extend', 'backward', 'word');
      const key = { key: 'i', code: 'KeyI', keyCode: 73, ctrlKey: true, bubbles: true, cancelable: true };
      el.dispatchEvent(new KeyboardEvent('keydown', key));
      return el.innerHTML;
    });
    expect(html).toMatch(/<em>ondernemend<\/em>/);
    await waitSaved(page);
    await waitForText(marieke.page, 'probleemgedrag', 'ondernemend', LIVE_MS);
    // Her page shows the word in italics too (Gert's live selection is drawn inside it, so read the text).
    const emphasised = await editor(marieke.page, 'probleemgedrag').evaluate((el) =>
      Array.from(el.querySelectorAll('em'), (em) => {
        const copy = em.cloneNode(true) as HTMLElement;
        for (const caret of copy.querySelectorAll('.collab-caret')) caret.remove();
        return copy.textContent;
      }),
    );
    expect(emphasised).toContain('ondernemend');
  });

  it('records explanatory hypotheses, and who agrees or disagrees', async () => {
    await gert.page.getByTestId('add-hypothesis').click();
    // The new hypothesis's first field has the focus.
    const statement = 'Spanning thuis houdt het schoolverzuim in stand.';
    await gert.page.keyboard.type(statement);
    await marieke.page.getByTestId('items-hypothesen').getByText(statement).waitFor({ timeout: 3000 });
    const card = marieke.page.getByTestId('hypothesis').first();
    await card.getByRole('button', { name: 'Ik ben het eens' }).click();
    await expect.poll(() => card.getByTestId('votes-agree').textContent()).toBe('Eens (1): Marieke Visser (Ouder)');
    expect(await card.getByRole('button', { name: 'Ik ben het eens' }).getAttribute('aria-pressed')).toBe('true');

    const gertCard = gert.page.getByTestId('hypothesis').first();
    await gertCard.getByRole('button', { name: 'Ik ben het oneens' }).click();
    await expect
      .poll(() => gertCard.getByTestId('votes-disagree').textContent())
      .toBe('Oneens (1): Gert Bakker (Gedragswetenschapper)');
    expect(await gertCard.getByTestId('votes-agree').textContent()).toBe('Eens (1): Marieke Visser (Ouder)');
    await waitSaved(gert.page);
  });

  it('has no serious accessibility problems, and looks right on a laptop', async () => {
    await gert.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(gert.page, 'documents-analysis-laptop');
    await screenshot(marieke.page, 'documents-analysis-parent-laptop');
    await expectAccessible(gert.page, 'the analysis (behavioural scientist)');
    await expectAccessible(marieke.page, 'the analysis (parent)');
  });
});

describe('the future plan', () => {
  let lotte: UserPage; // local team: directs the future plan
  let sanne: UserPage; // the young person, 16½, on her phone

  it('shows the countdown to 18, and actions per life domain with who, when and which law pays', async () => {
    lotte = await open(demo.lokaalTeam, futurePlanPath(SANNE));
    sanne = await open(demo.sanne, futurePlanPath(SANNE), { device: 'phone375' });
    await waitEditable(lotte.page, 'regie_en_steun');
    await waitEditable(sanne.page, 'toekomstbeeld_jeugdige');
    expect(await lotte.page.getByTestId('document-heading').textContent()).toBe('Toekomstplan van Sanne');
    // 16½ years old: a year and a half to go; Sanne reads "je", the professionals read her name.
    expect(await sanne.page.getByTestId('countdown').textContent()).toMatch(
      /Nog 1 jaar.* tot je 18 wordt, op \d{1,2} \S+ \d{4}\./,
    );
    expect(await lotte.page.getByTestId('countdown').textContent()).toMatch(
      /Nog 1 jaar.* tot Sanne 18 wordt, op \d{1,2} \S+ \d{4}\./,
    );
    const order = await lotte.page
      .locator('[data-testid^="section-"]:not([data-testid="section-nav"])')
      .evaluateAll((els) => els.map((e) => e.getAttribute('data-testid')?.slice('section-'.length)));
    expect(order).toEqual(SECTIONS.futurePlan.map((s) => s.id));

    const wonen = sectionBlock(lotte.page, 'domein_wonen');
    await wonen.getByRole('button', { name: 'Actie toevoegen' }).click();
    await lotte.page.keyboard.type('Inschrijven als woningzoekende');
    await wonen.getByLabel('Wie doet het?').fill('Sanne, met Lotte');
    const nextYear = new Date().getFullYear() + 1;
    await wonen.getByLabel('Klaar op').fill(`${nextYear}-09-01`);
    await wonen.getByLabel('Wie betaalt?').selectOption('Wmo');
    const sanneAction = sectionBlock(sanne.page, 'domein_wonen').getByTestId('action');
    await sanneAction.waitFor({ timeout: 3000 });
    await expect.poll(() => sanneAction.textContent()).toContain('Wmo (gemeente)');
    expect(await sanneAction.textContent()).toContain('Actie 1: Inschrijven als woningzoekende');
    expect(await sanneAction.textContent()).toContain('Sanne, met Lotte');
    expect(await sanneAction.textContent()).toContain(`1 september ${nextYear}`);
    expect(await sanneAction.textContent()).not.toContain('Datum is voorbij');
    // Sanne reads the actions; she does not get edit fields.
    expect(await sectionBlock(sanne.page, 'domein_wonen').getByRole('textbox').count()).toBe(0);

    const checklist = sectionBlock(lotte.page, 'checklist_18');
    await checklist.getByRole('button', { name: 'Standaardlijst toevoegen' }).click();
    await checklist.getByText('Eigen bankrekening', { exact: true }).click(); // the label: the box itself is drawn by CSS
    expect(await checklist.getByRole('checkbox', { name: 'Eigen bankrekening' }).isChecked()).toBe(true);
    await sectionBlock(sanne.page, 'checklist_18').getByText('1 van 9 klaar').waitFor({ timeout: 3000 });

    const own = 'Ik wil op mezelf wonen in Hoorn en een opleiding in de zorg doen.';
    await editor(sanne.page, 'toekomstbeeld_jeugdige').tap();
    await sanne.page.keyboard.type(own);
    await waitForText(lotte.page, 'toekomstbeeld_jeugdige', own, LIVE_MS);
    await waitSaved(sanne.page);
    await waitSaved(lotte.page);
  });

  it('has no serious accessibility problems, and fits a phone', async () => {
    const overflow = await sanne.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await lotte.page.evaluate(() => window.scrollTo(0, 0));
    await sanne.page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(lotte.page, 'documents-futureplan-laptop');
    await screenshot(sanne.page, 'documents-futureplan-phone-375');
    await expectAccessible(lotte.page, 'the future plan (local team)');
    await expectAccessible(sanne.page, 'the future plan on a phone (young person)');
  });
});

describe('the pages', () => {
  it('had no errors', () => {
    const known = [
      /WebSocket connection to .* failed/, // offline on purpose
      /net::ERR_INTERNET_DISCONNECTED/,
      /Failed to load resource/,
    ];
    const errors = people.flatMap((p) => p.errors).filter((e) => !known.some((k) => k.test(e)));
    expect(errors).toEqual([]);
  });
});
