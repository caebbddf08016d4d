/**
 * THE query for "the case's signed-off analysis", in one place so it can be repointed to the sign-off
 * feature's own `signedOffAnalysis(db, caseId)` when that lands. Today a sign-off is a named version of
 * the analysis document with kind 'signed-off' (versions/ + endorsements/endorsementRoutes.ts): the
 * latest such version is the analysis a decision or an escalation rests on.
 */
import crypto from 'node:crypto';
import { type AnalysisVersionView, documentId, SECTIONS } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import type { AppDb } from '../db/database.js';
import { docFromState } from '../documents/content.js';
import { type DocumentVersionsTable, findVersion } from '../documents/documentVersions.js';
import { documentSections, sectionText } from '../documents/sections.js';

export interface SignedOffAnalysis {
  versionId: string;
  name: string;
  signedOffAt: string;
  signedOffBy: string;
  /** A hash of the signed-off state: the same text gives the same hash. */
  hash: string;
}

type VersionsDb = Kysely<{ document_versions: DocumentVersionsTable }>;

/** The latest signed-off version of the case's analysis, or null when it was never signed off. */
export async function signedOffAnalysis(db: AppDb, caseId: string): Promise<SignedOffAnalysis | null> {
  const row = await (db as unknown as VersionsDb)
    .selectFrom('document_versions')
    .select(['id', 'name', 'created_at', 'author_name', 'state'])
    .where('document_id', '=', documentId(caseId, 'analysis'))
    .where('kind', '=', 'signed-off')
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!row) return null;
  return {
    versionId: row.id,
    name: row.name,
    signedOffAt: row.created_at,
    signedOffBy: row.author_name,
    hash: crypto.createHash('sha256').update(row.state).digest('hex').slice(0, 16),
  };
}

/** A signed-off version as readable text: its sections (template order) with their titles; empty ones left out. */
export async function readableAnalysisVersion(
  db: AppDb,
  caseId: string,
  versionId: string,
): Promise<AnalysisVersionView | null> {
  const version = await findVersion(db, documentId(caseId, 'analysis'), versionId);
  if (!version) return null;
  const doc = docFromState(version.state);
  try {
    const sections = documentSections(doc, 'analysis');
    return {
      versionId: version.id,
      name: version.name,
      signedOffAt: version.createdAt,
      signedOffBy: version.author.name,
      sections: SECTIONS.analysis
        .map((s) => ({ title: s.title.nl, text: sections[s.id] ? sectionText(sections[s.id] as never).trim() : '' }))
        .filter((s) => s.text !== ''),
    };
  } finally {
    doc.destroy();
  }
}
