/**
 * What a phone downloads (issue 16): the built client's hashed files come precompressed (brotli or
 * gzip, as the browser asks) and may be kept a year; index.html is asked again each time; JSON answers
 * of the API are compressed and still never cached; and the login page loads less than 100 kB of
 * compressed JavaScript, counted both from the build and from what the browser really fetched.
 * Sizes, not timings: the timings are measured by `npm run bench -- --scenarios phone`.
 */

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoApp, demo, demoCases, SESSION_COOKIE, startDemoApp } from '../support/app.js';
import { launchBrowser } from '../support/browser.js';

const clientDist = fileURLToPath(new URL('../../client/dist', import.meta.url));
const LOGIN_JS_BUDGET = 100 * 1024;

let app: DemoApp;
let browser: Browser;

beforeAll(async () => {
  [app, browser] = await Promise.all([startDemoApp(), launchBrowser()]);
});

afterAll(async () => {
  await browser?.close();
  await app?.dispose();
});

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

/** A GET with exactly these headers, body as sent (fetch would decompress and hide it). */
function get(pathname: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    http
      .get(`${app.server.url}${pathname}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

function decode(raw: Raw): Buffer {
  const enc = raw.headers['content-encoding'];
  if (enc === 'br') return zlib.brotliDecompressSync(raw.body);
  if (enc === 'gzip') return zlib.gunzipSync(raw.body);
  return raw.body;
}

/** The scripts index.html loads at once: the entry and its modulepreloads. */
function loginScripts(): string[] {
  const html = fs.readFileSync(path.join(clientDist, 'index.html'), 'utf8');
  return [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
}

describe('compression', () => {
  it('a hashed asset: brotli or gzip as asked, immutable for a year, security headers kept', async () => {
    const [entry] = loginScripts();
    if (!entry) throw new Error('no script in client/dist/index.html');
    const original = fs.readFileSync(path.join(clientDist, entry));

    const br = await get(entry, { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.status).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers.vary).toMatch(/Accept-Encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['content-security-policy']).toContain("script-src 'self'");
    expect(br.body.length).toBeLessThan(original.length / 2);
    expect(decode(br).equals(original)).toBe(true);

    const gz = await get(entry, { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(decode(gz).equals(original)).toBe(true);

    const plain = await get(entry, {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.equals(original)).toBe(true);
  });

  it('index.html is asked again every time', async () => {
    for (const pathname of ['/', '/zaken/demo-alkmaar-daan']) {
      const res = await get(pathname, { 'Accept-Encoding': 'br, gzip' });
      expect(res.status).toBe(200);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(decode(res).toString()).toContain('<div id="root">');
    }
  });

  it('an API JSON answer is compressed (brotli or gzip) and still not stored', async () => {
    const cookie = await app.sessionCookie(demo.procesregisseur);
    for (const encoding of ['br', 'gzip'] as const) {
      // The case with its team and people: more than the 1 kB below which compressing does not pay.
      const res = await get(`/api/cases/${demoCases.daan}`, {
        'Accept-Encoding': encoding,
        Cookie: `${SESSION_COOKIE}=${cookie}`,
      });
      expect(res.status).toBe(200);
      expect(decode(res).length).toBeGreaterThan(1024);
      expect(res.headers['content-encoding']).toBe(encoding);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.headers['content-type']).toMatch(/application\/json/);
      const json = JSON.parse(decode(res).toString()) as { case: { id: string } };
      expect(json.case.id).toBe(demoCases.daan);
    }
  });

  it(`the login page loads less than ${LOGIN_JS_BUDGET / 1024} kB of compressed JavaScript`, async () => {
    // From the build: the brotli copies of what index.html loads.
    const built = loginScripts().reduce((sum, f) => sum + fs.statSync(path.join(clientDist, `${f}.br`)).size, 0);
    expect(built).toBeLessThan(LOGIN_JS_BUDGET);

    // In the browser: the bytes on the wire of every script the login page fetched.
    const context = await browser.newContext();
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const scripts = new Map<string, string>();
    let wire = 0;
    cdp.on('Network.responseReceived', (e) => {
      if (e.type === 'Script') scripts.set(e.requestId, e.response.url);
    });
    cdp.on('Network.loadingFinished', (e) => {
      if (scripts.has(e.requestId)) wire += e.encodedDataLength;
    });
    await page.goto(app.server.url);
    await expect.poll(() => page.getByRole('heading', { name: 'Inloggen' }).count()).toBe(1);
    await page.waitForLoadState('networkidle');
    expect(scripts.size).toBeGreaterThan(0);
    // encodedDataLength counts the response headers too; the budget holds with them.
    expect(wire).toBeLessThan(LOGIN_JS_BUDGET);
    await context.close();
  });
});
