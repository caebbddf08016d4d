/**
 * The functioneel beheerder's routes (`/api/admin/*`): accounts of their region and the region's cases
 * without content. Every action, and every refusal of one, is in the access log.
 */
import {
  AccountResponseSchema,
  AccountsResponseSchema,
  CreateAccountRequestSchema,
  EnrolmentLinkResponseSchema,
  RegionCasesResponseSchema,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import { actorOf } from '../http/authContext.js';
import { reply } from '../http/reply.js';
import { DomainError } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { logAuth } from './authLog.js';
import {
  asBeheerder,
  type Beheerder,
  createRegionAccount,
  listRegionAccounts,
  managedAccount,
  summaryOf,
} from './beheerder.js';
import { disableRegionAccount, regionCases, resetRegionTotp, unlockRegionAccount } from './beheerderActions.js';
import { clientOf, parseBody } from './identityHttp.js';

export function adminRoutes(services: AppServices): Router {
  const router = Router();

  /** The beheerder behind the request; a refusal is logged before it is answered. */
  async function enter(req: Request, res: Response, what: string): Promise<Beheerder> {
    const actor = actorOf(res);
    try {
      return await asBeheerder(services, actor);
    } catch (err) {
      const user = await services.db.selectFrom('users').selectAll().where('id', '=', actor.userId).executeTakeFirst();
      await logAuth(services, {
        event: 'read',
        outcome: 'denied',
        user: user ?? null,
        remoteAddress: clientOf(req).remoteAddress,
        detail: `beheer: ${what} refused`,
      });
      throw err;
    }
  }

  const log = (
    req: Request,
    b: Beheerder,
    event: 'create' | 'update' | 'read',
    detail: string,
    outcome: 'success' | 'denied' = 'success',
  ) => logAuth(services, { event, outcome, user: b.user, remoteAddress: clientOf(req).remoteAddress, detail });

  router.get('/admin/accounts', async (req, res) => {
    const b = await enter(req, res, 'account list');
    const accounts = await listRegionAccounts(services, b);
    await log(req, b, 'read', `beheer: account list of ${b.region} (${accounts.length})`);
    reply(res, AccountsResponseSchema, { region: b.region, accounts });
  });

  router.post('/admin/accounts', async (req, res) => {
    const b = await enter(req, res, 'create account');
    const body = parseBody(CreateAccountRequestSchema, req.body);
    const created = await createRegionAccount(services, b, body);
    await log(
      req,
      b,
      'create',
      `beheer: account ${created.userId} (${body.role}) created in ${b.region}; activation link sent`,
    );
    reply(
      res,
      EnrolmentLinkResponseSchema,
      {
        account: await summaryOf(services, b, created.userId),
        link: created.link,
        expiresAt: created.expiresAt.toISOString(),
      },
      201,
    );
  });

  /** One action on one account of the region: a refusal (other region, a beheerder) is logged too. */
  async function target(req: Request, b: Beheerder, action: string) {
    const id = String(req.params.id);
    try {
      return await managedAccount(services, b, id);
    } catch (err) {
      if (err instanceof DomainError)
        await log(req, b, 'update', `beheer: ${action} of account ${id.slice(0, 64)} refused`, 'denied');
      throw err;
    }
  }

  router.post('/admin/accounts/:id/disable', async (req, res) => {
    const b = await enter(req, res, 'disable');
    const account = await target(req, b, 'disable');
    const ended = await disableRegionAccount(services, account);
    await log(
      req,
      b,
      'update',
      `beheer: account ${account.id} disabled; sessions ended (${ended.sessionsEnded}), connections closed (${ended.connectionsClosed})`,
    );
    reply(res, AccountResponseSchema, { account: await summaryOf(services, b, account.id) });
  });

  router.post('/admin/accounts/:id/unlock', async (req, res) => {
    const b = await enter(req, res, 'unlock');
    const account = await target(req, b, 'unlock');
    await unlockRegionAccount(services, account);
    await log(req, b, 'update', `beheer: account ${account.id} unlocked`);
    reply(res, AccountResponseSchema, { account: await summaryOf(services, b, account.id) });
  });

  router.post('/admin/accounts/:id/reset-totp', async (req, res) => {
    const b = await enter(req, res, 'reset totp');
    const account = await target(req, b, 'reset totp');
    const done = await resetRegionTotp(services, b, account);
    await log(
      req,
      b,
      'update',
      `beheer: TOTP of account ${account.id} reset after identity check; sessions ended (${done.sessionsEnded}); enrolment link sent`,
    );
    reply(res, EnrolmentLinkResponseSchema, {
      account: await summaryOf(services, b, account.id),
      link: done.link,
      expiresAt: done.expiresAt.toISOString(),
    });
  });

  router.get('/admin/cases', async (req, res) => {
    const b = await enter(req, res, 'region cases');
    const cases = await regionCases(services, b);
    // Each case the beheerder saw is in that case's own log, so the young person sees it in theirs.
    for (const c of cases) {
      await services.accessLog.append({
        event: 'search',
        caseId: c.id,
        actor: { userId: b.user.id, name: b.user.name, role: 'beheerder', responsible: b.user.organisation_id },
        source: `${clientOf(req).remoteAddress} http`,
        outcome: 'success',
        detail: 'beheer: region case list (no content)',
      });
    }
    reply(res, RegionCasesResponseSchema, { region: b.region, cases });
  });

  return router;
}
