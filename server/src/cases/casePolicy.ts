/**
 * Access to collaborative documents, decided on the server:
 * - case documents (`<caseId>.<type>[.<meetingId>]`): the token only says who the user is and that it
 *   was issued for this document; participation, age and consent (server/src/domain/caseAccess.ts) and
 *   the permission table decide, per section, at connect time and again when access changes;
 * - any other document id (demo, benchmark): the token's grant decides (operator-issued tokens only).
 * Every update to a case document is checked against the sections it touches; opening and first edits
 * per section are written to the access log; an open whose entry cannot be written is refused.
 * A token whose generation was revoked (tokenRevocation.ts) opens nothing and ends live connections.
 */
import {
  CloseCode,
  type CollabClaims,
  type DocumentAccess,
  type Permission,
  parseDocumentId,
  RejectReason,
} from '@samenspraak/shared';
import type { AccessLog } from '../audit/accessLog.js';
import { auditRecord } from '../audit/caseAudit.js';
import { CollabAuthError, verifyCollabToken } from '../auth/collabTokens.js';
import { tokenStillValid } from '../auth/tokenRevocation.js';
import type { AccessPolicy, ConnectionGrant, ConnectionRequest, UpdateVerdict } from '../collab/types.js';
import { touchedRoots } from '../collab/updateInspection.js';
import type { AppDb } from '../db/database.js';
import { caseAccess, effectiveSections } from '../domain/caseAccess.js';
import type { Logger } from '../observability/logger.js';
import { caseDocumentExists } from './caseDocuments.js';
import { ownWordsContext } from './ownWordsParts.js';
import { loadParticipation } from './participation.js';

export interface CasePolicyDeps {
  db: AppDb;
  authKey: Uint8Array;
  accessLog: AccessLog;
  clock: () => Date;
  log: Logger;
}

/** Sections each connection has already been logged as editing (one log entry per connection and section). */
const loggedEdits = new WeakMap<ConnectionGrant, Set<string>>();

export function documentAccessOf(sections: Record<string, Permission>): DocumentAccess | null {
  const values = Object.values(sections);
  if (values.includes('edit')) return 'write';
  if (values.some((p) => p !== 'none')) return 'read';
  return null;
}

export function createCasePolicy(deps: CasePolicyDeps): AccessPolicy {
  const actor = (claims: CollabClaims) => ({
    userId: claims.sub,
    name: claims.name,
    role: claims.role,
    responsible: null,
  });

  /** The grant for a case document right now, or null when the user may not open it. */
  async function caseGrant(claims: CollabClaims, docId: string): Promise<ConnectionGrant | null> {
    const parsed = parseDocumentId(docId);
    if (!parsed || !(await caseDocumentExists(deps.db, docId))) return null;
    const participation = await loadParticipation(deps.db, parsed.caseId, claims.sub);
    if (!participation) return null;
    const now = deps.clock();
    if (!caseAccess(participation.facts, participation.role, now).allowed) return null;
    const ownWords = await ownWordsContext(deps.db, participation, parsed.type, now);
    const sections = effectiveSections(participation.facts, parsed.type, participation.role, now, ownWords);
    const access = documentAccessOf(sections);
    if (!access) return null;
    return { claims: { ...claims, role: participation.role }, access, sections };
  }

  /** Resolves once the entry is written; rejects when it could not be. */
  const appendEntry = (
    claims: CollabClaims,
    docId: string,
    event: 'read' | 'update',
    outcome: 'success' | 'denied',
    detail: string,
    remote = '',
  ) =>
    deps.accessLog.append(
      auditRecord(
        actor(claims),
        { kind: 'collab', address: remote, label: null },
        { event, caseId: parseDocumentId(docId)?.caseId ?? null, outcome, what: `${docId}: ${detail}` },
      ),
    );

  /** For entries after the fact (a first edit): a failed write is reported, the edit is already checked. */
  const logEntry = (...args: Parameters<typeof appendEntry>) =>
    appendEntry(...args).catch((err) => deps.log.error({ err, docId: args[1] }, 'access log append failed'));

  return {
    async authenticate(request: ConnectionRequest): Promise<ConnectionGrant> {
      const claims = await verifyCollabToken(deps.authKey, request.token);
      const tokenAccess = claims.docs[request.docId];
      if (!tokenAccess) throw new CollabAuthError(CloseCode.Forbidden, 'token does not grant this document');
      const isCaseDocument = parseDocumentId(request.docId) !== null;
      if (!(await tokenStillValid(deps.db, claims))) {
        if (isCaseDocument) {
          await logEntry(claims, request.docId, 'read', 'denied', 'open refused: token revoked', request.remoteAddress);
        }
        throw new CollabAuthError(CloseCode.AccessRevoked, 'access token revoked');
      }
      if (!isCaseDocument) return { claims, access: tokenAccess };
      const grant = await caseGrant(claims, request.docId);
      if (!grant) {
        await logEntry(claims, request.docId, 'read', 'denied', 'open refused', request.remoteAddress);
        throw new CollabAuthError(CloseCode.Forbidden, 'no access to this document');
      }
      // Fail closed: a dossier opened without its access-log entry would be an unrecorded read.
      try {
        await appendEntry(claims, request.docId, 'read', 'success', `opened (${grant.access})`, request.remoteAddress);
      } catch (err) {
        deps.log.error({ err, docId: request.docId }, 'access log append failed; open refused');
        throw new CollabAuthError(CloseCode.StoreUnavailable, 'access log unavailable; try again later');
      }
      return grant;
    },

    checkUpdate({ grant, doc, decoded, docId }): UpdateVerdict {
      if (!grant.sections) return null;
      const { roots, unresolved } = touchedRoots(doc, decoded);
      if (unresolved) {
        return {
          reason: RejectReason.SectionForbidden,
          detail: 'the update changes content that cannot be placed in a section',
        };
      }
      for (const root of roots) {
        if (grant.sections[root] !== 'edit') {
          return { reason: RejectReason.SectionForbidden, detail: `no permission to edit section "${root}"` };
        }
      }
      const logged = loggedEdits.get(grant) ?? new Set<string>();
      loggedEdits.set(grant, logged);
      for (const root of roots) {
        if (logged.has(root)) continue;
        logged.add(root);
        void logEntry(grant.claims, docId, 'update', 'success', `edited section ${root}`);
      }
      return null;
    },

    async recheck(grant: ConnectionGrant, docId: string): Promise<ConnectionGrant | null> {
      if (!(await tokenStillValid(deps.db, grant.claims))) return null;
      if (!grant.sections) return grant;
      const next = await caseGrant(grant.claims, docId);
      if (next) loggedEdits.set(next, loggedEdits.get(grant) ?? new Set());
      return next;
    },
  };
}
