/**
 * /metrics tells how busy the service is and which documents fail; it is for the operator only:
 *  - with METRICS_TOKEN: only `Authorization: Bearer <token>`;
 *  - without it: only from the machine itself (loopback, as the trusted client address), and never in
 *    production.
 * A refusal looks like any unknown path (404), so the endpoint does not announce itself.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Config } from '../../src/config.js';
import { startTestServer } from '../support/testServer.js';

const TOKEN = 'metrics-token-for-the-test-0123456789abcdef';

const servers: Array<Awaited<ReturnType<typeof startTestServer>>> = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A real server with this configuration; `get` reads its /metrics. */
async function serverWith(overrides: Partial<Config>) {
  const server = await startTestServer(overrides);
  servers.push(server);
  return async (headers: Record<string, string> = {}) => {
    const res = await fetch(`${server.url}/metrics`, { headers });
    return { status: res.status, body: await res.text() };
  };
}

describe('/metrics', () => {
  it('answers 404 in production without METRICS_TOKEN, even from loopback', async () => {
    const r = await (await serverWith({ production: true }))();
    expect(r.status).toBe(404);
    expect(r.body).not.toContain('samenspraak_');
  });

  it('with METRICS_TOKEN answers only the right bearer token', async () => {
    const metrics = await serverWith({ production: true, metricsToken: TOKEN });
    expect((await metrics()).status).toBe(404);
    expect((await metrics({ authorization: `Bearer ${TOKEN.slice(0, -1)}x` })).status).toBe(404);
    expect((await metrics({ authorization: `Bearer ${TOKEN}x` })).status).toBe(404);
    expect((await metrics({ authorization: TOKEN })).status).toBe(404);
    const ok = await metrics({ authorization: `Bearer ${TOKEN}` });
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('samenspraak_connections_closed_total');
  });

  it('without a token outside production answers loopback clients only', async () => {
    const direct = await serverWith({});
    expect((await direct()).status).toBe(200);
    // Behind a proxy on this machine the socket is loopback, but the client is not.
    const proxied = await serverWith({ trustProxy: ['loopback'] });
    expect((await proxied({ 'x-forwarded-for': '203.0.113.9' })).status).toBe(404);
    expect((await proxied({ 'x-forwarded-for': '127.0.0.1' })).status).toBe(200);
  });
});
