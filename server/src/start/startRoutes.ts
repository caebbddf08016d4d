/**
 * The start page (thin route; about the actor only):
 *   GET /start   this person's start view: per case they may open now, what waits, who is on it, the next meeting
 */
import { StartViewSchema } from '@samenspraak/shared';
import { Router } from 'express';
import { httpGate } from '../cases/httpGate.js';
import { reply } from '../http/reply.js';
import type { AppServices } from '../services.js';
import { startView } from './startView.js';

export function startRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  router.get('/start', async (req, res) => {
    reply(res, StartViewSchema, await startView(services, gate.audit(req, res)));
  });
  return router;
}
