/**
 * Producers 'own-statement-added' and 'correction-requested' (issue #18): a young person or parent added
 * their own statement to the file (Jeugdwet 7.3.8) or asked for a correction (AVG art. 16, answered within
 * a month), so the professionals who answer for the file — the responsible gedragswetenschapper and the
 * holder of procesregie, the roles that decide correction requests (rights/rightsPolicies.ts `decides`) —
 * hear of it in their inbox (and by mail as their preference says: `addToInbox`). One item per statement
 * or request; the item names the document and part, never the words (no free text in items or mail).
 */
import type { DocumentType, NewInboxItem } from '@samenspraak/shared';
import { caseDb } from '../cases/caseDb.js';
import type { AppDb } from '../db/database.js';
import { addToInbox } from './inbox.js';
import { appPaths } from './inboxItems.js';

export interface RightsRequest {
  kind: 'own-statement-added' | 'correction-requested';
  caseId: string;
  /** The statement's or request's id: one item per thing. */
  id: string;
  document: DocumentType;
  section: string;
  byUserId: string;
  byRole: string;
  /** A correction request's answer date (ISO). */
  dueBy?: string;
}

/** The item for one recipient (pure): a statement opens its part of the document, a request the rights page. */
export function rightsRequestItem(recipientId: string, r: RightsRequest): NewInboxItem {
  const link =
    r.kind === 'own-statement-added'
      ? `${appPaths.document(r.caseId, r.document)}#sectie-${r.section}`
      : `${appPaths.rights(r.caseId)}#verbeteren`;
  return {
    userId: recipientId,
    caseId: r.caseId,
    kind: r.kind,
    key: `${r.kind}:${r.id}`,
    link,
    params: {
      document: r.document,
      section: r.section,
      byRole: r.byRole,
      ...(r.dueBy ? { dueBy: r.dueBy } : {}),
    },
  };
}

/**
 * Who hears of a statement or request on a case: its responsible scientist and process director, still on
 * the case, not the writer. Within the writer's transaction (`db` may be one), so the item and the
 * statement are stored together.
 */
export async function noteRightsRequest(db: AppDb, r: RightsRequest, now: Date): Promise<string[]> {
  const kdb = caseDb(db);
  const row = await kdb
    .selectFrom('cases')
    .select(['responsible_scientist_id', 'process_director_id'])
    .where('id', '=', r.caseId)
    .executeTakeFirst();
  if (!row) return [];
  const wanted = [row.responsible_scientist_id, row.process_director_id ?? null].filter(
    (id): id is string => typeof id === 'string' && id !== r.byUserId,
  );
  if (wanted.length === 0) return [];
  const onCase = await kdb
    .selectFrom('participants')
    .select(['user_id', 'access_until'])
    .where('case_id', '=', r.caseId)
    .where('user_id', 'in', wanted)
    .execute();
  const recipients = [
    ...new Set(
      onCase.filter((p) => !p.access_until || Date.parse(p.access_until) > now.getTime()).map((p) => p.user_id),
    ),
  ];
  if (recipients.length === 0) return [];
  return addToInbox(
    db,
    recipients.map((id) => rightsRequestItem(id, r)),
    now,
  );
}
