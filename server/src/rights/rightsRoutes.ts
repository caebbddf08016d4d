/**
 * The rights of the young person and parents, through the case gate (participation, age, consent) and
 * then the holder rule (rightsPolicies.ts); every use and every refusal in the access log.
 *  - `GET  /api/cases/:id/rights` — what this person may do, and what was asked and said on the case;
 *  - `POST /api/cases/:id/statements` — an own statement on a section or passage (201);
 *  - `GET  /api/cases/:id/statements` — the statements (for the document page);
 *  - `POST /api/cases/:id/corrections` — a correction request (201), answered within a month;
 *  - `POST /api/cases/:id/corrections/:cid/decision` — accepted or declined, with the reason;
 *  - `PUT  /api/cases/:id/rights/log-privacy` — whether the parents see the young person's own activity.
 * Reading the log, the export and destruction requests are the existing case routes (cases/caseRoutes.ts).
 */
import {
  addAmsterdamMonths,
  CorrectionBodySchema,
  CorrectionDecisionBodySchema,
  CorrectionResponseSchema,
  correctionDueBy,
  DESTRUCTION_ANSWER_MONTHS,
  LogPrivacyBodySchema,
  LogPrivacyResponseSchema,
  RIGHTS,
  type RightId,
  RightsOverviewSchema,
  StatementBodySchema,
  StatementResponseSchema,
  StatementsResponseSchema,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import type { GateRule } from '../cases/caseGate.js';
import { listDestructionRequests } from '../cases/destruction.js';
import { httpGate } from '../cases/httpGate.js';
import { actorOf } from '../http/authContext.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import type { AppServices } from '../services.js';
import { decideCorrection, listCorrections, requestCorrection } from './corrections.js';
import { parentsSeeActivity, setParentsSeeActivity } from './logPrivacy.js';
import { ageOf, decides, holds, RIGHTS_POLICIES } from './rightsPolicies.js';
import { aboutReadable, readableSections } from './sectionRef.js';
import { addStatement, listStatements } from './statements.js';

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

export function rightsRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  const enter = (req: Request, res: Response, rule: GateRule) => gate.enterCase(req, res, param(req, 'id'), rule);

  router.get('/cases/:id/rights', async (req, res) => {
    const scope = await enter(req, res, RIGHTS_POLICIES.overview);
    const readable = await readableSections(services, scope);
    const overview = {
      myRole: scope.role,
      age: ageOf(scope),
      rights: Object.fromEntries(RIGHTS.map((r) => [r, holds(scope, r)])) as Record<RightId, boolean>,
      parentsSeeMyActivity: await parentsSeeActivity(services, scope.caseId),
      decides: decides(scope),
      statements: aboutReadable(await listStatements(services, scope.caseId), readable),
      corrections: aboutReadable(await listCorrections(services, scope.caseId), readable),
      destructionRequests: await listDestructionRequests(services, scope.caseId),
      terms: {
        correctionBy: correctionDueBy(scope.now).toISOString(),
        destructionBy: addAmsterdamMonths(scope.now, DESTRUCTION_ANSWER_MONTHS).toISOString(),
      },
    };
    await scope.log('read', 'success', 'rights page');
    reply(res, RightsOverviewSchema, overview);
  });

  router.get('/cases/:id/statements', async (req, res) => {
    const scope = await enter(req, res, RIGHTS_POLICIES.overview);
    const statements = aboutReadable(
      await listStatements(services, scope.caseId),
      await readableSections(services, scope),
    );
    await scope.log('read', 'success', 'own statements');
    reply(res, StatementsResponseSchema, { statements });
  });

  router.post('/cases/:id/statements', async (req, res) => {
    actorOf(res);
    const body = parseBody(StatementBodySchema, req.body);
    const scope = await enter(req, res, RIGHTS_POLICIES.statement);
    reply(res, StatementResponseSchema, { statement: await addStatement(services, scope, body) }, 201);
  });

  router.post('/cases/:id/corrections', async (req, res) => {
    actorOf(res);
    const body = parseBody(CorrectionBodySchema, req.body);
    const scope = await enter(req, res, RIGHTS_POLICIES.correction);
    reply(res, CorrectionResponseSchema, { correction: await requestCorrection(services, scope, body) }, 201);
  });

  router.post('/cases/:id/corrections/:cid/decision', async (req, res) => {
    actorOf(res);
    const body = parseBody(CorrectionDecisionBodySchema, req.body);
    const scope = await enter(req, res, RIGHTS_POLICIES.decideCorrection);
    const correction = await decideCorrection(services, scope, param(req, 'cid'), body);
    reply(res, CorrectionResponseSchema, { correction });
  });

  router.put('/cases/:id/rights/log-privacy', async (req, res) => {
    actorOf(res);
    const body = parseBody(LogPrivacyBodySchema, req.body);
    const scope = await enter(req, res, RIGHTS_POLICIES.logPrivacy);
    await setParentsSeeActivity(services, scope, body.parentsSeeMyActivity);
    reply(res, LogPrivacyResponseSchema, { parentsSeeMyActivity: body.parentsSeeMyActivity });
  });

  return router;
}
