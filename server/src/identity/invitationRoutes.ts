/**
 * Invitations of the young person and parents (logic in identity/invitations.ts and invitationCommands.ts):
 *   POST   /cases/:caseId/invitations        through the case gate and the invitation table; answers the code once
 *   GET    /cases/:caseId/invitations        for those who may invite: refs and states, never the links' ids
 *   DELETE /cases/:caseId/invitations/:ref   revoke an open one
 *   POST   /invitations/:id/accept           the invitee proves code + date of birth, picks login + password
 */
import {
  AcceptInvitationRequestSchema,
  AcceptInvitationResponseSchema,
  CreateInvitationRequestSchema,
  CreateInvitationResponseSchema,
  InvitationsResponseSchema,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import type { GateRule } from '../cases/caseGate.js';
import { INVITATIONS_POLICY, invitePolicy } from '../cases/casePolicies.js';
import { httpGate } from '../cases/httpGate.js';
import { actorOf } from '../http/authContext.js';
import { HttpError } from '../http/errors.js';
import { reply } from '../http/reply.js';
import type { AppServices } from '../services.js';
import { logAuth } from './authLog.js';
import { assertUsablePassword, clientOf, parseBody, setSessionCookie } from './identityHttp.js';
import { inviteToCase, listInvitations, logExpiredInvitations, revokeInvitation } from './invitationCommands.js';
import { type AcceptOutcome, acceptInvitation } from './invitations.js';
import { liveSessionOf } from './sessionMiddleware.js';
import { createSession, endSession } from './sessions.js';
import { findUserByLogin, sessionUser } from './users.js';

function acceptRefusal(outcome: Exclude<AcceptOutcome, { ok: true }>): HttpError {
  switch (outcome.reason) {
    case 'not_found':
      return new HttpError(404, 'not_found', 'invitation not found');
    case 'used':
      return new HttpError(410, 'invitation_used', 'this invitation has already been used');
    case 'expired':
      return new HttpError(410, 'invitation_expired', 'this invitation has expired; ask for a new one');
    case 'blocked':
      return new HttpError(410, 'invitation_blocked', 'too many wrong codes; ask for a new invitation');
    case 'revoked':
      return new HttpError(410, 'invitation_revoked', 'this invitation was withdrawn; ask for a new one');
    case 'young_person_exists':
      return new HttpError(409, 'young_person_exists', 'the case already has its young person');
    case 'case_closed':
      return new HttpError(410, 'case_closed', 'the case of this invitation is closed');
    case 'login_taken':
      return new HttpError(409, 'login_taken', 'login: this login is taken; choose another');
    case 'wrong_code':
      return outcome.attemptsLeft > 0
        ? new HttpError(403, 'invalid_code', `the code is wrong; ${outcome.attemptsLeft} attempt(s) left`, {
            attemptsLeft: outcome.attemptsLeft,
          })
        : new HttpError(410, 'invitation_blocked', 'too many wrong codes; ask for a new invitation');
    case 'wrong_date_of_birth':
      return outcome.attemptsLeft > 0
        ? new HttpError(
            403,
            'wrong_date_of_birth',
            `dateOfBirth: not the young person's date of birth; ${outcome.attemptsLeft} attempt(s) left`,
            { attemptsLeft: outcome.attemptsLeft },
          )
        : new HttpError(410, 'invitation_blocked', 'too many wrong attempts; ask for a new invitation');
  }
}

export function invitationRoutes(services: AppServices): Router {
  const router = Router();

  const gate = httpGate(services);
  const enter = (req: Request, res: Response, rule: GateRule) =>
    gate.enterCase(req, res, String(req.params.caseId), rule);

  router.post('/cases/:caseId/invitations', async (req, res) => {
    actorOf(res);
    const body = parseBody(CreateInvitationRequestSchema, req.body);
    const scope = await enter(req, res, invitePolicy(body.role, 'create', `invitation (${body.role})`));
    reply(res, CreateInvitationResponseSchema, await inviteToCase(services, scope, body), 201);
  });

  router.get('/cases/:caseId/invitations', async (req, res) => {
    const scope = await enter(req, res, INVITATIONS_POLICY);
    await logExpiredInvitations(services, scope.caseId);
    const invitations = await listInvitations(services, scope);
    await scope.log('read', 'success', 'invitations');
    reply(res, InvitationsResponseSchema, { invitations });
  });

  router.delete('/cases/:caseId/invitations/:ref', async (req, res) => {
    const scope = await enter(req, res, { ...INVITATIONS_POLICY, event: 'delete' });
    await revokeInvitation(services, scope, String(req.params.ref));
    res.status(204).end();
  });

  router.post('/invitations/:id/accept', async (req, res) => {
    const body = parseBody(AcceptInvitationRequestSchema, req.body);
    // Before the code is checked: a weak password must not cost the invitee one of their attempts.
    assertUsablePassword(body.password, [body.login]);
    const invitationId = String(req.params.id);
    const client = clientOf(req);
    const now = services.clock();
    const outcome = await acceptInvitation(services.db, services.authKey, { invitationId, ...body, now });
    if (!outcome.ok) {
      if (outcome.reason !== 'not_found') {
        await logAuth(services, {
          event: 'login',
          outcome:
            outcome.reason === 'wrong_code' ||
            outcome.reason === 'wrong_date_of_birth' ||
            outcome.reason === 'login_taken'
              ? 'failure'
              : 'denied',
          user: null,
          caseId: outcome.caseId,
          remoteAddress: client.remoteAddress,
          detail: `invitation ${outcome.ref}: ${outcome.reason.replaceAll('_', ' ')}`,
        });
      }
      throw acceptRefusal(outcome);
    }
    const user = (await findUserByLogin(services.db, body.login))!;
    const entry = { user, role: outcome.role, caseId: outcome.caseId, remoteAddress: client.remoteAddress };
    await logAuth(services, {
      ...entry,
      event: 'create',
      outcome: 'success',
      detail: `invitation ${outcome.ref} (${outcome.role}) accepted`,
    });
    // Clients have no second factor: the invitation (link + code by two channels) was the proof.
    const previous = liveSessionOf(res);
    if (previous) await endSession(services.db, previous.session.id);
    const session = await createSession(services.db, { userId: user.id, authenticated: true, ...client, now });
    await logAuth(services, { ...entry, event: 'login', outcome: 'success', detail: 'invitation accepted' });
    setSessionCookie(res, services, session);
    reply(
      res,
      AcceptInvitationResponseSchema,
      { caseId: outcome.caseId, user: await sessionUser(services.db, user), csrfToken: session.csrfToken },
      201,
    );
  });

  return router;
}
