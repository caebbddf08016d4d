import path from 'node:path';
import { DEFAULT_LIMITS } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('has safe defaults: loopback, port 3000, embedded SQLite in ./data, no Redis', () => {
    const config = loadConfig({}, '/srv/app');
    expect(config).toMatchObject({
      port: 3000,
      host: '127.0.0.1',
      dataDir: path.resolve('/srv/app/data'),
      databaseUrl: null,
      redisUrl: null,
      authSecret: null,
      production: false,
    });
    expect(config.limits).toEqual(DEFAULT_LIMITS);
  });

  it('reads every limit from LIMIT_* variables', () => {
    const config = loadConfig({ LIMIT_MAX_MESSAGE_BYTES: '65536', LIMIT_RATE_BURST: '10', LIMIT_UNLOAD_GRACE_MS: '0' });
    expect(config.limits.maxMessageBytes).toBe(65536);
    expect(config.limits.rateBurst).toBe(10);
    expect(config.limits.unloadGraceMs).toBe(0);
  });

  it('refuses nonsense with a message naming the variable', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(/PORT/);
    expect(() => loadConfig({ LIMIT_RATE_BURST: '-1' })).toThrow(/LIMIT_RATE_BURST/);
    expect(() => loadConfig({ AUTH_SECRET: 'short' })).toThrow(/at least 32/);
  });

  it('reads the access-log key and anchor settings; a short AUDIT_KEY is refused', () => {
    expect(loadConfig({}, '/srv/app')).toMatchObject({
      auditKey: null,
      auditAnchorFile: null,
      auditAnchorIntervalMs: 300_000,
    });
    const config = loadConfig(
      { AUDIT_KEY: 'k'.repeat(32), AUDIT_ANCHOR_FILE: 'anchors/log.jsonl', AUDIT_ANCHOR_INTERVAL_MS: '1000' },
      '/srv/app',
    );
    expect(config).toMatchObject({
      auditKey: 'k'.repeat(32),
      auditAnchorFile: path.resolve('/srv/app/anchors/log.jsonl'),
      auditAnchorIntervalMs: 1000,
    });
    expect(() => loadConfig({ AUDIT_KEY: 'short' })).toThrow(/AUDIT_KEY/);
  });

  it('requires AUTH_SECRET in production', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).toThrow(/AUTH_SECRET/);
    expect(loadConfig({ NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) }).production).toBe(true);
  });

  it('trusts no proxy unless TRUST_PROXY names one (hops, addresses, subnets or names)', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ TRUST_PROXY: '172.30.0.10, 10.0.0.0/8,loopback' }).trustProxy).toEqual([
      '172.30.0.10',
      '10.0.0.0/8',
      'loopback',
    ]);
    expect(() => loadConfig({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: 'nginx' })).toThrow(/TRUST_PROXY/);
    expect(() => loadConfig({ TRUST_PROXY: '10.0.0.0/33' })).toThrow(/TRUST_PROXY/);
  });

  it('takes METRICS_TOKEN only when long enough to be a secret', () => {
    expect(loadConfig({}).metricsToken).toBeNull();
    expect(loadConfig({ METRICS_TOKEN: 'm'.repeat(32) }).metricsToken).toBe('m'.repeat(32));
    expect(() => loadConfig({ METRICS_TOKEN: 'short' })).toThrow(/METRICS_TOKEN/);
  });

  it('keeps the client-id check on unless UNSAFE_SKIP_CLIENT_ID_CHECK=1, and refuses that in production', () => {
    expect(loadConfig({}).collabClientIdCheck).toBe(true);
    expect(loadConfig({ UNSAFE_SKIP_CLIENT_ID_CHECK: '0' }).collabClientIdCheck).toBe(true);
    expect(loadConfig({ UNSAFE_SKIP_CLIENT_ID_CHECK: '1' }).collabClientIdCheck).toBe(false);
    expect(() => loadConfig({ UNSAFE_SKIP_CLIENT_ID_CHECK: 'yes' })).toThrow(/UNSAFE_SKIP_CLIENT_ID_CHECK/);
    const production = { NODE_ENV: 'production', AUTH_SECRET: 'x'.repeat(40) };
    expect(loadConfig(production).collabClientIdCheck).toBe(true);
    expect(() => loadConfig({ ...production, UNSAFE_SKIP_CLIENT_ID_CHECK: '1' })).toThrow(
      /UNSAFE_SKIP_CLIENT_ID_CHECK=1 is refused when NODE_ENV=production/,
    );
  });
});
