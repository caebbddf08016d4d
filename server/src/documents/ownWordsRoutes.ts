/**
 * The own-words parts of a case's analysis (002 Bijlage 1: the request for help per person):
 *  - `GET    /api/cases/:id/analysis/parts` — the parts, whose words, and who records them;
 *  - `PUT    /api/cases/:id/analysis/parts/:part/recorder` `{ recorderId }` — a professional records it;
 *  - `DELETE /api/cases/:id/analysis/parts/:part/recorder` — recording ends.
 */
import { NameRecorderBodySchema, OwnWordsPartsResponseSchema } from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import { httpGate } from '../cases/httpGate.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import type { AppServices } from '../services.js';
import { endRecorder, nameRecorder, ownWordsPartsView } from './ownWordsCommands.js';

const param = (req: Request, name: string) => {
  const value = req.params[name];
  return typeof value === 'string' ? value : '';
};

export function ownWordsRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  const enter = (req: Request, res: Response, event: 'read' | 'update') =>
    gate.enterCase(req, res, param(req, 'id'), {
      event,
      // A closed case is read-only: nobody starts or ends recording someone's words then.
      check: event === 'update' ? (s) => (s.facts.closed ? 'the case is closed' : null) : undefined,
    });

  router.get('/cases/:id/analysis/parts', async (req, res) => {
    const scope = await enter(req, res, 'read');
    const view = await ownWordsPartsView(services, scope);
    await scope.log('read', 'success', 'analysis: own-words parts');
    reply(res, OwnWordsPartsResponseSchema, view);
  });

  router.put('/cases/:id/analysis/parts/:part/recorder', async (req, res) => {
    const scope = await enter(req, res, 'update');
    const body = parseBody(NameRecorderBodySchema, req.body);
    await nameRecorder(services, scope, param(req, 'part'), body.recorderId);
    reply(res, OwnWordsPartsResponseSchema, await ownWordsPartsView(services, scope));
  });

  router.delete('/cases/:id/analysis/parts/:part/recorder', async (req, res) => {
    const scope = await enter(req, res, 'update');
    await endRecorder(services, scope, param(req, 'part'));
    reply(res, OwnWordsPartsResponseSchema, await ownWordsPartsView(services, scope));
  });
  return router;
}
