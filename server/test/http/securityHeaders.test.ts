/**
 * Security headers on the real server: a Content-Security-Policy that allows only the client's own
 * files (no inline script or style, no framing), HSTS only when the request came over TLS, and no cache
 * anywhere for /api answers, which carry personal data.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { Browser, createPro, loginPro, START } from '../identity/harness.js';
import { startTestServer, tempDir } from '../support/testServer.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;

function clientDir(): string {
  const dir = tempDir('samenspraak-client-');
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>t</title><script type="module" src="/a.js"></script>',
  );
  fs.writeFileSync(path.join(dir, 'a.js'), 'export {};');
  return dir;
}

function directives(csp: string | null): Map<string, string[]> {
  expect(csp, 'Content-Security-Policy header').toBeTruthy();
  const out = new Map<string, string[]>();
  for (const part of csp!.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) out.set(name, values);
  }
  return out;
}

async function startWith(overrides: Partial<Config> = {}): Promise<Server> {
  return startTestServer({ clientDir: clientDir(), ...overrides }, { clock: () => START });
}

describe('security headers', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startWith();
  });
  afterAll(() => server.close());

  it('the page: a CSP without inline script or style, no framing, plus the usual headers', async () => {
    const res = await fetch(`${server.url}/`);
    expect(res.status).toBe(200);
    const csp = directives(res.headers.get('content-security-policy'));
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    for (const [name, values] of csp) {
      expect(values, name).not.toContain("'unsafe-inline'");
      expect(values, name).not.toContain("'unsafe-eval'");
      expect(values, name).not.toContain('*');
    }
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('referrer-policy')).toBe('no-referrer');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    expect(res.headers.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(res.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(res.headers.get('x-powered-by')).toBeNull();
    // Plain HTTP: HSTS would be ignored by browsers anyway, and must not be claimed.
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });

  it('every /api answer says no-store: logged in, refused, unknown route, malformed body', async () => {
    const b = new Browser(server.url);
    const pro = await createPro(server.services.db);
    const clock = { now: new Date(START), advance() {} };
    await loginPro(b, pro, clock);
    const replies = [
      await fetch(`${server.url}/api/auth/me`, { headers: { cookie: `samenspraak_session=${b.cookie}` } }),
      await fetch(`${server.url}/api/auth/me`),
      await fetch(`${server.url}/api/no-such-route`),
      await fetch(`${server.url}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"login":',
      }),
    ];
    expect(replies.map((r) => r.status)).toEqual([200, 401, 404, 400]);
    for (const r of replies) expect(r.headers.get('cache-control')).toBe('no-store');
  });

  // engine.io sets this itself; kept as a guard, since these answers carry the same data as /api.
  it('socket.io long-polling answers are not cached either', async () => {
    const res = await fetch(`${server.url}/realtime/?EIO=4&transport=polling`);
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('does not take X-Forwarded-Proto from a client that is not a trusted proxy', async () => {
    const res = await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(res.headers.get('strict-transport-security')).toBeNull();
  });
});

describe('HSTS behind a TLS-terminating proxy (TRUST_PROXY)', () => {
  let server: Server;
  beforeAll(async () => {
    server = await startWith({ trustProxy: ['loopback'] });
  });
  afterAll(() => server.close());

  it('is sent when the trusted proxy reports https, and not for plain http', async () => {
    const tls = await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': 'https' } });
    expect(tls.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    const plain = await fetch(`${server.url}/`, { headers: { 'x-forwarded-proto': 'http' } });
    expect(plain.headers.get('strict-transport-security')).toBeNull();
  });
});
