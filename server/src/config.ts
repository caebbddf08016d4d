/** Configuration from the environment. Only main.ts and admin/cli.ts call loadConfig(process.env). */
import net from 'node:net';
import path from 'node:path';
import { DEFAULT_LIMITS, type Limits } from '@samenspraak/shared';

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** postgres://... selects the Postgres store; unset means embedded SQLite in dataDir. */
  databaseUrl: string | null;
  /** DATABASE_SCHEMA: Postgres schema holding the tables (created if missing); null means 'public'. */
  databaseSchema: string | null;
  /** redis://... enables the cross-instance fan-out and the socket.io Redis adapter. */
  redisUrl: string | null;
  /** AUTH_SECRET; null means "generate one and keep it in dataDir" (development only). */
  authSecret: string | null;
  /**
   * AUDIT_KEY: the access log's HMAC key (kept outside the database). null derives it from the auth
   * secret under its own label; set it when AUTH_SECRET may be rotated, or old entries stop verifying.
   */
  auditKey: string | null;
  /** AUDIT_ANCHOR_FILE: where the access log's head is anchored (append-only); null is dataDir/access-log-anchors.jsonl. */
  auditAnchorFile: string | null;
  /** AUDIT_ANCHOR_INTERVAL_MS: how often the head is anchored (also at shutdown; 0: only at shutdown). */
  auditAnchorIntervalMs: number;
  production: boolean;
  logLevel: string;
  limits: Limits;
  /** Serve the built client from this folder (if it exists). */
  clientDir: string;
  instanceId: string;
  /**
   * NODE_ENV=test and SAMENSPRAAK_TEST_CLOCK=1: the domain clock is settable through PUT /api/test/clock
   * (end-to-end tests of deadlines). Never on otherwise.
   */
  testClock: boolean;
  /** NOTIFY_INTERVAL_MS: how often live notifications are computed for connected people (0: only on changes). */
  notifyIntervalMs: number;
  /**
   * TRUST_PROXY: which direct peers are reverse proxies whose X-Forwarded-For/-Proto/-Host count. `false`
   * (the default): none, the socket's address is the client. A number: that many hops. A list: addresses,
   * subnets (CIDR) or `loopback` / `linklocal` / `uniquelocal`. Anything else lets a client pick its own
   * address and so escape per-address rate limits.
   */
  trustProxy: TrustProxy;
  /**
   * METRICS_TOKEN: with it, /metrics answers only `Authorization: Bearer <token>`. Without it, /metrics
   * answers only on the loopback interface, and never in production (404).
   */
  metricsToken: string | null;
  /**
   * Whether the collaboration server refuses Yjs structs written under another person's client id
   * (collab/clientOwnership.ts). Always true except with UNSAFE_SKIP_CLIENT_ID_CHECK=1, which exists only so
   * `npm run bench` can measure the check's cost against a baseline, and is refused in production.
   */
  collabClientIdCheck: boolean;
  /**
   * PUBLIC_URL: the address people open Samenspraak at (links in mails); null means
   * http://localhost:<the port listened on>.
   */
  publicUrl: string | null;
  /** Mail: the outbox worker's settings (mail/README.md). */
  mail: MailConfig;
  /** Single sign-on by OpenID Connect (OIDC_*); null (or absent) when not configured. */
  oidc?: OidcConfig | null;
}

export interface OidcConfig {
  /** OIDC_ISSUER: the identity provider's issuer URL (its discovery document is at /.well-known/openid-configuration). */
  issuer: string;
  /** OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: Samenspraak's registration at that provider. */
  clientId: string;
  clientSecret: string;
  /**
   * OIDC_MFA_CLAIM: which claim proves the provider did multi-factor authentication, and the values that
   * count: `amr:mfa,otp,hwk` (the default: any of these in the `amr` array) or `acr:<value>,<value>`
   * (the `acr` claim is one of these, e.g. a broker's level for DigiD Substantieel and Hoog).
   */
  mfa: { claim: 'amr' | 'acr'; values: string[] };
}

