/** What a person may do on one case document right now: participation × age/consent × the permission table. */
import { isValidDocumentId, type Permission, parseDocumentId, type Role } from '@samenspraak/shared';
import type { AppDb } from '../db/database.js';
import { caseAccess, effectiveSections } from '../domain/caseAccess.js';
import { caseDocumentExists } from './caseDocuments.js';
import { ownWordsContext } from './ownWordsParts.js';
import { loadParticipation } from './participation.js';

export interface DocumentAccessInfo {
  documentId: string;
  caseId: string;
  role: Role;
  sections: Record<string, Permission>;
}

/** Null when the document does not exist for this person (unknown, foreign, or no access at all). */
export async function documentAccessFor(
  db: AppDb,
  userId: string,
  documentId: string,
  now: Date,
): Promise<DocumentAccessInfo | null> {
  const parsed = isValidDocumentId(documentId) ? parseDocumentId(documentId) : null;
  if (!parsed) return null;
  if (!(await caseDocumentExists(db, documentId))) return null;
  const participation = await loadParticipation(db, parsed.caseId, userId);
  if (!participation || !caseAccess(participation.facts, participation.role, now).allowed) return null;
  const ownWords = await ownWordsContext(db, participation, parsed.type, now);
  const sections = effectiveSections(participation.facts, parsed.type, participation.role, now, ownWords);
  if (Object.values(sections).every((p) => p === 'none')) return null;
  return { documentId, caseId: parsed.caseId, role: participation.role, sections };
}
