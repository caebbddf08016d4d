/**
 * The one gate of the HTTP routes: the session's actor, the request's audit (who, from where, which
 * route) and the case or document gate, so a route only says which case or document and which rule,
 * then calls its command. Socket events enter the same gates through live/caseChannel.ts.
 */
import type { Request, Response } from 'express';
import { actorAudit, type RequestAudit } from '../audit/caseAudit.js';
import { actorOf } from '../http/authContext.js';
import type { Actor } from '../kernel/actor.js';
import type { AppServices } from '../services.js';
import { type CaseScope, enterCase, type GateRule } from './caseGate.js';
import { type DocumentRule, type DocumentScope, enterDocument } from './documentGate.js';

/** "GET /api/cases/:id/export": the route pattern, not the URL, so ids and query strings stay out. */
export function routeOf(req: Request): string {
  const pattern = typeof req.route?.path === 'string' ? req.route.path : req.path;
  return `${req.method} ${req.baseUrl}${pattern}`;
}

/** An HTTP request's audit; `label` null for routes whose entries start with the document id. */
export function requestAudit(
  services: AppServices,
  req: Request,
  actor: Actor,
  label: string | null = routeOf(req),
): RequestAudit {
  return actorAudit(services, actor, { kind: 'http', address: actor.remoteAddress || req.ip || '', label });
}

export interface HttpGate {
  /** The audit of a request that is about no single case yet (list, register). */
  audit(req: Request, res: Response): RequestAudit;
  enterCase(req: Request, res: Response, caseId: string, rule: GateRule): Promise<CaseScope>;
  enterDocument(req: Request, res: Response, documentId: string, rule: DocumentRule): Promise<DocumentScope>;
}

export function httpGate(services: AppServices): HttpGate {
  return {
    audit: (req, res) => requestAudit(services, req, actorOf(res)),
    enterCase: (req, res, caseId, rule) => enterCase(services, requestAudit(services, req, actorOf(res)), caseId, rule),
    // Document entries start with the document id, not the route (see AuditChannel.label).
    enterDocument: (req, res, documentId, rule) =>
      enterDocument(services, requestAudit(services, req, actorOf(res), null), documentId, rule),
  };
}
