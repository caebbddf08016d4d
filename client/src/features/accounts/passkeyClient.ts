/**
 * The browser side of the passkey ceremonies (@simplewebauthn/browser): ask the server for options,
 * let the browser talk to the authenticator, send the answer back. A refusal by the browser (cancelled,
 * no authenticator) becomes a `WebAuthnCancelled`, so the page can say it in plain words.
 */
import type { LoginResponse, PasskeyOptionsResponse, PasskeysResponse } from '@samenspraak/shared';
import { browserSupportsWebAuthn, startAuthentication, startRegistration } from '@simplewebauthn/browser';
import { api, startSession } from '../../app/api';

export class WebAuthnCancelled extends Error {}

async function inBrowser<T>(run: () => Promise<T>): Promise<T> {
  if (!browserSupportsWebAuthn()) throw new WebAuthnCancelled('not supported');
  try {
    return await run();
  } catch (err) {
    throw new WebAuthnCancelled(err instanceof Error ? err.name : 'error');
  }
}

/** A login with a passkey: usernameless (discoverable) without a login name, that account's passkeys with one. */
export async function loginWithPasskey(login?: string): Promise<LoginResponse> {
  const { challengeId, options } = await api<PasskeyOptionsResponse>(
    'POST',
    '/api/auth/passkey/login-options',
    login ? { login } : {},
  );
  const response = await inBrowser(() => startAuthentication({ optionsJSON: options as never }));
  return startSession<LoginResponse>('/api/auth/passkey/login', { challengeId, response });
}

/** Registers a passkey for the logged-in person. */
export async function registerPasskey(name: string): Promise<PasskeysResponse> {
  const { challengeId, options } = await api<PasskeyOptionsResponse>('POST', '/api/account/passkeys/options');
  const response = await inBrowser(() => startRegistration({ optionsJSON: options as never }));
  return api<PasskeysResponse>('POST', '/api/account/passkeys', { challengeId, response, name: name || undefined });
}

/** Finishes an activation (or re-enrolment) link with a passkey instead of the TOTP app. */
export async function activateWithPasskey(token: string, password: string, name: string): Promise<void> {
  const path = `/api/activation/${encodeURIComponent(token)}`;
  const { challengeId, options } = await api<PasskeyOptionsResponse>('POST', `${path}/passkey-options`);
  const response = await inBrowser(() => startRegistration({ optionsJSON: options as never }));
  await api('POST', `${path}/passkey`, { password, challengeId, response, name: name || undefined });
}
