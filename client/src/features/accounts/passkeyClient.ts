/**
 * The browser side of the passkey ceremonies (@simplewebauthn/browser): ask the server for options,
 * let the browser talk to the authenticator, send the answer back. A refusal by the browser (cancelled,
 * no authenticator) becomes a `WebAuthnCancelled`, so the page can say it in plain words.
 */
import type { LoginResponse, PasskeyOptionsResponse, PasskeysResponse } from '@samenspraak/shared';
import { api, startSession } from '../../app/api';

/**
 * The library is loaded when a ceremony starts, not with the login page: the login page's JavaScript
 * stays under issue 16's 100 kB budget (e2e/tests/compression.test.ts).
 */
const webauthn = () => import('@simplewebauthn/browser');

export class WebAuthnCancelled extends Error {}

async function inBrowser<T>(run: (lib: Awaited<ReturnType<typeof webauthn>>) => Promise<T>): Promise<T> {
  const lib = await webauthn();
  if (!lib.browserSupportsWebAuthn()) throw new WebAuthnCancelled('not supported');
  try {
    return await run(lib);
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
  const response = await inBrowser((lib) => lib.startAuthentication({ optionsJSON: options as never }));
  return startSession<LoginResponse>('/api/auth/passkey/login', { challengeId, response });
}

/** Registers a passkey for the logged-in person. */
export async function registerPasskey(name: string): Promise<PasskeysResponse> {
  const { challengeId, options } = await api<PasskeyOptionsResponse>('POST', '/api/account/passkeys/options');
  const response = await inBrowser((lib) => lib.startRegistration({ optionsJSON: options as never }));
  return api<PasskeysResponse>('POST', '/api/account/passkeys', { challengeId, response, name: name || undefined });
}

/** Finishes an activation (or re-enrolment) link with a passkey instead of the TOTP app. */
export async function activateWithPasskey(token: string, password: string, name: string): Promise<void> {
  const path = `/api/activation/${encodeURIComponent(token)}`;
  const { challengeId, options } = await api<PasskeyOptionsResponse>('POST', `${path}/passkey-options`);
  const response = await inBrowser((lib) => lib.startRegistration({ optionsJSON: options as never }));
  await api('POST', `${path}/passkey`, { password, challengeId, response, name: name || undefined });
}
