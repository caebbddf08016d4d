/** Named versions of a case document: the whole Yjs state at a moment, with who made it and why. */
import crypto from 'node:crypto';
import type { VersionKind, VersionSummary } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';
import type { AppSchema } from '../db/schema.js';
import type { EndorsementView } from '../endorsements/endorsements.js';

export interface DocumentVersionsTable {
  id: string;
  document_id: string;
  case_id: string;
  name: string;
  kind: string;
  author_id: string;
  author_name: string;
  author_role: string;
  state: string;
  endorsements: string;
  restored_from: string | null;
  seq: number;
  created_at: string;
  /** Migration 0018: the content hash a sign-off pinned (null for other versions and older ones). */
  content_hash?: string | null;
}

type VersionDb = Kysely<AppSchema & { document_versions: DocumentVersionsTable }>;
const asVersionDb = (db: AppDb) => db as unknown as VersionDb;

export type { VersionSummary };

export interface StoredVersion extends VersionSummary {
  documentId: string;
  caseId: string;
  state: Uint8Array;
  endorsements: EndorsementView[];
}

function summary(row: Omit<DocumentVersionsTable, 'state' | 'endorsements' | 'seq' | 'content_hash'>): VersionSummary {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as VersionKind,
    author: { id: row.author_id, name: row.author_name, role: row.author_role },
    createdAt: row.created_at,
    restoredFrom: row.restored_from,
  };
}

export async function saveVersion(
  db: AppDb,
  input: {
    documentId: string;
    caseId: string;
    name: string;
    kind: VersionKind;
    author: { id: string; name: string; role: string };
    state: Uint8Array;
    endorsements: EndorsementView[];
    restoredFrom?: string | null;
    /** The content hash a sign-off pins. */
    contentHash?: string | null;
    now: Date;
  },
): Promise<VersionSummary> {
  const row: Omit<DocumentVersionsTable, 'seq'> = {
    id: crypto.randomUUID(),
    document_id: input.documentId,
    case_id: input.caseId,
    name: input.name,
    kind: input.kind,
    author_id: input.author.id,
    author_name: input.author.name,
    author_role: input.author.role,
    state: Buffer.from(input.state).toString('base64'),
    endorsements: JSON.stringify(input.endorsements),
    restored_from: input.restoredFrom ?? null,
    created_at: input.now.toISOString(),
    content_hash: input.contentHash ?? null,
  };
  // Numbered per document, because several versions can share one timestamp (a sign-off right after a save).
  const insert = async (trx: VersionDb) => {
    const last = await trx
      .selectFrom('document_versions')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .where('document_id', '=', input.documentId)
      .executeTakeFirst();
    await trx
      .insertInto('document_versions')
      .values({ ...row, seq: Number(last?.seq ?? 0) + 1 })
      .execute();
  };
  // Inside a caller's transaction (a sign-off writes its facts with it) or in one of its own.
  const vdb = asVersionDb(db);
  if (vdb.isTransaction) await insert(vdb);
  else await vdb.transaction().execute(insert);
  return summary(row);
}

export async function listVersions(db: AppDb, documentId: string): Promise<VersionSummary[]> {
  const rows = await asVersionDb(db)
    .selectFrom('document_versions')
    .select([
      'id',
      'document_id',
      'case_id',
      'name',
      'kind',
      'author_id',
      'author_name',
      'author_role',
      'restored_from',
      'created_at',
    ])
    .where('document_id', '=', documentId)
    .orderBy('seq')
    .execute();
  return rows.map(summary);
}

export async function findVersion(db: AppDb, documentId: string, id: string): Promise<StoredVersion | null> {
  const row = await asVersionDb(db)
    .selectFrom('document_versions')
    .selectAll()
    .where('document_id', '=', documentId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) return null;
  return {
    ...summary(row),
    documentId: row.document_id,
    caseId: row.case_id,
    state: new Uint8Array(Buffer.from(row.state, 'base64')),
    endorsements: JSON.parse(row.endorsements) as EndorsementView[],
  };
}

/** For destroying a case: its versions hold the documents' content. */
export async function deleteCaseVersions(db: AppDb, caseId: string): Promise<void> {
  await asVersionDb(db).deleteFrom('document_versions').where('case_id', '=', caseId).execute();
}
