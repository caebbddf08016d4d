/**
 * The future plan from 16 in a real browser against the real server (demo case Sanne, 16½):
 *  - the local team, on a 360 px phone, sees the half-year check failing on the care switch
 *    (Jeugdwet → Zvw without a date and a contact at the new funder), arranges it, and sees it pass;
 *  - the BIG5 shows "let go only when all five are stable";
 *  - Sanne reads the plan without the check and writes her own comment on a domain;
 *  - axe finds no serious violation on either page.
 * Screenshots in e2e/artifacts/future-plan-*.png.
 */
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { launchBrowser, screenshot } from '../support/browser.js';

const CASE = demoCases.sanne;
const LIVE = { timeout: 15_000 };

let app: DemoApp;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
}, 120_000);
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
});

describe('the future plan: a funder change at 18 arranged turns the half-year check to passing', () => {
  it('the local team arranges the care switch on a phone; the check flips from failing to passing', async () => {
    const lotte = await app.pageAs(browser, demo.lokaalTeam, `/zaken/${CASE}/toekomstplan`, 'phone');
    contexts.push(lotte.context);
    const page = lotte.page;
    await page.setViewportSize({ width: 360, height: 780 });
    const check = page.getByTestId('half-year-check');
    await expect.poll(() => check.getAttribute('data-state'), LIVE).toBe('failing');
    expect(await check.locator('[data-check="newFunderEngaged"]').getAttribute('data-ok')).toBe('no');
    expect(await check.textContent()).toContain('Zorg en welzijn');
    await expect
      .poll(() => page.getByTestId('big5').textContent(), LIVE)
      .toContain('Laat pas los als alle vijf stabiel zijn.');
    await expectNoSeriousViolations(page, 'future plan (local team, 360 px, failing)');
    // No horizontal scroll on a 360 px phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    const zorg = page.getByTestId('plan-domain-zorg');
    await zorg.locator('summary').click();
    await zorg.getByLabel('Overstap geregeld op').fill('2026-11-20');
    await zorg.getByLabel('Contactpersoon bij de nieuwe financier').fill('Dr. Mirjam Smit, intake volwassenen-ggz');
    await screenshot(page, 'future-plan-360-editing');
    await zorg.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => check.getAttribute('data-state'), LIVE).toBe('passing');
    expect(await zorg.locator('summary').textContent()).toContain('Overstap geregeld');
    await expectNoSeriousViolations(page, 'future plan (local team, 360 px, passing)');
    await screenshot(page, 'future-plan-360-passing');
    expect(lotte.errors).toEqual([]);
  });

  it('a move near 18 without a reason is refused in Dutch', async () => {
    const lotte = await app.pageAs(browser, demo.lokaalTeam, `/zaken/${CASE}/toekomstplan`);
    contexts.push(lotte.context);
    const moves = lotte.page.getByTestId('plan-moves');
    await expect.poll(() => moves.count(), LIVE).toBe(1);
    const { plan } = await app.apiAs<{ plan: { eighteenOn: string } }>(
      demo.lokaalTeam,
      'GET',
      `/api/cases/${CASE}/future-plan`,
    );
    await moves.locator('summary').click();
    await moves.getByLabel('Datum verhuizing').fill(plan.eighteenOn);
    await moves.getByRole('button', { name: 'Verhuizing vastleggen' }).click();
    await expect.poll(() => moves.getByRole('alert').textContent(), LIVE).toContain('nooit een reden om te verhuizen');
  });

  it('Sanne reads her plan without the check and writes her own comment', async () => {
    const sanne = await app.pageAs(browser, demo.sanne, `/zaken/${CASE}/toekomstplan`, 'phone');
    contexts.push(sanne.context);
    const page = sanne.page;
    await page.setViewportSize({ width: 360, height: 780 });
    const panel = page.getByTestId('future-plan-panel');
    await expect.poll(() => panel.count(), LIVE).toBe(1);
    expect(await page.getByTestId('half-year-check').count()).toBe(0);
    const wonen = page.getByTestId('plan-domain-wonen');
    await wonen.locator('summary').click();
    await wonen.getByLabel('Reactie van de jongere').fill('Ik wil in Hoorn blijven wonen.');
    await wonen.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => wonen.getByRole('status').textContent(), LIVE).toContain('Opgeslagen');
    const { plan } = await app.apiAs<{ plan: { domains: { domain: string; youthComment: string }[] } }>(
      demo.lokaalTeam,
      'GET',
      `/api/cases/${CASE}/future-plan`,
    );
    expect(plan.domains.find((d) => d.domain === 'wonen')?.youthComment).toBe('Ik wil in Hoorn blijven wonen.');
    await expectNoSeriousViolations(page, 'future plan (young person, 360 px)');
    await screenshot(page, 'future-plan-360-sanne');
    expect(sanne.errors).toEqual([]);
  });
});