export interface MailConfig {
  /** SMTP_URL (smtp:// or smtps://, user and password in the URL); null writes mails to `<dataDir>/mail/`. */
  smtpUrl: string | null;
  /** MAIL_FROM: the sender, e.g. "Samenspraak <noreply@example.nl>". */
  from: string;
  /** MAIL_MAX_ATTEMPTS: tries before a mail is marked failed (shown to the functioneel beheerder). */
  maxAttempts: number;
  /** MAIL_RETRY_BASE_MS: the first retry waits about this long, each next one twice as long (jittered). */
  retryBaseMs: number;
  /** MAIL_RETRY_MAX_MS: the longest wait between two tries. */
  retryMaxMs: number;
  /** MAIL_POLL_MS: how often the worker looks for due mails (it also looks right after one is queued here). */
  pollMs: number;
  /** MAIL_LEASE_MS: how long a claimed mail is this instance's; after that another instance may take it over. */
  leaseMs: number;
}

export type TrustProxy = false | number | string[];

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${raw}"`);
  return n;
}

function schemaName(env: NodeJS.ProcessEnv): string | null {
  const raw = env.DATABASE_SCHEMA;
  if (!raw) return null;
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(raw)) {
    throw new Error(`DATABASE_SCHEMA must be a plain identifier (letters, digits, _), got "${raw}"`);
  }
  return raw;
}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function trustProxy(env: NodeJS.ProcessEnv): TrustProxy {
  const raw = env.TRUST_PROXY?.trim();
  if (!raw || raw === 'false' || raw === '0') return false;
  if (/^\d+$/.test(raw)) return Number(raw);
  const entries = raw.split(',').map((e) => e.trim());
  for (const entry of entries) {
    const [address, bits, extra] = entry.split('/');
    const known = PROXY_NAMES.has(address ?? '') ? bits === undefined : net.isIP(address ?? '') !== 0;
    const maxBits = net.isIPv4(address ?? '') ? 32 : 128;
    const prefixOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!known || !prefixOk || extra !== undefined) {
      throw new Error(
        `TRUST_PROXY must be false, a hop count, or a comma-separated list of addresses, subnets or loopback/linklocal/uniquelocal; got "${entry}"`,
      );
    }
  }
  return entries;
}

function publicUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.PUBLIC_URL?.trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`PUBLIC_URL must be an absolute http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error(`PUBLIC_URL must be http(s), got "${raw}"`);
  return url.origin + url.pathname.replace(/\/+$/, '');
}

function smtpUrl(env: NodeJS.ProcessEnv): string | null {
  const raw = env.SMTP_URL?.trim();
  if (!raw) return null;
  if (!/^smtps?:\/\/[^/]+/.test(raw))
    throw new Error('SMTP_URL must look like smtp://user:password@host:587 or smtps://…');
  return raw;
}

function mailConfig(env: NodeJS.ProcessEnv): MailConfig {
  const maxAttempts = int(env, 'MAIL_MAX_ATTEMPTS', 8);
  if (maxAttempts < 1) throw new Error('MAIL_MAX_ATTEMPTS must be at least 1');
  return {
    smtpUrl: smtpUrl(env),
    from: env.MAIL_FROM?.trim() || 'Samenspraak <noreply@samenspraak.invalid>',
    maxAttempts,
    retryBaseMs: int(env, 'MAIL_RETRY_BASE_MS', 30_000),
    retryMaxMs: int(env, 'MAIL_RETRY_MAX_MS', 60 * 60_000),
    pollMs: Math.max(10, int(env, 'MAIL_POLL_MS', 1000)),
    leaseMs: Math.max(1000, int(env, 'MAIL_LEASE_MS', 120_000)),
  };
}

function oidcConfig(env: NodeJS.ProcessEnv): OidcConfig | null {
  const issuer = env.OIDC_ISSUER?.trim();
  if (!issuer) return null;
  const clientId = env.OIDC_CLIENT_ID?.trim();
  const clientSecret = env.OIDC_CLIENT_SECRET;
  if (!clientId || !clientSecret) throw new Error('OIDC_ISSUER needs OIDC_CLIENT_ID and OIDC_CLIENT_SECRET');
  try {
    new URL(issuer);
  } catch {
    throw new Error(`OIDC_ISSUER must be an absolute URL, got "${issuer}"`);
  }
  const raw = env.OIDC_MFA_CLAIM?.trim() || 'amr:mfa,otp,hwk';
  const match = /^(amr|acr):(.+)$/.exec(raw);
  const values =
    match?.[2]
      ?.split(',')
      .map((v) => v.trim())
      .filter(Boolean) ?? [];
  if (!match || values.length === 0) {
    throw new Error(`OIDC_MFA_CLAIM must look like "amr:mfa,otp,hwk" or "acr:<value>,…", got "${raw}"`);
  }
  return { issuer, clientId, clientSecret, mfa: { claim: match[1] as 'amr' | 'acr', values } };
}

function metricsToken(env: NodeJS.ProcessEnv): string | null {
  const token = env.METRICS_TOKEN;
  if (!token) return null;
  if (token.length < 32) throw new Error('METRICS_TOKEN must be at least 32 characters');
  return token;
}

/** UNSAFE_SKIP_CLIENT_ID_CHECK: '1' switches the client-id check off (never in production), unset/'0' keeps it. */
function clientIdCheck(env: NodeJS.ProcessEnv, production: boolean): boolean {
  const raw = env.UNSAFE_SKIP_CLIENT_ID_CHECK;
  if (raw === undefined || raw === '' || raw === '0') return true;
  if (raw !== '1') throw new Error(`UNSAFE_SKIP_CLIENT_ID_CHECK must be 1 or unset, got "${raw}"`);
  if (production) {
    throw new Error(
      'UNSAFE_SKIP_CLIENT_ID_CHECK=1 is refused when NODE_ENV=production: without the check one participant ' +
        "can silently erase another's edits. It exists only for the benchmark baseline.",
    );
  }
  return false;
}

export function loadConfig(env: NodeJS.ProcessEnv, cwd = process.cwd()): Config {
  const production = env.NODE_ENV === 'production';
  const secret = env.AUTH_SECRET;
  if (production && !secret) throw new Error('AUTH_SECRET is required when NODE_ENV=production');
  if (secret !== undefined && secret.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters');
  const auditKey = env.AUDIT_KEY || null;
  if (auditKey !== null && auditKey.length < 32) throw new Error('AUDIT_KEY must be at least 32 characters');
  const limits: Limits = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(limits) as Array<keyof Limits>) {
    const envName = `LIMIT_${key.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`;
    limits[key] = int(env, envName, limits[key]);
  }
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST || '127.0.0.1',
    dataDir: path.resolve(cwd, env.DATA_DIR || 'data'),
    databaseUrl: env.DATABASE_URL || null,
    databaseSchema: schemaName(env),
    redisUrl: env.REDIS_URL || null,
    authSecret: secret ?? null,
    auditKey,
    auditAnchorFile: env.AUDIT_ANCHOR_FILE ? path.resolve(cwd, env.AUDIT_ANCHOR_FILE) : null,
    auditAnchorIntervalMs: int(env, 'AUDIT_ANCHOR_INTERVAL_MS', 5 * 60_000),
    production,
    logLevel: env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'warn' : 'info'),
    limits,
    clientDir: path.resolve(cwd, env.CLIENT_DIR || 'client/dist'),
    instanceId: env.INSTANCE_ID || `${process.pid}`,
    testClock: env.NODE_ENV === 'test' && env.SAMENSPRAAK_TEST_CLOCK === '1',
    notifyIntervalMs: int(env, 'NOTIFY_INTERVAL_MS', 60_000),
    trustProxy: trustProxy(env),
    metricsToken: metricsToken(env),
    collabClientIdCheck: clientIdCheck(env, production),
    publicUrl: publicUrl(env),
    mail: mailConfig(env),
    oidc: oidcConfig(env),
  };
}
