/**
 * `GET /api/regions/:region/settings` — any professional working for that region (users.region);
 * `GET /api/regions/mine/settings` — the same for the professional's own region;
 * `PUT` — a beheerder of that region. Both access-logged (no case: caseId null). Clients never.
 */
import {
  type Region,
  RegionSettingsBodySchema,
  RegionSettingsResponseSchema,
  type RegionSettingsView,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import type { RequestAudit } from '../audit/caseAudit.js';
import { httpGate } from '../cases/httpGate.js';
import { actorOf } from '../http/authContext.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import { Forbidden, Invalid, notFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { isRegion, regionSettings, saveRegionSettings } from './regionSettings.js';
import { regionsDb } from './regionsDb.js';

async function regionOf(services: AppServices, userId: string): Promise<string | null> {
  const row = await regionsDb(services.db)
    .selectFrom('users')
    .select('region')
    .where('id', '=', userId)
    .executeTakeFirst();
  return row?.region ?? null;
}

export function regionRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);

  /** The region of the URL, if the actor works for it; refusals logged before they are thrown. */
  async function enterRegion(req: Request, res: Response, event: 'read' | 'update'): Promise<[Region, RequestAudit]> {
    const audit = gate.audit(req, res);
    const region = String(req.params.region);
    const what = `region settings ${isRegion(region) ? region : '?'}`;
    const deny = async (error: Error) => {
      await audit.log({ event, caseId: null, outcome: 'denied', what });
      throw error;
    };
    if (!isRegion(region)) return deny(notFound('region'));
    const actor = audit.actor;
    if (actor.kind !== 'professional') return deny(notFound('region'));
    if ((await regionOf(services, actor.userId)) !== region)
      return deny(new Forbidden('only professionals of this region see or change its settings', 'region_forbidden'));
    if (event === 'update' && actor.role !== 'beheerder')
      return deny(new Forbidden("only a beheerder of this region changes the region's settings", 'region_forbidden'));
    return [region, audit];
  }

  /** The settings of the region the professional works for (the beheerder's settings page starts here). */
  router.get('/regions/mine/settings', async (req, res) => {
    const audit = gate.audit(req, res);
    const region = audit.actor.kind === 'professional' ? await regionOf(services, audit.actor.userId) : null;
    if (!isRegion(region)) {
      await audit.log({ event: 'read', caseId: null, outcome: 'failure', what: 'region settings (own region)' });
      throw notFound('region');
    }
    const settings = await regionSettings(services.db, region);
    await audit.log({ event: 'read', caseId: null, outcome: 'success', what: `region settings ${region}` });
    reply(res, RegionSettingsResponseSchema, { settings });
  });

  router.get('/regions/:region/settings', async (req, res) => {
    const [region, audit] = await enterRegion(req, res, 'read');
    const settings = await regionSettings(services.db, region);
    await audit.log({ event: 'read', caseId: null, outcome: 'success', what: `region settings ${region}` });
    reply(res, RegionSettingsResponseSchema, { settings });
  });

  router.put('/regions/:region/settings', async (req, res) => {
    actorOf(res);
    const body = parseBody(RegionSettingsBodySchema, req.body);
    const [region, audit] = await enterRegion(req, res, 'update');
    const saved = await saveRegionSettings(services.db, region, body, audit.actor.userId, services.clock());
    if ('error' in saved) {
      await audit.log({ event: 'update', caseId: null, outcome: 'failure', what: `region settings ${region}` });
      throw new Invalid(saved.error);
    }
    const settings: RegionSettingsView = saved;
    await audit.log({ event: 'update', caseId: null, outcome: 'success', what: `region settings ${region}` });
    reply(res, RegionSettingsResponseSchema, { settings });
  });

  return router;
}
