/** Login (password + TOTP), logout, logout everywhere, who am I. Logic lives in identity/login.ts. */
import {
  LoginRequestSchema,
  type LoginResponse,
  LoginResponseSchema,
  LogoutAllResponseSchema,
  MeResponseSchema,
  RecoveryCodeLoginRequestSchema,
  TotpRequestSchema,
} from '@samenspraak/shared';
import { Router } from 'express';
import { revokeDocumentTokens } from '../auth/tokenRevocation.js';
import { actorOf } from '../http/authContext.js';
import { HttpError } from '../http/errors.js';
import { reply } from '../http/reply.js';
import type { AppServices } from '../services.js';
import { logAuth } from './authLog.js';
import {
  clearSessionCookie,
  clientOf,
  lockedError,
  parseBody,
  rateLimitedError,
  setSessionCookie,
} from './identityHttp.js';
import { type LoginRefusal, passwordLogin, recoveryCodeLogin, totpLogin } from './login.js';
import { liveSessionOf } from './sessionMiddleware.js';
import { endAllSessions, endSession } from './sessions.js';
import { sessionUser } from './users.js';

/** The refusals of both login steps, as HTTP errors. */
function refusal(outcome: LoginRefusal): HttpError {
  switch (outcome.kind) {
    case 'locked':
      return lockedError();
    case 'rate_limited':
      return rateLimitedError();
    case 'invalid':
      return new HttpError(
        401,
        'invalid_credentials',
        'login or password is wrong',
        outcome.attemptsLeft !== undefined ? { attemptsLeft: outcome.attemptsLeft } : undefined,
      );
  }
}

/** A wrong TOTP or recovery code: whether it was a replay, and the tries left when few. */
function codeRefusal(outcome: LoginRefusal & { kind: 'invalid' }): HttpError {
  const message = outcome.replayed ? 'this code was already used; wait for the next one' : 'the code is wrong';
  const details = {
    ...(outcome.replayed ? { replayed: true } : {}),
    ...(outcome.attemptsLeft !== undefined ? { attemptsLeft: outcome.attemptsLeft } : {}),
  };
  return new HttpError(401, 'invalid_code', message, Object.keys(details).length > 0 ? details : undefined);
}

export function authRoutes(services: AppServices): Router {
  const router = Router();

  router.post('/login', async (req, res) => {
    const body = parseBody(LoginRequestSchema, req.body);
    const outcome = await passwordLogin(services, body, clientOf(req));
    if (outcome.kind !== 'totp' && outcome.kind !== 'done') throw refusal(outcome);
    // Whatever session this browser had ends here: one browser, one session.
    const previous = liveSessionOf(res);
    if (previous) await endSession(services.db, previous.session.id);
    setSessionCookie(res, services, outcome.session);
    const response: LoginResponse =
      outcome.kind === 'totp'
        ? { next: 'totp', csrfToken: outcome.session.csrfToken }
        : { next: 'done', user: await sessionUser(services.db, outcome.user), csrfToken: outcome.session.csrfToken };
    reply(res, LoginResponseSchema, response);
  });

  router.post('/totp', async (req, res) => {
    const body = parseBody(TotpRequestSchema, req.body);
    const live = liveSessionOf(res);
    if (!live || live.session.authenticated === 1) {
      throw new HttpError(401, 'unauthenticated', 'log in with your password first');
    }
    const outcome = await totpLogin(
      services,
      { preAuthSessionId: live.session.id, user: live.user, code: body.code },
      clientOf(req),
    );
    if (outcome.kind === 'invalid') throw codeRefusal(outcome);
    if (outcome.kind !== 'done') {
      if (outcome.kind === 'locked') clearSessionCookie(res, services); // the pre-auth session is gone
      throw refusal(outcome);
    }
    setSessionCookie(res, services, outcome.session);
    reply(res, LoginResponseSchema, {
      next: 'done',
      user: await sessionUser(services.db, outcome.user),
      csrfToken: outcome.session.csrfToken,
    });
  });

  // A lost phone: one of the recovery codes given at enrolment instead of the TOTP code.
  router.post('/recovery-code', async (req, res) => {
    const body = parseBody(RecoveryCodeLoginRequestSchema, req.body);
    const live = liveSessionOf(res);
    if (!live || live.session.authenticated === 1) {
      throw new HttpError(401, 'unauthenticated', 'log in with your password first');
    }
    const outcome = await recoveryCodeLogin(
      services,
      { preAuthSessionId: live.session.id, user: live.user, code: body.code },
      clientOf(req),
    );
    if (outcome.kind === 'invalid') throw codeRefusal(outcome);
    if (outcome.kind !== 'done') {
      if (outcome.kind === 'locked') clearSessionCookie(res, services);
      throw refusal(outcome);
    }
    setSessionCookie(res, services, outcome.session);
    reply(res, LoginResponseSchema, {
      next: 'done',
      user: await sessionUser(services.db, outcome.user),
      csrfToken: outcome.session.csrfToken,
    });
  });

  // Also ends a pre-auth session, so "cancel" works half-way through the login.
  router.post('/logout', async (req, res) => {
    const live = liveSessionOf(res);
    if (live) {
      await endSession(services.db, live.session.id);
      const { remoteAddress } = clientOf(req);
      await logAuth(services, {
        event: 'logout',
        outcome: 'success',
        user: live.user,
        remoteAddress,
        detail: 'session',
      });
      // Live sockets of this session (case rooms, meetings, notifications) end now on every instance.
      services.caseEvents.personChanged(live.user.id);
    }
    clearSessionCookie(res, services);
    res.status(204).end();
  });

  router.post('/logout-all', async (req, res) => {
    const actor = actorOf(res);
    const live = liveSessionOf(res)!;
    const sessionsEnded = await endAllSessions(services.db, actor.userId);
    // Open documents hold their own (token) connections: a lost laptop must lose those too, and the
    // tokens it holds must not open anything again (15 minutes is long enough to do harm).
    await revokeDocumentTokens(services.db, actor.userId, services.clock());
    const connectionsClosed = (await services.collab?.recheckUser(actor.userId))?.revoked ?? 0;
    await logAuth(services, {
      event: 'logout',
      outcome: 'success',
      user: live.user,
      remoteAddress: clientOf(req).remoteAddress,
      detail: `all sessions (${sessionsEnded}), collaboration connections (${connectionsClosed})`,
    });
    services.caseEvents.personChanged(actor.userId);
    clearSessionCookie(res, services);
    reply(res, LogoutAllResponseSchema, { sessionsEnded, connectionsClosed });
  });

  router.get('/me', async (_req, res) => {
    actorOf(res);
    const live = liveSessionOf(res)!;
    reply(res, MeResponseSchema, {
      user: await sessionUser(services.db, live.user),
      csrfToken: live.session.csrf_token,
    });
  });

  return router;
}
