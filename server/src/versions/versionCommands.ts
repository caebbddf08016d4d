/** Making versions: the current state of a document with the endorsements current at that moment. */
import type { VersionKind } from '@samenspraak/shared';
import * as Y from 'yjs';
import { caseDb } from '../cases/caseDb.js';
import { currentDoc } from '../documents/content.js';
import { saveVersion, type VersionSummary } from '../documents/documentVersions.js';
import { listEndorsements } from '../endorsements/endorsements.js';
import type { AppServices } from '../services.js';

export async function createVersion(
  services: AppServices,
  input: {
    documentId: string;
    caseId: string;
    name: string;
    kind: VersionKind;
    person: { id: string; name: string; role: string };
    restoredFrom?: string;
  },
): Promise<VersionSummary> {
  const doc = await currentDoc(services, input.documentId);
  try {
    return await saveVersion(services.db, {
      documentId: input.documentId,
      caseId: input.caseId,
      name: input.name,
      kind: input.kind,
      author: input.person,
      state: Y.encodeStateAsUpdate(doc),
      endorsements: await listEndorsements(services.db, input.documentId),
      restoredFrom: input.restoredFrom ?? null,
      now: services.clock(),
    });
  } finally {
    doc.destroy();
  }
}

/**
 * Only the case's responsible behavioural scientist signs off: a gedragswetenschapper on the case, and
 * the one named responsible when the case names one.
 */
export async function maySignOff(services: AppServices, caseId: string, userId: string, role: string) {
  if (role !== 'gedragswetenschapper') return false;
  const row = await caseDb(services.db)
    .selectFrom('cases')
    .select('responsible_scientist_id')
    .where('id', '=', caseId)
    .executeTakeFirst();
  return !!row && (row.responsible_scientist_id === null || row.responsible_scientist_id === userId);
}

export async function youngPersonName(services: AppServices, caseId: string): Promise<string> {
  const row = await caseDb(services.db)
    .selectFrom('cases')
    .select('young_person_name')
    .where('id', '=', caseId)
    .executeTakeFirst();
  return row?.young_person_name ?? '';
}
