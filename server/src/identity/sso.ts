/**
 * Single sign-on for organisations by OpenID Connect (openid-client v6): the authorization code flow
 * with PKCE (S256), state and nonce.
 *
 * - Start: a random state, nonce and PKCE verifier are stored server-side (`sso_flows`, the state as its
 *   SHA-256), bound to this browser by a short-lived cookie (SameSite=Lax, so it comes back with the
 *   identity provider's redirect), and expire after 10 minutes.
 * - Callback: the flow is taken once (one conditional UPDATE) and only by the browser that started it, so
 *   a callback URL used twice, a stale one or one carried to another browser is refused (`sso_state`).
 *   openid-client then redeems the code and checks the ID token: signature (the provider's JWKS), issuer,
 *   audience (our client id), expiry (judged by the domain clock), nonce. Any failure is `sso_failed`.
 * - Who: the (issuer, subject) pair must be linked to an account by the beheerder (`sso_links`); an
 *   unknown subject is refused (`sso_unlinked`), no account is ever created by a login.
 * - MFA: the ID token must prove multi-factor authentication at the provider (OIDC_MFA_CLAIM: an `amr`
 *   value such as mfa/otp/hwk, or an accepted `acr` level); then no second factor is asked here. Without
 *   it the login is refused (`sso_no_mfa`): the person logs in with password + code (or a passkey) instead.
 * - Every outcome is in the access log like the password logins; the per-login lock applies.
 */
import crypto from 'node:crypto';
import * as oidc from 'openid-client';
import type { OidcConfig } from '../config.js';
import type { UsersTable } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import type { AppServices } from '../services.js';
import { logAuth } from './authLog.js';
import { type Client, completed, throttled } from './login.js';
import { signInDb } from './passkeysDb.js';
import type { NewSession } from './sessions.js';

export const SSO_FLOW_MS = 10 * 60_000;
export const SSO_COOKIE = 'samenspraak_sso';
export const SSO_CALLBACK_PATH = '/api/auth/sso/callback';

const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

/** The provider's metadata, discovered once per issuer and process. */
const discovered = new Map<string, Promise<oidc.Configuration>>();

function insecureAllowed(services: AppServices, cfg: OidcConfig): boolean {
  // Plain http only outside production (a provider started by a test, a local development provider).
  return !services.config.production && new URL(cfg.issuer).protocol === 'http:';
}

async function discover(services: AppServices, cfg: OidcConfig): Promise<oidc.Configuration> {
  let found = discovered.get(cfg.issuer);
  if (!found) {
    found = oidc.discovery(
      new URL(cfg.issuer),
      cfg.clientId,
      cfg.clientSecret,
      undefined,
      insecureAllowed(services, cfg) ? { execute: [oidc.allowInsecureRequests] } : undefined,
    );
    discovered.set(cfg.issuer, found);
    found.catch(() => discovered.delete(cfg.issuer));
  }
  return found;
}

/**
 * A configuration for one callback: the discovered provider, our client, and the domain clock as "now"
 * (clockSkew), so the token's times are judged by the same clock as sessions and tests can move it.
 */
async function configurationNow(services: AppServices, cfg: OidcConfig): Promise<oidc.Configuration> {
  const base = await discover(services, cfg);
  const skew = Math.round((services.clock().getTime() - Date.now()) / 1000);
  const config = new oidc.Configuration(
    base.serverMetadata(),
    cfg.clientId,
    { client_secret: cfg.clientSecret, [oidc.clockSkew]: skew },
    oidc.ClientSecretPost(cfg.clientSecret),
  );
  if (insecureAllowed(services, cfg)) oidc.allowInsecureRequests(config);
  return config;
}

export function ssoConfigOf(services: AppServices): OidcConfig | null {
  return services.config.oidc ?? null;
}

const redirectUri = (services: AppServices) => `${services.publicUrl.replace(/\/+$/, '')}${SSO_CALLBACK_PATH}`;

/** Starts a login at the provider: the URL to send the browser to, and the browser-binding cookie value. */
export async function startSso(services: AppServices, cfg: OidcConfig): Promise<{ url: URL; browserToken: string }> {
  const config = await discover(services, cfg);
  const state = oidc.randomState();
  const nonce = oidc.randomNonce();
  const codeVerifier = oidc.randomPKCECodeVerifier();
  const browserToken = crypto.randomBytes(32).toString('base64url');
  const now = services.clock();
  const db = signInDb(services.db);
  await db
    .deleteFrom('sso_flows')
    .where('expires_at', '<', new Date(now.getTime() - 3600_000).toISOString())
    .execute();
  await db
    .insertInto('sso_flows')
    .values({
      id: sha256(state),
      browser_hash: sha256(browserToken),
      code_verifier: codeVerifier,
      nonce,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + SSO_FLOW_MS).toISOString(),
      used_at: null,
    })
    .execute();
  const url = oidc.buildAuthorizationUrl(config, {
    redirect_uri: redirectUri(services),
    scope: 'openid',
    response_type: 'code',
    state,
    nonce,
    code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
  });
  return { url, browserToken };
}

