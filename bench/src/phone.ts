/**
 * Scenario `phone` (issue 16): what a mid-range phone on a slow 4G network waits for. Starts the built
 * server (`server/dist/main.js --demo`, SQLite in a fresh DATA_DIR, NODE_ENV=development: demo data is refused
 * in production) and drives
 * Debian's chromium (playwright-core) with Chrome's own throttling over CDP, as Lighthouse's
 * "devtools" throttling does for its mobile (Slow 4G) profile:
 *   - `Network.emulateNetworkConditions`: Lighthouse's mobileSlow4G as given (latency 150 ms,
 *     1.6 Mbit/s = 1,638.4 kbit/s down, 750 kbit/s up), the profile issue 16 measured with.
 *     BENCH_PHONE_PROFILE=devtools applies Lighthouse's own DevTools adjustment instead (latency ×3.75 =
 *     562.5 ms, throughput ×0.9), which Lighthouse uses because DevTools throttles per request where a
 *     real network pays its round trips per connection: far harsher (see docs/PERFORMANCE.md);
 *   - `Emulation.setCPUThrottlingRate` 4; `Network.setCacheDisabled` (every load is a first visit);
 *   - a 412×823 phone viewport.
 * Each load is a fresh browser context. Measured per page:
 *   - LCP: the last `largest-contentful-paint` entry (PerformanceObserver, buffered) once the page has
 *     settled, in ms from navigation start;
 *   - ready: when the page shows what it is for (login: the form's button; case page: its heading, the
 *     team table and the clocks panel; document page: its heading);
 *   - typeable (document page): when a character typed into the ProseMirror editor (playwright's
 *     keyboard, as soon as the editor is contenteditable) shows in it;
 *   - JavaScript on the wire: the sum of `encodedDataLength` (compressed body + headers) over the
 *     page's Script responses, from navigation until the measurement ends.
 * Logins: the login page is measured anonymously; the case pages as the demo gedragswetenschapper
 * (password + TOTP through the API, the cookie put into the context: the UI login is not timed).
 * CPU of other processes: machine busy time (/proc/stat) minus this process tree's (bench, server,
 * chromium), as % of one core over the scenario.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { sleep } from './latency.js';
import type { ScenarioContext, ScenarioOutcome } from './scenarios.js';
import { CLK_TCK, freePort, makeTempDir, ROOT, removeTempDir, sampleMachineBusyMs, track } from './servers.js';

/** Lighthouse's mobileSlow4G (core/config/constants.js) and its DevTools adjustment factors. */
export const SLOW_4G = {
  rttMs: 150,
  throughputKbps: 1.6 * 1024,
  uploadKbps: 750,
  devtoolsRttFactor: 3.75,
  devtoolsThroughputFactor: 0.9,
  cpuSlowdown: 4,
} as const;
const DEVTOOLS = process.env.BENCH_PHONE_PROFILE === 'devtools';
const LATENCY_MS = SLOW_4G.rttMs * (DEVTOOLS ? SLOW_4G.devtoolsRttFactor : 1);
const THROUGHPUT = DEVTOOLS ? SLOW_4G.devtoolsThroughputFactor : 1;
const DOWN_BYTES_PER_S = (SLOW_4G.throughputKbps * THROUGHPUT * 1024) / 8;
const UP_BYTES_PER_S = (SLOW_4G.uploadKbps * THROUGHPUT * 1024) / 8;

export const PHONE_TARGETS = { loginLcpMs: 2000, caseLcpMs: 2000, typeableMs: 2500, loginJsBytes: 100 * 1024 };

const CASE_ID = 'demo-alkmaar-daan';
const PRO = 'gert.bakker@deduinen.example';
const SECTION = 'hulpvraag_professionals';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface PhoneOptions {
  /** Loads per page (≥ 3 for a median and a spread). */
  loads: number;
  /** Checkout whose server/dist and client/dist are measured (default: this one); for a baseline. */
  root?: string;
  /** A name for this build in the report ("after", "base 6d4d9de"). */
  label?: string;
  log: (line: string) => void;
}

