/**
 * The schema as the passkey and single sign-on code sees it: the identity schema plus what migrations
 * 0027_passkeys and 0028_sso add. Kept beside the migrations; `signInDb` only re-types the shared Kysely.
 */
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';
import type { IdentitySchema } from './identityDb.js';

export interface PasskeysTable {
  /** The credential id, base64url. */
  id: string;
  user_id: string;
  /** The COSE public key, base64url. */
  public_key: string;
  counter: number | string;
  /** JSON array of the authenticator's transports. */
  transports: string;
  device_type: string;
  backed_up: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

export type ChallengePurpose = 'register' | 'login';

export interface WebAuthnChallengesTable {
  id: string;
  challenge: string;
  purpose: ChallengePurpose;
  /** Registration: whose passkey; login with a login name given: whose passkeys were offered. */
  user_id: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SsoLinksTable {
  user_id: string;
  issuer: string;
  subject: string;
  created_by: string | null;
  created_at: string;
}

export interface SsoFlowsTable {
  /** SHA-256 of the state. */
  id: string;
  /** SHA-256 of the browser's flow cookie. */
  browser_hash: string;
  code_verifier: string;
  nonce: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface SignInSchema extends IdentitySchema {
  passkeys: PasskeysTable;
  webauthn_challenges: WebAuthnChallengesTable;
  sso_links: SsoLinksTable;
  sso_flows: SsoFlowsTable;
}

export type SignInDb = Kysely<SignInSchema>;

export function signInDb(db: AppDb | Kysely<never>): SignInDb {
  return db as unknown as SignInDb;
}
