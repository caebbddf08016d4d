/**
 * The one way the browser talks to `/api`: JSON in and out, the session cookie sent along, the CSRF
 * token on every state-changing request, and errors as `ApiError` with the server's stable id and text
 * (people see words for the id, `errorText.ts`; the server's English text is for developers).
 */
import type { HttpErrorBody, HttpErrorDetails } from '@samenspraak/shared';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The server's stable error id (`{"error":{"id":…}}`), or `network` / `bad-response`. */
    readonly id: string,
    message: string,
    readonly details: HttpErrorDetails = {},
  ) {
    super(message);
  }
}

let csrfToken: string | null = null;

/** Set from `GET /api/auth/me` (and cleared on logout). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

async function request(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', 'no connection to the server');
  }
  if (!res.ok) {
    let id = `http-${res.status}`;
    let message = res.statusText || `HTTP ${res.status}`;
    let details: HttpErrorDetails = {};
    try {
      const data = (await res.json()) as Partial<HttpErrorBody>;
      if (typeof data.error?.id === 'string') id = data.error.id;
      if (typeof data.error?.message === 'string') message = data.error.message;
      if (typeof data.error?.details === 'object' && data.error.details !== null) details = data.error.details;
    } catch {
      // not JSON: keep the status text
    }
    throw new ApiError(res.status, id, message, details);
  }
  return res;
}

/** A JSON request; resolves with the parsed body (undefined for 204). */
export async function api<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const res = await request(method, path, body);
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError(res.status, 'bad-response', 'the server sent an unreadable answer');
  }
}

/** A POST whose answer opens a session (login, accepted invitation): its CSRF token is used from now on. */
export async function startSession<T extends { csrfToken: string }>(path: string, body: unknown): Promise<T> {
  const res = await api<T>('POST', path, body);
  setCsrfToken(res.csrfToken);
  return res;
}

/** A binary download (PDF, Markdown) as a Blob, with the same errors as `api`. */
export async function download(path: string): Promise<Blob> {
  const res = await request('GET', path);
  return res.blob();
}
