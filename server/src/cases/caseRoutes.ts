/**
 * /api/cases: thin routes — validate the body, enter the case through the gate (which logs refusals),
 * run the command or query (which logs its outcome), present. Rules live in server/src/cases.
 * Invalid input is answered with 400 before anything is read or written, so it is not logged.
 */
import {
  AccessLogResponseSchema,
  AddParticipantBodySchema,
  CaseDetailResponseSchema,
  CaseExportSchema,
  CaseRecordResponseSchema,
  CasesResponseSchema,
  DestructionDecisionBodySchema,
  DestructionRequestBodySchema,
  DestructionRequestResponseSchema,
  DestructionRequestsResponseSchema,
  ParentsConsentBodySchema,
  ParentsConsentResponseSchema,
  ParticipantAddedResponseSchema,
  ProcessDirectionBodySchema,
  ProcessDirectionResponseSchema,
  RemoveParticipantBodySchema,
  StatusBodySchema,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import { buildCaseExport } from '../export/caseExport.js';
import { casePdf } from '../export/casePdf.js';
import { actorOf } from '../http/authContext.js';
import { HttpError } from '../http/errors.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import { logExpiredInvitations } from '../identity/invitationCommands.js';
import { executeDueDestructions } from '../retention/executeDestructions.js';
import { ownActivityHidden } from '../rights/logPrivacy.js';
import type { AppServices } from '../services.js';
import { addParticipant, createCase, setParentsConsent, setStatus } from './caseCommands.js';
import type { GateRule } from './caseGate.js';
import { CASE_POLICIES, invitePolicy } from './casePolicies.js';
import { accessLogView, caseDetail, presentCase, searchMyCases } from './caseQueries.js';
import { decideDestruction, listDestructionRequests, requestDestruction } from './destruction.js';
import { httpGate } from './httpGate.js';
import { parseRegistration } from './registration.js';
import { handOverProcessDirection, removeParticipant } from './team.js';

function param(req: Request, name: string): string {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
}

export function caseRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  const auditOf = gate.audit;
  const enter = (req: Request, res: Response, rule: GateRule) => gate.enterCase(req, res, param(req, 'id'), rule);

  router.get('/cases', async (req, res) => {
    reply(res, CasesResponseSchema, { cases: await searchMyCases(services, auditOf(req, res)) });
  });

  router.post('/cases', async (req, res) => {
    const audit = auditOf(req, res);
    const body = parseRegistration(req.body);
    const row = await createCase(services, audit, body);
    reply(res, CaseRecordResponseSchema, { case: presentCase(row, services.clock()) }, 201);
  });

  router.get('/cases/:id', async (req, res) => {
    const scope = await enter(req, res, CASE_POLICIES.read);
    const detail = await caseDetail(services, scope);
    await scope.log('read', 'success');
    reply(res, CaseDetailResponseSchema, { case: detail });
  });

  router.post('/cases/:id/participants', async (req, res) => {
    actorOf(res);
    const body = parseBody(AddParticipantBodySchema, req.body);
    // Who may bring whom onto the case is the invitation table's, also for an existing account.
    const scope = await enter(req, res, invitePolicy(body.role, 'update', 'participants'));
    await addParticipant(services, scope, body.userId, body.role);
    reply(res, ParticipantAddedResponseSchema, { participant: { userId: body.userId, role: body.role } }, 201);
  });

  router.delete('/cases/:id/participants/:userId', async (req, res) => {
    // The gate first: someone not on the case learns nothing, not even that a reason was missing.
    const scope = await enter(req, res, CASE_POLICIES.manageParticipants);
    const body = parseBody(RemoveParticipantBodySchema, req.body);
    await removeParticipant(services, scope, param(req, 'userId'), body.reason);
    res.status(204).end();
  });

  router.post('/cases/:id/process-direction', async (req, res) => {
    actorOf(res);
    const body = parseBody(ProcessDirectionBodySchema, req.body);
    const scope = await enter(req, res, CASE_POLICIES.processDirection);
    reply(res, ProcessDirectionResponseSchema, await handOverProcessDirection(services, scope, body.userId));
  });

  router.put('/cases/:id/parents-consent', async (req, res) => {
    actorOf(res);
    const body = parseBody(ParentsConsentBodySchema, req.body);
    const scope = await enter(req, res, CASE_POLICIES.parentsConsent);
    await setParentsConsent(services, scope, body.consent);
    reply(res, ParentsConsentResponseSchema, { parentsConsent: body.consent });
  });

  router.put('/cases/:id/status', async (req, res) => {
    actorOf(res);
    const body = parseBody(StatusBodySchema, req.body);
    const scope = await enter(req, res, CASE_POLICIES.status);
    const row = await setStatus(services, scope, body.status);
    reply(res, CaseRecordResponseSchema, { case: presentCase(row, scope.now) });
  });

  router.get('/cases/:id/access-log', async (req, res) => {
    const scope = await enter(req, res, CASE_POLICIES.accessLog);
    // Invitations that ran out unused are written first, so the reader sees every invitation end.
    await logExpiredInvitations(services, scope.caseId);
    const entries = await accessLogView(services, scope.caseId, 1000, await ownActivityHidden(services, scope));
    await scope.log('read', 'success');
    reply(res, AccessLogResponseSchema, { entries });
  });

  /**
   * The young person's complete dossier: JSON (machine-readable) or PDF (readable). Same gate, same
   * 'export' entry in the access log. `POST …/export?format=pdf` and `GET …/export.pdf` give the PDF.
   */
  const exportCase = async (req: Request, res: Response, format: 'json' | 'pdf') => {
    const at = req.query.version ?? 'current';
    if (at !== 'current' && at !== 'signed-off')
      throw new HttpError(400, 'invalid_request', 'version: current or signed-off');
    const scope = await enter(req, res, CASE_POLICIES.export);
    const data = await buildCaseExport(services, scope.caseId, at);
    const file = `samenspraak-${scope.caseId}`.replace(/[^\w.-]+/g, '_');
    res.setHeader('Cache-Control', 'no-store');
    if (format === 'pdf') {
      const pdf = await casePdf(data);
      await scope.log('export', 'success', 'pdf');
      res.setHeader('Content-Disposition', `attachment; filename="${file}.pdf"`);
      res.type('application/pdf').send(pdf);
      return;
    }
    await scope.log('export', 'success');
    res.setHeader('Content-Disposition', `attachment; filename="${file}.json"`);
    reply(res, CaseExportSchema, data);
  };

  router.post('/cases/:id/export', async (req, res) => {
    const format = req.query.format ?? 'json';
    if (format !== 'json' && format !== 'pdf') throw new HttpError(400, 'invalid_request', 'format: json or pdf');
    await exportCase(req, res, format);
  });

  router.get('/cases/:id/export.pdf', async (req, res) => {
    await exportCase(req, res, 'pdf');
  });

  router.get('/cases/:id/destruction-requests', async (req, res) => {
    const scope = await enter(req, res, CASE_POLICIES.listDestructionRequests);
    const requests = await listDestructionRequests(services, scope.caseId);
    await scope.log('read', 'success');
    reply(res, DestructionRequestsResponseSchema, { requests });
  });

  router.post('/cases/:id/destruction-requests', async (req, res) => {
    actorOf(res);
    const body = parseBody(DestructionRequestBodySchema, req.body);
    const scope = await enter(req, res, CASE_POLICIES.requestDestruction);
    reply(
      res,
      DestructionRequestResponseSchema,
      { request: await requestDestruction(services, scope, body.reason) },
      201,
    );
  });

  router.post('/cases/:id/destruction-requests/:rid/decision', async (req, res) => {
    actorOf(res);
    const body = parseBody(DestructionDecisionBodySchema, req.body);
    const scope = await enter(req, res, CASE_POLICIES.decideDestruction);
    const decided = await decideDestruction(services, scope, param(req, 'rid'), body);
    // An approval is carried out at once (the timer only catches what failed or was missed).
    if (body.decision === 'approved') await executeDueDestructions(services);
    const request = (await listDestructionRequests(services, scope.caseId)).find((r) => r.id === decided.id) ?? decided;
    reply(res, DestructionRequestResponseSchema, { request });
  });

  return router;
}
