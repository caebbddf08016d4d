/**
 * The "Done means" journey, in one day of a region, in a real browser against the real server
 * (no demo data) and a real SMTP server:
 *   the only account is a functioneel beheerder made with the operator CLI (activation link) →
 *   she activates and makes two professionals → each activates from the link in the MAIL (once) →
 *   the jeugdbeschermer registers a case (the scientist responsible, asked by a parent) and invites the
 *   parent (code shown, passed on by letter or SMS) → the scientist chooses "direct" mail and records
 *   "analyse aangevraagd": the 6-week clock runs from today → the parent accepts on a phone, writes in
 *   her own part → the scientist's bell rises live, the inbox has the item, and a mail arrives that
 *   holds no care data.
 * Screenshots land in e2e/artifacts/region-day-*.png.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { amsterdamDate } from '@samenspraak/shared';
import Database from 'better-sqlite3';
import * as OTPAuth from 'otpauth';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectNoSeriousViolations } from '../support/axe.js';
import { artifactsDir, devices, launchBrowser, screenshot } from '../support/browser.js';
import { ownParentPart, sectionBlock, typeAtEnd, waitEditable, waitSaved } from '../support/documentPage.js';
import { repoRoot, startTestServer, type TestServer } from '../support/server.js';
import { SmtpCollector } from '../support/smtp.js';

const REGION = 'Alkmaar (Noord-Kennemerland)';
const BEHEERDER = { login: 'bea.beheer@ret-nk.example', name: 'Bea Beheer' };
const GI = { login: 'gido.jansen@gi.example', name: 'Gido Jansen', role: 'jeugdbeschermer', org: 'GI Noord-Holland' };
const GW = { login: 'wil.smit@deduinen.example', name: 'Wil Smit', role: 'gedragswetenschapper', org: 'De Duinen' };
const YOUNG = { name: 'Mees van Dijk', born: '2011-04-12', municipality: 'Bergen' };
const PARENT = { name: 'Anouk van Dijk', login: 'anouk.vandijk', email: 'anouk@thuis.example' };
const QUESTION = 'Mees komt al weken niet op school; wij willen dat hij weer meedoet.';
const OWN_WORDS = 'Mees is thuis vaak boos en slaapt slecht sinds de zomer.';
const PASSWORD = 'paarse olifant fluit 83 keer';
const LIVE = { timeout: 15_000 };
/** The people in this test read dates on the Dutch calendar. */
const dutch = { timezoneId: 'Europe/Amsterdam' } as const;

let smtp: SmtpCollector;
let server: TestServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

const url = (p: string) => new URL(p, server.url).toString();
/** The path of an absolute link (mails carry PUBLIC_URL, which defaults to localhost:<port>). */
const pathOf = (link: string) => new URL(link, server.url).pathname;

async function newPage(device: keyof typeof devices = 'laptop'): Promise<{ page: Page; errors: string[] }> {
  const context = await browser.newContext({ ...devices[device], ...dutch });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  return { page, errors };
}

/** The operator CLI on the server's database: the first beheerder, with an activation link. */
function createBeheerderWithCli(): string {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'test',
    DATA_DIR: server.dataDir,
    AUTH_SECRET: server.secret,
  };
  delete env.DATABASE_URL;
  delete env.REDIS_URL;
  const run = spawnSync(
    process.execPath,
    [
      path.join(repoRoot, 'server/dist/admin/cli.js'),
      'create-user',
      '--login',
      BEHEERDER.login,
      '--name',
      BEHEERDER.name,
      '--role',
      'beheerder',
      '--organisation',
      'RET Noord-Kennemerland',
      '--region',
      REGION,
      '--activation-link',
      '--json',
    ],
    { cwd: repoRoot, env, encoding: 'utf8' },
  );
  if (run.status !== 0) throw new Error(`create-user failed (${run.status}): ${run.stderr}${run.stdout}`);
  const out = JSON.parse(run.stdout.trim().split('\n').pop() ?? '{}') as { activationLink: string };
  return out.activationLink;
}