export interface Spread {
  median: number;
  min: number;
  max: number;
  runs: number[];
}

export interface PhonePage {
  path: string;
  lcpMs: Spread;
  readyMs: Spread;
  typeableMs?: Spread;
  jsBytes: Spread;
  scripts: number;
}

export interface PhoneResult {
  label: string;
  root: string;
  profile: string;
  loads: number;
  pages: { login: PhonePage; case: PhonePage; document: PhonePage };
  targets: { name: string; value: number | null; target: number; met: boolean }[];
  otherCpuPercent: number;
  errors: string[];
}

function spread(runs: number[]): Spread {
  const sorted = [...runs].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, min: sorted[0] ?? Number.NaN, max: sorted[sorted.length - 1] ?? Number.NaN, runs };
}

/** CPU (ms) of this process and all its descendants (server, chromium and its helpers). */
function treeCpuMs(): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(entry), Number(f[1]));
      // utime, stime, plus cutime/cstime of children already reaped
      cpu.set(Number(entry), ((Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 1000) / CLK_TCK);
    } catch {
      // gone meanwhile
    }
  }
  let sum = 0;
  for (const [pid, ms] of cpu) {
    for (let p: number | undefined = pid; p && p > 1; p = parent.get(p)) {
      if (p === process.pid) {
        sum += ms;
        break;
      }
    }
  }
  return sum;
}

async function startDemoServer(root: string, log: (s: string) => void) {
  const main = path.join(root, 'server', 'dist', 'main.js');
  if (!fs.existsSync(main)) throw new Error(`${main} missing: run npm run build in ${root}`);
  if (!fs.existsSync(path.join(root, 'client', 'dist', 'index.html'))) throw new Error(`${root}/client/dist missing`);
  const dataDir = makeTempDir('bench-phone-');
  const port = await freePort();
  const child: ChildProcess = spawn(process.execPath, [main, '--demo'], {
    cwd: root,
    env: {
      ...process.env,
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      AUTH_SECRET: 'b'.repeat(64),
      // --demo is refused in production; nothing on the paths measured here reads NODE_ENV otherwise
      // (the session cookie only loses its Secure flag, which plain http://127.0.0.1 needs anyway).
      NODE_ENV: 'development',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      DATABASE_SCHEMA: '',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  track(child);
  let tail = '';
  for (const s of [child.stdout!, child.stderr!]) s.on('data', (c: Buffer) => (tail = (tail + c).slice(-4000)));
  const url = `http://127.0.0.1:${port}`;
  const logins = path.join(dataDir, 'demo-logins.txt');
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited (${child.exitCode}):\n${tail}`);
    if (Date.now() > deadline) throw new Error(`demo server not ready in 60 s:\n${tail}`);
    const ok = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok && fs.existsSync(logins) && fs.readFileSync(logins, 'utf8').includes('login:')) break;
    await sleep(200);
  }
  log(`phone: demo server on ${url} (${path.relative(process.cwd(), root) || '.'})`);
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      const t = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(t);
    }
    removeTempDir(dataDir);
  };
  return { url, logins: fs.readFileSync(logins, 'utf8'), stop };
}

/** Password + TOTP through the API (as e2e/support/app.ts does); returns the session cookie. */
async function sessionCookie(url: string, loginsText: string, login: string): Promise<string> {
  const lines = loginsText.split('\n');
  let password = '';
  let totp = '';
  for (let i = 0; i < lines.length; i++) {
    if (!new RegExp(`^\\s+login:\\s+${login.replace(/\./g, '\\.')}\\s*$`).test(lines[i]!)) continue;
    for (let j = i + 1; j < lines.length && !/^\s+login:/.test(lines[j]!); j++) {
      const m = /^\s+(password|TOTP):\s+(.*)$/.exec(lines[j]!);
      if (m?.[1] === 'password') password = m[2]!.trim();
      if (m?.[1] === 'TOTP') totp = m[2]!.trim();
    }
    break;
  }
  if (!password) throw new Error(`no demo login ${login}`);
  const cookieOf = (res: Response) =>
    res.headers
      .getSetCookie()
      .map((h) => /^samenspraak_session=([^;]*)/.exec(h)?.[1])
      .find(Boolean) ?? null;
  const post = (p: string, body: unknown, cookie?: string, csrf?: string) =>
    fetch(`${url}${p}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Origin: url,
        ...(cookie ? { Cookie: `samenspraak_session=${cookie}` } : {}),
        ...(csrf ? { 'X-CSRF-Token': csrf } : {}),
      },
      body: JSON.stringify(body),
    });
  const first = await post('/api/auth/login', { login, password });
  if (!first.ok) throw new Error(`login ${login}: HTTP ${first.status}`);
  const data = (await first.json()) as { next: string; csrfToken: string };
  let cookie = cookieOf(first);
  if (!cookie) throw new Error('login: no cookie');
  if (data.next === 'totp') {
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(totp), digits: 6, period: 30 }).generate();
    const second = await post('/api/auth/totp', { code }, cookie, data.csrfToken);
    if (!second.ok) throw new Error(`TOTP ${login}: HTTP ${second.status}`);
    cookie = cookieOf(second) ?? cookie;
  }
  return cookie;
}

