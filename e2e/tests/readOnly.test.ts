/**
 * A user whose token grants only 'read': the UI does not let them type, and an edit forged past the
 * UI (or sent over a raw WebSocket) is refused by the server — the writer's view stays unchanged.
 */
import { MessageType, RejectReason, SyncStep } from '@samenspraak/shared';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  launchBrowser,
  notes,
  notesValue,
  openPage,
  saveStatus,
  screenshot,
  type UserPage,
  waitForNotes,
  waitForSaved,
  waitUntilEditable,
} from '../support/browser.js';
import { startTestServer, type TestServer } from '../support/server.js';
import { documentUrl, signToken } from '../support/tokens.js';

const DOC = 'plan-noor';
const TEXT = 'Veiligheidsplan: bij ruzie thuis belt Noor haar tante.';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

let browser: Browser;
let server: TestServer;
const pages: UserPage[] = [];
let writer: UserPage;
let reader: UserPage;
let readerToken: string;

/** A Yjs update (from a client the server has never seen) inserting `text` into the notes. */
function forgedSyncUpdate(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getText('notities').insert(0, text);
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, MessageType.Sync);
  encoding.writeVarUint(encoder, SyncStep.Update);
  encoding.writeVarUint8Array(encoder, Y.encodeStateAsUpdate(doc));
  doc.destroy();
  return encoding.toUint8Array(encoder);
}

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startTestServer();
  const writerToken = await signToken(server.secret, {
    sub: 'wessel',
    name: 'Wessel Kok',
    role: 'gedragswetenschapper',
    docs: { [DOC]: 'write' },
  });
  readerToken = await signToken(server.secret, {
    sub: 'gemeente-1',
    name: 'Fatima Yilmaz',
    role: 'gemeente',
    docs: { [DOC]: 'read' },
  });
  writer = await openPage(browser, documentUrl(server.url, DOC, writerToken), 'laptop');
  pages.push(writer);
  await waitUntilEditable(writer.page);
  await notes(writer.page).click();
  await writer.page.keyboard.type(TEXT);
  await waitForSaved(writer.page);
  reader = await openPage(browser, documentUrl(server.url, DOC, readerToken), 'phone');
  pages.push(reader);
});

afterAll(async () => {
  for (const user of pages) await user.context.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
});

describe('alleen lezen', () => {
  it('shows the document read-only, with a note', async () => {
    await waitForNotes(reader.page, TEXT, 5000);
    expect(await notes(reader.page).getAttribute('readonly')).not.toBeNull();
    expect(await reader.page.getByText('Je kunt dit document alleen lezen').isVisible()).toBe(true);
    expect(await reader.page.getByTestId('user').textContent()).toContain('Alleen lezen');
    expect(await reader.page.getByTestId('user').textContent()).toContain('Gemeente');
    await expect.poll(() => saveStatus(reader.page).textContent()).toBe('Opgeslagen');
    await expect.poll(() => writer.page.getByTestId('presence').textContent()).toContain('Fatima Yilmaz');

    await notes(reader.page).click();
    await reader.page.keyboard.type('probeer te typen');
    expect(await notesValue(reader.page)).toBe(TEXT);
    await screenshot(reader.page, 'readonly-phone');
  });

  it('refuses an edit forged past the read-only textarea, and tells the reader', async () => {
    await reader.page.evaluate(() => {
      const area = document.querySelector('textarea');
      if (area) area.readOnly = false;
    });
    await notes(reader.page).click();
    await reader.page.keyboard.press('Control+End');
    await reader.page.keyboard.type(' NAGEMAAKT');
    expect(await notesValue(reader.page)).toContain('NAGEMAAKT');

    await expect
      .poll(() => reader.page.getByTestId('rejection').textContent(), { timeout: 5000 })
      .toContain('Je wijziging is niet opgeslagen: je kunt dit document alleen lezen.');
    expect(await reader.page.getByRole('button', { name: 'Laad het document opnieuw' }).isVisible()).toBe(true);
    expect(await saveStatus(reader.page).textContent()).toBe('Niet opgeslagen');
    await screenshot(reader.page, 'readonly-phone-rejected');

    await sleep(1000);
    expect(await notesValue(writer.page)).toBe(TEXT);
  });

  it('refuses a raw update sent over a WebSocket with the read-only token', async () => {
    const frame = forgedSyncUpdate('Ingevoegd door een nagemaakte client. ');
    const url = `${server.url.replace(/^http/, 'ws')}/collab/${DOC}?token=${encodeURIComponent(readerToken)}`;
    const received = await reader.page.evaluate(
      async ({ url, frame }) =>
        new Promise<number[][]>((resolve, reject) => {
          const ws = new WebSocket(url);
          ws.binaryType = 'arraybuffer';
          const messages: number[][] = [];
          let rejected = false;
          let saved = false;
          const timer = setTimeout(
            () => reject(new Error(`no Rejected+Saved within 5 s: ${JSON.stringify(messages)}`)),
            5000,
          );
          ws.onopen = () => ws.send(new Uint8Array(frame));
          ws.onmessage = (event) => {
            const bytes = Array.from(new Uint8Array(event.data as ArrayBuffer));
            if (bytes[0] === 101) rejected = true;
            if (bytes[0] === 100) saved = true;
            if (bytes[0] === 100 || bytes[0] === 101) messages.push(bytes);
            if (rejected && saved) {
              clearTimeout(timer);
              ws.close();
              resolve(messages);
            }
          };
          ws.onclose = (event) => {
            if (!(rejected && saved)) reject(new Error(`closed with ${event.code} ${event.reason}`));
          };
        }),
      { url, frame: Array.from(frame) },
    );

    const rejectedFrame = received.find((bytes) => bytes[0] === MessageType.Rejected);
    expect(rejectedFrame).toBeDefined();
    const decoder = decoding.createDecoder(Uint8Array.from(rejectedFrame ?? []));
    expect(decoding.readVarUint(decoder)).toBe(MessageType.Rejected);
    expect(decoding.readVarUint(decoder)).toBe(1); // the first update-bearing message of that connection
    expect(decoding.readVarString(decoder)).toBe(RejectReason.ReadOnly);

    const savedFrame = received.find((bytes) => bytes[0] === MessageType.Saved);
    const savedDecoder = decoding.createDecoder(Uint8Array.from(savedFrame ?? []));
    decoding.readVarUint(savedDecoder);
    expect(decoding.readVarUint(savedDecoder)).toBeGreaterThanOrEqual(1);

    await sleep(500);
    expect(await notesValue(writer.page)).toBe(TEXT);
  });

  it('the document on the server is unchanged', async () => {
    const token = await signToken(server.secret, {
      sub: 'check',
      name: 'Controle',
      role: 'beheerder',
      docs: { [DOC]: 'read' },
    });
    const fresh = await openPage(browser, documentUrl(server.url, DOC, token), 'laptop');
    pages.push(fresh);
    await waitForNotes(fresh.page, TEXT, 5000);
    expect(await notesValue(fresh.page)).toBe(TEXT);
    await screenshot(fresh.page, 'readonly-laptop');
  });

  it('the writer can still write', async () => {
    await waitUntilEditable(writer.page);
    await notes(writer.page).click();
    await writer.page.keyboard.press('Control+End');
    await writer.page.keyboard.type(' Afgesproken op 3 juni.');
    await waitForNotes(reader.page, 'Afgesproken op 3 juni.', 1000);
    await expect.poll(() => saveStatus(writer.page).textContent()).toBe('Opgeslagen');
  });
});
