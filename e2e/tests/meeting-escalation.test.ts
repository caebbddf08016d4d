/**
 * A case meeting and the escalation ladder, end to end, in several browsers at once:
 *  - the RET process director holds an MDO with the behavioural scientist and a parent (each in their
 *    own browser, the parent on a 375 px phone); everyone sees the status and the attendance live; a
 *    person on the phone is added by hand and the required-roles check follows;
 *  - a decision linked to the analysis lands in the analysis document; the read-back reaches the parent;
 *  - the process director escalates to the breakthrough team, plans the session and invites a director,
 *    who records a commitment; the process director sees it arrive live;
 *  - when the commitment's date passes (settable test clock), the process director gets the overdue alert;
 *  - the monitor, meeting and breakthrough pages pass axe (no serious/critical violations), with
 *    screenshots on a laptop and a 375 px phone in e2e/artifacts/.
 * The domain clock is set to 23:40 UTC of a day, so the commitment (due that day) runs overdue with a
 * jump of about 20 minutes — less than the session idle timeout, so the open pages stay logged in.
 */
import type { CaseDetail, EscalationStepView, MeetingView } from '@samenspraak/shared';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, SESSION_COOKIE, startDemoApp } from '../support/app.js';
import { expectNoSeriousViolations } from '../support/axe.js';
import { artifactsDir, devices, launchBrowser, screenshot } from '../support/browser.js';
import { signOffByApi } from '../support/signOff.js';

const CASE = demoCases.daan;
const LIVE = { timeout: 10_000 };

const laptop: BrowserContextOptions = { ...devices.laptop, timezoneId: 'UTC' };
const phone375: BrowserContextOptions = {
  viewport: { width: 375, height: 812 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'nl-NL',
  timezoneId: 'UTC',
};

interface Person {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

let app: DemoApp;
let browser: Browser;
const opened: Person[] = [];

/** The next 23:40 UTC from now: the fixed domain moment the scenario runs at. */
function scenarioStart(): Date {
  const now = new Date();
  const t = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), 23, 40, 0));
  if (t.getTime() <= now.getTime()) t.setUTCDate(t.getUTCDate() + 1);
  return t;
}
const T0 = scenarioStart();
const DAY = T0.toISOString().slice(0, 10);

async function open(login: string, path: string, options: BrowserContextOptions = laptop): Promise<Person> {
  const cookie = await app.sessionCookie(login);
  const context = await browser.newContext(options);
  await context.addCookies([
    { name: SESSION_COOKIE, value: cookie, url: app.server.url, httpOnly: true, sameSite: 'Strict' },
  ]);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (msg) => {
    if (msg.type() === 'error') errors.push(`console: ${msg.text()}`);
  });
  await page.goto(`${app.server.url}${path}`);
  const person = { context, page, errors };
  opened.push(person);
  return person;
}

