/**
 * Which collaborative documents a case has. The document store cannot list documents, yet export and
 * destruction must find every one (meeting notes included), so the cases code keeps a register: the
 * analysis and future plan are registered when the case is created, and whoever opens or creates
 * another document of a case (meeting notes) calls `registerCaseDocument` first.
 */
import { DOCUMENT_TYPES, type DocumentType, documentId, parseDocumentId } from '@samenspraak/shared';
import type { AppDb } from '../db/database.js';
import { caseDb } from './caseDb.js';

/** Documents every case has from the start. */
export const STANDARD_DOCUMENTS: readonly DocumentType[] = ['analysis', 'futurePlan'];

export interface CaseDocumentRef {
  docId: string;
  type: DocumentType;
  meetingId?: string;
}

/** Records a document of a case; idempotent. Throws on an id that is not a document of this case. */
export async function registerCaseDocument(db: AppDb, docId: string, now: Date): Promise<void> {
  const parsed = parseDocumentId(docId);
  if (!parsed) throw new Error(`not a case document id: ${docId}`);
  await caseDb(db)
    .insertInto('case_documents')
    .values({ doc_id: docId, case_id: parsed.caseId, type: parsed.type, created_at: now.toISOString() })
    .onConflict((oc) => oc.column('doc_id').doNothing())
    .execute();
}

/**
 * Whether a case document id names a document the case has: the standard ones always; any other
 * (meeting notes) only once registered — nobody can open notes of a meeting that does not exist, and
 * nothing is written that export and destruction would not find.
 */
export async function caseDocumentExists(db: AppDb, docId: string): Promise<boolean> {
  const parsed = parseDocumentId(docId);
  if (!parsed) return false;
  if (STANDARD_DOCUMENTS.includes(parsed.type)) return true;
  const row = await caseDb(db)
    .selectFrom('case_documents')
    .select('doc_id')
    .where('doc_id', '=', docId)
    .where('case_id', '=', parsed.caseId)
    .executeTakeFirst();
  return row !== undefined;
}

/** Every document of a case: the standard ones always, plus whatever was registered. */
export async function listCaseDocuments(db: AppDb, caseId: string): Promise<CaseDocumentRef[]> {
  const rows = await caseDb(db)
    .selectFrom('case_documents')
    .select('doc_id')
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('doc_id')
    .execute();
  const ids = new Set<string>(STANDARD_DOCUMENTS.map((type) => documentId(caseId, type)));
  for (const r of rows) ids.add(r.doc_id);
  const refs: CaseDocumentRef[] = [];
  for (const docId of ids) {
    const parsed = parseDocumentId(docId);
    if (!parsed || parsed.caseId !== caseId) continue;
    refs.push(
      parsed.meetingId ? { docId, type: parsed.type, meetingId: parsed.meetingId } : { docId, type: parsed.type },
    );
  }
  // Stable order for exports: by document type, then id.
  return refs.sort(
    (a, b) => DOCUMENT_TYPES.indexOf(a.type) - DOCUMENT_TYPES.indexOf(b.type) || a.docId.localeCompare(b.docId),
  );
}
