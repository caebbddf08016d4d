/**
 * `POST /api/documents/:documentId/token` — turns a logged-in session into a short-lived access token
 * for `WS /collab/<documentId>`. The token names the user; what they may do is decided again by the
 * collaboration server's case policy when they connect. It carries the person's token generation, so
 * "log out everywhere" revokes it; issuing it is an access-log entry (no entry, no token).
 */
import { Router } from 'express';
import { documentAccessOf } from '../../auth/casePolicy.js';
import { signCollabToken } from '../../auth/collabTokens.js';
import { currentTokenGeneration } from '../../auth/tokenRevocation.js';
import type { AppServices } from '../../services.js';
import { actorOf } from '../authContext.js';
import { accessOr404, logDocumentEvent } from './documentAudit.js';

export const DOCUMENT_TOKEN_TTL_SECONDS = 15 * 60;

export function documentRoutes(services: AppServices): Router {
  const router = Router();
  router.post('/documents/:documentId/token', async (req, res) => {
    const actor = actorOf(res);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const level = documentAccessOf(access.sections) ?? 'read';
    const gen = await currentTokenGeneration(services.db, actor.userId);
    // Logged before the token leaves: no entry, no token (the route answers with an error instead).
    await logDocumentEvent(
      services,
      actor,
      access,
      'read',
      'success',
      `${access.documentId}: document token issued (${level})`,
    );
    const token = await signCollabToken(
      services.authKey,
      { sub: actor.userId, name: actor.name, role: access.role, docs: { [access.documentId]: level }, gen },
      DOCUMENT_TOKEN_TTL_SECONDS,
    );
    res.json({
      token,
      access: level,
      sections: access.sections,
      expiresAt: new Date(Date.now() + DOCUMENT_TOKEN_TTL_SECONDS * 1000).toISOString(),
    });
  });
  return router;
}
