/**
 * Producer 'own-words-written': a young person or parent wrote in their own-words part of the analysis
 * (002 Bijlage 1: the request for help "in de woorden van de verschillende betrokkenen"), so the
 * professionals who answer for the analysis — the responsible gedragswetenschapper and the holder of
 * procesregie — hear of it. Wired by app.ts to the collaboration core's `onClientWrite` hook (called after
 * the update is durable). One item per part per Amsterdam day, so a parent typing all afternoon is one
 * item; the item names the part, never the words (no free text in items or mail).
 */
import {
  amsterdamDate,
  isOwnWordsPart,
  type NewInboxItem,
  parentPartRoot,
  parseDocumentId,
  YOUNG_PERSON_PART,
} from '@samenspraak/shared';
import { caseDb } from '../cases/caseDb.js';
import type { AppDb } from '../db/database.js';
import { addToInbox } from './inbox.js';
import { appPaths } from './inboxItems.js';

export interface OwnWordsWrite {
  docId: string;
  userId: string;
  roots: readonly string[];
}

/** The own-words part that is the writer's own, given their role on the case (null: none). */
export function ownPartOf(role: string, userId: string): string | null {
  if (role === 'jeugdige') return YOUNG_PERSON_PART;
  if (role === 'ouder') return parentPartRoot(userId);
  return null;
}

/** The item for one recipient (pure): keyed per part and Amsterdam day, linking to the part. */
export function ownWordsWrittenItem(
  recipientId: string,
  caseId: string,
  part: string,
  byRole: string,
  now: Date,
): NewInboxItem {
  return {
    userId: recipientId,
    caseId,
    kind: 'own-words-written',
    key: `own-words-written:${caseId}:${part}:${amsterdamDate(now)}`,
    link: `${appPaths.document(caseId, 'analysis')}#${part}`,
    params: { section: part, document: 'analysis', byRole },
  };
}

/** Adds the items for one durable write (nothing when it was not a person writing in their own part). */
export async function noteOwnWordsWritten(db: AppDb, write: OwnWordsWrite, now: Date): Promise<string[]> {
  const parsed = parseDocumentId(write.docId);
  if (parsed?.type !== 'analysis' || parsed.meetingId) return [];
  // Most writes are professionals' sections: no database read for those.
  if (!write.roots.some(isOwnWordsPart)) return [];
  const kdb = caseDb(db);
  const me = await kdb
    .selectFrom('participants')
    .select(['role', 'access_until'])
    .where('case_id', '=', parsed.caseId)
    .where('user_id', '=', write.userId)
    .executeTakeFirst();
  if (!me || (me.access_until && Date.parse(me.access_until) <= now.getTime())) return [];
  // A professional recording a part "zoals verteld door" the person is not the person writing.
  const part = ownPartOf(me.role, write.userId);
  if (!part || !write.roots.includes(part)) return [];
  const row = await kdb
    .selectFrom('cases')
    .select(['responsible_scientist_id', 'process_director_id'])
    .where('id', '=', parsed.caseId)
    .executeTakeFirst();
  if (!row) return [];
  const wanted = [row.responsible_scientist_id, row.process_director_id ?? null].filter(
    (id): id is string => typeof id === 'string' && id !== write.userId,
  );
  if (wanted.length === 0) return [];
  // Only people still on the case hear of it.
  const onCase = await kdb
    .selectFrom('participants')
    .select(['user_id', 'access_until'])
    .where('case_id', '=', parsed.caseId)
    .where('user_id', 'in', wanted)
    .execute();
  const recipients = [
    ...new Set(
      onCase.filter((p) => !p.access_until || Date.parse(p.access_until) > now.getTime()).map((p) => p.user_id),
    ),
  ];
  if (recipients.length === 0) return [];
  const items = recipients.map((r) => ownWordsWrittenItem(r, parsed.caseId, part, me.role, now));
  return db.transaction().execute((trx) => addToInbox(trx, items, now));
}
