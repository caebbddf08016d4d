/** Shared by the document routes (token, comments, versions, endorsements): access or a 404, and the access-log entry. */
import type { LogEvent } from '../../audit/accessLog.js';
import { responsibleFor } from '../../audit/caseAudit.js';
import { type DocumentAccessInfo, documentAccessFor } from '../../cases/documentAccess.js';
import type { Actor } from '../../kernel/actor.js';
import type { AppServices } from '../../services.js';
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

/**
 * The access-log entry of a document route: same shape as the case routes' (`requestAudit`) — the
 * actor's role on this case and the organisation they act for.
 */
export async function logDocumentEvent(
  services: AppServices,
  actor: Actor,
  access: Pick<DocumentAccessInfo, 'caseId' | 'role'>,
  event: Extract<LogEvent, 'read' | 'create' | 'update' | 'export'>,
  outcome: 'success' | 'denied',
  detail: string,
) {
  return services.accessLog.append({
    event,
    caseId: access.caseId,
    actor: {
      userId: actor.userId,
      name: actor.name,
      role: access.role,
      responsible: await responsibleFor(services, actor),
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
