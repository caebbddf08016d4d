/**
 * The analysis in the layout of 002 Bijlage 1 ("Toelichting Verklarende Analyse"), in real browsers
 * against the real (demo) server, on a new case of Sem (8), who has no account (access from 12):
 * - two parents each write their own part of the request for help, and cannot write in the other's;
 * - a professional records Sem's part "zoals verteld door" him, named on the page;
 * - the Bijlage 1 headings and our marked additions are on the page; a phone shows it without sideways scroll;
 * - the PDF of the dossier holds every part with its person, and who recorded the child's words.
 */
import { SECTION_GROUPS } from '@samenspraak/shared';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { launchBrowser, screenshot } from '../support/browser.js';
import { editor, sectionBlock, typeAtEnd, waitEditable, waitSaved } from '../support/documentPage.js';
import { pdfText } from '../support/pdfText.js';

let browser: Browser;
let app: DemoApp;
const contexts: BrowserContext[] = [];
let caseId = '';
const ids: Record<string, string> = {};
const errors: string[] = [];

async function open(login: string, device: 'laptop' | 'phone' = 'laptop'): Promise<Page> {
  const context = await app.contextAs(browser, login, device);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`${login}: ${err.message}`));
  await page.goto(`${app.server.url}/zaken/${caseId}/analyse`);
  return page;
}

const part = (userId: string) => `hulpvraag_ouder_${userId}`;

beforeAll(async () => {
  browser = await launchBrowser();
  app = await startDemoApp();
  for (const login of [demo.gedragswetenschapper, demo.jeugdhulpaanbieder, demo.marieke, demo.henk]) {
    const me = await app.apiAs<{ user: { id: string } }>(login, 'GET', '/api/auth/me');
    ids[login] = me.user.id;
  }
  const created = await app.apiAs<{ case: { id: string } }>(demo.procesregisseur, 'POST', '/api/cases', {
    youngPerson: { name: 'Sem Bakker', dateOfBirth: '2018-03-04', municipality: 'Alkmaar' },
    region: 'Alkmaar (Noord-Kennemerland)',
    responsibleScientistId: ids[demo.gedragswetenschapper],
  });
  caseId = created.case.id;
  for (const [login, role] of [
    [demo.jeugdhulpaanbieder, 'jeugdhulpaanbieder'],
    [demo.marieke, 'ouder'],
    [demo.henk, 'ouder'],
  ] as const) {
    await app.apiAs(demo.procesregisseur, 'POST', `/api/cases/${caseId}/participants`, { userId: ids[login], role });
  }
});

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
});

