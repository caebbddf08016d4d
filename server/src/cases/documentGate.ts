/**
 * The door to one case document, beside the case gate (caseGate.ts): every document route and socket
 * event enters through `enterDocument`, which decides (participation, age and consent, the per-section
 * permission table, then the route's rule) and logs a refusal before it throws. An unknown, foreign or
 * closed document is the same 404 for everyone: the answer must not reveal that it exists.
 */
import { parseDocumentId, type Role } from '@samenspraak/shared';
import type { LogEvent } from '../audit/accessLog.js';
import type { RequestAudit } from '../audit/caseAudit.js';
import { Forbidden, NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { caseDb } from './caseDb.js';
import { caseDocumentExists } from './caseDocuments.js';
import { type DocumentAccessInfo, documentAccessFor } from './documentAccess.js';

export interface DocumentScope extends DocumentAccessInfo {
  now: Date;
  audit: RequestAudit;
  /** The person as recorded on versions, endorsements, comments and votes: their role on this case. */
  person: { id: string; name: string; role: Role };
  /** Logs an entry about this document ("<documentId> <what>") with the actor's role on the case. */
  log(event: LogEvent, outcome: 'success' | 'denied' | 'failure', what: string): Promise<number>;
}

export interface DocumentRule {
  /** The event logged if the actor is refused. */
  event: LogEvent;
  /** What is being attempted: the refusal's entry reads "<documentId> <what>". */
  what: string;
  /**
   * A further rule on the person's sections: null allows, a string is the reason of the 403. It may
   * also throw a DomainError of its own (a 400 or 404 about the request), which is not logged.
   */
  check?: (scope: DocumentScope) => string | null | Promise<string | null>;
}

/** The case of a document id when both exist: an id made up by the caller names no dossier. */
async function realCaseOf(services: AppServices, documentId: string): Promise<string | null> {
  const caseId = parseDocumentId(documentId)?.caseId;
  if (!caseId || !(await caseDocumentExists(services.db, documentId))) return null;
  const row = await caseDb(services.db).selectFrom('cases').select('id').where('id', '=', caseId).executeTakeFirst();
  return row ? row.id : null;
}

export async function enterDocument(
  services: AppServices,
  audit: RequestAudit,
  documentId: string,
  rule: DocumentRule,
): Promise<DocumentScope> {
  const now = services.clock();
  const access = await documentAccessFor(services.db, audit.actor.userId, documentId, now);
  if (!access) {
    await audit.log({
      event: rule.event,
      caseId: await realCaseOf(services, documentId),
      outcome: 'denied',
      caseRole: null,
      what: `${documentId} ${rule.what}`,
    });
    throw new NotFound('document not found');
  }
  const { actor } = audit;
  const scope: DocumentScope = {
    ...access,
    now,
    audit,
    person: { id: actor.userId, name: actor.name, role: access.role },
    log: (event, outcome, what) =>
      audit.log({ event, caseId: access.caseId, outcome, caseRole: access.role, what: `${access.documentId} ${what}` }),
  };
  const reason = (await rule.check?.(scope)) ?? null;
  if (reason) {
    await scope.log(rule.event, 'denied', rule.what);
    throw new Forbidden(reason);
  }
  return scope;
}
