/** An HTTP client logged in as a given user: a real session row, the cookie and the CSRF header. */
import { createSession, SESSION_COOKIE } from '../../src/identity/sessions.js';
import type { AppServices } from '../../src/services.js';

export async function sessionFor(services: AppServices, baseUrl: string, userId: string) {
  const s = await createSession(services.db, {
    userId,
    authenticated: true,
    remoteAddress: '127.0.0.1',
    userAgent: 'vitest',
    ttlMs: 3600_000,
    now: services.clock(),
  });
  const headers = { cookie: `${SESSION_COOKIE}=${s.token}`, 'x-csrf-token': s.csrfToken };
  return {
    get: (path: string) => fetch(`${baseUrl}${path}`, { headers }),
    post: (path: string, body: unknown = {}) =>
      fetch(`${baseUrl}${path}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      }),
  };
}
