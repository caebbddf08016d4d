/**
 * Wire contracts of passkeys (WebAuthn) and single sign-on (OpenID Connect): `/api/auth/passkey/*`,
 * `/api/account/passkeys*`, `/api/auth/sso/*` and the beheerder's `/api/admin/accounts/:id/passkeys|sso`.
 * The WebAuthn ceremony bodies (options and responses) are the JSON shapes of @simplewebauthn: they are
 * checked field by field by the library on the server, so here they are only objects of bounded size.
 */
import { z } from 'zod';
import { LoginNameSchema, PASSWORD_MAX_LENGTH } from './authSchemas.js';

/** A WebAuthn JSON object (options or a credential response); @simplewebauthn validates its contents. */
const WebAuthnJsonSchema = z.record(z.string(), z.unknown());

/** `POST /api/auth/passkey/login-options`: with a login, only that person's passkeys are offered. */
export const PasskeyLoginOptionsRequestSchema = z.object({ login: LoginNameSchema.optional() });
export const PasskeyOptionsResponseSchema = z.object({
  /** The server-side challenge's id: sent back with the response, used once. */
  challengeId: z.string(),
  options: WebAuthnJsonSchema,
});
export type PasskeyOptionsResponse = z.infer<typeof PasskeyOptionsResponseSchema>;

/** `POST /api/auth/passkey/login` and `POST /api/account/passkeys`. */
export const PasskeyResponseRequestSchema = z.object({
  challengeId: z.string().min(1).max(100),
  response: WebAuthnJsonSchema,
  /** Registration only: a name the person recognises the passkey by ("telefoon"). */
  name: z.string().trim().max(60).optional(),
});
export type PasskeyResponseRequest = z.infer<typeof PasskeyResponseRequestSchema>;

/** `POST /api/activation/:token/passkey`: the password the link asks for, and the new passkey. */
export const ActivatePasskeyRequestSchema = PasskeyResponseRequestSchema.extend({
  password: z.string().min(1, 'password is required').max(PASSWORD_MAX_LENGTH),
});

export const PasskeySchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  /** Synced between devices by the platform (backup state), as the authenticator last said. */
  backedUp: z.boolean(),
});
export type Passkey = z.infer<typeof PasskeySchema>;
export const PasskeysResponseSchema = z.object({ passkeys: z.array(PasskeySchema) });
export type PasskeysResponse = z.infer<typeof PasskeysResponseSchema>;

/** `GET /api/auth/sso`: whether single sign-on is configured (the login page shows its button). */
export const SsoInfoResponseSchema = z.object({ enabled: z.boolean() });
export type SsoInfoResponse = z.infer<typeof SsoInfoResponseSchema>;

/** The beheerder's view of an account's other ways in. */
export const AccountSignInSchema = z.object({
  passkeys: z.number(),
  /** The linked organisation account (issuer + subject), or null. */
  sso: z.object({ issuer: z.string(), subject: z.string() }).nullable(),
});
export type AccountSignIn = z.infer<typeof AccountSignInSchema>;

/** `PUT /api/admin/accounts/:id/sso`: link (or, with null, unlink) the organisation account. */
export const LinkSsoRequestSchema = z.object({
  subject: z.string().trim().min(1, 'subject is required').max(255).nullable(),
});
export type LinkSsoRequest = z.infer<typeof LinkSsoRequestSchema>;
