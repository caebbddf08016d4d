/**
 * Endorsement (gedragen) of a case document, per participant: agrees, agrees with remarks, or disagrees,
 * in their own words. One current stance per person; an earlier stance is kept, marked superseded.
 */
import crypto from 'node:crypto';
import type { EndorsementStance, EndorsementView } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';
import type { AppSchema } from '../db/schema.js';
import { deleteCaseUpdateRequests } from './analysisState.js';
import { deleteCaseSignOffFacts } from './signOffFacts.js';

export interface EndorsementsTable {
  id: string;
  document_id: string;
  case_id: string;
  user_id: string;
  user_name: string;
  user_role: string;
  stance: string;
  words: string | null;
  seq: number;
  created_at: string;
  superseded_at: string | null;
  /** Migration 0018: the content hash of the text the person endorsed (null: given before pinning). */
  version_hash: string | null;
  /** JSON: section id → hash, of the sections the person could read then. */
  section_hashes: string | null;
  /** Set when a section they endorsed changed: given on an earlier version, no longer counts. */
  outdated_at: string | null;
}

type EndorsementDb = Kysely<AppSchema & { endorsements: EndorsementsTable }>;
const asEndorsementDb = (db: AppDb) => db as unknown as EndorsementDb;

export type { EndorsementView };

function present(row: Omit<EndorsementsTable, 'seq'>): EndorsementView {
  return {
    id: row.id,
    person: { id: row.user_id, name: row.user_name, role: row.user_role },
    stance: row.stance as EndorsementStance,
    words: row.words,
    createdAt: row.created_at,
    supersededAt: row.superseded_at,
    versionHash: row.version_hash,
    // Not pinned to any text (given before 0018): as good as given on an earlier version.
    outdatedAt: row.outdated_at ?? (row.version_hash === null ? row.created_at : null),
  };
}

/** The current endorsements with the section hashes they cover (for the outdated check). */
export interface PinnedEndorsement {
  id: string;
  caseId: string;
  userId: string;
  versionHash: string | null;
  sectionHashes: Record<string, string> | null;
  outdatedAt: string | null;
}

export async function currentPinned(db: AppDb, documentId: string): Promise<PinnedEndorsement[]> {
  const rows = await asEndorsementDb(db)
    .selectFrom('endorsements')
    .select(['id', 'case_id', 'user_id', 'version_hash', 'section_hashes', 'outdated_at'])
    .where('document_id', '=', documentId)
    .where('superseded_at', 'is', null)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    caseId: r.case_id,
    userId: r.user_id,
    versionHash: r.version_hash,
    sectionHashes: r.section_hashes ? (JSON.parse(r.section_hashes) as Record<string, string>) : null,
    outdatedAt: r.outdated_at,
  }));
}

/** Marks current endorsements as given on an earlier version (only those not marked yet). */
export async function markOutdated(trx: AppDb, ids: readonly string[], now: Date): Promise<void> {
  if (ids.length === 0) return;
  await asEndorsementDb(trx)
    .updateTable('endorsements')
    .set({ outdated_at: now.toISOString() })
    .where('id', 'in', [...ids])
    .where('outdated_at', 'is', null)
    .execute();
}

export async function setEndorsement(
  db: AppDb,
  input: {
    documentId: string;
    caseId: string;
    person: { id: string; name: string; role: string };
    stance: EndorsementStance;
    words: string | null;
    /** The text the person read: its content hash and per-section hashes (checked by the caller). */
    versionHash: string;
    sectionHashes: Record<string, string>;
    now: Date;
  },
): Promise<EndorsementView> {
  const at = input.now.toISOString();
  const row: Omit<EndorsementsTable, 'seq'> = {
    id: crypto.randomUUID(),
    document_id: input.documentId,
    case_id: input.caseId,
    user_id: input.person.id,
    user_name: input.person.name,
    user_role: input.person.role,
    stance: input.stance,
    words: input.words,
    created_at: at,
    superseded_at: null,
    version_hash: input.versionHash,
    section_hashes: JSON.stringify(input.sectionHashes),
    outdated_at: null,
  };
  // Supersede and insert together, so there is never zero or two current stances for a person.
  await asEndorsementDb(db)
    .transaction()
    .execute(async (trx) => {
      const last = await trx
        .selectFrom('endorsements')
        .select((eb) => eb.fn.max('seq').as('seq'))
        .where('document_id', '=', input.documentId)
        .where('user_id', '=', input.person.id)
        .executeTakeFirst();
      await trx
        .updateTable('endorsements')
        .set({ superseded_at: at })
        .where('document_id', '=', input.documentId)
        .where('user_id', '=', input.person.id)
        .where('superseded_at', 'is', null)
        .execute();
      await trx
        .insertInto('endorsements')
        .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
        .execute();
    });
  return present(row);
}

/** Current stances (history: every stance ever given, oldest first). */
export async function listEndorsements(db: AppDb, documentId: string, history = false): Promise<EndorsementView[]> {
  let q = asEndorsementDb(db).selectFrom('endorsements').selectAll().where('document_id', '=', documentId);
  if (!history) q = q.where('superseded_at', 'is', null);
  const rows = await q.orderBy('created_at').orderBy('seq').orderBy('id').execute();
  return rows.map(present);
}

/** Destroying a case: its endorsements, the sign-off facts (their words are case content) and update requests. */
export async function deleteCaseEndorsements(db: AppDb, caseId: string): Promise<void> {
  await asEndorsementDb(db).deleteFrom('endorsements').where('case_id', '=', caseId).execute();
  await deleteCaseSignOffFacts(db, caseId);
  await deleteCaseUpdateRequests(db, caseId);
}

/** Documents with endorsements that still count (what the periodic watch compares). */
export async function documentsWithLiveEndorsements(db: AppDb): Promise<string[]> {
  const rows = await asEndorsementDb(db)
    .selectFrom('endorsements')
    .select('document_id')
    .where('superseded_at', 'is', null)
    .where('outdated_at', 'is', null)
    .distinct()
    .execute();
  return rows.map((r) => r.document_id);
}