/** Browser globals, for the functions that playwright runs in the page (the bench has no DOM types). */
declare const document: {
  querySelector(s: string): { getAttribute(n: string): string | null; textContent: string | null } | null;
};
declare const window: { __lcp: number };

const LCP_OBSERVER = `
  window.__lcp = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__lcp = e.startTime;
  }).observe({ type: 'largest-contentful-paint', buffered: true });
`;

interface Load {
  lcpMs: number;
  readyMs: number;
  typeableMs?: number;
  jsBytes: number;
  scripts: number;
}

async function throttle(context: BrowserContext, page: Page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: LATENCY_MS,
    downloadThroughput: DOWN_BYTES_PER_S,
    uploadThroughput: UP_BYTES_PER_S,
  });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_4G.cpuSlowdown });
  const scripts = new Set<string>();
  let jsBytes = 0;
  cdp.on('Network.responseReceived', (e) => {
    if (e.type === 'Script') scripts.add(e.requestId);
  });
  cdp.on('Network.loadingFinished', (e) => {
    if (scripts.has(e.requestId)) jsBytes += e.encodedDataLength;
  });
  return { js: () => ({ jsBytes, scripts: scripts.size }) };
}

async function loadOnce(
  browser: import('playwright-core').Browser,
  url: string,
  kind: 'login' | 'case' | 'document',
  cookie: string,
): Promise<Load> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
    isMobile: true,
    hasTouch: true,
    locale: 'nl-NL',
  });
  try {
    if (kind !== 'login') {
      await context.addCookies([
        { name: 'samenspraak_session', value: cookie, url, httpOnly: true, sameSite: 'Strict' },
      ]);
    }
    await context.addInitScript(LCP_OBSERVER);
    const page = await context.newPage();
    const net = await throttle(context, page);
    const target =
      kind === 'login' ? url : kind === 'case' ? `${url}/zaken/${CASE_ID}` : `${url}/zaken/${CASE_ID}/analyse`;
    await page.goto(target, { waitUntil: 'commit', timeout: 120_000 });
    const opts = { timeout: 120_000, polling: 'raf' as const };
    // Each condition returns the page's clock when it first holds. Functions, not strings: the page's
    // CSP has no 'unsafe-eval'. They run in the page, where `document` exists (declared below).
    const at = async (handle: Promise<{ jsonValue(): Promise<unknown> }>) =>
      (await (await handle).jsonValue()) as number;
    const readyMs = await at(
      kind === 'login'
        ? page.waitForFunction(
            () => document.querySelector('form button[type="submit"]') && performance.now(),
            null,
            opts,
          )
        : kind === 'case'
          ? page.waitForFunction(
              () =>
                document.querySelector('#case-title') &&
                document.querySelector('[data-testid="team-table"]') &&
                document.querySelector('[data-testid="clocks"]') &&
                performance.now(),
              null,
              opts,
            )
          : page.waitForFunction(
              () => document.querySelector('[data-testid="document-heading"]') && performance.now(),
              null,
              opts,
            ),
    );
    let typeableMs: number | undefined;
    if (kind === 'document') {
      const sel = `[data-testid="editor-${SECTION}"]`;
      await page.waitForFunction(
        (s) => document.querySelector(s)?.getAttribute('contenteditable') === 'true',
        sel,
        opts,
      );
      await page.locator(sel).click();
      await page.keyboard.type('§');
      typeableMs = await at(
        page.waitForFunction(
          (s) => document.querySelector(s)?.textContent?.includes('§') && performance.now(),
          sel,
          opts,
        ),
      );
    }
    // Let late paints land before reading LCP (it stops at the first input, so the typing above ended it).
    await page.waitForLoadState('networkidle', { timeout: 60_000 }).catch(() => undefined);
    await sleep(500);
    const lcpMs = await page.evaluate(() => window.__lcp);
    return { lcpMs, readyMs, ...(typeableMs !== undefined ? { typeableMs } : {}), ...net.js() };
  } finally {
    await context.close();
  }
}

