/**
 * Collaboration access tokens: HS256 JWTs naming the user, their role and the documents they may open
 * (read or write). Issued by `npm run admin -- token` now; the permissions issue issues them from sessions.
 */
import { CloseCode, type CollabClaims, CollabClaimsSchema } from '@samenspraak/shared';
import { errors, jwtVerify, SignJWT } from 'jose';

const ISSUER = 'samenspraak';
const AUDIENCE = 'collab';

export class CollabAuthError extends Error {
  constructor(
    readonly closeCode: number,
    message: string,
  ) {
    super(message);
  }
}

export function secretKey(secret: string): Uint8Array {
  if (secret.length < 32) throw new Error('AUTH_SECRET must be at least 32 characters');
  return new TextEncoder().encode(secret);
}

export async function signCollabToken(key: Uint8Array, claims: CollabClaims, ttlSeconds: number): Promise<string> {
  const { sub, ...rest } = CollabClaimsSchema.parse(claims);
  return new SignJWT(rest)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(sub)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(Math.floor(Date.now() / 1000) + ttlSeconds)
    .sign(key);
}

/** Verifies signature, expiry, issuer and audience, then the claim shape. Throws CollabAuthError. */
export async function verifyCollabToken(key: Uint8Array, token: string | null | undefined): Promise<CollabClaims> {
  if (!token) throw new CollabAuthError(CloseCode.Unauthenticated, 'no access token');
  try {
    const { payload } = await jwtVerify(token, key, { issuer: ISSUER, audience: AUDIENCE, algorithms: ['HS256'] });
    const parsed = CollabClaimsSchema.safeParse(payload);
    if (!parsed.success) throw new CollabAuthError(CloseCode.Unauthenticated, 'token claims are malformed');
    return parsed.data;
  } catch (err) {
    if (err instanceof CollabAuthError) throw err;
    if (err instanceof errors.JWTExpired) throw new CollabAuthError(CloseCode.TokenExpired, 'access token expired');
    throw new CollabAuthError(CloseCode.Unauthenticated, 'access token invalid');
  }
}
