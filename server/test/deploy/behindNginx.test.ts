/**
 * The real nginx configuration of docker-compose (deploy/nginx.conf) in front of a real server: the
 * upstreams point at the test server, nginx listens on a free loopback port and connects from its own
 * address (127.0.0.3), which is what TRUST_PROXY names, as the compose file names the lb container.
 *  - the Host header keeps its port, so the Origin check of writes passes through the proxy;
 *  - per-address login limits count the client nginx saw, never nginx itself nor a forged
 *    X-Forwarded-For.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { ADDRESS_LIMIT } from '../../src/identity/throttle.js';
import { Browser, startIdentityServer } from '../identity/harness.js';
import { tempDir } from '../support/testServer.js';

const NGINX_ADDRESS = '127.0.0.3';
/** Debian installs it in /usr/sbin, which is not on every user's PATH. */
const NGINX = fs.existsSync('/usr/sbin/nginx') ? '/usr/sbin/nginx' : 'nginx';
const CONF = path.resolve(import.meta.dirname, '../../../deploy/nginx.conf');

async function freePort(): Promise<number> {
  const srv = net.createServer();
  await new Promise<void>((resolve) => srv.listen(0, '127.0.0.1', resolve));
  const { port } = srv.address() as net.AddressInfo;
  await new Promise((resolve) => srv.close(resolve));
  return port;
}

/** deploy/nginx.conf with only the machine-specific parts changed: upstreams, listen, paths, source address. */
function renderConfig(dir: string, upstreamPort: number, listenPort: number): string {
  const original = fs.readFileSync(CONF, 'utf8');
  const upstreams = original.match(/server app\d:3000[^;]*;/g) ?? [];
  expect(upstreams.length).toBeGreaterThan(0);
  let conf = original
    .replace(/server app\d:3000[^;]*;/g, `server 127.0.0.1:${upstreamPort};`)
    .replace(/listen 8080;/, `listen 127.0.0.1:${listenPort};`)
    .replace(/worker_processes [^;]+;/, 'worker_processes 1;');
  expect(conf).toContain(`listen 127.0.0.1:${listenPort};`);
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
    .map((t) => `  ${t}_temp_path ${path.join(dir, t)};`)
    .join('\n');
  conf = conf.replace(/http \{/, `http {\n  proxy_bind ${NGINX_ADDRESS};\n${temp}\n`);
  const top = [`pid ${path.join(dir, 'nginx.pid')};`, `error_log ${path.join(dir, 'error.log')};`, 'daemon off;'];
  if (process.getuid?.() === 0) top.push('user root;');
  return `${top.join('\n')}\n${conf}`;
}

async function startNginx(upstreamPort: number): Promise<{ url: string; proc: ChildProcess; dir: string }> {
  const dir = tempDir('samenspraak-nginx-');
  const port = await freePort();
  const file = path.join(dir, 'nginx.conf');
  fs.writeFileSync(file, renderConfig(dir, upstreamPort, port));
  const proc = spawn(NGINX, ['-p', dir, '-e', path.join(dir, 'error.log'), '-c', file], { stdio: 'inherit' });
  let spawnError: Error | null = null;
  proc.on('error', (err) => {
    spawnError = err;
  });
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i += 1) {
    if (spawnError) {
      throw new Error(`nginx could not be started (${String(spawnError)}): apt-get install nginx (.ci/run does this)`);
    }
    if (proc.exitCode !== null) break;
    const up = await fetch(`${url}/healthz`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return { url, proc, dir };
    await new Promise((r) => setTimeout(r, 100));
  }
  const log = fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : '';
  proc.kill();
  throw new Error(`nginx did not start: ${log}`);
}

describe('behind deploy/nginx.conf', () => {
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  let nginx: Awaited<ReturnType<typeof startNginx>>;
  beforeAll(async () => {
    t = await startIdentityServer({ trustProxy: [NGINX_ADDRESS] });
    nginx = await startNginx(t.server.port);
  }, 60_000);
  afterAll(async () => {
    nginx?.proc.kill('SIGQUIT');
    await t?.server.close();
  });

  it('passes the Origin check: the Host header reaches the server with its port', async () => {
    const b = new Browser(nginx.url);
    const r = await b.post(
      '/api/auth/login',
      { login: 'nobody@example.nl', password: 'wrong password here' },
      { headers: { origin: nginx.url } },
    );
    expect(r.body.error.id).toBe('invalid_credentials');
    expect(r.status).toBe(401);
    const other = await b.post(
      '/api/auth/login',
      { login: 'nobody@example.nl', password: 'wrong password here' },
      { headers: { origin: 'http://evil.example' } },
    );
    expect(other.body.error.id).toBe('csrf');
  });

  it('limits per client address as nginx saw it; forged X-Forwarded-For entries do not count', async () => {
    t.clock.advance(2 * ADDRESS_LIMIT.windowMs); // the failures of the test before no longer count
    const b = new Browser(nginx.url);
    const statuses: number[] = [];
    for (let i = 0; i < ADDRESS_LIMIT.maxFailures; i += 1) {
      const r = await b.post(
        '/api/auth/login',
        { login: `spray${i}@example.nl`, password: 'wrong password here' },
        { headers: { origin: nginx.url, 'x-forwarded-for': `198.51.100.${i + 1}` } },
      );
      statuses.push(r.status);
    }
    const last = await b.post(
      '/api/auth/login',
      { login: 'last@example.nl', password: 'wrong password here' },
      { headers: { origin: nginx.url, 'x-forwarded-for': '198.51.100.200' } },
    );
    expect(statuses.every((s) => s === 401)).toBe(true);
    expect(last.body.error.id).toBe('rate_limited');
    const rows = await t.db.selectFrom('login_attempts').select('remote_address').distinct().execute();
    // The client's own address (as nginx saw it), not nginx's and not any forged one.
    expect(rows.map((r) => r.remote_address)).toEqual(['127.0.0.1']);
  });

  it('passes WebSocket upgrades on, with the Origin check intact', async () => {
    const wsUrl = `${nginx.url.replace(/^http/, 'ws')}/realtime/?EIO=4&transport=websocket`;
    const opened = await new Promise<string>((resolve) => {
      const ws = new WebSocket(wsUrl, { headers: { origin: nginx.url } });
      ws.once('message', (data) => {
        ws.close();
        resolve(String(data));
      });
      ws.once('error', (err) => resolve(`error: ${err.message}`));
    });
    expect(opened).toMatch(/^0\{"sid"/); // engine.io's open packet: the upgrade reached the server
  });
});
