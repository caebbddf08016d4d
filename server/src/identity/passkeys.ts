/**
 * Passkeys (WebAuthn, with @simplewebauthn/server): register one while logged in, log in with one.
 *
 * - The relying party is PUBLIC_URL: its host name is the RP ID and its origin the only origin accepted.
 * - Every challenge is stored here (`webauthn_challenges`) with its purpose and an expiry of 5 minutes,
 *   and is taken once by one conditional UPDATE: a response to a used, expired or unknown challenge is
 *   refused (`challenge_expired`) before the signature is even looked at.
 * - User verification (a PIN, fingerprint or face on the device) is required at registration and at
 *   every login, so a passkey is two factors in one (something you have + something you know/are) and is
 *   phishing-resistant (bound to the RP ID): for a professional it replaces password + TOTP.
 * - The signature counter must grow (the library refuses a counter that does not; a cloned authenticator
 *   shows as one), and the backup-eligible flag may not change after registration (WebAuthn §6.1.3);
 *   the backup state is kept so the person sees which passkeys are synced.
 * - Logins with a passkey count in the same throttling as passwords (per login and per address) and are
 *   in the access log like every login (`detail: passkey`).
 */
import crypto from 'node:crypto';
import type { Passkey } from '@samenspraak/shared';
import {
  type AuthenticationResponseJSON,
  generateAuthenticationOptions,
  generateRegistrationOptions,
  type RegistrationResponseJSON,
  verifyAuthenticationResponse,
  verifyRegistrationResponse,
} from '@simplewebauthn/server';
import type { UsersTable } from '../db/schema.js';
import { HttpError } from '../http/errors.js';
import type { AppServices } from '../services.js';
import { logAuth } from './authLog.js';
import { type Client, completed, failed, type LoginDone, type LoginRefusal, throttled } from './login.js';
import { type ChallengePurpose, type PasskeysTable, signInDb } from './passkeysDb.js';
import { addressLimited } from './throttle.js';

export const CHALLENGE_TTL_MS = 5 * 60_000;
const RP_NAME = 'Samenspraak';

/** The relying party from PUBLIC_URL (services.publicUrl: PUBLIC_URL, or http://localhost:<port>). */
export function relyingParty(services: AppServices): { rpID: string; origin: string } {
  const url = new URL(services.publicUrl);
  return { rpID: url.hostname, origin: url.origin };
}

async function storeChallenge(
  services: AppServices,
  purpose: ChallengePurpose,
  challenge: string,
  userId: string | null,
): Promise<string> {
  const db = signInDb(services.db);
  const now = services.clock();
  const id = crypto.randomBytes(24).toString('base64url');
  await db
    .deleteFrom('webauthn_challenges')
    .where('expires_at', '<', new Date(now.getTime() - 3600_000).toISOString())
    .execute();
  await db
    .insertInto('webauthn_challenges')
    .values({
      id,
      challenge,
      purpose,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + CHALLENGE_TTL_MS).toISOString(),
      used_at: null,
    })
    .execute();
  return id;
}

/**
 * Takes a challenge once: one conditional UPDATE marks it used if it is of this purpose, unused and not
 * expired; anything else (unknown, used, expired, another purpose) is null.
 */
