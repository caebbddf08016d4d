/**
 * `POST /api/documents/:documentId/token` — turns a logged-in session into a short-lived access token
 * for `WS /collab/<documentId>`. The token names the user; what they may do is decided again by the
 * collaboration server's case policy when they connect. It carries the person's token generation, so
 * "log out everywhere" revokes it; issuing it is an access-log entry (no entry, no token).
 */
import { DocumentTokenResponseSchema } from '@samenspraak/shared';
import { Router } from 'express';
import { signCollabToken } from '../auth/collabTokens.js';
import { currentTokenGeneration } from '../auth/tokenRevocation.js';
import { documentAccessOf } from '../cases/casePolicy.js';
import { httpGate } from '../cases/httpGate.js';
import { reply } from '../http/reply.js';
import type { AppServices } from '../services.js';

export const DOCUMENT_TOKEN_TTL_SECONDS = 15 * 60;

export function documentRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  router.post('/documents/:documentId/token', async (req, res) => {
    const scope = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'read',
      what: 'document token',
    });
    const { actor } = scope.audit;
    const level = documentAccessOf(scope.sections) ?? 'read';
    const gen = await currentTokenGeneration(services.db, actor.userId);
    // Logged before the token leaves: no entry, no token (the route answers with an error instead).
    await scope.audit.log({
      event: 'read',
      caseId: scope.caseId,
      outcome: 'success',
      caseRole: scope.role,
      what: `${scope.documentId}: document token issued (${level})`,
    });
    const token = await signCollabToken(
      services.authKey,
      { sub: actor.userId, name: actor.name, role: scope.role, docs: { [scope.documentId]: level }, gen },
      DOCUMENT_TOKEN_TTL_SECONDS,
    );
    reply(res, DocumentTokenResponseSchema, {
      token,
      access: level,
      sections: scope.sections,
      expiresAt: new Date(Date.now() + DOCUMENT_TOKEN_TTL_SECONDS * 1000).toISOString(),
    });
  });
  return router;
}
