/**
 * The decisions the analysis binds, end to end in a real browser against the real server (demo case Daan):
 *  - the behavioural scientist writes in the analysis and signs it off (the sign-off route of today);
 *  - a placement decision is recorded against that signed-off version; without it, it was refused;
 *  - the case goes RET → BEN-NH → DBT; the DBT step carries the signed-off version as readable text;
 *  - a breakthrough session, a director with two commitments;
 *  - the young person, on a 360 px phone, reads on their case page in plain words that the case went to
 *    the Doorbraakteam, why, and what each organisation promised by when — no names of people.
 * Screenshots in e2e/artifacts/decisions-*.png.
 */
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, SESSION_COOKIE, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { artifactsDir, launchBrowser, screenshot } from '../support/browser.js';
import { typeAtEnd, waitEditable, waitSaved } from '../support/documentPage.js';
import { signOffByApi } from '../support/signOff.js';

const CASE = demoCases.daan;
const base = `/api/cases/${CASE}`;
const LIVE = { timeout: 10_000 };
const phone360: BrowserContextOptions = {
  viewport: { width: 360, height: 780 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'nl-NL',
};
const bottleneck = 'Er is geen school met een kleine klas voor Daan in de regio.';

let app: DemoApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  // With the example text: the required Bijlage 1 parts of Daan's analysis hold words (the sign-off rule).
  [app, browser] = await Promise.all([startDemoApp({ exampleText: true }), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
});

/** An API call that may fail: its status and body. */
async function tryApi(login: string, method: string, path: string, body?: unknown) {
  try {
    return { status: 200, body: await app.apiAs<Record<string, unknown>>(login, method, path, body) };
  } catch (err) {
    return { status: Number((err as { status?: number }).status ?? 0), body: String((err as Error).message) };
  }
}

describe('a placement decision and a DBT case on a signed-off analysis, seen by the young person', () => {
  it('refuses the placement decision while the analysis is not signed off', async () => {
    const res = await tryApi(demo.procesregisseur, 'POST', `${base}/placement-decisions`, {
      kind: 'uithuisplaatsing',
      decision: 'Daan woont tijdelijk in een gezinshuis',
      followsAnalysis: true,
    });
    expect(res.status).not.toBe(200);
    expect(res.body).toContain('vastgestelde verklarende analyse');
  });

  it('the scientist writes the analysis and signs it off; the placement decision rests on that version', async () => {
    const scientist = await app.pageAs(browser, demo.gedragswetenschapper, `/zaken/${CASE}/analyse`);
    contexts.push(scientist.context);
    await waitEditable(scientist.page, 'hulpvraag_professionals');
    await typeAtEnd(scientist.page, 'hulpvraag_professionals', 'Daan loopt vast op school; thuis is veilig.');
    await waitSaved(scientist.page);
    await signOffByApi(app, CASE);
    const placed = await app.apiAs<{ decision: { analysis: { name: string } } }>(
      demo.procesregisseur,
      'POST',
      `${base}/placement-decisions`,
      { kind: 'uithuisplaatsing', decision: 'Daan woont tijdelijk in een gezinshuis', followsAnalysis: true },
    );
    expect(placed.decision.analysis.name).toMatch(/vastgesteld/);
    expect(scientist.errors).toEqual([]);
  });

  it('the monitor counts placement decisions that follow the analysis (bindend advies), small counts as "<5"', async () => {
    const greet = await app.pageAs(browser, demo.gemeente, '/monitor');
    contexts.push(greet.context);
    const chart = greet.page.locator('svg[role="img"][aria-label^="Plaatsingsbesluiten: volgen ze de analyse?"]');
    await expect.poll(() => chart.count(), { timeout: 15_000 }).toBe(1);
    expect(await chart.getAttribute('aria-label')).toMatch(/Volgt de analyse: minder dan 5/);
    expect(greet.errors).toEqual([]);
  });

  it('escalates to the DBT carrying the readable analysis; a director commits twice', async () => {
    for (const [to, why] of [
      ['ret', 'Lokaal lukt het niet'],
      ['ben-nh', 'Het RET vindt geen passend aanbod'],
      ['dbt', bottleneck],
    ] as const)
      await app.apiAs(demo.procesregisseur, 'POST', `${base}/escalation`, {
        to,
        bottleneck: why,
        tried: 'Drie scholen gevraagd',
      });
    const view = await app.apiAs<{
      history: { to: string; analysisVersion: { sections: { text: string }[] } | null }[];
    }>(demo.procesregisseur, 'GET', `${base}/escalation`);
    const dbtStep = view.history.find((s) => s.to === 'dbt');
    expect(dbtStep?.analysisVersion?.sections.map((s) => s.text).join(' ')).toContain('Daan loopt vast op school');
    const { session } = await app.apiAs<{ session: { id: string } }>(
      demo.procesregisseur,
      'POST',
      `${base}/breakthrough-sessions`,
      {
        scheduledAt: new Date(Date.now() + 3_600_000).toISOString(),
        followUpDays: 60,
      },
    );
    const me = await app.apiAs<{ user: { id: string } }>(demo.dbtLid, 'GET', '/api/auth/me');
    await app.apiAs(demo.procesregisseur, 'POST', `${base}/breakthrough-sessions/${session.id}/invitations`, {
      userId: me.user.id,
    });
    for (const [organisation, what] of [
      ['Jeugdhulp De Duinen', 'Een plek in het gezinshuis De Duinen'],
      ['Samenwerkingsverband VO', 'Een kleine klas op een school in Alkmaar'],
    ])
      await app.apiAs(demo.dbtLid, 'POST', `${base}/commitments`, {
        organisation,
        what,
        lawOrBudget: 'Jeugdwet',
        dueAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
      });

    // The professional sees the analysis as it was, readable, in the step.
    const ria = await app.pageAs(browser, demo.procesregisseur, `/zaken/${CASE}`);
    contexts.push(ria.context);
    const summary = ria.page.locator('details.esc-analysis summary').last();
    await expect.poll(() => summary.count(), LIVE).toBeGreaterThan(0);
    await summary.click();
    await expect
      .poll(() => ria.page.locator('details.esc-analysis').last().textContent(), LIVE)
      .toContain('Daan loopt vast op school');
    // The placement decision with the analysis version it rests on, on the case page.
    const placed = ria.page.getByTestId('placement-decision');
    await expect.poll(() => placed.count(), LIVE).toBe(1);
    expect(await placed.textContent()).toContain('Volgt de analyse');
    expect(await placed.textContent()).toContain('Op de vastgestelde analyse');
    await screenshot(ria.page, 'decisions-escalation-analysis-laptop');
    expect(ria.errors).toEqual([]);
  });

  it('the young person on a 360 px phone reads where the case went, why, and what was promised', async () => {
    const context = await browser.newContext(phone360);
    contexts.push(context);
    const cookie = await app.sessionCookie(demo.daan);
    await context.addCookies([
      { name: SESSION_COOKIE, value: cookie, url: app.server.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${app.server.url}/zaken/${CASE}`);
    const section = page.locator('section.family-escalation');
    await expect.poll(() => section.locator('.family-promise').count(), LIVE).toBe(2);
    const words = (await section.textContent()) ?? '';
    expect(words).toContain('De zaak ligt nu bij het Doorbraakteam');
    expect(words).toContain('Naar het Regionaal Expertteam (RET)');
    expect(words).toContain(bottleneck);
    expect(words).toContain('Jeugdhulp De Duinen belooft:');
    expect(words).toContain('Een kleine klas op een school in Alkmaar');
    expect(words).toContain('Nog niet gedaan');
    for (const hidden of ['Dirk Jacobs', 'Ria de Graaf', 'Drie scholen gevraagd', 'Jeugdwet'])
      expect(words).not.toContain(hidden);
    expect(await page.getByTestId('placement-decision').textContent()).toContain('Uithuisplaatsing');
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'decisions-family-phone-360');
    await section.screenshot({ path: `${artifactsDir}/decisions-family-section-phone-360.png` });
    await expectNoSeriousViolations(page, 'case page (young person, escalation in plain words)');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(errors).toEqual([]);
  });

  it('pas op de plaats: the parent agrees on the joint risks for the parents, on her phone', async () => {
    await app.apiAs(demo.procesregisseur, 'POST', `${base}/joint-risks`, {
      risks: [{ risk: 'Daan blijft thuis zonder school tijdens de time-out', bornBy: ['ouders', 'aanbieder'] }],
    });
    const context = await browser.newContext(phone360);
    contexts.push(context);
    const cookie = await app.sessionCookie(demo.marieke);
    await context.addCookies([
      { name: SESSION_COOKIE, value: cookie, url: app.server.url, httpOnly: true, sameSite: 'Strict' },
    ]);
    const page = await context.newPage();
    await page.goto(`${app.server.url}/zaken/${CASE}`);
    const panel = page.getByTestId('joint-risks');
    await expect.poll(() => panel.getByTestId('joint-risk-record').count(), LIVE).toBe(1);
    expect(await panel.textContent()).toContain('Ouders: nog niet ingestemd');
    await panel.getByRole('button', { name: 'Instemmen namens Ouders' }).click();
    await expect.poll(() => panel.textContent(), LIVE).toContain('Ouders: ingestemd door Marieke Visser');
    await panel.screenshot({ path: `${process.cwd()}/e2e/artifacts/decisions-joint-risks-parent-phone-360.png` });
    await expectNoSeriousViolations(page, 'case page (parent, joint risks)');
  });
});
