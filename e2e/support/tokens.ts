/** Collaboration access tokens for tests, signed like the server signs them (HS256, iss/aud). */
import type { CollabClaims } from '@samenspraak/shared';
import { SignJWT } from 'jose';

export interface TokenOptions {
  /** Lifetime in seconds from now; negative for an already expired token. Default one hour. */
  ttlSeconds?: number;
  issuer?: string;
  audience?: string;
}

export async function signToken(secret: string, claims: CollabClaims, options: TokenOptions = {}): Promise<string> {
  const { ttlSeconds = 3600, issuer = 'samenspraak', audience = 'collab' } = options;
  const { sub, ...rest } = claims;
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(issuer)
    .setAudience(audience)
    .setIssuedAt(Math.min(now, now + ttlSeconds - 60))
    .setExpirationTime(now + ttlSeconds)
    .sign(new TextEncoder().encode(secret));
}

/** The page URL that opens `documentId` with `token` (token in the fragment, as the server prints it). */
export function documentUrl(baseUrl: string, documentId: string, token: string, lang?: 'en'): string {
  const query = new URLSearchParams({ doc: documentId });
  if (lang) query.set('lang', lang);
  return `${baseUrl}/?${query}#token=${token}`;
}
