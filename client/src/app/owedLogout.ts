/**
 * A logout the server has not heard of yet. Logging out without a network still clears the page and
 * the local copies, but the session cookie stays valid until the server ends it; on a shared computer
 * the next person would be logged in. So the session is remembered (by its CSRF token, which names it
 * without being enough to use it) and ended as soon as the server can be reached: when the network
 * comes back in this tab, or at the next start.
 */
import type { MeResponse } from '@samenspraak/shared';
import { ApiError, api, setCsrfToken } from './api';

const KEY = 'samenspraak.logoutOwed';

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

/** Where storage is disabled, the owed logout lives as long as this tab. */
let owedInMemory: string | null = null;

export function oweLogout(csrfToken: string): void {
  owedInMemory = csrfToken;
  try {
    storage()?.setItem(KEY, csrfToken);
  } catch {
    // storage full or disabled: this tab still retries while it stays open
  }
}

function owed(): string | null {
  try {
    return storage()?.getItem(KEY) ?? owedInMemory;
  } catch {
    return owedInMemory;
  }
}

function forget(): void {
  owedInMemory = null;
  try {
    storage()?.removeItem(KEY);
  } catch {
    // nothing stored then
  }
}

export function hasOwedLogout(): boolean {
  return owed() !== null;
}

/**
 * Given the session the cookie names now: ends it if it is the one the person logged out of (true),
 * and forgets an owed logout of any other (a new login replaced it). Network errors keep it owed.
 */
export async function endIfOwed(csrfToken: string): Promise<boolean> {
  const pending = owed();
  if (pending === null) return false;
  if (pending !== csrfToken) {
    forget();
    return false;
  }
  setCsrfToken(csrfToken);
  try {
    await api('POST', '/api/auth/logout');
    forget();
  } catch (err) {
    if (!(err instanceof ApiError && (err.status === 0 || err.status >= 500))) forget();
  } finally {
    setCsrfToken(null);
  }
  return true;
}

/** For a tab that already shows the login page: ask the server whose session the cookie holds, and end it. */
export async function settleOwedLogout(): Promise<void> {
  if (!hasOwedLogout()) return;
  try {
    const me = await api<MeResponse>('GET', '/api/auth/me');
    await endIfOwed(me.csrfToken);
  } catch (err) {
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) forget(); // already gone
  }
}
