/**
 * Handshake authentication at /realtime, two ways:
 *  - `auth: { token }`: a collaboration token (document channel only), refused once revoked or when
 *    none of its case documents is open to the person any more; re-checked on every event and sweep;
 *  - the session cookie, read exactly as the HTTP session middleware reads it (same cookie, same
 *    idle and absolute expiry, authenticated sessions only). Such sockets must come from this host
 *    (the Origin check the HTTP side applies to writes), and their session is checked again on every
 *    event and on each sweep, so logging out or going idle ends the live channel too.
 */
import {
  CLIENT_ROLES,
  type CollabClaims,
  parseDocumentId,
  type RealtimeConnectErrorData,
  RoleSchema,
} from '@samenspraak/shared';
import { CollabAuthError, verifyCollabToken } from '../auth/collabTokens.js';
import { tokenStillValid } from '../auth/tokenRevocation.js';
import { documentAccessFor } from '../cases/documentAccess.js';
import { clientAddress, requestHost, type TrustFunction, trustFunction } from '../http/clientAddress.js';
import { readCookie, TOKEN_SHAPE } from '../identity/sessionMiddleware.js';
import { loadSession, loadSessionById, SESSION_COOKIE, touchSession } from '../identity/sessions.js';
import type { Actor } from '../kernel/actor.js';
import type { RealtimeSocket } from '../realtime/types.js';
import type { AppServices } from '../services.js';

/** The session behind a cookie-authenticated socket; kept here, not in socket.data (which other instances see). */
const sessions = new WeakMap<RealtimeSocket, { sessionId: string; actor: Actor }>();
/** The token generation of a token-authenticated socket (re-checked on each event and sweep). */
const tokens = new WeakMap<RealtimeSocket, { gen: number | undefined }>();

export function sessionActor(socket: RealtimeSocket): Actor | null {
  return sessions.get(socket)?.actor ?? null;
}

/**
 * Who is acting on a socket, for the access log: the session's person, or for a token socket the
 * account the token names (null for operator tokens without an account).
 */
export async function socketActor(services: AppServices, socket: RealtimeSocket): Promise<Actor | null> {
  const held = sessionActor(socket);
  if (held || socket.data.via !== 'token') return held;
  const user = await services.db
    .selectFrom('users')
    .select(['kind', 'organisation_id'])
    .where('id', '=', socket.data.userId)
    .executeTakeFirst();
  if (!user) return null;
  return {
    userId: socket.data.userId,
    name: socket.data.name,
    kind: user.kind === 'professional' ? 'professional' : 'client',
    role: socket.data.role,
    organisationId: user.organisation_id,
    sessionId: '',
    remoteAddress: socket.handshake.address,
  };
}

/**
 * Why a verified token may not open the live channel (null: it may): revoked (log out everywhere,
 * account disabled), or every document it names is a case document the person can no longer open
 * (removed, consent withdrawn, access ended, case destroyed).
 */
async function tokenRefusal(
  services: AppServices,
  claims: Pick<CollabClaims, 'sub' | 'gen' | 'docs'>,
): Promise<{ message: string; code: RealtimeConnectErrorData['code'] } | null> {
  if (!(await tokenStillValid(services.db, claims)))
    return { message: 'access token revoked', code: 'unauthenticated' };
  const docs = Object.keys(claims.docs);
  if (docs.length === 0 || !docs.every((id) => parseDocumentId(id) !== null)) return null;
  const now = services.clock();
  for (const id of docs) if (await documentAccessFor(services.db, claims.sub, id, now)) return null;
  return { message: 'no access to the documents of this token', code: 'forbidden' };
}

type Handshake = RealtimeSocket['handshake'];

