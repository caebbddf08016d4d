/**
 * `GET/PUT /api/test/clock` — the settable domain clock of end-to-end tests. Mounted only when the
 * configuration says so (NODE_ENV=test and SAMENSPRAAK_TEST_CLOCK=1); otherwise the path is an unknown
 * route (404). After the clock moves, access to live rooms and due notifications are worked out at once.
 */
import { TestClockBodySchema, TestClockResponseSchema } from '@samenspraak/shared';
import { Router } from 'express';
import type { AppServices, TestClock } from '../services.js';
import { reply } from './reply.js';
import { parseBody } from './validate.js';

export function testClockRoutes(services: AppServices, testClock: TestClock): Router {
  const router = Router();
  router.get('/test/clock', (_req, res) => {
    reply(res, TestClockResponseSchema, { now: services.clock().toISOString() });
  });
  router.put('/test/clock', async (req, res) => {
    const body = parseBody(TestClockBodySchema, req.body);
    testClock.set(new Date(body.now));
    services.log.warn({ now: body.now }, 'test clock set');
    await services.caseEvents.clockMoved();
    reply(res, TestClockResponseSchema, { now: services.clock().toISOString() });
  });
  return router;
}