export async function takeChallenge(services: AppServices, id: string, purpose: ChallengePurpose) {
  const db = signInDb(services.db);
  const now = services.clock().toISOString();
  const result = await db
    .updateTable('webauthn_challenges')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('purpose', '=', purpose)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  return db.selectFrom('webauthn_challenges').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

const challengeExpired = () =>
  new HttpError(400, 'challenge_expired', 'the challenge is unknown, expired or already used; start again');

function transportsOf(row: PasskeysTable): string[] {
  try {
    const parsed = JSON.parse(row.transports) as unknown;
    return Array.isArray(parsed) ? parsed.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

export async function passkeysOf(services: AppServices, userId: string): Promise<PasskeysTable[]> {
  return signInDb(services.db)
    .selectFrom('passkeys')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

export function passkeyView(row: PasskeysTable): Passkey {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    backedUp: row.backed_up === 1,
  };
}

// ---------------------------------------------------------------- registration (logged in)

export async function registrationOptions(services: AppServices, user: UsersTable) {
  const { rpID } = relyingParty(services);
  const existing = await passkeysOf(services, user.id);
  const options = await generateRegistrationOptions({
    rpName: RP_NAME,
    rpID,
    userName: user.login,
    userDisplayName: user.name,
    // The WebAuthn user handle: the opaque account id (no name or e-mail goes to the authenticator's handle).
    userID: new TextEncoder().encode(user.id),
    attestationType: 'none',
    excludeCredentials: existing.map((p) => ({ id: p.id, transports: transportsOf(p) })),
    // A discoverable credential (a login without typing a name) with user verification (two factors in one).
    authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
    timeout: CHALLENGE_TTL_MS,
  });
  const challengeId = await storeChallenge(services, 'register', options.challenge, user.id);
  return { challengeId, options };
}

export async function registerPasskey(
  services: AppServices,
  user: UsersTable,
  input: { challengeId: string; response: Record<string, unknown>; name?: string | undefined },
  client: Client,
): Promise<PasskeysTable> {
  const challenge = await takeChallenge(services, input.challengeId, 'register');
  if (!challenge || challenge.user_id !== user.id) throw challengeExpired();
  const { rpID, origin } = relyingParty(services);
  let verified: Awaited<ReturnType<typeof verifyRegistrationResponse>>;
  try {
    verified = await verifyRegistrationResponse({
      response: input.response as unknown as RegistrationResponseJSON,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      requireUserVerification: true,
    });
  } catch (err) {
    services.log.warn({ err: (err as Error).message }, 'passkey registration refused');
    verified = { verified: false };
  }
  if (!verified.verified) {
    await logAuth(services, { event: 'update', outcome: 'failure', user, ...client, detail: 'passkey not added' });
    throw new HttpError(400, 'passkey_failed', 'the passkey could not be verified');
  }
  const info = verified.registrationInfo;
  const now = services.clock().toISOString();
  const count = (await passkeysOf(services, user.id)).length;
  const row: PasskeysTable = {
    id: info.credential.id,
    user_id: user.id,
    public_key: Buffer.from(info.credential.publicKey).toString('base64url'),
    counter: info.credential.counter,
    transports: JSON.stringify(info.credential.transports ?? []),
    device_type: info.credentialDeviceType,
    backed_up: info.credentialBackedUp ? 1 : 0,
    name: input.name?.trim() || `Toegangssleutel ${count + 1}`,
    created_at: now,
    last_used_at: null,
  };
  const db = signInDb(services.db);
  const taken = await db.selectFrom('passkeys').select('id').where('id', '=', row.id).executeTakeFirst();
  if (taken) throw new HttpError(409, 'conflict', 'this passkey is already registered');
  await db.insertInto('passkeys').values(row).execute();
  await logAuth(services, { event: 'update', outcome: 'success', user, ...client, detail: 'passkey added' });
  return row;
}

export async function removePasskey(
  services: AppServices,
  user: UsersTable,
  passkeyId: string,
  client: Client,
): Promise<boolean> {
  const result = await signInDb(services.db)
    .deleteFrom('passkeys')
    .where('id', '=', passkeyId)
    .where('user_id', '=', user.id)
    .executeTakeFirst();
  const removed = Number(result.numDeletedRows) === 1;
  if (removed)
    await logAuth(services, { event: 'update', outcome: 'success', user, ...client, detail: 'passkey removed' });
  return removed;
}

/** The beheerder's account recovery: every passkey of the account goes (a lost phone may hold one). */
export async function removeAllPasskeys(services: AppServices, userId: string): Promise<number> {
  const result = await signInDb(services.db).deleteFrom('passkeys').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ---------------------------------------------------------------- login

/**
 * Options for a passkey login. Without a login name: a discoverable-credential request (the browser
 * offers the passkeys it has for this site). With one: only that account's passkeys are allowed.
 */
export async function loginOptions(services: AppServices, login: string | undefined, client: Client) {
  if (await addressLimited(services.db, client.remoteAddress, services.clock())) {
    throw new HttpError(429, 'rate_limited', 'too many failed attempts from this address; try again later');
  }
  const { rpID } = relyingParty(services);
  let userId: string | null = null;
  let allowCredentials: { id: string; transports?: string[] }[] | undefined;
  if (login) {
    const user = await services.db.selectFrom('users').selectAll().where('login', '=', login).executeTakeFirst();
    if (user && !user.disabled) {
      userId = user.id;
      allowCredentials = (await passkeysOf(services, user.id)).map((p) => ({ id: p.id, transports: transportsOf(p) }));
    }
  }
  const options = await generateAuthenticationOptions({
    rpID,
    userVerification: 'required',
    timeout: CHALLENGE_TTL_MS,
    ...(allowCredentials && allowCredentials.length > 0 ? { allowCredentials } : {}),
  });
  const challengeId = await storeChallenge(services, 'login', options.challenge, userId);
  return { challengeId, options };
}

/** The throttling key of a passkey nobody has: failures with it count per address, and per that id. */
const unknownKeyLogin = (credentialId: string) => `passkey:${credentialId.slice(0, 80)}`;

export async function passkeyLogin(
  services: AppServices,
  input: { challengeId: string; response: Record<string, unknown> },
  client: Client,
): Promise<LoginDone | LoginRefusal> {
  const response = input.response as unknown as AuthenticationResponseJSON;
  const credentialId = typeof response.id === 'string' ? response.id : '';
  const db = signInDb(services.db);
  const passkey = credentialId
    ? await db.selectFrom('passkeys').selectAll().where('id', '=', credentialId).executeTakeFirst()
    : undefined;
  const found = passkey
    ? ((await services.db.selectFrom('users').selectAll().where('id', '=', passkey.user_id).executeTakeFirst()) ?? null)
    : null;
  const login = found?.login ?? unknownKeyLogin(credentialId);
  const early = await throttled(services, login, client);
  if (early) return early;
  const challenge = await takeChallenge(services, input.challengeId, 'login');
  if (!challenge) throw challengeExpired();
  if (!passkey || !found || found.disabled || (challenge.user_id !== null && challenge.user_id !== found.id)) {
    return failed(services, login, found, client, 'passkey');
  }
  const { rpID, origin } = relyingParty(services);
  let result: Awaited<ReturnType<typeof verifyAuthenticationResponse>> | null = null;
  try {
    result = await verifyAuthenticationResponse({
      response,
      expectedChallenge: challenge.challenge,
      expectedOrigin: origin,
      expectedRPID: rpID,
      credential: {
        id: passkey.id,
        publicKey: new Uint8Array(Buffer.from(passkey.public_key, 'base64url')),
        counter: Number(passkey.counter),
        transports: transportsOf(passkey) as never,
      },
      requireUserVerification: true,
    });
  } catch (err) {
    // Includes a counter that did not grow (a cloned authenticator) and inconsistent backup flags.
    services.log.warn({ err: (err as Error).message }, 'passkey login refused');
  }
  const info = result?.verified ? result.authenticationInfo : null;
  // The backup-eligible flag is fixed for a credential's life: a single-device key turning multi-device is not the same key.
  const eligibilityChanged =
    info !== null && passkey.device_type === 'singleDevice' && info.credentialDeviceType !== 'singleDevice';
  if (!info?.userVerified || eligibilityChanged) {
    return failed(services, login, found, client, eligibilityChanged ? 'passkey backup flags changed' : 'passkey');
  }
  await db
    .updateTable('passkeys')
    .set({
      counter: info.newCounter,
      backed_up: info.credentialBackedUp ? 1 : 0,
      last_used_at: services.clock().toISOString(),
    })
    .where('id', '=', passkey.id)
    .execute();
  return { kind: 'done', user: found, session: await completed(services, found, client, 'passkey') };
}
