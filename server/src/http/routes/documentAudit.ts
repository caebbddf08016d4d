/** Shared by the document routes (token, comments, versions, endorsements): access or a 404, and the access-log entry. */
import type { LogEvent } from '../../audit/accessLog.js';
import { type DocumentAccessInfo, documentAccessFor } from '../../cases/documentAccess.js';
import type { AppServices } from '../../services.js';
import type { Actor } from '../authContext.js';
import { HttpError } from '../errors.js';

/** Unknown, foreign and forbidden documents all look the same from outside. */
export async function accessOr404(
  services: AppServices,
  actor: Actor,
  documentId: string,
): Promise<DocumentAccessInfo> {
  const access = await documentAccessFor(services.db, actor.userId, documentId, services.clock());
  if (!access) throw new HttpError(404, 'not_found', 'document not found');
  return access;
}

export function logDocumentEvent(
  services: AppServices,
  actor: Actor,
  caseId: string,
  event: Extract<LogEvent, 'read' | 'create' | 'update' | 'export'>,
  outcome: 'success' | 'denied',
  detail: string,
) {
  return services.accessLog.append({
    event,
    caseId,
    actor: {
      userId: actor.userId,
      name: actor.name,
      role: actor.role,
      responsible: actor.organisationId ?? 'eigen account',
    },
    source: `${actor.remoteAddress} http`,
    outcome,
    detail,
  });
}

/** The person as recorded on versions, endorsements and votes: their role on this case. */
export const personOf = (actor: Actor, access: DocumentAccessInfo) => ({
  id: actor.userId,
  name: actor.name,
  role: access.role,
});
