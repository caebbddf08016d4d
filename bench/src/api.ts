/**
 * Scenario `api` (issue 16, part 2): the throughput of the read routes that write an access-log entry —
 * GET /api/cases (the case list: one entry listing its cases), GET /api/cases/:id (one entry) and
 * GET /api/cases/:id/access-log (one entry, and it reads the log) — against GET /api/auth/me (session
 * lookup, no entry) in the same run, with the same load generator: C keep-alive connections from this
 * process (node:http, each sending its next request when the previous answer is read), routes taking
 * turns in R rounds so a change in the machine's load hits every route alike.
 *
 * The server is `server/dist/main.js --demo-empty` on SQLite (synchronous=FULL: every commit fsyncs),
 * logged in as the demo procesregisseur (password + TOTP), who is on both demo cases. Target: each read
 * route ≥ 0.8× the requests/s of /api/auth/me. The server's access-log counters (/metrics) give the
 * entries per group commit.
 */
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import * as OTPAuth from 'otpauth';
import { percentile, sleep } from './latency.js';
import type { ScenarioContext, ScenarioOutcome } from './scenarios.js';
import { freePort, makeTempDir, removeTempDir, sampleMachineBusyMs, sampleProc, startServer } from './servers.js';

const LOGIN = 'ria.de.graaf@ret.example';
const CASE_ID = 'demo-alkmaar-daan';

export const API_ROUTES = [
  { name: 'me', path: '/api/auth/me' },
  { name: 'case list', path: '/api/cases' },
  { name: 'case', path: `/api/cases/${CASE_ID}` },
  { name: 'access log', path: `/api/cases/${CASE_ID}/access-log` },
] as const;

export interface ApiRouteResult {
  route: string;
  path: string;
  requests: number;
  errors: number;
  /** Status codes other than 200, counted. */
  statuses: Record<string, number>;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** Server CPU (utime+stime) per request. */
  serverCpuMsPerRequest: number;
  /** This route's requests/s ÷ /api/auth/me's (same run). */
  ratioToMe: number | null;
}

export interface ApiResult {
  connections: number;
  rounds: number;
  secondsPerRound: number;
  routes: ApiRouteResult[];
  accessLog: {
    commits: number;
    entries: number;
    failedCommits: number;
    entriesPerCommit: number | null;
    msPerCommit: number | null;
  } | null;
  /** Other processes' CPU during the measured windows (% of one core). */
  otherCpuPercent: number;
  /** The bench process's own CPU (the load generator), % of one core. */
  generatorCpuPercent: number;
}

interface Session {
  cookie: string;
}

async function request(
  port: number,
  method: string,
  p: string,
  body: unknown,
  headers: Record<string, string>,
): Promise<{ status: number; json: Record<string, unknown>; cookies: string[] }> {
  const res = await fetch(`http://127.0.0.1:${port}${p}`, {
    method,
    headers: { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : {}, cookies: res.headers.getSetCookie() };
}

function cookieOf(setCookies: string[], previous = ''): string {
  const jar = new Map(
    previous
      .split('; ')
      .filter(Boolean)
      .map((c) => [c.split('=')[0]!, c] as const),
  );
  for (const c of setCookies) {
    const pair = c.split(';')[0]!;
    jar.set(pair.split('=')[0]!, pair);
  }
  return [...jar.values()].join('; ');
}

/** The demo logins file: login → { password, totp }. */
function readDemoLogins(file: string): Map<string, { password: string; totp: string | null }> {
  const out = new Map<string, { password: string; totp: string | null }>();
  let login: string | null = null;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s+(login|password|TOTP):\s+(\S+)/.exec(line);
    if (!m) continue;
    if (m[1] === 'login') {
      login = m[2]!;
      out.set(login, { password: '', totp: null });
    } else if (login && m[1] === 'password') out.get(login)!.password = m[2]!;
    else if (login && m[1] === 'TOTP') out.get(login)!.totp = m[2]!;
  }
  return out;
}

async function logIn(port: number, dataDir: string): Promise<Session> {
  const file = path.join(dataDir, 'demo-logins.txt');
  const deadline = Date.now() + 30_000;
  while (!fs.existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`${file} not written within 30 s (demo seed)`);
    await sleep(100);
  }
  await sleep(200); // written in one go, but let the seed finish its documents
  const account = readDemoLogins(file).get(LOGIN);
  if (!account?.password || !account.totp) throw new Error(`no password/TOTP for ${LOGIN} in ${file}`);
  const login = await request(port, 'POST', '/api/auth/login', { login: LOGIN, password: account.password }, {});
  if (login.status !== 200) throw new Error(`login: HTTP ${login.status} ${JSON.stringify(login.json)}`);
  let cookie = cookieOf(login.cookies);
  if (login.json.next === 'totp') {
    const code = new OTPAuth.TOTP({ secret: OTPAuth.Secret.fromBase32(account.totp) }).generate();
    const totp = await request(
      port,
      'POST',
      '/api/auth/totp',
      { code },
      {
        cookie,
        'x-csrf-token': String(login.json.csrfToken),
      },
    );
    if (totp.status !== 200) throw new Error(`totp: HTTP ${totp.status} ${JSON.stringify(totp.json)}`);
    cookie = cookieOf(totp.cookies, cookie);
  }
  return { cookie };
}

