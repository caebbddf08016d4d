/**
 * Routes of the decisions the analysis binds: placement decisions, "pas op de plaats" joint risk
 * records, GI / local-team disagreements. Thin: body first (400), the case gate, the command, the event.
 */
import {
  type CaseChanged,
  HelpDisagreementBodySchema,
  HelpDisagreementResponseSchema,
  HelpDisagreementsResponseSchema,
  JointRiskAgreementBodySchema,
  JointRiskBodySchema,
  JointRiskResponseSchema,
  JointRisksResponseSchema,
  PlacementDecisionBodySchema,
  PlacementDecisionResponseSchema,
  PlacementDecisionsResponseSchema,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import type { GateRule } from '../cases/caseGate.js';
import { httpGate } from '../cases/httpGate.js';
import { actorOf } from '../http/authContext.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import type { AppServices } from '../services.js';
import { DECISION_POLICIES as P } from './decisionPolicies.js';
import { listDisagreements, recordDisagreement } from './helpDisagreements.js';
import { agreeJointRisk, createJointRisk, listJointRisks } from './jointRisks.js';
import { listPlacements, recordPlacement } from './placements.js';

export function decisionRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  const enter = (req: Request, res: Response, rule: GateRule) =>
    gate.enterCase(req, res, String(req.params.id ?? ''), rule);
  const changed = (caseId: string, kind: CaseChanged['kind']) => services.caseEvents.changed({ caseId, kind });

  router.get('/cases/:id/placement-decisions', async (req, res) => {
    const scope = await enter(req, res, P.readPlacements);
    const decisions = await listPlacements(services, scope.caseId);
    await scope.log('read', 'success', 'placement decisions');
    reply(res, PlacementDecisionsResponseSchema, { decisions });
  });

  router.post('/cases/:id/placement-decisions', async (req, res) => {
    actorOf(res);
    const body = parseBody(PlacementDecisionBodySchema, req.body);
    const scope = await enter(req, res, P.decidePlacement);
    const decision = await recordPlacement(services, scope, body);
    changed(scope.caseId, 'escalation');
    reply(res, PlacementDecisionResponseSchema, { decision }, 201);
  });

  router.get('/cases/:id/joint-risks', async (req, res) => {
    const scope = await enter(req, res, P.readJointRisks);
    const records = await listJointRisks(services, scope.caseId);
    await scope.log('read', 'success', 'joint risks');
    reply(res, JointRisksResponseSchema, { records });
  });

  router.post('/cases/:id/joint-risks', async (req, res) => {
    actorOf(res);
    const body = parseBody(JointRiskBodySchema, req.body);
    const scope = await enter(req, res, P.createJointRisk);
    const record = await createJointRisk(services, scope, body);
    changed(scope.caseId, 'escalation');
    reply(res, JointRiskResponseSchema, { record }, 201);
  });

  router.post('/cases/:id/joint-risks/:rid/agreements', async (req, res) => {
    actorOf(res);
    const body = parseBody(JointRiskAgreementBodySchema, req.body);
    const scope = await enter(req, res, P.agreeJointRisk);
    const record = await agreeJointRisk(services, scope, String(req.params.rid ?? ''), body.party);
    changed(scope.caseId, 'escalation');
    reply(res, JointRiskResponseSchema, { record }, 201);
  });

  router.get('/cases/:id/help-disagreements', async (req, res) => {
    const scope = await enter(req, res, P.readDisagreements);
    const disagreements = await listDisagreements(services, scope.caseId);
    await scope.log('read', 'success', 'help disagreements');
    reply(res, HelpDisagreementsResponseSchema, { disagreements });
  });

  router.post('/cases/:id/help-disagreements', async (req, res) => {
    actorOf(res);
    const body = parseBody(HelpDisagreementBodySchema, req.body);
    const scope = await enter(req, res, P.recordDisagreement);
    const disagreement = await recordDisagreement(services, scope, body);
    changed(scope.caseId, 'escalation');
    reply(res, HelpDisagreementResponseSchema, { disagreement }, 201);
  });

  return router;
}
