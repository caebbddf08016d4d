/**
 * What the page was opened with: `/?doc=<documentId>#token=<jwt>`.
 *
 * The token travels in the fragment, so it never reaches a server log. Once read, it is moved to
 * sessionStorage (this tab only, survives a reload) and removed from the address bar, so it does not
 * end up in bookmarks, screenshots or a copied link.
 *
 * The payload is decoded here only to show the user's name and role and whether they can write.
 * It is NOT verified: the server verifies the token on every connection and enforces the access.
 */
import { type DocumentAccess, isValidDocumentId } from '@samenspraak/shared';

export interface TokenClaims {
  sub: string;
  name: string;
  role: string;
  docs: Record<string, DocumentAccess>;
  /** Seconds since the epoch. */
  exp?: number;
}

export type Session =
  | { kind: 'start' }
  | { kind: 'invalid-link' }
  | {
      kind: 'document';
      documentId: string;
      token: string;
      claims: TokenClaims;
      /** What the token says about this document (the server has the final word). */
      access: DocumentAccess | null;
    };

const STORAGE_PREFIX = 'samenspraak:token:';

function base64UrlDecode(part: string): string {
  const base64 = part
    .replace(/-/g, '+')
    .replace(/_/g, '/')
    .padEnd(Math.ceil(part.length / 4) * 4, '=');
  const binary = atob(base64);
  const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Decodes (does not verify) a JWT payload; null when it is not a collaboration token. */
export function decodeTokenClaims(token: string): TokenClaims | null {
  const parts = token.split('.');
  if (parts.length !== 3 || !parts[1]) return null;
  let payload: unknown;
  try {
    payload = JSON.parse(base64UrlDecode(parts[1]));
  } catch {
    return null;
  }
  if (!isRecord(payload)) return null;
  const { sub, name, role, docs, exp } = payload;
  if (typeof sub !== 'string' || typeof name !== 'string' || typeof role !== 'string' || !isRecord(docs)) return null;
  const access: Record<string, DocumentAccess> = {};
  for (const [id, level] of Object.entries(docs)) {
    if (level === 'read' || level === 'write') access[id] = level;
  }
  return { sub, name, role, docs: access, ...(typeof exp === 'number' ? { exp } : {}) };
}

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled (privacy settings); the token then only lives in the address bar
  }
}

/** Reads the session from the current location; moves a fragment token into sessionStorage. */
export function readSession(loc: Location = window.location): Session {
  const documentId = new URLSearchParams(loc.search).get('doc');
  const fragmentToken = new URLSearchParams(loc.hash.replace(/^#/, '')).get('token');
  if (!documentId) return { kind: 'start' };
  if (!isValidDocumentId(documentId)) return { kind: 'invalid-link' };

  const store = storage();
  const key = STORAGE_PREFIX + documentId;
  let token = fragmentToken;
  if (token && store) {
    try {
      store.setItem(key, token);
      window.history.replaceState(window.history.state, '', loc.pathname + loc.search);
    } catch {
      // keep the token in the address bar when it cannot be stored
    }
  } else if (!token) {
    token = store?.getItem(key) ?? null;
  }
  if (!token) return { kind: 'start' };

  const claims = decodeTokenClaims(token);
  if (!claims) return { kind: 'invalid-link' };
  return { kind: 'document', documentId, token, claims, access: claims.docs[documentId] ?? null };
}
