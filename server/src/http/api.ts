/** The /api router: session → routes. Each concern owns one routes file. */
import { Router } from 'express';
import type { AppServices } from '../services.js';
import { authRoutes } from './routes/authRoutes.js';
import { caseRoutes } from './routes/caseRoutes.js';
import { commentRoutes } from './routes/commentRoutes.js';
import { directoryRoutes } from './routes/directoryRoutes.js';
import { documentRoutes } from './routes/documentRoutes.js';
import { escalationRoutes } from './routes/escalationRoutes.js';
import { invitationRoutes } from './routes/invitationRoutes.js';
import { meetingRoutes } from './routes/meetingRoutes.js';
import { testClockRoutes } from './routes/testClockRoutes.js';
import { versionRoutes } from './routes/versionRoutes.js';
import { sessionMiddleware } from './sessionMiddleware.js';

export function createApiRouter(services: AppServices): Router {
  const api = Router();
  api.use(sessionMiddleware(services));
  api.use('/auth', authRoutes(services));
  api.use(caseRoutes(services));
  api.use(documentRoutes(services));
  api.use(commentRoutes(services));
  api.use(escalationRoutes(services));
  api.use(invitationRoutes(services));
  api.use(versionRoutes(services));
  api.use(meetingRoutes(services));
  api.use(directoryRoutes(services));
  // Only when the test clock is on (NODE_ENV=test and SAMENSPRAAK_TEST_CLOCK=1): otherwise a 404 like any unknown route.
  if (services.testClock) api.use(testClockRoutes(services, services.testClock));
  return api;
}
