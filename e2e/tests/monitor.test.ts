/**
 * The RET monitor in a real browser (issue 17): a demo server, then `demo-region --cases 400` (the real
 * operator command) fills the nine regions; the RET chair of Alkmaar opens the monitor and sees every
 * breakdown with real numbers, downloads the CSV and the PDF (whose text carries a figure shown on the
 * page), the future plan's half-year check as counts, and the page passes axe. A municipality sees
 * itself (and its half-year check); asking for another is refused.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MonitorView } from '@samenspraak/shared';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { artifactsDir, launchBrowser, screenshot } from '../support/browser.js';
import { repoRoot } from '../support/server.js';

let app: DemoApp;
let browser: Browser;

beforeAll(async () => {
  app = await startDemoApp();
  const out = execFileSync(
    process.execPath,
    [path.join(repoRoot, 'server/dist/admin/cli.js'), 'demo-region', '--cases', '400', '--seed', '17'],
    { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'test', DATA_DIR: app.server.dataDir, DATABASE_URL: '' } },
  ).toString();
  expect(out).toMatch(/^400 demo cases/);
  browser = await launchBrowser();
}, 180_000);
afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

const BREAKDOWNS = [
  'Wie meldde aan',
  'Soort vraag: consultatie en advies of procesregie',
  'Soort problematiek',
  'Gaat de jongere naar school? Naar aanmelder',
  'Verklarende analyse gemaakt, en hoe snel',
  'BEN-NH en Doorbraakteam',
  'Maatregel en wachten op passende hulp',
  'Toezeggingen van het Doorbraakteam',
  'Plaatsingsbesluiten: volgen ze de analyse?',
];

describe('the monitor with a generated region', () => {
  it('shows every breakdown, the trend, downloads CSV and PDF, and passes axe', async () => {
    const { page, errors, context } = await app.pageAs(browser, demo.procesregisseur, '/monitor');
    await page.getByRole('heading', { level: 1, name: /Monitor: regio Alkmaar/ }).waitFor({ timeout: 30_000 });
    await page.getByRole('heading', { name: 'Aanmeldingen per jaar' }).waitFor();
    for (const title of BREAKDOWNS) await page.getByRole('heading', { name: title, exact: true }).waitFor();
    expect(await page.locator('.monitor__panel').count()).toBe(9);
    expect(await page.locator('svg[role="img"]').count()).toBeGreaterThanOrEqual(9);

    // The page's figures are the API's figures; the region has real numbers (not all "<5").
    const view = await app.apiAs<{ monitor: MonitorView }>(demo.procesregisseur, 'GET', '/api/monitor');
    const registrants = view.monitor.tables[0];
    // The headline: the region's total of registrations is shown (suppression hides municipality
    // figures before the region's), on the page, in the CSV and in the PDF.
    expect(typeof registrants?.grandTotal).toBe('number');
    const total = String(registrants?.grandTotal);
    await expect.poll(() => page.locator('.monitor__big').textContent()).toBe(total);
    const bigNumbers = view.monitor.tables
      .flatMap((t) => t.cells.flat())
      .filter((v) => typeof v === 'number' && v >= 5);
    expect(bigNumbers.length).toBeGreaterThan(0);

    // The future plan's half-year check, as counts, below the breakdowns (the same suppression).
    const halfYear = page.getByTestId('half-year-check-panel');
    await halfYear.getByRole('table').first().waitFor({ timeout: 15_000 });
    const counts = await app.apiAs<{ counts: { overall: { total: unknown } } }>(
      demo.procesregisseur,
      'GET',
      '/api/future-plan/half-year-check/counts',
    );
    const overall = counts.counts.overall.total;
    const firstRow = halfYear.getByRole('table').first().getByRole('row').nth(1);
    await expect.poll(() => firstRow.textContent()).toContain(overall === 'hidden' ? 'verborgen' : String(overall));

    await page.getByText('Per jaar').first().click();
    await screenshot(page, 'monitor-generated-region');
    await halfYear.screenshot({ path: path.join(artifactsDir, 'monitor-half-year-check.png') });
    await expectNoSeriousViolations(page, 'monitor with a generated region');

    const dir = mkdtempSync(path.join(tmpdir(), 'monitor-e2e-'));
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('Download als CSV (Excel)').click(),
    ]);
    const csvFile = path.join(dir, 'monitor.csv');
    await csv.saveAs(csvFile);
    const csvText = readFileSync(csvFile, 'utf8');
    expect(csvText.charCodeAt(0)).toBe(0xfeff);
    expect(csvText).toContain('Tabel;Onderwerp;');
    expect(csvText).toContain(`;${total}\r\n`);

    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page.getByText('Download als PDF-rapport').click(),
    ]);
    const pdfFile = path.join(dir, 'monitor.pdf');
    await pdf.saveAs(pdfFile);
    expect(readFileSync(pdfFile).subarray(0, 5).toString()).toBe('%PDF-');
    const pdfText = execFileSync('pdftotext', ['-layout', pdfFile, '-']).toString();
    expect(pdfText).toContain('RET-monitor');
    expect(pdfText).toContain('Aanmeldingen per aanmelder');
    expect(pdfText).toContain(total);
    expect(pdfText).not.toContain('Demo-jeugdige');
    writeFileSync(path.join(dir, 'done'), '');
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('a municipality sees only itself; another municipality is refused', async () => {
    const own = await app.apiAs<{ monitor: MonitorView }>(demo.gemeente, 'GET', '/api/monitor');
    expect(own.monitor.scope).toMatchObject({ kind: 'gemeente', municipality: 'Alkmaar' });
    await expect(app.apiAs(demo.gemeente, 'GET', '/api/monitor?municipality=Bergen')).rejects.toThrow(/403/);
    const { page, context } = await app.pageAs(browser, demo.gemeente, '/monitor');
    await page.getByRole('heading', { level: 1, name: /Monitor: gemeente Alkmaar/ }).waitFor({ timeout: 30_000 });
    await page.getByTestId('half-year-check-panel').getByRole('table').first().waitFor({ timeout: 15_000 });
    await expectNoSeriousViolations(page, 'monitor of a municipality with the half-year check');
    await context.close();
  }, 120_000);
});
