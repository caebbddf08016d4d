/**
 * Two people typing in the same field of a structured item at the same time both keep their words:
 * the behavioural scientist (Gert) and the care provider (Pien) on Daan's explanatory analysis, in two
 * browser contexts against the real demo server. Their carets stay where they type while the other's
 * letters arrive, the merged text survives a reload, and a field an older version wrote as a plain
 * string becomes mergeable at its first keystroke.
 */
import * as encoding from 'lib0/encoding';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { type DemoApp, demo, demoCases, startDemoApp } from '../support/app.js';
import { launchBrowser, type UserPage } from '../support/browser.js';
import { waitSaved } from '../support/documentPage.js';

const DOC = `${demoCases.daan}.analysis`;
const PATH = `/zaken/${demoCases.daan}/analyse`;
let browser: Browser;
let app: DemoApp;
let gert: UserPage;
let pien: UserPage;

/** The statement fields of all hypotheses, in order. */
const statements = (page: Page) => page.getByTestId('hypothesis-statement');

async function statementValues(page: Page): Promise<string[]> {
  return statements(page).evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));
}

/** The statement field holding `text`, once the page shows it. */
async function statementWith(page: Page, text: string) {
  await expect.poll(() => statementValues(page), { timeout: 5000 }).toContain(text);
  return statements(page).nth((await statementValues(page)).indexOf(text));
}

/** Caret position in the focused field. */
const caret = (page: Page) => page.evaluate(() => (document.activeElement as HTMLTextAreaElement).selectionStart);

/** Both type their text at once, a letter every 40 ms, so the letters cross on the way. */
async function typeAtOnce(a: [Page, string], b: [Page, string]): Promise<void> {
  await Promise.all([a[0].keyboard.type(a[1], { delay: 40 }), b[0].keyboard.type(b[1], { delay: 40 })]);
}

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startDemoApp();
  const open = async (login: string): Promise<UserPage> => {
    const person = await app.pageAs(browser, login, PATH);
    // Editors get "Verklaring toevoegen" once the document is loaded.
    await person.page.getByTestId('add-hypothesis').waitFor({ timeout: 15_000 });
    await waitSaved(person.page);
    return person;
  };
  gert = await open(demo.gedragswetenschapper);
  pien = await open(demo.jeugdhulpaanbieder);
});

afterAll(async () => {
  for (const p of [gert, pien]) await p?.context.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
});

describe('two people in one hypothesis field', () => {
  it('both keep their typing, each caret stays where its owner types, and the text survives a reload', async () => {
    await gert.page.getByTestId('add-hypothesis').click();
    await gert.page.keyboard.type('Spanning thuis'); // the new statement field has the focus
    const pienField = await statementWith(pien.page, 'Spanning thuis');
    const gertField = await statementWith(gert.page, 'Spanning thuis');

    await gertField.press('Control+End');
    await pienField.click();
    await pienField.press('Control+Home');
    await typeAtOnce([gert.page, ' houdt het verzuim in stand'], [pien.page, 'Volgens school: ']);

    const merged = 'Volgens school: Spanning thuis houdt het verzuim in stand';
    await expect.poll(() => gertField.inputValue()).toBe(merged);
    await expect.poll(() => pienField.inputValue()).toBe(merged);
    // Each caret is right after its owner's last letter, though the other's letters arrived meanwhile.
    expect(await caret(gert.page)).toBe(merged.length);
    expect(await caret(pien.page)).toBe('Volgens school: '.length);
    await waitSaved(gert.page);
    await waitSaved(pien.page);

    await pien.page.reload();
    expect(await (await statementWith(pien.page, merged)).inputValue()).toBe(merged);
  });

  it('a field an older version stored as a plain string merges from its first keystroke on', async () => {
    // What a client from before Y.Text fields wrote: every field a plain string. Sent over a socket of
    // its own, like a second tab, so both pages receive it from the server.
    const legacy = new Y.Doc();
    const item = new Y.Map<unknown>();
    legacy.getArray('hypothesen').push([item]);
    item.set('id', 'legacy-1');
    item.set('statement', 'Verzuim door angst');
    item.set('evidence', '');
    item.set('status', 'open');
    const frame = encoding.createEncoder();
    encoding.writeVarUint(frame, 0); // sync
    encoding.writeVarUint(frame, 2); // update
    encoding.writeVarUint8Array(frame, Y.encodeStateAsUpdate(legacy));
    const { token } = await app.apiAs<{ token: string }>(
      demo.gedragswetenschapper,
      'POST',
      `/api/documents/${DOC}/token`,
    );
    await gert.page.evaluate(
      ({ bytes, docId, token }) =>
        new Promise<void>((resolve, reject) => {
          const ws = new WebSocket(`ws://${location.host}/collab/${docId}?token=${encodeURIComponent(token)}`);
          ws.binaryType = 'arraybuffer';
          ws.onopen = () => ws.send(new Uint8Array(bytes));
          ws.onerror = () => reject(new Error('socket failed'));
          ws.onmessage = (e) => {
            const type = new Uint8Array(e.data as ArrayBuffer)[0];
            if (type === 101) reject(new Error('the server rejected the legacy item'));
            if (type === 100) {
              ws.close();
              resolve();
            }
          };
        }),
      { bytes: Array.from(encoding.toUint8Array(frame)), docId: DOC, token },
    );
    const gertField = await statementWith(gert.page, 'Verzuim door angst');
    const pienField = await statementWith(pien.page, 'Verzuim door angst');

    // Gert's first keystroke turns the plain string into a Y.Text (the one moment where the last writer
    // wins); Pien's field follows the new text.
    await gertField.click();
    await gertField.press('Control+End');
    await gert.page.keyboard.type(' op school');
    await expect.poll(() => pienField.inputValue()).toBe('Verzuim door angst op school');

    await pienField.click();
    await pienField.press('Control+Home');
    await typeAtOnce([gert.page, ' en thuis'], [pien.page, 'Misschien: ']);
    const merged = 'Misschien: Verzuim door angst op school en thuis';
    await expect.poll(() => gertField.inputValue()).toBe(merged);
    await expect.poll(() => pienField.inputValue()).toBe(merged);
    await waitSaved(gert.page);
    await waitSaved(pien.page);
    await gert.page.reload();
    expect(await (await statementWith(gert.page, merged)).inputValue()).toBe(merged);
  });

  it('had no errors on the pages', () => {
    expect([...gert.errors, ...pien.errors].filter((e) => !/Failed to load resource/.test(e))).toEqual([]);
  });
});
