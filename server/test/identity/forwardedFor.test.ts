/**
 * A forged X-Forwarded-For cannot reset a rate limit: without TRUST_PROXY the header is ignored, and with
 * it only the entry the trusted proxy added counts (what it saw connecting), never what the client wrote.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADDRESS_LIMIT } from '../../src/identity/throttle.js';
import { Browser, startIdentityServer } from './harness.js';

type Server = Awaited<ReturnType<typeof startIdentityServer>>;

/** ADDRESS_LIMIT.maxFailures failed logins, each claiming another address, then one more. */
async function sprayWithForgedAddresses(t: Server, forwarded: (i: number) => string) {
  const b = new Browser(t.server.url);
  const statuses: number[] = [];
  for (let i = 0; i <= ADDRESS_LIMIT.maxFailures; i += 1) {
    const r = await b.post(
      '/api/auth/login',
      { login: `spray${i}@example.nl`, password: 'wrong password here' },
      { headers: { 'x-forwarded-for': forwarded(i) } },
    );
    statuses.push(r.status);
  }
  return statuses;
}

const limited = () => [...Array(ADDRESS_LIMIT.maxFailures).fill(401), 429];

describe('X-Forwarded-For without a trusted proxy (the default)', () => {
  let t: Server;
  beforeAll(async () => {
    t = await startIdentityServer();
  });
  afterAll(() => t.server.close());

  it('is ignored: a different forged address per attempt still hits the per-address limit', async () => {
    expect(t.server.config.trustProxy).toBe(false);
    expect(await sprayWithForgedAddresses(t, (i) => `198.51.100.${i + 1}`)).toEqual(limited());
    const rows = await t.db.selectFrom('login_attempts').select('remote_address').distinct().execute();
    expect(rows.map((r) => r.remote_address)).toEqual(['127.0.0.1']);
  });
});

describe('X-Forwarded-For behind a trusted proxy (TRUST_PROXY=loopback)', () => {
  let t: Server;
  beforeAll(async () => {
    t = await startIdentityServer({ trustProxy: ['loopback'] });
  });
  afterAll(() => t.server.close());

  // The proxy appends the address it saw ($proxy_add_x_forwarded_for): whatever the client put before it
  // is the client's own claim and must not count.
  it('counts only the entry the proxy added, so forged entries before it change nothing', async () => {
    expect(await sprayWithForgedAddresses(t, (i) => `198.51.100.${i + 1}, 203.0.113.7`)).toEqual(limited());
    const rows = await t.db.selectFrom('login_attempts').select('remote_address').distinct().execute();
    expect(rows.map((r) => r.remote_address)).toEqual(['203.0.113.7']);
  });

  it('limits per real client: another client behind the same proxy is not locked out', async () => {
    const b = new Browser(t.server.url);
    const r = await b.post(
      '/api/auth/login',
      { login: 'someone@example.nl', password: 'wrong password here' },
      { headers: { 'x-forwarded-for': '203.0.113.8' } },
    );
    expect(r.status).toBe(401);
  });
});
