/**
 * The issue's "Done means" journey in one go, in real browsers against the real server (demo case of
 * Daan, 14, and his mother Marieke, with the demo example text in the professionals' sections):
 *   analysis requested → written by three people (scientist, the parent in her own part, the young person
 *   in his) → endorsed by the parent → text changed → endorsement flagged (and in her inbox) →
 *   re-endorsed → sign-off (refused first, with its Dutch reasons; then done: the 6-week clock stops) →
 *   placement decision recorded against that version → lokaal → RET → BEN-NH → DBT, each step by its
 *   role, the DBT step carrying the analysis as readable text → breakthrough session with two
 *   commitments → the young person on his phone sees where the case went and what was promised; a
 *   commitment is marked met and his page follows.
 * Everything a person does goes through the UI. Screenshots in e2e/artifacts/journey-*.png.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { artifactsDir, launchBrowser, screenshot } from '../support/browser.js';
import { editor, ownParentPart, typeAtEnd, waitEditable, waitSaved } from '../support/documentPage.js';

const CASE = demoCases.daan;
const LIVE = { timeout: 15_000 };
const words = {
  scientist: 'Op school en thuis loopt de spanning op; Daan heeft rust en een kleine klas nodig.',
  parent: 'Ik wil dat Daan weer naar school gaat en dat er thuis minder ruzie is.',
  young: 'Ik wil naar een kleine school en thuis geen ruzie meer.',
  change: ' Eerst een rustige week thuis.',
  placement: 'Daan woont een half jaar in het gezinshuis De Duinen, dicht bij zijn opa.',
  bottleneck: 'Er is geen school met een kleine klas voor Daan in de regio.',
};
const promises = [
  { organisation: 'Jeugdhulp De Duinen', what: 'Een plek in het gezinshuis De Duinen', due: '2027-02-01' },
  { organisation: 'Samenwerkingsverband VO', what: 'Een kleine klas op een school in Alkmaar', due: '2027-03-01' },
];

let app: DemoApp;
let browser: Browser;
const contexts: BrowserContext[] = [];
const errors: string[] = [];

async function open(login: string, path: string, device: 'laptop' | 'phone' = 'laptop'): Promise<Page> {
  const context = await app.contextAs(browser, login, device);
  contexts.push(context);
  const page = await context.newPage();
  page.on('pageerror', (err) => errors.push(`${login}: ${err.message}`));
  await page.goto(`${app.server.url}${path}`);
  return page;
}

async function endorse(page: Page, choice: string) {
  const panel = page.getByTestId('endorsement-panel');
  await panel.getByTestId('version-note').waitFor(LIVE);
  await panel.getByText(choice, { exact: true }).click();
  await panel.getByRole('button', { name: 'Opslaan' }).click();
  await expect.poll(() => panel.getByTestId('endorsement-status').textContent(), LIVE).toBe('Je mening is opgeslagen.');
}

/** The texts of the list items under "Nog nodig voor vaststellen". */
const missingReasons = (page: Page) => page.getByTestId('sign-off-missing').locator('li').allTextContents();

/** One step up the ladder, through the escalation panel on the case page, as `page`'s person. */
async function escalate(page: Page, choice: string, bottleneck: string, tried: string) {
  const panel = page.locator('section.escalation').filter({ has: page.getByRole('heading', { name: 'Opschalen' }) });
  await panel.getByText(choice, { exact: true }).waitFor(LIVE);
  await panel.getByText(choice, { exact: true }).click();
  await panel.getByLabel('Wat is het knelpunt?').fill(bottleneck);
  await panel.getByLabel('Wat is al geprobeerd?').fill(tried);
  await panel.getByRole('button', { name: 'Stap vastleggen' }).click();
  await expect.poll(() => panel.locator('.esc-step').first().textContent(), LIVE).toContain(bottleneck);
}

beforeAll(async () => {
  // With the example text (what `npm start` shows): the professionals' sections hold words; the own-words
  // parts of Daan and Marieke are empty, as a family finds them.
  [app, browser] = await Promise.all([startDemoApp({ exampleText: true }), launchBrowser()]);
}, 120_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
});

