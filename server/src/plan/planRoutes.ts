/**
 * Routes of the future plan's structured part and its half-year check:
 *  - `GET /api/cases/:id/future-plan` (everyone on the case; the check only for professionals),
 *  - `PUT …/future-plan/domains/:domain`, `PUT …/future-plan/big5`, `PUT …/future-plan/supporter`,
 *    `POST …/future-plan/moves` (who writes what: planRules.ts; a move near 18 needs its reason);
 *  - `GET /api/future-plan/half-year-check/counts` — counts only: a municipality's policy officer for
 *    their municipality, an RET process director or BEN adviser for their region;
 *  - `GET /api/future-plan/half-year-check/failing` — a professional's own cases that fail, with which check.
 */
import {
  Big5BodySchema,
  CASE_PROFESSIONALS,
  type CaseChanged,
  FuturePlanResponseSchema,
  HALF_YEAR_COUNTS_ROLES,
  HalfYearCountsResponseSchema,
  HalfYearFailingResponseSchema,
  MoveBodySchema,
  type PlanDomain,
  PlanDomainBodySchema,
  PlanDomainSchema,
  type Role,
  SupporterBodySchema,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import type { GateRule } from '../cases/caseGate.js';
import { httpGate } from '../cases/httpGate.js';
import { actorOf } from '../http/authContext.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import { Forbidden, notFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { confirmBig5, readPlan, recordMove, setSupporter, writeDomain } from './futurePlans.js';
import { failingCasesOf, publishedHalfYearCounts } from './halfYearCounts.js';
import { planDb } from './planDb.js';

/** Policy officers of a municipality; the RET's process directors and BEN advisers of a region. */
export const COUNTS_ROLES: readonly Role[] = HALF_YEAR_COUNTS_ROLES;

const READ: GateRule = { event: 'read', what: 'future plan' };
const WRITE: GateRule = { event: 'update', what: 'future plan' };

export function planRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  const enter = (req: Request, res: Response, rule: GateRule) =>
    gate.enterCase(req, res, String(req.params.id ?? ''), rule);
  const changed = (caseId: string, kind: CaseChanged['kind']) => services.caseEvents.changed({ caseId, kind });

  router.get('/cases/:id/future-plan', async (req, res) => {
    const scope = await enter(req, res, READ);
    const plan = await readPlan(services, scope);
    await scope.log('read', 'success', 'future plan');
    reply(res, FuturePlanResponseSchema, { plan });
  });

  async function write(
    req: Request,
    res: Response,
    act: (scope: Awaited<ReturnType<typeof enter>>) => Promise<unknown>,
  ) {
    const scope = await enter(req, res, WRITE);
    await act(scope);
    changed(scope.caseId, 'case');
    reply(res, FuturePlanResponseSchema, { plan: await readPlan(services, scope) });
  }

  router.put('/cases/:id/future-plan/domains/:domain', async (req, res) => {
    actorOf(res);
    const domain = PlanDomainSchema.safeParse(req.params.domain);
    if (!domain.success) throw notFound('life domain');
    const body = parseBody(PlanDomainBodySchema, req.body);
    await write(req, res, (scope) => writeDomain(services, scope, domain.data as PlanDomain, body));
  });

  router.put('/cases/:id/future-plan/big5', async (req, res) => {
    actorOf(res);
    const body = parseBody(Big5BodySchema, req.body);
    await write(req, res, (scope) => confirmBig5(services, scope, body));
  });

  router.put('/cases/:id/future-plan/supporter', async (req, res) => {
    actorOf(res);
    const body = parseBody(SupporterBodySchema, req.body);
    await write(req, res, (scope) => setSupporter(services, scope, body));
  });

  router.post('/cases/:id/future-plan/moves', async (req, res) => {
    actorOf(res);
    const body = parseBody(MoveBodySchema, req.body);
    const scope = await enter(req, res, { event: 'create', what: 'future plan move' });
    await recordMove(services, scope, body);
    changed(scope.caseId, 'case');
    reply(res, FuturePlanResponseSchema, { plan: await readPlan(services, scope) }, 201);
  });

  router.get('/future-plan/half-year-check/counts', async (req, res) => {
    const audit = gate.audit(req, res);
    const actor = audit.actor;
    const deny = async (error: Error) => {
      await audit.log({ event: 'read', caseId: null, outcome: 'denied', what: 'half-year check counts' });
      throw error;
    };
    if (actor.kind !== 'professional' || !actor.role || !COUNTS_ROLES.includes(actor.role)) {
      return deny(new Forbidden('the counts are for the municipality, the RET and BEN', 'forbidden'));
    }
    const db = planDb(services.db);
    let scope: { region: string | null; municipality: string | null };
    // One source for a policy officer's municipality: users.municipality (migration 0022), as the monitor reads it.
    const user = await db
      .selectFrom('users')
      .select(['region', 'municipality'])
      .where('id', '=', actor.userId)
      .executeTakeFirst();
    if (actor.role === 'gemeente') {
      if (!user?.municipality) return deny(new Forbidden('no municipality known', 'no_municipality'));
      scope = { region: null, municipality: user.municipality };
    } else {
      if (!user?.region) return deny(new Forbidden('no region known', 'no_region'));
      scope = { region: user.region, municipality: null };
    }
    // A narrower scope may be asked for, never another one.
    const askedRegion = typeof req.query.region === 'string' ? req.query.region : null;
    const askedMunicipality = typeof req.query.municipality === 'string' ? req.query.municipality : null;
    if (
      (askedRegion && scope.region !== askedRegion) ||
      (askedMunicipality && scope.municipality && scope.municipality !== askedMunicipality)
    ) {
      return deny(new Forbidden('another region or municipality', 'monitor_scope_forbidden'));
    }
    if (askedMunicipality) scope = { ...scope, municipality: askedMunicipality };
    const counts = await publishedHalfYearCounts(services, scope, services.clock());
    await audit.log({ event: 'read', caseId: null, outcome: 'success', what: 'half-year check counts' });
    reply(res, HalfYearCountsResponseSchema, { counts });
  });

  router.get('/future-plan/half-year-check/failing', async (req, res) => {
    const audit = gate.audit(req, res);
    const actor = audit.actor;
    if (actor.kind !== 'professional' || !actor.role || !CASE_PROFESSIONALS.includes(actor.role)) {
      await audit.log({ event: 'read', caseId: null, outcome: 'denied', what: 'half-year check: own failing cases' });
      throw new Forbidden('for professionals on cases', 'forbidden');
    }
    const cases = await failingCasesOf(services, actor.userId, services.clock());
    await audit.log({ event: 'read', caseId: null, outcome: 'success', what: 'half-year check: own failing cases' });
    reply(res, HalfYearFailingResponseSchema, { cases });
  });

  return router;
}
