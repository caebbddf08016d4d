/**
 * Routes of the sign-off (mounted by endorsementRoutes): where the sign-off stands, the sign-off itself,
 * the facts the rule needs, and "analyse aangevraagd" (starts the 6-week clock). Every refusal is a
 * domain error with a Dutch text; the gate logs each request.
 */
import {
  AnalysisRequestResponseSchema,
  CASE_PROFESSIONALS,
  parseDocumentId,
  type Role,
  SignOffFactResponseSchema,
  SignOffFactSchema,
  SignOffResponseSchema,
  SignOffSchema,
  SignOffStatusSchema,
} from '@samenspraak/shared';
import { Router } from 'express';
import type { DocumentScope } from '../cases/documentGate.js';
import { httpGate } from '../cases/httpGate.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import { Conflict, type DomainError } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { maySignOff } from '../versions/versionCommands.js';
import { recordAnalysisRequested } from './analysisState.js';
import { signOff, signOffStatus } from './signOff.js';
import { recordSignOffFact } from './signOffFacts.js';

const isProfessional = (role: Role) => CASE_PROFESSIONALS.includes(role);

function analysisOnly(scope: DocumentScope): void {
  if (parseDocumentId(scope.documentId)?.type !== 'analysis')
    throw new Conflict('only the explanatory analysis has this', 'signoff_wrong_document');
}

export function signOffRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);

  /** A refusal of the rule is logged as a failure before it is answered. */
  const logged = async <T>(scope: DocumentScope, what: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      await scope.log('create', 'failure', `${what}: ${(err as DomainError).id ?? 'error'}`);
      throw err;
    }
  };

  router.get('/documents/:documentId/sign-off', async (req, res) => {
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'read',
      what: 'sign-off status',
    });
    const { all: _all, endorsements: _e, ...status } = await signOffStatus(services, access);
    await access.log('read', 'success', 'sign-off status');
    reply(res, SignOffStatusSchema, status);
  });

  router.post('/documents/:documentId/sign-off', async (req, res) => {
    const body = parseBody(SignOffSchema, req.body);
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'create',
      what: 'sign-off',
      check: async (scope) =>
        (await maySignOff(services, scope.caseId, scope.person.id, scope.role))
          ? null
          : "only the case's responsible behavioural scientist signs off",
    });
    const answer = await logged(access, 'sign-off', () => signOff(services, access, body));
    await access.log('create', 'success', 'sign-off');
    services.caseEvents.changed({ caseId: access.caseId, kind: 'versions', documentId: access.documentId });
    // The clock stopped: deadlines moved.
    services.caseEvents.changed({ caseId: access.caseId, kind: 'case' });
    reply(res, SignOffResponseSchema, answer, 201);
  });

  router.put('/documents/:documentId/sign-off-facts', async (req, res) => {
    const body = parseBody(SignOffFactSchema, req.body);
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'update',
      what: 'sign-off fact',
      check: (scope) => (isProfessional(scope.role) ? null : 'only professionals on the case record this'),
    });
    analysisOnly(access);
    const fact = await recordSignOffFact(services.db, {
      documentId: access.documentId,
      caseId: access.caseId,
      person: access.person,
      fact: body,
      now: services.clock(),
    });
    await access.log('update', 'success', `sign-off fact ${body.kind}`);
    services.caseEvents.changed({ caseId: access.caseId, kind: 'endorsements', documentId: access.documentId });
    reply(res, SignOffFactResponseSchema, { fact });
  });

  router.post('/documents/:documentId/analysis-request', async (req, res) => {
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'update',
      what: 'analysis requested',
      check: (scope) => (isProfessional(scope.role) ? null : 'only professionals on the case record the request'),
    });
    analysisOnly(access);
    const recorded = await recordAnalysisRequested(services.db, access.caseId, access.person.id, services.clock());
    if (!recorded) {
      await access.log('update', 'failure', 'analysis requested: already');
      throw new Conflict('the analysis was requested before', 'analysis_already_requested');
    }
    await access.log('update', 'success', 'analysis requested');
    services.caseEvents.changed({ caseId: access.caseId, kind: 'case' });
    const { clock } = await signOffStatus(services, access);
    reply(
      res,
      AnalysisRequestResponseSchema,
      { clock: clock ?? { requestedAt: null, startedAt: '', dueAt: '', stoppedAt: null } },
      201,
    );
  });

  return router;
}