/** What a person sees first: the top of the page, one screen high. */
async function firstScreen(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${artifactsDir}/${name}.png` });
}

/** The text of the first match; waits at most 3 s for it to exist (polls retry). */
const text = (page: Page, selector = 'main') => page.locator(selector).first().textContent({ timeout: 3000 });

beforeAll(async () => {
  [app, browser] = await Promise.all([startDemoApp({ testClock: true, exampleText: true }), launchBrowser()]);
  await app.setClock(T0);
  // Log everyone in at the domain moment (the TOTP code is checked against the domain clock).
  for (const login of [
    demo.procesregisseur,
    demo.gedragswetenschapper,
    demo.marieke,
    demo.dbtLid,
    demo.gemeente,
    demo.onderwijs,
  ]) {
    await app.sessionCookie(login, { at: new Date(T0.getTime() + 1000) });
  }
  // Enough cases in one region for the monitor to show real counts next to suppressed ones.
  for (let i = 0; i < 6; i++) {
    await app.apiAs(demo.procesregisseur, 'POST', '/api/cases', {
      youngPerson: { name: `Monitor Kind ${i}`, dateOfBirth: `201${i + 4}-03-0${i + 1}`, municipality: 'Alkmaar' },
      region: 'Alkmaar (Noord-Kennemerland)',
      registeredBy: 'lokaal-team',
      problemCategories: ['schoolverzuim'],
      attendsSchool: i % 2 === 0,
    });
  }
  // Two in a third region: with West-Friesland's one, no "<5" follows from the total minus Alkmaar's 7
  // (with a single small region the server would hide Alkmaar's count too).
  for (let i = 0; i < 2; i++) {
    await app.apiAs(demo.procesregisseur, 'POST', '/api/cases', {
      youngPerson: { name: `Monitor Kind H${i}`, dateOfBirth: '2012-04-01', municipality: 'Haarlemmermeer' },
      region: 'Haarlemmermeer',
    });
  }
}, 120_000);

afterAll(async () => {
  for (const p of opened) await p.context.close().catch(() => {});
  await browser?.close();
  await app?.dispose();
});

/** What a monitor chart without data says (client/src/features/monitor/messages.ts). */
const NO_DATA = 'Nog geen gegevens.';

describe('monitor', () => {
  it('shows charts with real counts and "<5" for small ones, passes axe, on laptop and phone', async () => {
    const greet = await open(demo.gemeente, '/monitor');
    const { page } = greet;
    // Nine breakdowns of the RET monitor for the municipality's own cases (e2e/tests/monitor.test.ts
    // looks at them with a generated region); small counts are "<5", never a guess.
    await expect.poll(() => page.locator('.monitor__grid > *').count(), LIVE).toBe(9);
    await expect.poll(() => page.locator('svg[role="img"]').count(), LIVE).toBeGreaterThanOrEqual(5);
    expect(await page.locator('.monitor__grid').getByText(NO_DATA, { exact: true }).count()).toBeGreaterThanOrEqual(0);
    // The table alternative holds the same numbers.
    await page.getByText('Toon als tabel').first().click();
    expect(await page.locator('details[open] table').count()).toBeGreaterThan(0);
    await screenshot(page, 'monitor-laptop');
    await expectNoSeriousViolations(page, 'monitor');

    const phone = await open(demo.gemeente, '/monitor', phone375);
    await expect.poll(() => phone.page.locator('svg[role="img"]').count(), LIVE).toBeGreaterThanOrEqual(5);
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await screenshot(phone.page, 'monitor-phone-375');
    await firstScreen(phone.page, 'monitor-phone-375-first-screen');
    await phone.page
      .locator('.bar-chart')
      .first()
      .screenshot({ path: `${artifactsDir}/monitor-phone-375-chart.png` });
    await expectNoSeriousViolations(phone.page, 'monitor (phone)');
    expect([...greet.errors, ...phone.errors]).toEqual([]);
  });
});

describe('an MDO with three people, then the breakthrough team', () => {
  let meetingId: string;
  let ria: Person;
  let gert: Person;
  let marieke: Person;
  const decision = 'Daan krijgt vanaf januari les op een kleine locatie, met vaste begeleider';

  it('schedules a meeting; all three see the start and each other live', async () => {
    const { case: detail } = await app.apiAs<{ case: CaseDetail }>(demo.procesregisseur, 'GET', `/api/cases/${CASE}`);
    const invitees = detail.participants
      .filter((p) => ['procesregisseur', 'gedragswetenschapper', 'ouder', 'onderwijsconsulent'].includes(p.role))
      .map((p) => p.userId);
    const { meeting } = await app.apiAs<{ meeting: MeetingView }>(
      demo.procesregisseur,
      'POST',
      `/api/cases/${CASE}/meetings`,
      {
        title: 'MDO Daan',
        scheduledAt: T0.toISOString(),
        agenda: ['Hoe gaat het nu?', 'Verklarende analyse', 'Afspraken'],
        inviteeUserIds: invitees,
      },
    );
    meetingId = meeting.id;
    const path = `/zaken/${CASE}/overleg/${meetingId}`;
    [ria, gert, marieke] = await Promise.all([
      open(demo.procesregisseur, path),
      open(demo.gedragswetenschapper, path),
      open(demo.marieke, path, phone375),
    ]);
    for (const p of [ria, gert, marieke]) {
      await expect.poll(() => p.page.getByTestId('meeting-status').textContent(), LIVE).toBe('Gepland');
    }
    // Only professionals get the start button; the parent does not.
    expect(await marieke.page.getByRole('button', { name: 'Start overleg' }).count()).toBe(0);

    const started = Date.now();
    await ria.page.getByRole('button', { name: 'Start overleg' }).click();
    for (const p of [ria, gert, marieke]) {
      await expect.poll(() => p.page.getByTestId('meeting-status').textContent(), LIVE).toBe('Bezig');
    }
    console.log(`meeting start seen by all three after ${Date.now() - started} ms`);

    // Attendance from presence: everyone sees the three of them present.
    for (const p of [ria, gert, marieke]) {
      for (const name of ['Ria de Graaf', 'Gert Bakker', 'Marieke Visser']) {
        await expect
          .poll(
            () => p.page.locator('[data-testid="attendee"][data-present="true"]').filter({ hasText: name }).count(),
            LIVE,
          )
          .toBe(1);
      }
    }
    // Education is not there yet; the parent is, so her voice counts.
    await expect.poll(() => ria.page.getByTestId('required-education').getAttribute('data-ok'), LIVE).toBe('false');
    expect(await ria.page.getByTestId('required-voice').getAttribute('data-ok')).toBe('true');
    expect(await text(ria.page, '[data-testid="required-roles"]')).toContain('Onderwijs ontbreekt');
  });

  it('adds the education consultant on the phone; the check turns complete for everyone', async () => {
    const form = ria.page.locator('form').filter({ hasText: 'Iemand toevoegen die belt of in de zaal is' });
    await form.getByLabel('Persoon').selectOption({ label: 'Olga Peters (Onderwijsconsulent)' });
    await form.getByLabel('telefonisch').check();
    await form.getByRole('button', { name: 'Toevoegen' }).click();
    for (const p of [ria, gert, marieke]) {
      await expect.poll(() => p.page.getByTestId('required-education').getAttribute('data-ok'), LIVE).toBe('true');
      await expect
        .poll(() => p.page.locator('[data-testid="attendee"]').filter({ hasText: 'Olga Peters' }).textContent(), LIVE)
        .toContain('telefonisch');
    }
  });

  it('records a decision linked to the analysis; it appears in the analysis document', async () => {
    const form = ria.page.locator('form').filter({ hasText: 'Besluit of actie vastleggen' });
    await form.getByLabel('Omschrijving').fill(decision);
    await form.getByLabel('Zet het ook in').selectOption('analysis:aanknopingspunten');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    for (const p of [ria, gert, marieke]) {
      await expect.poll(() => text(p.page, '[data-testid="meeting-items"]'), LIVE).toContain(decision);
    }
    expect(await text(marieke.page, '[data-testid="meeting-items"]')).toContain('Aanknopingspunten en passende aanpak');

    // In the analysis itself, as the behavioural scientist sees it.
    const analysis = await open(demo.gedragswetenschapper, `/zaken/${CASE}/analyse`);
    await expect.poll(() => text(analysis.page), { timeout: 15_000 }).toContain(decision);
    await analysis.context.close();
  });

  it('the chair writes the read-back; the parent reads it in large text on her phone', async () => {
    await ria.page.getByRole('button', { name: 'Samenvatting aanpassen' }).click();
    const readBack = 'Daan gaat in januari naar een kleine school. Olga regelt dat. Over zes weken praten we weer.';
    await ria.page.getByLabel('Samenvatting in gewone woorden').fill(readBack);
    await ria.page.getByRole('button', { name: 'Samenvatting opslaan' }).click();
    await expect.poll(() => text(marieke.page, '[data-testid="read-back"]'), LIVE).toContain(readBack);
    const fontSize = await marieke.page
      .locator('.read-back__text')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(20);

    await screenshot(ria.page, 'meeting-laptop');
    await screenshot(marieke.page, 'meeting-phone-375');
    await firstScreen(marieke.page, 'meeting-phone-375-first-screen');
    const overflow = await marieke.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('the live meeting page passes axe for the chair (laptop) and the parent (phone)', async () => {
    // Both pages are checked before failing, so a report names every page with a problem.
    const results = await Promise.allSettled([
      expectNoSeriousViolations(ria.page, 'meeting page'),
      expectNoSeriousViolations(marieke.page, 'meeting page (parent, phone)'),
    ]);
    for (const r of results) {
      if (r.status === 'fulfilled' && r.value.length > 0)
        console.log(`axe (minor/moderate): ${r.value.map((v) => `${v.id} ${v.nodes.join(' ')}`).join('; ')}`);
    }
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed.length > 0) throw new Error(failed.map((r) => String(r.reason)).join('\n'));
  });

  it('the chair ends the meeting; everyone sees it ended; the minutes hold the decision and attendance', async () => {
    ria.page.once('dialog', (d) => void d.accept());
    await ria.page.getByRole('button', { name: 'Beëindig overleg' }).click();
    for (const p of [ria, gert, marieke]) {
      await expect.poll(() => p.page.getByTestId('meeting-status').textContent(), LIVE).toBe('Afgelopen');
    }
    const minutes = await ria.page.evaluate(
      async (url) => (await fetch(url)).text(),
      `/api/cases/${CASE}/meetings/${meetingId}/minutes.md`,
    );
    expect(minutes).toContain(decision);
    expect(minutes).toContain('Olga Peters');
    expect([...ria.errors, ...gert.errors, ...marieke.errors]).toEqual([]);
  });

  it('plans the next meeting from the meeting page: agenda and invitees, then opens it', async () => {
    await ria.page.locator('summary', { hasText: 'Nieuw overleg plannen' }).click();
    const form = ria.page.locator('form.schedule-meeting');
    await form.getByLabel('Titel').fill('Evaluatie MDO Daan');
    await form.getByLabel('Datum en tijd').fill('2027-01-05T10:00');
    await form.getByLabel('Agendapunten').fill('Hoe gaat het op de nieuwe school?\nAfspraken');
    // The design system draws its own box over the native checkbox: click the label, as a person does.
    await form.getByText(/Pien Smit/).click();
    expect(await form.getByRole('checkbox', { name: /Pien Smit/ }).isChecked()).toBe(false);
    await form.getByRole('button', { name: 'Overleg plannen' }).click();
    await expect.poll(() => ria.page.locator('h1').textContent(), LIVE).toBe('Evaluatie MDO Daan');
    expect(ria.page.url()).not.toContain(meetingId);
    expect(await ria.page.getByTestId('meeting-status').textContent()).toBe('Gepland');
    const agenda = await text(ria.page, 'ol.agenda');
    expect(agenda).toContain('Hoe gaat het op de nieuwe school?');
    const attendance = await text(ria.page, '[data-testid="attendance"]');
    expect(attendance).toContain('Olga Peters');
    expect(attendance).not.toContain('Pien Smit');
  });

  let dirk: Person;
  const bottleneck = 'Geen school in de regio kan Daan een kleine, vaste klas bieden; BEN-NH vond ook geen plek.';

  it('the process director escalates to the breakthrough team, plans the session and invites a director', async () => {
    for (const [to, why] of [
      ['ret', 'Lokaal lukt het niet'],
      ['ben-nh', 'RET vindt geen passend aanbod'],
    ] as const) {
      await app.apiAs(demo.procesregisseur, 'POST', `/api/cases/${CASE}/escalation`, {
        to,
        bottleneck: why,
        tried: 'Gesprekken met school en aanbieders',
      });
    }
    // The DBT takes only cases with a signed-off analysis (domain §5): the scientist signs it off first.
    await signOffByApi(app, CASE);
    await ria.page.goto(`${app.server.url}/zaken/${CASE}/doorbraak`);
    await expect.poll(() => text(ria.page), LIVE).toContain('Nog niet bij het Doorbraakteam');
    await ria.page.getByLabel('Opschalen naar Doorbraakteam').check();
    await ria.page.getByLabel('Wat is het knelpunt?').fill(bottleneck);
    await ria.page.getByLabel('Wat is al geprobeerd?').fill('Twee scholen, een zorgboerderij en BEN-NH-advies.');
    await ria.page.getByRole('button', { name: 'Stap vastleggen' }).click();
    await expect.poll(() => text(ria.page, '.breakthrough__brief'), LIVE).toContain(bottleneck);

    await ria.page.getByRole('button', { name: 'Sessie plannen' }).click();
    await expect.poll(() => ria.page.getByTestId('dbt-session').count(), LIVE).toBe(1);
    // The process director picks the director from the list of directors with mandate.
    const me = await app.apiAs<{ user: { id: string } }>(demo.dbtLid, 'GET', '/api/auth/me');
    const pick = ria.page.getByLabel('Bestuurder met mandaat');
    await expect
      .poll(() => pick.locator('option').allTextContents(), LIVE)
      .toContain('Dirk Jacobs — Jeugdhulp De Duinen (demo)');
    await pick.selectOption(me.user.id);
    expect(await ria.page.getByLabel('Of: account-id van de bestuurder').inputValue()).toBe(me.user.id);
    await ria.page.getByRole('button', { name: 'Uitnodigen' }).click();
    await expect.poll(() => text(ria.page, '.breakthrough'), LIVE).toContain('Dirk Jacobs');

    const { history } = await app.apiAs<{ history: EscalationStepView[] }>(
      demo.procesregisseur,
      'GET',
      `/api/cases/${CASE}/escalation`,
    );
    expect(history.map((s) => s.to)).toEqual(['ret', 'ben-nh', 'dbt']);
    expect(history[2]?.analysisSnapshot).not.toBeNull();
  });

  it('the director sees the bottleneck first and records a commitment; the process director sees it live', async () => {
    dirk = await open(demo.dbtLid, `/zaken/${CASE}/doorbraak`);
    await expect.poll(() => text(dirk.page, '.breakthrough__brief'), LIVE).toContain(bottleneck);
    // The bottleneck comes before the commitments on the page.
    const order = await dirk.page.evaluate(() => {
      const brief = document.querySelector('.breakthrough__brief');
      const list = document.getElementById('commitments-title');
      return brief && list ? brief.compareDocumentPosition(list) & Node.DOCUMENT_POSITION_FOLLOWING : 0;
    });
    expect(order).toBeTruthy();

    await dirk.page.getByLabel('Wat zeg je toe?').fill('Een plek in de kleinschalige woonvoorziening De Duinen');
    await dirk.page.getByLabel('Onder welke wet of welk budget?').selectOption('Jeugdwet');
    await dirk.page.getByLabel('Uiterlijk op').fill(DAY);
    await dirk.page.getByRole('button', { name: 'Toezegging vastleggen' }).click();
    await expect.poll(() => dirk.page.getByTestId('commitment').count(), LIVE).toBe(1);
    const before = Date.now();
    await expect.poll(() => ria.page.getByTestId('commitment').count(), LIVE).toBe(1);
    console.log(`commitment visible to the process director ${Date.now() - before} ms after the director saw it`);
    expect(await text(ria.page, '[data-testid="commitment"]')).toContain('Open');
    expect(await text(ria.page, '[data-testid="commitment"]')).toContain('Jeugdwet');

    await screenshot(dirk.page, 'breakthrough-laptop');
    await screenshot(ria.page, 'breakthrough-process-director-laptop');
    await expectNoSeriousViolations(dirk.page, 'breakthrough page (director)');
    await expectNoSeriousViolations(ria.page, 'breakthrough page (process director)');
    const phone = await open(demo.dbtLid, `/zaken/${CASE}/doorbraak`, phone375);
    await expect.poll(() => phone.page.getByTestId('commitment').count(), LIVE).toBe(1);
    await screenshot(phone.page, 'breakthrough-phone-375');
    await firstScreen(phone.page, 'breakthrough-phone-375-first-screen');
    await expectNoSeriousViolations(phone.page, 'breakthrough page (phone)');
    const overflow = await phone.page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });

  it('when the date passes, the process director gets the overdue alert', async () => {
    const bell = ria.page.getByTestId('notification-bell');
    const urgentBefore = Number(await bell.getAttribute('data-urgent'));
    await app.setClock(new Date(Date.parse(`${DAY}T23:59:59Z`) + 31_000));
    const moved = Date.now();
    // Live: the overdue commitment becomes an inbox item; the bell counts one more urgent item and says so in words.
    await expect
      .poll(async () => Number(await bell.getAttribute('data-urgent')), { timeout: 15_000 })
      .toBeGreaterThan(urgentBefore);
    expect(await bell.textContent()).toContain('dringend');
    console.log(`overdue alert on the open page after ${Date.now() - moved} ms`);
    await expect.poll(() => text(ria.page, '[data-testid="commitment"]'), LIVE).toContain('Te laat');
    await bell.click();
    await expect
      .poll(() => ria.page.locator('.bell__panel [data-kind="commitment-due"]').first().textContent(), LIVE)
      .toContain('Een afspraak van de doorbraaksessie is te laat.');
    await screenshot(ria.page, 'breakthrough-overdue-laptop');
    await expectNoSeriousViolations(ria.page, 'breakthrough page with notifications open');
    expect([...ria.errors, ...dirk.errors]).toEqual([]);
  });
});