interface Tally {
  requests: number;
  errors: number;
  statuses: Record<string, number>;
  latencies: number[];
}

/** C connections, each with one request in flight, for `ms`: counts answers read in full. */
async function hammer(port: number, p: string, cookie: string, connections: number, ms: number): Promise<Tally> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const tally: Tally = { requests: 0, errors: 0, statuses: {}, latencies: [] };
  const end = performance.now() + ms;
  const one = () =>
    new Promise<void>((resolve) => {
      const t0 = performance.now();
      const req = http.get({ host: '127.0.0.1', port, path: p, agent, headers: { cookie } }, (res) => {
        res.on('data', () => {});
        res.on('end', () => {
          tally.requests += 1;
          tally.latencies.push(performance.now() - t0);
          if (res.statusCode !== 200)
            tally.statuses[String(res.statusCode)] = (tally.statuses[String(res.statusCode)] ?? 0) + 1;
          resolve();
        });
      });
      req.on('error', () => {
        tally.errors += 1;
        resolve();
      });
    });
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (performance.now() < end) await one();
    }),
  );
  agent.destroy();
  return tally;
}

async function scrapeAccessLog(port: number): Promise<Record<string, number> | null> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const get = (name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1] ?? Number.NaN);
    const out = {
      commits: get('samenspraak_access_log_commits'),
      entries: get('samenspraak_access_log_entries'),
      failedCommits: get('samenspraak_access_log_failed_commits'),
      commitMs: get('samenspraak_access_log_commit_ms'),
    };
    return Number.isFinite(out.commits) ? out : null;
  } catch {
    return null;
  }
}

