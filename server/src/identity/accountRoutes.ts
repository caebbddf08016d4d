/** The logged-in person's own account (`/api/account*`): e-mail, password, recovery codes. */
import {
  AccountInfoSchema,
  ChangePasswordRequestSchema,
  RecoveryCodesResponseSchema,
  RegenerateCodesRequestSchema,
  SetEmailRequestSchema,
} from '@samenspraak/shared';
import { type Response, Router } from 'express';
import { actorOf } from '../http/authContext.js';
import { reply } from '../http/reply.js';
import type { AppServices } from '../services.js';
import { logAuth } from './authLog.js';
import { endPersonAccess } from './endAccess.js';
import { assertUsablePassword, clientOf, parseBody } from './identityHttp.js';
import { hashPassword } from './passwords.js';
import { checkCurrentPassword, recoveryCodesLeft, regenerateRecoveryCodes } from './recovery.js';

export function accountRoutes(services: AppServices): Router {
  const router = Router();

  const me = async (res: Response) => {
    const actor = actorOf(res);
    return services.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirstOrThrow();
  };

  router.get('/account', async (_req, res) => {
    const user = await me(res);
    const professional = user.kind === 'professional';
    reply(res, AccountInfoSchema, {
      login: user.login,
      name: user.name,
      kind: professional ? 'professional' : 'client',
      email: user.email ?? null,
      recoveryCodesLeft: professional ? await recoveryCodesLeft(services.db as never, user.id) : null,
    });
  });

  router.post('/account/password', async (req, res) => {
    const body = parseBody(ChangePasswordRequestSchema, req.body);
    const user = await me(res);
    const client = clientOf(req);
    await checkCurrentPassword(services, user, body.currentPassword, client);
    assertUsablePassword(body.newPassword, [user.login, user.name]);
    const passwordHash = await hashPassword(body.newPassword);
    await services.db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', user.id).execute();
    // Whoever else knew the old password is logged out; this browser stays in.
    const ended = await endPersonAccess(services, user.id, { keepSessionId: actorOf(res).sessionId });
    await logAuth(services, {
      event: 'update',
      outcome: 'success',
      user,
      ...client,
      detail: `password changed; other sessions ended (${ended.sessionsEnded})`,
    });
    res.status(204).end();
  });

  router.put('/account/email', async (req, res) => {
    const body = parseBody(SetEmailRequestSchema, req.body);
    const user = await me(res);
    await services.db.updateTable('users').set({ email: body.email }).where('id', '=', user.id).execute();
    await logAuth(services, {
      event: 'update',
      outcome: 'success',
      user,
      remoteAddress: clientOf(req).remoteAddress,
      detail: body.email ? 'e-mail address set' : 'e-mail address removed',
    });
    res.status(204).end();
  });

  router.post('/account/recovery-codes', async (req, res) => {
    const body = parseBody(RegenerateCodesRequestSchema, req.body);
    const user = await me(res);
    const client = clientOf(req);
    await checkCurrentPassword(services, user, body.password, client);
    reply(res, RecoveryCodesResponseSchema, { recoveryCodes: await regenerateRecoveryCodes(services, user, client) });
  });

  return router;
}