export type SsoRefusalId = 'sso_state' | 'sso_failed' | 'sso_unlinked' | 'sso_no_mfa' | 'locked' | 'rate_limited';
export type SsoOutcome = { kind: 'done'; user: UsersTable; session: NewSession } | { kind: SsoRefusalId };

/** Whether the ID token's claims prove MFA at the provider, by the configured policy. */
export function assertsMfa(cfg: OidcConfig, claims: Record<string, unknown>): boolean {
  if (cfg.mfa.claim === 'amr') {
    const amr = claims.amr;
    return Array.isArray(amr) && amr.some((v) => typeof v === 'string' && cfg.mfa.values.includes(v));
  }
  return typeof claims.acr === 'string' && cfg.mfa.values.includes(claims.acr);
}

export async function finishSso(
  services: AppServices,
  cfg: OidcConfig,
  input: { query: URLSearchParams; browserToken: string | null },
  client: Client,
): Promise<SsoOutcome> {
  const refuse = async (kind: SsoRefusalId, detail: string, user: UsersTable | null = null): Promise<SsoOutcome> => {
    await logAuth(services, { event: 'login', outcome: 'failure', user, ...client, detail: `sso: ${detail}` });
    return { kind };
  };
  const state = input.query.get('state') ?? '';
  const db = signInDb(services.db);
  const now = services.clock().toISOString();
  // Taken once, by the browser that started it, before its time is up.
  const taken =
    state && input.browserToken
      ? await db
          .updateTable('sso_flows')
          .set({ used_at: now })
          .where('id', '=', sha256(state))
          .where('browser_hash', '=', sha256(input.browserToken))
          .where('used_at', 'is', null)
          .where('expires_at', '>', now)
          .executeTakeFirst()
      : null;
  if (!taken || Number(taken.numUpdatedRows) !== 1) return refuse('sso_state', 'unknown, used or expired state');
  const flow = await db.selectFrom('sso_flows').selectAll().where('id', '=', sha256(state)).executeTakeFirstOrThrow();
  if (input.query.has('error')) return refuse('sso_failed', `provider error ${input.query.get('error')?.slice(0, 60)}`);

  let claims: Record<string, unknown> | undefined;
  try {
    const config = await configurationNow(services, cfg);
    const currentUrl = new URL(`${redirectUri(services)}?${input.query.toString()}`);
    const tokens = await oidc.authorizationCodeGrant(config, currentUrl, {
      pkceCodeVerifier: flow.code_verifier,
      expectedState: state,
      expectedNonce: flow.nonce,
      idTokenExpected: true,
    });
    claims = tokens.claims() as Record<string, unknown> | undefined;
  } catch (err) {
    // openid-client wraps the check that failed ("unexpected JWT claim value"); the innermost cause names it.
    let e = err as Error & { code?: string; cause?: unknown };
    while (e.cause instanceof Error) e = e.cause as typeof e;
    services.log.warn({ err: e.message, code: e.code }, 'sso: token refused');
    return refuse('sso_failed', `token refused (${(e.message || e.code || 'error').slice(0, 120)})`);
  }
  if (!claims || typeof claims.sub !== 'string') return refuse('sso_failed', 'no subject in the ID token');

  const link = await db
    .selectFrom('sso_links')
    .selectAll()
    .where('issuer', '=', cfg.issuer)
    .where('subject', '=', claims.sub)
    .executeTakeFirst();
  const user = link
    ? ((await services.db.selectFrom('users').selectAll().where('id', '=', link.user_id).executeTakeFirst()) ?? null)
    : null;
  if (!user) return refuse('sso_unlinked', 'subject not linked to an account');
  if (user.disabled) return refuse('sso_failed', 'account disabled', user);
  if (!assertsMfa(cfg, claims))
    return refuse(
      'sso_no_mfa',
      `no MFA asserted (${cfg.mfa.claim}: ${JSON.stringify(claims[cfg.mfa.claim] ?? null).slice(0, 80)})`,
      user,
    );
  const early = await throttled(services, user.login, client);
  if (early) return { kind: early.kind === 'invalid' ? 'sso_failed' : early.kind };
  const detail = `sso (${cfg.mfa.claim}: ${String(cfg.mfa.claim === 'amr' ? (claims.amr as string[]).join(' ') : claims.acr).slice(0, 80)})`;
  return { kind: 'done', user, session: await completed(services, user, client, detail) };
}

/** The beheerder links (or, with null, unlinks) an account to a subject at the configured provider. */
export async function linkSso(
  services: AppServices,
  cfg: OidcConfig,
  userId: string,
  subject: string | null,
  byUserId: string,
): Promise<void> {
  const db = signInDb(services.db);
  await db.deleteFrom('sso_links').where('user_id', '=', userId).execute();
  if (subject === null) return;
  const taken = await db
    .selectFrom('sso_links')
    .select('user_id')
    .where('issuer', '=', cfg.issuer)
    .where('subject', '=', subject)
    .executeTakeFirst();
  if (taken) throw new HttpError(409, 'conflict', 'this organisation account is linked to another account');
  await db
    .insertInto('sso_links')
    .values({
      user_id: userId,
      issuer: cfg.issuer,
      subject,
      created_by: byUserId,
      created_at: services.clock().toISOString(),
    })
    .execute();
}