export async function runApiScenario(ctx: ScenarioContext): Promise<ScenarioOutcome> {
  const connections = Number(process.env.BENCH_API_CONNECTIONS) || (ctx.quick ? 8 : 16);
  const rounds = ctx.quick ? 2 : 3;
  const seconds = ctx.quick ? 2 : 5;
  const dataDir = makeTempDir('bench-api-');
  const port = await freePort();
  const server = await startServer('samenspraak', port, {
    dataDir,
    secret: ctx.secret,
    args: ['--demo-empty'],
    // --demo is refused in production; nothing on these routes reads NODE_ENV otherwise.
    env: {
      NODE_ENV: 'development',
      // BENCH_API_PROF=<dir>: a V8 CPU profile of the server (written when it stops), to see where time goes.
      ...(process.env.BENCH_API_PROF
        ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.BENCH_API_PROF}` }
        : {}),
    },
  });
  try {
    const { cookie } = await logIn(port, dataDir);
    for (const r of API_ROUTES) {
      const probe = await request(port, 'GET', r.path, undefined, { cookie });
      if (probe.status !== 200) throw new Error(`${r.path}: HTTP ${probe.status} ${JSON.stringify(probe.json)}`);
    }
    ctx.log(
      `api: ${connections} connections, ${rounds} rounds × ${API_ROUTES.length} routes × ${seconds} s (warm-up 1 s each)`,
    );
    const tallies = new Map<string, Tally & { cpuMs: number; ms: number }>(
      API_ROUTES.map((r) => [r.name, { requests: 0, errors: 0, statuses: {}, latencies: [], cpuMs: 0, ms: 0 }]),
    );
    const logBefore = await scrapeAccessLog(port);
    let machineMs = 0;
    let serverMs = 0;
    let selfMs = 0;
    let windowMs = 0;
    for (let round = 0; round < rounds; round += 1) {
      for (const r of API_ROUTES) {
        await hammer(port, r.path, cookie, connections, 1000); // warm-up, not counted
        const cpu0 = sampleProc(server.pid).cpuMs;
        const self0 = process.cpuUsage();
        const m0 = sampleMachineBusyMs();
        const t0 = performance.now();
        const t = await hammer(port, r.path, cookie, connections, seconds * 1000);
        const ms = performance.now() - t0;
        const cpu = sampleProc(server.pid).cpuMs - cpu0;
        const self = process.cpuUsage(self0);
        machineMs += sampleMachineBusyMs() - m0;
        serverMs += cpu;
        selfMs += (self.user + self.system) / 1000;
        windowMs += ms;
        const acc = tallies.get(r.name)!;
        acc.requests += t.requests;
        acc.errors += t.errors;
        for (const [k, v] of Object.entries(t.statuses)) acc.statuses[k] = (acc.statuses[k] ?? 0) + v;
        acc.latencies.push(...t.latencies);
        acc.cpuMs += cpu;
        acc.ms += ms;
        ctx.log(`api round ${round + 1} ${r.name}: ${((t.requests / ms) * 1000).toFixed(0)} req/s`);
      }
    }
    const logAfter = await scrapeAccessLog(port);
    const rps = (n: string) => {
      const t = tallies.get(n)!;
      return (t.requests / t.ms) * 1000;
    };
    const me = rps('me');
    const routes: ApiRouteResult[] = API_ROUTES.map((r) => {
      const t = tallies.get(r.name)!;
      const sorted = t.latencies.sort((a, b) => a - b);
      return {
        route: r.name,
        path: r.path,
        requests: t.requests,
        errors: t.errors,
        statuses: t.statuses,
        requestsPerSecond: rps(r.name),
        p50Ms: percentile(sorted, 50),
        p99Ms: percentile(sorted, 99),
        serverCpuMsPerRequest: t.requests ? t.cpuMs / t.requests : Number.NaN,
        ratioToMe: me ? rps(r.name) / me : null,
      };
    });
    const accessLog =
      logBefore && logAfter
        ? {
            commits: logAfter.commits! - logBefore.commits!,
            entries: logAfter.entries! - logBefore.entries!,
            failedCommits: logAfter.failedCommits! - logBefore.failedCommits!,
            msPerCommit:
              logAfter.commits! > logBefore.commits!
                ? (logAfter.commitMs! - logBefore.commitMs!) / (logAfter.commits! - logBefore.commits!)
                : null,
            entriesPerCommit:
              logAfter.commits! > logBefore.commits!
                ? (logAfter.entries! - logBefore.entries!) / (logAfter.commits! - logBefore.commits!)
                : null,
          }
        : null;
    const result: ApiResult = {
      connections,
      rounds,
      secondsPerRound: seconds,
      routes,
      accessLog,
      otherCpuPercent: Math.max(0, ((machineMs - serverMs - selfMs) / windowMs) * 100),
      generatorCpuPercent: (selfMs / windowMs) * 100,
    };
    return apiOutcome(result);
  } finally {
    await server.stop();
    removeTempDir(dataDir);
  }
}

const TARGET = 0.8;

function apiOutcome(r: ApiResult): ScenarioOutcome {
  const f = (n: number | null, d = 0) => (n === null || !Number.isFinite(n) ? '—' : n.toFixed(d));
  const failures: string[] = [];
  const warnings: string[] = [];
  for (const x of r.routes) {
    const bad = x.errors + Object.values(x.statuses).reduce((s, v) => s + v, 0);
    if (bad)
      failures.push(`api ${x.route}: ${bad} requests failed (${JSON.stringify(x.statuses)}, ${x.errors} errors)`);
  }
  if (r.otherCpuPercent > 25)
    warnings.push(`api: other processes used ${r.otherCpuPercent.toFixed(0)}% of a core during the windows`);
  const markdown = [
    `${r.connections} keep-alive connections, ${r.rounds} rounds × ${r.secondsPerRound} s per route (routes take turns); ` +
      `load generator ${r.generatorCpuPercent.toFixed(0)}% of a core; other processes ${r.otherCpuPercent.toFixed(0)}% of a core.`,
    '',
    '| route | path | requests/s | × /api/auth/me (target ≥ 0.8) | p50 ms | p99 ms | server CPU ms/request |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: |',
    ...r.routes.map(
      (x) =>
        `| ${x.route} | \`${x.path}\` | ${f(x.requestsPerSecond)} | ${x.route === 'me' ? '1.00 (peer)' : `${f(x.ratioToMe, 2)} ${(x.ratioToMe ?? 0) >= TARGET ? 'met' : 'missed'}`} | ${f(x.p50Ms, 1)} | ${f(x.p99Ms, 1)} | ${f(x.serverCpuMsPerRequest, 3)} |`,
    ),
    '',
    r.accessLog
      ? `Access log during the windows and warm-ups: ${r.accessLog.entries} entries in ${r.accessLog.commits} group commits (${f(r.accessLog.entriesPerCommit, 1)} entries and ${f(r.accessLog.msPerCommit, 1)} ms per commit), ${r.accessLog.failedCommits} failed.`
      : 'Access-log counters: /metrics not readable.',
  ];
  return { status: 'ran', data: r, markdown, failures, warnings };
}