function header(handshake: Handshake, name: string): string | undefined {
  const value = handshake.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

/**
 * No Origin (not a browser) passes; otherwise it must name the host the browser talked to (Host, or
 * X-Forwarded-Host from a proxy named in TRUST_PROXY, exactly as the HTTP side reads it). "null" and
 * garbage fail.
 */
export function sameOrigin(handshake: Handshake, trust: TrustFunction): boolean {
  const origin = header(handshake, 'origin');
  if (origin === undefined) return true;
  try {
    return new URL(origin).host === requestHost(handshake.headers, handshake.address, trust);
  } catch {
    return false;
  }
}

function refusal(message: string, code: RealtimeConnectErrorData['code'] = 'unauthenticated') {
  const err = new Error(message) as Error & { data: RealtimeConnectErrorData };
  err.data = { code };
  return err;
}

export function authenticate(deps: { authKey: Uint8Array; services: AppServices }) {
  const trust = trustFunction(deps.services.config.trustProxy);
  return async (socket: RealtimeSocket, next: (err?: Error) => void) => {
    const auth: unknown = socket.handshake.auth;
    const token = auth && typeof auth === 'object' ? (auth as { token?: unknown }).token : undefined;
    try {
      if (token !== undefined) {
        if (typeof token !== 'string' || token === '') return next(refusal('auth.token must be a non-empty string'));
        const claims = await verifyCollabToken(deps.authKey, token);
        const refused = await tokenRefusal(deps.services, claims);
        if (refused) return next(refusal(refused.message, refused.code));
        tokens.set(socket, { gen: claims.gen });
        socket.data = {
          userId: claims.sub,
          name: claims.name,
          role: claims.role,
          kind: CLIENT_ROLES.includes(claims.role) ? 'client' : 'professional',
          via: 'token',
          docs: claims.docs,
          joined: {},
        };
        return next();
      }
      const cookie = readCookie(header(socket.handshake, 'cookie'), SESSION_COOKIE);
      if (cookie === null) {
        return next(refusal('authentication required: log in first (session cookie) or connect with auth: { token }'));
      }
      if (!sameOrigin(socket.handshake, trust)) return next(refusal('cross-origin connection refused', 'forbidden'));
      const now = deps.services.clock();
      const live = TOKEN_SHAPE.test(cookie) ? await loadSession(deps.services.db, cookie, now) : null;
      if (live?.session.authenticated !== 1) return next(refusal('session expired or not logged in'));
      await touchSession(deps.services.db, live.session, now);
      const { user } = live;
      const kind = user.kind === 'professional' ? 'professional' : 'client';
      const role = kind === 'professional' ? (RoleSchema.safeParse(user.role).data ?? null) : null;
      socket.data = { userId: user.id, name: user.name, role, kind, via: 'session', docs: {}, joined: {} };
      sessions.set(socket, {
        sessionId: live.session.id,
        actor: {
          userId: user.id,
          name: user.name,
          kind,
          role,
          organisationId: user.organisation_id,
          sessionId: live.session.id,
          remoteAddress: clientAddress(socket.request, trust),
        },
      });
      next();
    } catch (err) {
      if (err instanceof CollabAuthError) return next(refusal(err.message));
      deps.services.log.error({ err }, 'realtime authentication failed');
      next(refusal('authentication failed'));
    }
  };
}

/**
 * For a cookie-authenticated socket: is its session still live (idle and absolute expiry, logout,
 * disabled account)? An event the person sent counts as activity, like an HTTP request (`activity`);
 * a sweep does not, or an open tab would never go idle. Token sockets: would their token still open the
 * channel (not revoked, account not disabled, one of its case documents still open to the person)?
 */
export async function sessionStillLive(
  services: AppServices,
  socket: RealtimeSocket,
  activity: boolean,
): Promise<boolean> {
  const held = sessions.get(socket);
  if (!held) {
    const token = tokens.get(socket);
    if (!token) return false;
    const claims = { sub: socket.data.userId, gen: token.gen, docs: socket.data.docs };
    return (await tokenRefusal(services, claims)) === null;
  }
  const now = services.clock();
  const live = await loadSessionById(services.db, held.sessionId, now);
  if (live?.session.authenticated !== 1 || live.user.id !== socket.data.userId) return false;
  if (activity) await touchSession(services.db, live.session, now);
  return true;
}