export async function runPhoneScenario(opts: PhoneOptions): Promise<PhoneResult> {
  const root = opts.root ?? ROOT;
  const errors: string[] = [];
  const machine0 = sampleMachineBusyMs();
  const tree0 = treeCpuMs();
  const t0 = Date.now();
  const server = await startDemoServer(root, opts.log);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const runs: Record<'login' | 'case' | 'document', Load[]> = { login: [], case: [], document: [] };
  try {
    const cookie = await sessionCookie(server.url, server.logins, PRO);
    // Warm the server (first reads of the demo documents) outside the measured loads.
    await fetch(`${server.url}/api/cases/${CASE_ID}`, { headers: { Cookie: `samenspraak_session=${cookie}` } });
    for (let i = 0; i < opts.loads; i++) {
      for (const kind of ['login', 'case', 'document'] as const) {
        try {
          const load = await loadOnce(browser, server.url, kind, cookie);
          runs[kind].push(load);
          opts.log(
            `phone ${opts.label ?? ''} ${kind} #${i + 1}: LCP ${load.lcpMs.toFixed(0)} ms, ready ${load.readyMs.toFixed(0)} ms` +
              (load.typeableMs !== undefined ? `, typeable ${load.typeableMs.toFixed(0)} ms` : '') +
              `, JS ${(load.jsBytes / 1024).toFixed(1)} kB in ${load.scripts} scripts`,
          );
        } catch (err) {
          errors.push(`${kind} #${i + 1}: ${(err as Error).message.split('\n')[0]}`);
          opts.log(`phone ${kind} #${i + 1} FAILED: ${(err as Error).message.split('\n')[0]}`);
        }
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
  const elapsed = Date.now() - t0;
  const other = Math.max(0, ((sampleMachineBusyMs() - machine0 - (treeCpuMs() - tree0)) / elapsed) * 100);
  const page = (kind: 'login' | 'case' | 'document', p: string): PhonePage => {
    const r = runs[kind];
    const typeable = r.flatMap((l) => (l.typeableMs !== undefined ? [l.typeableMs] : []));
    return {
      path: p,
      lcpMs: spread(r.map((l) => l.lcpMs)),
      readyMs: spread(r.map((l) => l.readyMs)),
      ...(typeable.length ? { typeableMs: spread(typeable) } : {}),
      jsBytes: spread(r.map((l) => l.jsBytes)),
      scripts: Math.max(0, ...r.map((l) => l.scripts)),
    };
  };
  const pages = {
    login: page('login', '/'),
    case: page('case', `/zaken/${CASE_ID}`),
    document: page('document', `/zaken/${CASE_ID}/analyse`),
  };
  const target = (name: string, value: number | undefined, t: number) => ({
    name,
    value: value === undefined || Number.isNaN(value) ? null : value,
    target: t,
    met: value !== undefined && value <= t,
  });
  return {
    label: opts.label ?? 'this build',
    root,
    profile:
      `Lighthouse mobileSlow4G via CDP (${DEVTOOLS ? 'DevTools-adjusted' : 'as given'}: latency ${LATENCY_MS} ms, ` +
      `${((DOWN_BYTES_PER_S * 8) / 1024).toFixed(1)} kbit/s down, ${((UP_BYTES_PER_S * 8) / 1024).toFixed(1)} kbit/s up), ` +
      `CPU ×${SLOW_4G.cpuSlowdown}, cache disabled, 412×823 viewport`,
    loads: opts.loads,
    pages,
    targets: [
      target('login LCP (ms)', pages.login.lcpMs.median, PHONE_TARGETS.loginLcpMs),
      target('case page LCP (ms)', pages.case.lcpMs.median, PHONE_TARGETS.caseLcpMs),
      target('editor typeable (ms)', pages.document.typeableMs?.median, PHONE_TARGETS.typeableMs),
      target('login JS on the wire (bytes)', pages.login.jsBytes.median, PHONE_TARGETS.loginJsBytes),
    ],
    otherCpuPercent: other,
    errors,
  };
}

const ms = (s: Spread | undefined) =>
  s ? `${(s.median / 1000).toFixed(2)} s (${(s.min / 1000).toFixed(2)}–${(s.max / 1000).toFixed(2)})` : '—';
const kb = (s: Spread) => `${(s.median / 1024).toFixed(1)} kB`;

/** A Markdown table of one or more phone runs (e.g. the base build and this one). */
export function renderPhoneMarkdown(results: PhoneResult[]): string {
  const lines = [
    `Profile: ${results[0]?.profile ?? ''}. Median (min–max) over ${results[0]?.loads ?? 0} loads per page.`,
    '',
    '| build | page | LCP | ready | editor typeable | JS on the wire | scripts | other CPU |',
    '| --- | --- | --- | --- | --- | --- | --- | --- |',
  ];
  for (const r of results) {
    for (const [name, p] of Object.entries(r.pages)) {
      lines.push(
        `| ${r.label} | ${name} \`${p.path}\` | ${ms(p.lcpMs)} | ${ms(p.readyMs)} | ${ms(p.typeableMs)} | ${kb(p.jsBytes)} | ${p.scripts} | ${r.otherCpuPercent.toFixed(0)}% |`,
      );
    }
  }
  lines.push('');
  for (const r of results) {
    const t = r.targets.map(
      (x) => `${x.name} ${x.value === null ? '—' : x.value.toFixed(0)} ≤ ${x.target}: ${x.met ? 'met' : 'MISSED'}`,
    );
    lines.push(`- ${r.label}: ${t.join('; ')}${r.errors.length ? `; errors: ${r.errors.join(' | ')}` : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The `phone` entry of run.ts's scenario table: this build (and BENCH_PHONE_BASE first, when set). */
export async function runPhoneBenchScenario(ctx: ScenarioContext): Promise<ScenarioOutcome> {
  const loads = Number(process.env.BENCH_PHONE_LOADS ?? (ctx.quick ? 1 : 3));
  if (!Number.isInteger(loads) || loads < 1) throw new Error('BENCH_PHONE_LOADS must be a whole number ≥ 1');
  const results: PhoneResult[] = [];
  const base = process.env.BENCH_PHONE_BASE;
  if (base)
    results.push(await runPhoneScenario({ loads, root: path.resolve(base), label: `base (${base})`, log: ctx.log }));
  results.push(await runPhoneScenario({ loads, label: 'this build', log: ctx.log }));
  const last = results[results.length - 1]!;
  const warnings = results
    .filter((r) => r.otherCpuPercent > 25)
    .map((r) => `${r.label}: other processes used ${r.otherCpuPercent.toFixed(0)}% of a core`);
  return {
    status: 'ran',
    data: results,
    markdown: renderPhoneMarkdown(results).trimEnd().split('\n'),
    failures: last.errors,
    warnings,
  };
}