/** Counts straight from the server's SQLite database. */
function count(table: 'users' | 'cases'): number {
  const db = new Database(path.join(server.dataDir, 'app.db'), { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * The activation page: chooses the password and "scans" the QR code by reading the secret shown as text
 * (as a person without a camera types it in). Returns the TOTP secret.
 */
async function activate(page: Page, link: string): Promise<OTPAuth.TOTP> {
  await page.goto(url(pathOf(link)));
  await page.getByRole('heading', { name: 'Account activeren' }).waitFor(LIVE);
  await expect.poll(() => page.getByRole('img', { name: /QR-code/ }).count()).toBe(1);
  const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').trim();
  const totp = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(secret) });
  await page.getByLabel('Nieuw wachtwoord (minstens 10 tekens)').fill(PASSWORD);
  await page.getByLabel('Code (6 cijfers)').fill(totp.generate());
  await page.getByRole('button', { name: 'Activeren' }).click();
  await expect.poll(() => page.getByTestId('recovery-codes').locator('li').count(), LIVE).toBe(10);
  await page.getByRole('button', { name: 'Ik heb de codes bewaard' }).click();
  await page.getByRole('button', { name: 'Naar inloggen' }).click();
  return totp;
}

/**
 * Logs in with password and a TOTP code. The code of the NEXT 30-second step: the step just used for the
 * activation is refused as a replay, and the server accepts one step either side of now.
 */
async function logIn(page: Page, login: string, totp: OTPAuth.TOTP, name: string): Promise<void> {
  await page.getByRole('heading', { name: 'Inloggen' }).waitFor(LIVE);
  await page.getByLabel('Gebruikersnaam').fill(login);
  await page.getByLabel('Wachtwoord', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.getByLabel('Code (6 cijfers)').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
  await page.getByRole('button', { name: 'Bevestigen' }).click();
  await expect.poll(() => page.locator('header').textContent(), LIVE).toContain(name);
}

/** A JSON GET with the page's session (the browser's cookie). */
function getJson<T>(page: Page, p: string): Promise<T> {
  return page.evaluate(async (target) => {
    const res = await fetch(target, { credentials: 'same-origin' });
    if (!res.ok) throw new Error(`${target}: HTTP ${res.status}`);
    return res.json();
  }, p) as Promise<T>;
}

/** YYYY-MM-DD plus `days`, on the calendar. */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** "12 april 2026", as the client writes a calendar date in Dutch. */
function dutchDate(date: string): string {
  return new Date(`${date}T12:00:00Z`).toLocaleDateString('nl-NL', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

beforeAll(async () => {
  smtp = await SmtpCollector.start();
  [server, browser] = await Promise.all([
    startTestServer({ env: { SMTP_URL: smtp.url, MAIL_POLL_MS: '200' } }),
    launchBrowser(),
  ]);
}, 60_000);

afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.dispose();
  await smtp?.close();
});

describe('a day in the region, from an empty database', () => {
  it('beheerder → two professionals → a case → the parent writes on her phone → the scientist is told', async () => {
    // ---- The operator makes the only beheerder; the database holds nothing else.
    const beheerderLink = createBeheerderWithCli();
    expect(beheerderLink).toMatch(/\/activeren\/[A-Za-z0-9_-]+$/);
    expect(count('users')).toBe(1);
    expect(count('cases')).toBe(0);

    const { page: admin, errors: adminErrors } = await newPage();
    const adminTotp = await activate(admin, beheerderLink);
    await logIn(admin, BEHEERDER.login, adminTotp, BEHEERDER.name);
    const accounts = await getJson<{ region: string; accounts: Array<{ login: string }> }>(
      admin,
      '/api/admin/accounts',
    );
    expect(accounts.region).toBe(REGION);
    expect(accounts.accounts.map((a) => a.login)).toEqual([BEHEERDER.login]);
    expect((await getJson<{ cases: unknown[] }>(admin, '/api/admin/cases')).cases).toEqual([]);

    // ---- The beheerder makes the two professionals; each gets the activation link by mail.
    await admin.goto(url('/beheer'));
    await admin.getByRole('heading', { name: 'Accounts beheren' }).waitFor(LIVE);
    for (const person of [GI, GW]) {
      await admin.getByLabel('Naam', { exact: true }).fill(person.name);
      await admin.getByLabel('E-mailadres (dit is ook de gebruikersnaam)').fill(person.login);
      await admin.getByLabel('Rol', { exact: true }).selectOption(person.role);
      await admin.getByLabel('Organisatie', { exact: true }).fill(person.org);
      await admin.getByRole('button', { name: 'Account maken' }).click();
      await expect.poll(() => admin.getByTestId('accounts').textContent(), LIVE).toContain(person.name);
    }
    await expectNoSeriousViolations(admin, 'beheer page with two new accounts');
    await screenshot(admin, 'region-day-beheer');

    const activationLinkFromMail = async (to: string) => {
      await expect.poll(() => smtp.to(to).length, LIVE).toBe(1);
      const mail = smtp.to(to)[0];
      const link = /https?:\/\/[^\s"<>]+\/activeren\/[A-Za-z0-9_-]+/.exec(mail?.decoded ?? '')?.[0];
      if (!link) throw new Error(`no activation link in the mail to ${to}:\n${mail?.decoded}`);
      return link;
    };
    const totps = new Map<string, OTPAuth.TOTP>();
    const pages = new Map<string, Page>();
    for (const person of [GI, GW]) {
      const link = await activationLinkFromMail(person.login);
      const { page } = await newPage();
      totps.set(person.login, await activate(page, link));
      await logIn(page, person.login, totps.get(person.login) as OTPAuth.TOTP, person.name);
      pages.set(person.login, page);
      // The link works once.
      const { page: again } = await newPage();
      await again.goto(url(pathOf(link)));
      await expect.poll(() => again.getByRole('alert').textContent(), LIVE).toContain('Activeren lukt niet');
      expect(await again.getByLabel('Nieuw wachtwoord (minstens 10 tekens)').count()).toBe(0);
    }
    const gi = pages.get(GI.login) as Page;
    const gw = pages.get(GW.login) as Page;

    // ---- The jeugdbeschermer registers the case: a parent asked; the scientist is responsible.
    await gi.goto(url('/'));
    await gi.getByTestId('register-case').click();
    await gi.getByRole('heading', { level: 1, name: 'Zaak aanmelden' }).waitFor(LIVE);
    await gi.getByLabel('Naam van de jeugdige').fill(YOUNG.name);
    await gi.getByLabel('Geboortedatum').fill(YOUNG.born);
    await gi.getByLabel('Gemeente').fill(YOUNG.municipality);
    await gi.getByLabel('Jeugdregio').selectOption(REGION);
    await gi.getByLabel('Ouder of verzorger').check();
    await gi.getByLabel(/^Waarvoor\?/).fill(QUESTION);
    const picker = gi.getByTestId('registration-form').getByTestId('professional-picker');
    await picker.getByLabel('Zoek op naam of organisatie').fill('Wil');
    await picker.getByRole('button', { name: 'Zoeken' }).click();
    await picker.getByRole('button', { name: new RegExp(`^Kies: ${GW.name}`) }).click();
    await expect.poll(() => picker.getByTestId('picker-chosen').textContent()).toContain(GW.name);
    await gi.getByRole('button', { name: 'Zaak aanmelden' }).click();
    await gi.getByRole('heading', { level: 1, name: /Mees/ }).waitFor(LIVE);
    const casePath = new URL(gi.url()).pathname;
    expect(casePath).toMatch(/^\/zaken\/[0-9a-f-]{36}$/);
    // The responsible scientist is on the team (added by the registration itself).
    const team = gi.getByTestId('team-table');
    await expect.poll(() => team.textContent(), LIVE).toContain(GW.name);
    expect(await team.textContent()).toContain('verantwoordelijk voor de analyse');

    // The parent's invitation: a link and a code to pass on by letter or SMS.
    const invite = gi.getByTestId('invite');
    await invite.getByLabel('Ouder', { exact: true }).check();
    await invite.getByLabel(/naam/i).fill(PARENT.name);
    await invite.getByRole('button', { name: /uitnodig/i }).click();
    const result = gi.getByTestId('invitation-result');
    await result.waitFor(LIVE);
    const inviteLink = ((await result.locator('code').first().textContent()) ?? '').trim();
    const inviteCode = ((await result.locator('.invite-result__code').textContent()) ?? '').trim();
    expect(inviteCode).toMatch(/^\d{8}$/);

    // ---- The scientist wants mail at once, and records that the analysis was requested today.
    await gw.goto(url('/inbox'));
    await gw.getByRole('heading', { level: 1, name: 'Meldingen' }).waitFor(LIVE);
    // A controlled choice: it shows as chosen once the server stored it and the form re-read it.
    const direct = gw.getByRole('radio', { name: 'Direct een e-mail bij iets nieuws' });
    await direct.click();
    await expect.poll(() => gw.locator('.inbox__saved').textContent(), LIVE).toBe('Opgeslagen.');
    await expect.poll(() => direct.isChecked(), LIVE).toBe(true);
    await gw.goto(url(`${casePath}/analyse`));
    const clock = gw.getByTestId('analysis-clock');
    await clock.getByRole('button', { name: 'Analyse aangevraagd' }).click({ timeout: 15_000 });
    const today = amsterdamDate(new Date());
    await expect.poll(() => clock.textContent(), LIVE).toContain(`Aangevraagd op ${dutchDate(today)}`);
    expect(await clock.textContent()).toContain(`Klaar uiterlijk ${dutchDate(addDays(today, 42))}`);
    expect(await clock.getByRole('button', { name: 'Analyse aangevraagd' }).count()).toBe(0);
    await clock.screenshot({ path: path.join(artifactsDir, 'region-day-clock.png') });
    const bell = gw.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('data-status'), LIVE).toBe('ready');
    const before = Number(await bell.getAttribute('data-total'));
    const mailsBefore = smtp.to(GW.login).length;

    // ---- The parent, on her phone: the invitation link, the code, her own login.
    const { page: parent, errors: parentErrors } = await newPage('phone');
    await parent.goto(url(pathOf(inviteLink)));
    await parent.getByRole('heading', { level: 1, name: 'Welkom bij Samenspraak' }).waitFor(LIVE);
    await parent.getByLabel('Code (8 cijfers)').fill(inviteCode);
    await parent.getByLabel('Geboortedatum van de jeugdige').fill(YOUNG.born);
    await parent.getByLabel('Kies een gebruikersnaam').fill(PARENT.login);
    await parent.getByLabel('Kies een wachtwoord (minstens 10 tekens)').fill(PASSWORD);
    await parent.getByLabel('E-mailadres (mag je leeg laten)').fill(PARENT.email);
    await parent.getByRole('button', { name: 'Account maken' }).click();
    // She lands on her start page (issue #18) and reaches her own part of the analysis in one tap.
    await parent.getByTestId('start-page').waitFor(LIVE);
    expect(await parent.getByRole('heading', { level: 1 }).textContent()).toBe('Hoi Anouk');
    await parent.getByTestId('start-my-part').click(LIVE);
    await expect.poll(() => new URL(parent.url()).pathname, LIVE).toBe(`${casePath}/analyse`);
    const part = await ownParentPart(parent);
    expect(new URL(parent.url()).hash).toBe(`#sectie-${part}`);
    expect(part).toMatch(/^hulpvraag_ouder_/);
    await waitEditable(parent, part);
    await typeAtEnd(parent, part, OWN_WORDS);
    await waitSaved(parent);
    await expectNoSeriousViolations(parent, 'the parent’s own part (phone)');
    await screenshot(parent, 'region-day-parent-analysis-phone');
    // The whole analysis is long on a phone: her own part on its own, as she sees it.
    await sectionBlock(parent, part).screenshot({ path: path.join(artifactsDir, 'region-day-parent-part-phone.png') });

    // ---- The scientist is told: the bell rises live (no reload), the inbox lists it, a mail arrives.
    await expect.poll(async () => Number(await bell.getAttribute('data-total')), LIVE).toBe(before + 1);
    await gw.goto(url('/inbox'));
    const item = gw.locator('[data-testid="inbox-item"][data-kind="own-words-written"]');
    await expect.poll(() => item.count(), LIVE).toBe(1);
    expect(await item.textContent()).toContain('Een ouder heeft in eigen woorden geschreven in de analyse.');
    expect(await item.getAttribute('data-unread')).toBe('true');
    await expectNoSeriousViolations(gw, 'scientist inbox');
    await screenshot(gw, 'region-day-scientist-inbox');

    await expect.poll(() => smtp.to(GW.login).length, LIVE).toBe(mailsBefore + 1);
    const mail = smtp.to(GW.login)[mailsBefore];
    expect(mail?.decoded).toContain('/inbox');
    // No care data in any mail of the day: not the names, not the municipality, not the words.
    for (const m of smtp.mails) {
      for (const text of [m.raw, m.decoded]) {
        for (const secret of [YOUNG.name, 'Mees', PARENT.name, 'Anouk', YOUNG.municipality, OWN_WORDS, QUESTION]) {
          expect(text).not.toContain(secret);
        }
      }
    }
    // The item opens the parent's part of the analysis.
    await item.getByRole('link').click();
    await expect.poll(() => new URL(gw.url()).pathname, LIVE).toBe(`${casePath}/analyse`);
    expect(new URL(gw.url()).hash).toBe(`#${part}`);
    expect(adminErrors).toEqual([]);
    expect(parentErrors).toEqual([]);
    // A whole day of five people in one test: ~45 s on a quiet machine, so 60 s ran out on a loaded one.
  }, 180_000);
});
