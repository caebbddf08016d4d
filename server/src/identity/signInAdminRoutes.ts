/**
 * The beheerder's view of an account's other ways in (`/api/admin/accounts/:id/sign-in`), removing its
 * passkeys on account recovery (`DELETE …/passkeys`) and linking its organisation account for single
 * sign-on (`PUT …/sso`). Same region scope and logging as adminRoutes.ts; refusals are logged too.
 */
import { type AccountSignIn, AccountSignInSchema, LinkSsoRequestSchema } from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import { actorOf } from '../http/authContext.js';
import { HttpError } from '../http/errors.js';
import { reply } from '../http/reply.js';
import { DomainError } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { logAuth } from './authLog.js';
import { asBeheerder, type Beheerder, managedAccount } from './beheerder.js';
import { clientOf, parseBody } from './identityHttp.js';
import { removeAllPasskeys } from './passkeys.js';
import { signInDb } from './passkeysDb.js';
import { linkSso, ssoConfigOf } from './sso.js';

export function signInAdminRoutes(services: AppServices): Router {
  const router = Router();

  const log = (req: Request, user: Beheerder['user'] | null, detail: string, outcome: 'success' | 'denied') =>
    logAuth(services, {
      event: outcome === 'success' && detail.includes('viewed') ? 'read' : 'update',
      outcome,
      user,
      remoteAddress: clientOf(req).remoteAddress,
      detail,
    });

  /** The beheerder and the account of their region this request is about; a refusal is logged first. */
  async function enter(req: Request, res: Response, action: string) {
    const actor = actorOf(res);
    const id = String(req.params.id);
    let b: Beheerder | null = null;
    try {
      b = await asBeheerder(services, actor);
      return { b, account: await managedAccount(services, b, id) };
    } catch (err) {
      if (err instanceof DomainError) {
        const user =
          b?.user ??
          (await services.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirst()) ??
          null;
        await log(req, user, `beheer: ${action} of account ${id.slice(0, 64)} refused`, 'denied');
      }
      throw err;
    }
  }

  async function signInOf(userId: string): Promise<AccountSignIn> {
    const db = signInDb(services.db);
    const row = await db
      .selectFrom('passkeys')
      .select((eb) => eb.fn.countAll<number | string>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirst();
    const link = await db.selectFrom('sso_links').selectAll().where('user_id', '=', userId).executeTakeFirst();
    return { passkeys: Number(row?.n ?? 0), sso: link ? { issuer: link.issuer, subject: link.subject } : null };
  }

  router.get('/admin/accounts/:id/sign-in', async (req, res) => {
    const { b, account } = await enter(req, res, 'sign-in view');
    await log(req, b.user, `beheer: sign-in methods of account ${account.id} viewed`, 'success');
    reply(res, AccountSignInSchema, await signInOf(account.id));
  });

  router.delete('/admin/accounts/:id/passkeys', async (req, res) => {
    const { b, account } = await enter(req, res, 'remove passkeys');
    const removed = await removeAllPasskeys(services, account.id);
    await log(req, b.user, `beheer: passkeys of account ${account.id} removed (${removed})`, 'success');
    reply(res, AccountSignInSchema, await signInOf(account.id));
  });

  router.put('/admin/accounts/:id/sso', async (req, res) => {
    const { b, account } = await enter(req, res, 'link sso');
    const cfg = ssoConfigOf(services);
    if (!cfg) throw new HttpError(400, 'invalid_request', 'single sign-on is not configured (OIDC_ISSUER)');
    const body = parseBody(LinkSsoRequestSchema, req.body);
    await linkSso(services, cfg, account.id, body.subject, b.user.id);
    await log(
      req,
      b.user,
      body.subject === null
        ? `beheer: organisation account of account ${account.id} unlinked`
        : `beheer: account ${account.id} linked to an organisation account`,
      'success',
    );
    reply(res, AccountSignInSchema, await signInOf(account.id));
  });

  return router;
}
