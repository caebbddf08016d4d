/** The /api router: session → routes. Each concern owns one routes file. */
import { Router } from 'express';
import { caseRoutes } from './cases/caseRoutes.js';
import { commentRoutes } from './comments/commentRoutes.js';
import { decisionRoutes } from './decisions/decisionRoutes.js';
import { documentRoutes } from './documents/documentRoutes.js';
import { escalationRoutes } from './escalation/escalationRoutes.js';
import { testClockRoutes } from './http/testClockRoutes.js';
import { authRoutes } from './identity/authRoutes.js';
import { directoryRoutes } from './identity/directoryRoutes.js';
import { invitationRoutes } from './identity/invitationRoutes.js';
import { sessionMiddleware } from './identity/sessionMiddleware.js';
import { meetingRoutes } from './meetings/meetingRoutes.js';
import { regionRoutes } from './regions/regionRoutes.js';
import type { AppServices } from './services.js';
import { versionRoutes } from './versions/versionRoutes.js';

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
  api.use(regionRoutes(services));
  api.use(decisionRoutes(services));
  // Only when the test clock is on (NODE_ENV=test and SAMENSPRAAK_TEST_CLOCK=1): otherwise a 404 like any unknown route.
  if (services.testClock) api.use(testClockRoutes(services, services.testClock));
  return api;
}