describe('002 Bijlage 1: the request for help in the words of each person', () => {
  it('two parents each write their own part, and may not write in the other’s', async () => {
    const marieke = await open(demo.marieke);
    const henk = await open(demo.henk, 'phone');
    const mariekePart = part(ids[demo.marieke] as string);
    const henkPart = part(ids[demo.henk] as string);
    await waitEditable(marieke, mariekePart);
    await waitEditable(henk, henkPart);
    // Each part is labelled with the person: a title with their name, and "your own words" for them.
    // A parent reads the plain heading (issue #18) with the Bijlage 1 title next to it.
    expect(await sectionBlock(marieke, mariekePart).getByRole('heading').first().textContent()).toContain(
      'Hulpvraag van Marieke (ouder) — in eigen woorden',
    );
    expect(await sectionBlock(marieke, mariekePart).getByTestId('own-words').textContent()).toBe('In je eigen woorden');
    expect(await sectionBlock(marieke, henkPart).getByTestId('own-words').textContent()).toBe(
      'In eigen woorden van Henk',
    );
    expect(await editor(marieke, henkPart).getAttribute('contenteditable')).toBe('false');
    expect(await editor(henk, mariekePart).getAttribute('contenteditable')).toBe('false');

    await typeAtEnd(marieke, mariekePart, 'Ik wil dat Sem weer lacht 🙂');
    await typeAtEnd(henk, henkPart, 'Ik wil rust in huis.');
    await waitSaved(marieke);
    await waitSaved(henk);
    await expect.poll(() => editor(henk, mariekePart).textContent()).toContain('Ik wil dat Sem weer lacht');
    await expect.poll(() => editor(marieke, henkPart).textContent()).toContain('Ik wil rust in huis.');
  });

  it('a professional records the words of Sem (under 12) "zoals verteld", and the page says so', async () => {
    const pien = await open(demo.jeugdhulpaanbieder);
    const young = sectionBlock(pien, 'hulpvraag_jeugdige');
    await young.getByTestId('recorder').waitFor();
    expect(await young.getByTestId('recorder').textContent()).toContain('Sem is jonger dan 12');
    expect(await editor(pien, 'hulpvraag_jeugdige').getAttribute('contenteditable')).toBe('false');
    await young.getByRole('button', { name: 'Ik schrijf op wat Sem vertelt' }).click();
    await waitEditable(pien, 'hulpvraag_jeugdige');
    await expect
      .poll(() => young.getByTestId('own-words').textContent())
      .toBe('In eigen woorden van Sem — opgetekend door Pien Smit (zoals verteld door Sem)');
    await typeAtEnd(pien, 'hulpvraag_jeugdige', 'Ik wil weer voetballen met papa.');
    await waitSaved(pien);

    // The Bijlage 1 headings, and our additions marked as not from Bijlage 1.
    for (const group of Object.values(SECTION_GROUPS))
      expect(await pien.getByRole('heading', { name: group.nl, exact: true }).count(), group.nl).toBe(1);
    expect(await sectionBlock(pien, 'veiligheid').getByTestId('addition').textContent()).toBe(
      'Toevoeging Samenspraak (niet uit Bijlage 1)',
    );
    expect(await sectionBlock(pien, 'probleemgedrag').getByTestId('addition').count()).toBe(0);
    await expectNoSeriousViolations(pien, 'analysis template (professional)');
  });

  it('on a phone (360 px) the parts fit without sideways scrolling', async () => {
    // Alone on the document: another person's cursor label near the edge is not the layout under test.
    for (const c of contexts.splice(0)) await c.close();
    const context = await browser.newContext({ viewport: { width: 360, height: 780 }, locale: 'nl-NL' });
    contexts.push(context);
    await context.addCookies([
      {
        name: 'samenspraak_session',
        value: await app.sessionCookie(demo.henk),
        url: app.server.url,
        httpOnly: true,
        sameSite: 'Strict',
      },
    ]);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/zaken/${caseId}/analyse`);
    await waitEditable(page, part(ids[demo.henk] as string));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(page, 'analysis-template-phone-360');
    await expectNoSeriousViolations(page, 'analysis template (parent, phone)');
  });

  it('the PDF of the dossier shows every part with its person, and who recorded Sem’s words', async () => {
    const cookie = await app.sessionCookie(demo.gedragswetenschapper);
    const res = await fetch(`${app.server.url}/api/cases/${caseId}/export.pdf`, {
      headers: { Cookie: `samenspraak_session=${cookie}`, Origin: app.server.url },
    });
    expect(res.status).toBe(200);
    const text = (await pdfText(new Uint8Array(await res.arrayBuffer()))).replace(/\s+/g, ' ');
    expect(text).toContain(
      'Hulpvraag van de jeugdige — in eigen woorden — opgetekend door Pien Smit (zoals verteld door Sem)',
    );
    expect(text).toContain('Ik wil weer voetballen met papa.');
    expect(text).toContain('Hulpvraag van Marieke (ouder) — in eigen woorden');
    expect(text).toContain('Ik wil dat Sem weer lacht');
    expect(text).toContain('Hulpvraag van Henk (ouder) — in eigen woorden');
    expect(text).toContain('Ik wil rust in huis.');
    expect(text).toContain('Veiligheid — Toevoeging Samenspraak (niet uit Bijlage 1)');
    expect(errors).toEqual([]);
  });
});
