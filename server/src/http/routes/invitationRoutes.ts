/**
 * Invitations of the young person and parents (logic in identity/invitations.ts):
 *   POST /cases/:caseId/invitations   a professional on the case invites; answers the code once
 *   POST /invitations/:id/accept      the invitee proves the code, picks login + password, is logged in
 */
import {
  AcceptInvitationRequestSchema,
  type AcceptInvitationResponse,
  CreateInvitationRequestSchema,
  type CreateInvitationResponse,
} from '@samenspraak/shared';
import { Router } from 'express';
import { loadParticipation } from '../../cases/participation.js';
import { httpSource, logAuth } from '../../identity/authLog.js';
import { type AcceptOutcome, acceptInvitation, createInvitation, invitationLink } from '../../identity/invitations.js';
import { createSession, endSession } from '../../identity/sessions.js';
import { findUserByLogin, sessionUser } from '../../identity/users.js';
import type { AppServices } from '../../services.js';
import { actorOf } from '../authContext.js';
import { HttpError } from '../errors.js';
import { liveSessionOf } from '../sessionMiddleware.js';
import { assertUsablePassword, clientOf, parseBody, setSessionCookie } from './identityHttp.js';

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
  }
}

export function invitationRoutes(services: AppServices): Router {
  const router = Router();

  router.post('/cases/:caseId/invitations', async (req, res) => {
    const actor = actorOf(res);
    const body = parseBody(CreateInvitationRequestSchema, req.body);
    const caseId = String(req.params.caseId);
    const participation = await loadParticipation(services.db, caseId, actor.userId);
    // Cases one is not on look the same as cases that do not exist.
    if (!participation) throw new HttpError(404, 'not_found', 'case not found');
    if (actor.kind !== 'professional') {
      throw new HttpError(403, 'forbidden', 'only professionals on the case can invite');
    }
    if (participation.facts.closed) throw new HttpError(409, 'case_closed', 'the case is closed');
    const now = services.clock();
    const invitation = await createInvitation(services.db, services.authKey, {
      caseId,
      role: body.role,
      name: body.name,
      createdBy: actor.userId,
      now,
    });
    await services.accessLog.append({
      event: 'create',
      caseId,
      actor: { userId: actor.userId, name: actor.name, role: participation.role, responsible: actor.organisationId },
      source: httpSource(actor.remoteAddress),
      outcome: 'success',
      detail: `invitation ${invitation.invitationId} (${body.role})`,
    });
    const response: CreateInvitationResponse = {
      invitationId: invitation.invitationId,
      link: invitationLink(invitation.invitationId),
      code: invitation.code,
      expiresAt: invitation.expiresAt.toISOString(),
    };
    res.status(201).json(response);
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
          outcome: outcome.reason === 'wrong_code' || outcome.reason === 'login_taken' ? 'failure' : 'denied',
          user: null,
          caseId: outcome.caseId,
          remoteAddress: client.remoteAddress,
          detail: `invitation ${invitationId}: ${outcome.reason.replace('_', ' ')}`,
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
      detail: `participant via invitation ${invitationId}`,
    });
    // Clients have no second factor: the invitation (link + code by two channels) was the proof.
    const previous = liveSessionOf(res);
    if (previous) await endSession(services.db, previous.session.id);
    const session = await createSession(services.db, { userId: user.id, authenticated: true, ...client, now });
    await logAuth(services, { ...entry, event: 'login', outcome: 'success', detail: 'invitation accepted' });
    setSessionCookie(res, services, session);
    const response: AcceptInvitationResponse = {
      caseId: outcome.caseId,
      user: await sessionUser(services.db, user),
      csrfToken: session.csrfToken,
    };
    res.status(201).json(response);
  });

  return router;
}
