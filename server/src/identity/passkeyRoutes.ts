/**
 * Passkey routes: `/api/auth/passkey/login-options`, `/api/auth/passkey/login` (no session needed), and
 * the person's own passkeys `/api/account/passkeys*` (a logged-in session). Logic lives in passkeys.ts.
 */
import {
  ActivatePasskeyRequestSchema,
  LoginResponseSchema,
  PasskeyLoginOptionsRequestSchema,
  PasskeyOptionsResponseSchema,
  PasskeyResponseRequestSchema,
  PasskeysResponseSchema,
} from '@samenspraak/shared';
import { type Response, Router } from 'express';
import { actorOf } from '../http/authContext.js';
import { HttpError } from '../http/errors.js';
import { reply } from '../http/reply.js';
import { notFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { clientOf, lockedError, parseBody, rateLimitedError, setSessionCookie } from './identityHttp.js';
import { activateWithPasskey, activationPasskeyOptions } from './passkeyActivation.js';
import {
  loginOptions,
  passkeyLogin,
  passkeysOf,
  passkeyView,
  registerPasskey,
  registrationOptions,
  removePasskey,
} from './passkeys.js';
import { liveSessionOf } from './sessionMiddleware.js';
import { endSession } from './sessions.js';
import { sessionUser } from './users.js';

export function passkeyRoutes(services: AppServices): Router {
  const router = Router();

  router.post('/auth/passkey/login-options', async (req, res) => {
    const body = parseBody(PasskeyLoginOptionsRequestSchema, req.body ?? {});
    const { challengeId, options } = await loginOptions(services, body.login, clientOf(req));
    reply(res, PasskeyOptionsResponseSchema, { challengeId, options: options as unknown as Record<string, unknown> });
  });

  router.post('/auth/passkey/login', async (req, res) => {
    const body = parseBody(PasskeyResponseRequestSchema, req.body);
    const outcome = await passkeyLogin(services, body, clientOf(req));
    if (outcome.kind === 'locked') throw lockedError();
    if (outcome.kind === 'rate_limited') throw rateLimitedError();
    if (outcome.kind === 'invalid') {
      throw new HttpError(
        401,
        'passkey_failed',
        'the passkey was not accepted',
        outcome.attemptsLeft !== undefined ? { attemptsLeft: outcome.attemptsLeft } : undefined,
      );
    }
    // Whatever session this browser had (a pre-auth one after a password) ends here: one browser, one session.
    const previous = liveSessionOf(res);
    if (previous) await endSession(services.db, previous.session.id);
    setSessionCookie(res, services, outcome.session);
    reply(res, LoginResponseSchema, {
      next: 'done',
      user: await sessionUser(services.db, outcome.user),
      csrfToken: outcome.session.csrfToken,
    });
  });

  // An activation link finished with a passkey instead of the TOTP app (no session: the link is the key).
  router.post('/activation/:token/passkey-options', async (req, res) => {
    const { challengeId, options } = await activationPasskeyOptions(services, String(req.params.token));
    reply(res, PasskeyOptionsResponseSchema, { challengeId, options: options as unknown as Record<string, unknown> });
  });

  router.post('/activation/:token/passkey', async (req, res) => {
    const body = parseBody(ActivatePasskeyRequestSchema, req.body);
    await activateWithPasskey(services, String(req.params.token), body, clientOf(req));
    res.status(204).end();
  });

  const me = async (res: Response) => {
    const actor = actorOf(res);
    return services.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  };

  router.get('/account/passkeys', async (_req, res) => {
    const user = await me(res);
    reply(res, PasskeysResponseSchema, { passkeys: (await passkeysOf(services, user.id)).map(passkeyView) });
  });

  router.post('/account/passkeys/options', async (_req, res) => {
    const user = await me(res);
    const { challengeId, options } = await registrationOptions(services, user);
    reply(res, PasskeyOptionsResponseSchema, { challengeId, options: options as unknown as Record<string, unknown> });
  });

  router.post('/account/passkeys', async (req, res) => {
    const body = parseBody(PasskeyResponseRequestSchema, req.body);
    const user = await me(res);
    await registerPasskey(services, user, body, clientOf(req));
    reply(res, PasskeysResponseSchema, { passkeys: (await passkeysOf(services, user.id)).map(passkeyView) }, 201);
  });

  router.delete('/account/passkeys/:id', async (req, res) => {
    const user = await me(res);
    if (!(await removePasskey(services, user, String(req.params.id), clientOf(req)))) throw notFound('passkey');
    res.status(204).end();
  });

  return router;
}
