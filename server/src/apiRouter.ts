/** The /api router: session → routes. Each concern owns one routes file. */
import { Router } from 'express';
import { mailRoutes } from './admin/mailRoutes.js';
import { caseRoutes } from './cases/caseRoutes.js';
import { professionalDirectoryRoutes } from './cases/professionalDirectory.js';
import { commentRoutes } from './comments/commentRoutes.js';
import { consultationRoutes } from './consultation/consultationRoutes.js';
import { decisionRoutes } from './decisions/decisionRoutes.js';
import { documentRoutes } from './documents/documentRoutes.js';
import { ownWordsRoutes } from './documents/ownWordsRoutes.js';
import { escalationRoutes } from './escalation/escalationRoutes.js';
import { testClockRoutes } from './http/testClockRoutes.js';
import { accountRoutes } from './identity/accountRoutes.js';
import { adminRoutes } from './identity/adminRoutes.js';
import { authRoutes } from './identity/authRoutes.js';
import { directoryRoutes } from './identity/directoryRoutes.js';
import { invitationRoutes } from './identity/invitationRoutes.js';
import { recoveryRoutes } from './identity/recoveryRoutes.js';
import { sessionMiddleware } from './identity/sessionMiddleware.js';
import { inboxRoutes } from './inbox/inboxRoutes.js';
import { meetingRoutes } from './meetings/meetingRoutes.js';
import { regionRoutes } from './regions/regionRoutes.js';
import type { AppServices } from './services.js';
import { startRoutes } from './start/startRoutes.js';
import { versionRoutes } from './versions/versionRoutes.js';

export function createApiRouter(services: AppServices): Router {
  const api = Router();
  api.use(sessionMiddleware(services));
  api.use(recoveryRoutes(services));
  api.use('/auth', authRoutes(services));
  api.use(caseRoutes(services));
  api.use(documentRoutes(services));
  api.use(ownWordsRoutes(services));
  api.use(commentRoutes(services));
  api.use(escalationRoutes(services));
  api.use(invitationRoutes(services));
  api.use(versionRoutes(services));
  api.use(meetingRoutes(services));
  api.use(directoryRoutes(services));
  api.use(inboxRoutes(services));
  api.use(adminRoutes(services));
  api.use(accountRoutes(services));
  api.use(mailRoutes(services));
  api.use(professionalDirectoryRoutes(services));
  api.use(consultationRoutes(services));
  api.use(regionRoutes(services));
  api.use(decisionRoutes(services));
  api.use(startRoutes(services));
  // Only when the test clock is on (NODE_ENV=test and SAMENSPRAAK_TEST_CLOCK=1): otherwise a 404 like any unknown route.
  if (services.testClock) api.use(testClockRoutes(services, services.testClock));
  return api;
}
