/**
 * The complete, machine-readable export of a case for the young person (right of access and data
 * portability): case data, participants, every document's sections, comments, endorsements (with
 * earlier stances) and named versions, destruction requests and the access log of the case. Network
 * addresses and hash-chain internals stay out. `casePdf.ts` renders the same data as a readable PDF.
 */

import {
  type CaseExport,
  type CommentExport,
  type DocumentType,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type OwnWordsPart,
} from '@samenspraak/shared';
import { caseDb } from '../cases/caseDb.js';
import { listCaseDocuments } from '../cases/caseDocuments.js';
import { listParticipants, presentCase } from '../cases/caseQueries.js';
import { listDestructionRequests } from '../cases/destruction.js';
import { loadOwnWordsParts } from '../cases/ownWordsParts.js';
import { openDocument, readDocument, storedDoc } from '../documents/content.js';
import { listVersions, type VersionSummary } from '../documents/documentVersions.js';
import { documentSections } from '../documents/sections.js';
import { listEndorsements } from '../endorsements/endorsements.js';
import { listMeetings } from '../meetings/meetingRecords.js';
import { buildMeetingView } from '../meetings/meetingView.js';
import { exportPlan } from '../plan/futurePlans.js';
import { listCorrections } from '../rights/corrections.js';
import { listStatements } from '../rights/statements.js';
import type { AppServices } from '../services.js';

/** The shape is the shared contract (shared/src/caseExportSchemas.ts); the PDF reads the same data. */
export type { CaseExport } from '@samenspraak/shared';

async function commentsByDocument(services: AppServices, caseId: string): Promise<Map<string, CommentExport[]>> {
  const rows = await caseDb(services.db)
    .selectFrom('comments')
    .selectAll()
    .where('case_id', '=', caseId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const byDoc = new Map<string, CommentExport[]>();
  for (const r of rows) {
    const list = byDoc.get(r.document_id) ?? [];
    list.push({
      id: r.id,
      section: r.section,
      parentId: r.parent_id,
      author: { name: r.author_name, role: r.author_role },
      text: r.text,
      createdAt: r.created_at,
      resolvedAt: r.resolved_at,
    });
    byDoc.set(r.document_id, list);
  }
  return byDoc;
}

/** The access log is kept at least 5 years; an export holds all of it for this case. */
const MAX_LOG_ENTRIES = 1_000_000;

/**
 * Which content the export shows: what is there now (the default), or for each document its latest
 * signed-off version (the text everyone agreed on), falling back to the current content.
 */
export type ExportContent = 'current' | 'signed-off';

async function exportedSections(
  services: AppServices,
  docId: string,
  type: DocumentType,
  versions: VersionSummary[],
  at: ExportContent,
  parts: OwnWordsPart[],
) {
  const signedOff = at === 'signed-off' ? versions.filter((v) => v.kind === 'signed-off').at(-1) : undefined;
  const version = signedOff ? await openDocument(services, docId, { versionId: signedOff.id }) : null;
  const sections = await readDocument(version ?? storedDoc(services, docId), (doc) =>
    documentSections(doc, type, parts),
  );
  return version && signedOff ? { sections, shownVersion: signedOff } : { sections };
}

export async function buildCaseExport(
  services: AppServices,
  caseId: string,
  at: ExportContent = 'current',
): Promise<CaseExport> {
  const now = services.clock();
  const row = await caseDb(services.db)
    .selectFrom('cases')
    .selectAll()
    .where('id', '=', caseId)
    .executeTakeFirstOrThrow();
  const documents: CaseExport['documents'] = [];
  const comments = await commentsByDocument(services, caseId);
  const parts = await loadOwnWordsParts(services.db, caseId, now);
  for (const ref of await listCaseDocuments(services.db, caseId)) {
    const versions = await listVersions(services.db, ref.docId);
    documents.push({
      ...ref,
      ...(await exportedSections(services, ref.docId, ref.type, versions, at, parts)),
      comments: comments.get(ref.docId) ?? [],
      endorsements: await listEndorsements(services.db, ref.docId, true),
      versions,
    });
  }
  const log = await services.accessLog.forCase(caseId, MAX_LOG_ENTRIES);
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    case: presentCase(row, now),
    participants: await listParticipants(services, caseId),
    documents,
    meetings: await Promise.all(
      (await listMeetings(services.db, caseId)).map((m) => buildMeetingView(services, m, new Set())),
    ),
    destructionRequests: await listDestructionRequests(services, caseId),
    statements: await listStatements(services, caseId),
    corrections: await listCorrections(services, caseId),
    futurePlan: await exportPlan(services, caseId, row.date_of_birth),
    accessLog: log.reverse().map((e) => ({
      seq: e.seq,
      at: e.at,
      event: e.event,
      name: e.user_name,
      role: e.user_role,
      responsible: e.responsible,
      outcome: e.outcome,
      what: e.detail,
    })),
  };
}