describe('from "analyse aangevraagd" to the promises the young person reads', () => {
  let gert: Page;
  let marieke: Page;

  it('the scientist records the request: the 6-week clock runs from today', async () => {
    gert = await open(demo.gedragswetenschapper, `/zaken/${CASE}/analyse`);
    const clock = gert.getByTestId('analysis-clock');
    await expect.poll(() => clock.textContent(), LIVE).toContain('Geen aanvraag vastgelegd');
    await clock.getByRole('button', { name: 'Analyse aangevraagd' }).click();
    await expect.poll(() => clock.textContent(), LIVE).toContain('Aangevraagd op');
    expect(await clock.getAttribute('data-state')).toBe('running');
    expect(await gert.getByTestId('sign-off-status').textContent()).toContain('De termijn van 6 weken loopt.');
    expect(await clock.getByRole('button', { name: 'Analyse aangevraagd' }).count()).toBe(0);
  });

  it('sign-off is refused while nobody of the family agreed and education was not consulted, each reason once', async () => {
    await expect
      .poll(() => missingReasons(gert), LIVE)
      .toEqual([
        'Instemming van de jeugdige of een ouder met deze versie, of een reden waarom dat niet kan.',
        'Leg vast dat het onderwijs is geraadpleegd.',
      ]);
    expect(await gert.getByTestId('sign-off').getByRole('button', { name: 'Vaststellen' }).isDisabled()).toBe(true);
    await screenshot(gert, 'journey-1-sign-off-refused');
    await gert.getByTestId('sign-off-panel').screenshot({ path: `${artifactsDir}/journey-1-sign-off-panel.png` });
  });

  it('three people write: the scientist, the mother in her own part, Daan in his', async () => {
    marieke = await open(demo.marieke, `/zaken/${CASE}/analyse`);
    const daan = await open(demo.daan, `/zaken/${CASE}/analyse`);
    const parentPart = await ownParentPart(marieke);
    await Promise.all([
      waitEditable(gert, 'hulpvraag_professionals'),
      waitEditable(marieke, parentPart),
      waitEditable(daan, 'hulpvraag_jeugdige'),
    ]);
    // Each writes only where it is theirs to write.
    expect(await editor(marieke, 'hulpvraag_jeugdige').getAttribute('contenteditable')).toBe('false');
    expect(await editor(daan, parentPart).getAttribute('contenteditable')).toBe('false');
    await typeAtEnd(gert, 'hulpvraag_professionals', ` ${words.scientist}`);
    await typeAtEnd(marieke, parentPart, words.parent);
    await typeAtEnd(daan, 'hulpvraag_jeugdige', words.young);
    await Promise.all([waitSaved(gert), waitSaved(marieke), waitSaved(daan)]);
    // Live, everyone reads the others' words.
    await expect.poll(() => editor(gert, parentPart).textContent(), LIVE).toContain(words.parent);
    await expect.poll(() => editor(gert, 'hulpvraag_jeugdige').textContent(), LIVE).toContain(words.young);
    await expect.poll(() => editor(daan, 'hulpvraag_professionals').textContent(), LIVE).toContain(words.scientist);
    await screenshot(daan, 'journey-2-young-person-wrote');
    await daan.context().close();
  });

  it('the mother agrees; the text changes; her agreement is flagged and in her inbox; she agrees again', async () => {
    await endorse(marieke, 'Ik ben het ermee eens');
    await expect.poll(() => missingReasons(gert), LIVE).toEqual(['Leg vast dat het onderwijs is geraadpleegd.']);

    await waitEditable(gert, 'aanknopingspunten');
    await typeAtEnd(gert, 'aanknopingspunten', words.change);
    await waitSaved(gert);
    await marieke.getByTestId('your-earlier-version').waitFor(LIVE);
    expect(await marieke.getByTestId('endorsement-list').textContent()).toContain('gegeven op een eerdere versie');
    await expect.poll(() => missingReasons(gert), LIVE).toHaveLength(2);
    await screenshot(marieke, 'journey-3-endorsement-earlier-version');
    await marieke
      .getByTestId('endorsement-panel')
      .screenshot({ path: `${artifactsDir}/journey-3-endorsement-panel.png` });
    await expectNoSeriousViolations(marieke, 'analysis (parent, endorsement on an earlier version)');

    // Her inbox has the item, in words, and it opens the analysis.
    const inbox = await open(demo.marieke, '/inbox', 'phone');
    const item = inbox.locator('[data-testid="inbox-item"][data-kind="endorsement-outdated"]');
    await expect.poll(() => item.count(), LIVE).toBe(1);
    expect(await item.textContent()).toContain('Een stuk waar jij het mee eens was is veranderd. Kijk je nog eens?');
    expect(await item.getAttribute('data-unread')).toBe('true');
    await screenshot(inbox, 'journey-4-parent-inbox-phone');
    await expectNoSeriousViolations(inbox, 'inbox (parent, phone)');
    await item.getByRole('link').click();
    await expect.poll(() => new URL(inbox.url()).pathname, LIVE).toBe(`/zaken/${CASE}/analyse`);
    await inbox.context().close();

    await endorse(marieke, 'Ik ben het ermee eens');
    await expect.poll(() => marieke.getByTestId('your-earlier-version').count(), LIVE).toBe(0);
  });

  it('education consulted, then the scientist signs off and the clock stops', async () => {
    const facts = gert.locator('.doc-panel__facts');
    await facts.locator('summary').click();
    await facts.getByLabel('Wie van het onderwijs is geraadpleegd?').fill('Olga Peters (SWV)');
    await facts.getByLabel('Wanneer?').fill('2026-11-20');
    await facts.getByRole('button', { name: 'Raadpleging vastleggen' }).click();
    const signOff = gert.getByTestId('sign-off');
    await expect.poll(() => signOff.textContent(), LIVE).toContain('Alles is klaar om vast te stellen.');
    await signOff.getByRole('button', { name: 'Vaststellen' }).click();
    await gert.getByTestId('sign-off-dialog').getByRole('button', { name: 'Ja, vaststellen' }).click();
    const clock = gert.getByTestId('analysis-clock');
    await expect.poll(() => clock.getAttribute('data-state'), LIVE).toBe('stopped');
    expect(await clock.textContent()).toContain('Gestopt: de analyse is vastgesteld op');
    await expect.poll(() => gert.getByTestId('version-list').textContent(), LIVE).toMatch(/vastgesteld/);
    await screenshot(gert, 'journey-5-signed-off-clock-stopped');
    await gert.getByTestId('sign-off-panel').screenshot({ path: `${artifactsDir}/journey-5-sign-off-panel.png` });
  });

  let ria: Page;

  it('the process director records a placement decision; it shows the analysis version it rests on', async () => {
    ria = await open(demo.procesregisseur, `/zaken/${CASE}`);
    const panel = ria.getByTestId('placement-decisions');
    await panel.locator('summary', { hasText: 'Besluit vastleggen' }).click();
    await panel.getByText('Uithuisplaatsing', { exact: true }).click();
    await panel.getByLabel('Wat is besloten?').fill(words.placement);
    await panel.getByRole('button', { name: 'Besluit vastleggen' }).click();
    const decision = panel.getByTestId('placement-decision');
    await expect.poll(() => decision.count(), LIVE).toBe(1);
    const text = (await decision.textContent()) ?? '';
    expect(text).toContain(words.placement);
    expect(text).toContain('Volgt de analyse');
    // The version name the scientist's sign-off created, as the version list shows it.
    expect(text).toMatch(/Op de vastgestelde analyse “[^”]*vastgesteld[^”]*” van \d/);
    // The cleared field after saving is not shown as wrongly filled in (no red border).
    expect(await panel.getByLabel('Wat is besloten?').evaluate((el) => el.matches(':user-invalid'))).toBe(false);
    await decision.scrollIntoViewIfNeeded();
    await screenshot(ria, 'journey-6-placement-decision');
    await panel.screenshot({ path: `${artifactsDir}/journey-6-placement-panel.png` });
  });

  it('lokaal → RET (local team) → BEN-NH → DBT (process director), the DBT step with the readable analysis', async () => {
    const lotte = await open(demo.lokaalTeam, `/zaken/${CASE}`);
    await escalate(
      lotte,
      'Opschalen naar RET',
      'Lokaal lukt het niet: Daan gaat al maanden niet naar school.',
      'Acht gesprekken en een schoolwissel.',
    );
    await lotte.context().close();
    await ria.reload();
    await escalate(
      ria,
      'Opschalen naar BEN-NH',
      'Het RET vindt geen passend aanbod in de regio.',
      'Drie scholen en twee aanbieders gevraagd.',
    );
    await escalate(
      ria,
      'Opschalen naar Doorbraakteam',
      words.bottleneck,
      'Drie scholen, een zorgboerderij en BEN-NH-advies.',
    );
    const dbtStep = ria.locator('.esc-step').first();
    await dbtStep.locator('details.esc-analysis summary').click();
    const analysis = dbtStep.locator('details.esc-analysis');
    await expect.poll(() => analysis.textContent(), LIVE).toContain(words.young);
    const readable = (await analysis.textContent()) ?? '';
    expect(readable).toContain(words.parent);
    expect(readable).toContain(words.scientist);
    expect(readable).toContain(words.change.trim());
    await analysis.scrollIntoViewIfNeeded();
    await screenshot(ria, 'journey-7-dbt-step-analysis');
    await dbtStep.screenshot({ path: `${artifactsDir}/journey-7-dbt-step.png` });
    await expectNoSeriousViolations(ria, 'case page (process director: placement decision, escalation)');
  });

  it('a breakthrough session; the director records two commitments', async () => {
    await ria.goto(`${app.server.url}/zaken/${CASE}/doorbraak`);
    await ria.getByRole('button', { name: 'Sessie plannen' }).click();
    await expect.poll(() => ria.getByTestId('dbt-session').count(), LIVE).toBe(1);
    const me = await app.apiAs<{ user: { id: string } }>(demo.dbtLid, 'GET', '/api/auth/me');
    const pick = ria.getByLabel('Bestuurder met mandaat');
    await expect.poll(() => pick.locator('option').count(), LIVE).toBeGreaterThan(1);
    await pick.selectOption(me.user.id);
    await ria.getByRole('button', { name: 'Uitnodigen' }).click();
    await expect.poll(() => ria.locator('.breakthrough').textContent(), LIVE).toContain('Dirk Jacobs');

    const dirk = await open(demo.dbtLid, `/zaken/${CASE}/doorbraak`);
    await expect.poll(() => dirk.locator('.breakthrough__brief').textContent(), LIVE).toContain(words.bottleneck);
    for (const [i, p] of promises.entries()) {
      await dirk.getByLabel('Organisatie').fill(p.organisation);
      await dirk.getByLabel('Wat zeg je toe?').fill(p.what);
      await dirk.getByLabel('Uiterlijk op').fill(p.due);
      await dirk.getByRole('button', { name: 'Toezegging vastleggen' }).click();
      await expect.poll(() => dirk.getByTestId('commitment').count(), LIVE).toBe(i + 1);
    }
    await expect.poll(() => ria.getByTestId('commitment').count(), LIVE).toBe(2);
    await screenshot(dirk, 'journey-8-commitments-director');
    await dirk.context().close();
  });

  it('Daan on his phone reads where the case went and the two promises; one is met and his page follows', async () => {
    const daan = await open(demo.daan, `/zaken/${CASE}`, 'phone');
    const section = daan.locator('section.family-escalation');
    await expect.poll(() => section.locator('.family-promise').count(), LIVE).toBe(2);
    const seen = (await section.textContent()) ?? '';
    expect(seen).toContain('De zaak ligt nu bij het Doorbraakteam');
    for (const went of ['Naar het Regionaal Expertteam (RET)', 'Naar BEN-NH', 'Naar het Doorbraakteam'])
      expect(seen).toContain(went);
    expect(seen).toContain(words.bottleneck);
    const promiseTexts = await section.locator('.family-promise').allTextContents();
    for (const p of promises) {
      const shown = promiseTexts.find((t) => t.includes(`${p.organisation} belooft:`)) ?? '';
      expect(shown).toContain(p.what);
      expect(shown).toMatch(/Uiterlijk \d/);
      expect(shown).toContain('Nog niet gedaan');
    }
    for (const hidden of ['Dirk Jacobs', 'Ria de Graaf', 'Jeugdwet']) expect(seen).not.toContain(hidden);
    const overflow = await daan.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await section.scrollIntoViewIfNeeded();
    await screenshot(daan, 'journey-9-young-person-phone');
    await section.screenshot({ path: `${artifactsDir}/journey-9-young-person-phone-section.png` });
    await expectNoSeriousViolations(daan, 'case page (young person, phone)');

    // The process director marks the first promise met; Daan's open page follows.
    const first = promises[0] as (typeof promises)[number];
    await ria.getByRole('button', { name: `Markeer de toezegging van ${first.organisation} als nagekomen` }).click();
    const promise = section.locator('.family-promise').filter({ hasText: `${first.organisation} belooft:` });
    await expect.poll(() => promise.locator('.family-promise__status').textContent(), LIVE).toBe('Gedaan');
    const other = section.locator('.family-promise').filter({ hasText: `${promises[1]?.organisation} belooft:` });
    expect(await other.locator('.family-promise__status').textContent()).toBe('Nog niet gedaan');
    await section.scrollIntoViewIfNeeded();
    await screenshot(daan, 'journey-10-young-person-phone-met');
    await section.screenshot({ path: `${artifactsDir}/journey-10-young-person-phone-section-met.png` });
    expect(errors).toEqual([]);
  });
});
