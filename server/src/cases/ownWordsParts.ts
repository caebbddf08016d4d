/**
 * The own-words parts of a case's analysis (shared/src/analysisParts.ts): the young person's part, one
 * per parent on the case, and who records a part "zoals verteld door" the person (migration 0017).
 * Read on every open of the analysis, so the per-root write check is exact for the people on the case now:
 * a parent added later gets their part at their first open.
 */
import { type OwnWordsPart, ownWordsParts, type PartRecorder, type Role } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';
import { type CaseSchema, caseDb } from './caseDb.js';

export interface OwnWordsRecordersTable {
  case_id: string;
  part: string;
  recorder_id: string;
  /** 1 when the person asked for it, 0 for a child under 12. */
  on_request: number;
  named_by: string;
  named_at: string;
}

export interface OwnWordsSchema extends CaseSchema {
  own_words_recorders: OwnWordsRecordersTable;
}

export function ownWordsDb(db: AppDb): Kysely<OwnWordsSchema> {
  return db as unknown as Kysely<OwnWordsSchema>;
}

export async function loadOwnWordsParts(db: AppDb, caseId: string, now: Date): Promise<OwnWordsPart[]> {
  const kdb = caseDb(db);
  const caseRow = await kdb.selectFrom('cases').select('young_person_name').where('id', '=', caseId).executeTakeFirst();
  if (!caseRow) return [];
  const people = await kdb
    .selectFrom('participants')
    .innerJoin('users', 'users.id', 'participants.user_id')
    .select([
      'participants.user_id as userId',
      'participants.role as role',
      'participants.access_until as accessUntil',
      'users.name as name',
    ])
    .where('participants.case_id', '=', caseId)
    .where('participants.role', 'in', ['jeugdige', 'ouder'])
    .orderBy('participants.added_at')
    .orderBy('participants.user_id')
    .execute();
  const current = people.filter((p) => !p.accessUntil || Date.parse(p.accessUntil) > now.getTime());
  const recorderRows = await ownWordsDb(db)
    .selectFrom('own_words_recorders')
    .innerJoin('users', 'users.id', 'own_words_recorders.recorder_id')
    .innerJoin('participants', (j) =>
      j
        .onRef('participants.user_id', '=', 'own_words_recorders.recorder_id')
        .onRef('participants.case_id', '=', 'own_words_recorders.case_id'),
    )
    .select([
      'own_words_recorders.part as part',
      'own_words_recorders.recorder_id as userId',
      'own_words_recorders.on_request as onRequest',
      'users.name as name',
      'participants.role as role',
    ])
    .where('own_words_recorders.case_id', '=', caseId)
    .execute();
  // A recorder who left the case no longer records (the join on participants drops them).
  const recorders: Record<string, PartRecorder> = Object.fromEntries(
    recorderRows.map((r) => [
      r.part,
      { userId: r.userId, name: r.name, role: r.role as Role, onRequest: r.onRequest === 1 },
    ]),
  );
  const young = current.find((p) => p.role === 'jeugdige');
  return ownWordsParts(
    { userId: young?.userId ?? null, name: caseRow.young_person_name },
    current.filter((p) => p.role === 'ouder').map((p) => ({ userId: p.userId, name: p.name })),
    recorders,
  );
}

/** What effectiveSections needs to decide the own-words parts for this participant (analysis only). */
export async function ownWordsContext(
  db: AppDb,
  participation: { caseId: string; userId: string },
  type: string,
  now: Date,
): Promise<{ userId: string; parts: OwnWordsPart[] } | undefined> {
  if (type !== 'analysis') return undefined;
  return { userId: participation.userId, parts: await loadOwnWordsParts(db, participation.caseId, now) };
}
