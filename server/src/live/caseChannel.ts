/**
 * The checks behind joining a case's, a document's or a meeting's live room: the same gates as the HTTP routes
 * (participation, age and consent, a DBT member's access window), judged with the domain clock, and
 * logged the same way. A refusal is a `forbidden` that does not say whether the case exists.
 */
import type { Role } from '@samenspraak/shared';
import { actorAudit, type RequestAudit } from '../audit/caseAudit.js';
import { caseDb } from '../cases/caseDb.js';
import { accessTo, type CaseScope, enterCase } from '../cases/caseGate.js';
import { type DocumentScope, enterDocument } from '../cases/documentGate.js';
import type { Actor } from '../kernel/actor.js';
import { DomainError } from '../kernel/errors.js';
import { findMeeting, type MeetingRow } from '../meetings/meetingRecords.js';
import { RealtimeEventError, type RealtimeSocket } from '../realtime/types.js';
import type { AppServices } from '../services.js';
import { sessionActor, socketActor } from './socketAuth.js';

const NO_ACCESS = 'no access to this case';

/** A socket.io event's audit: "socket.io <event>" as the route, "realtime" as the channel. */
export function socketAudit(services: AppServices, actor: Actor, event: string): RequestAudit {
  return actorAudit(services, actor, { kind: 'realtime', address: actor.remoteAddress, label: `socket.io ${event}` });
}

/** Enters a case for a live room; logs a refusal (through the gate) and throws `forbidden`. */
export async function enterCaseLive(
  services: AppServices,
  socket: RealtimeSocket,
  event: string,
  caseId: string,
  what: string,
): Promise<CaseScope> {
  const actor = sessionActor(socket);
  if (!actor)
    throw new RealtimeEventError('forbidden', 'cases are joined with a logged-in session, not a document token');
  try {
    return await enterCase(services, socketAudit(services, actor, event), caseId, { event: 'read', what });
  } catch (err) {
    if (err instanceof DomainError) throw new RealtimeEventError('forbidden', NO_ACCESS);
    throw err;
  }
}

/**
 * Enters a case document for its live channel (token or session socket): the document gate, logged
 * as "socket.io <event> <documentId> <what>". A refusal does not say whether the document exists.
 */
export async function enterDocumentLive(
  services: AppServices,
  socket: RealtimeSocket,
  event: string,
  documentId: string,
  what: string,
): Promise<DocumentScope> {
  const actor = await socketActor(services, socket);
  const forbidden = new RealtimeEventError('forbidden', `no access to document ${documentId}`);
  if (!actor) throw forbidden;
  try {
    return await enterDocument(services, socketAudit(services, actor, event), documentId, { event: 'read', what });
  } catch (err) {
    if (err instanceof DomainError) throw forbidden;
    throw err;
  }
}

/** Enters a meeting of a case: case access, and the meeting must belong to that case. */
export async function enterMeetingLive(
  services: AppServices,
  socket: RealtimeSocket,
  caseId: string,
  meetingId: string,
): Promise<{ scope: CaseScope; meeting: MeetingRow }> {
  const scope = await enterCaseLive(services, socket, 'meeting:join', caseId, 'meeting');
  const meeting = await findMeeting(services.db, scope.caseId, meetingId);
  if (!meeting) {
    await scope.log('read', 'denied', 'meeting: not a meeting of this case');
    throw new RealtimeEventError('forbidden', 'no such meeting on this case');
  }
  return { scope, meeting };
}

/** The person's role on the case if they may see it right now, else null (for re-checking joined rooms). */
export async function currentCaseRole(services: AppServices, userId: string, caseId: string): Promise<Role | null> {
  const found = await caseDb(services.db)
    .selectFrom('cases')
    .innerJoin('participants', 'participants.case_id', 'cases.id')
    .selectAll('cases')
    .select(['participants.role as participant_role', 'participants.access_until as access_until'])
    .where('cases.id', '=', caseId)
    .where('participants.user_id', '=', userId)
    .executeTakeFirst();
  if (!found) return null;
  const { participant_role, access_until, ...row } = found;
  const role = participant_role as Role;
  return accessTo(row, role, services.clock(), access_until).allowed ? role : null;
}
