/**
 * `GET/PUT /api/test/clock` — the settable domain clock of end-to-end tests. Mounted only when the
 * configuration says so (NODE_ENV=test and SAMENSPRAAK_TEST_CLOCK=1); otherwise the path is an unknown
 * route (404). After the clock moves, access to live rooms and due notifications are worked out at once.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { AppServices, TestClock } from '../services.js';
import { parseBody } from './validate.js';

const TestClockBodySchema = z.strictObject({
  now: z.iso.datetime({ offset: true, message: 'expected an ISO date-time, e.g. 2026-03-01T10:00:00Z' }),
});

export function testClockRoutes(services: AppServices, testClock: TestClock): Router {
  const router = Router();
  router.get('/test/clock', (_req, res) => {
    res.json({ now: services.clock().toISOString() });
  });
  router.put('/test/clock', async (req, res) => {
    const body = parseBody(TestClockBodySchema, req.body);
    testClock.set(new Date(body.now));
    services.log.warn({ now: body.now }, 'test clock set');
    await services.caseEvents.clockMoved();
    res.json({ now: services.clock().toISOString() });
  });
  return router;
}
