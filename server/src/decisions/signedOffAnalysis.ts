/**
 * The case's signed-off analysis as decisions and escalation need it: the sign-off feature's own record
 * (`endorsements/analysisState.ts` `signedOffAnalysis`: the latest 'signed-off' version and the content
 * hash the sign-off pinned, which the sign-off rule guarded) plus the version's name and signer, and the
 * version as readable text for an escalation step.
 */
import { type AnalysisVersionView, documentId } from '@samenspraak/shared';
import type { Kysely } from 'kysely';
import { loadOwnWordsParts } from '../cases/ownWordsParts.js';
import type { AppDb } from '../db/database.js';
import { docFromState } from '../documents/content.js';
import { type DocumentVersionsTable, findVersion } from '../documents/documentVersions.js';
import { documentSections, sectionText } from '../documents/sections.js';
import { signedOffAnalysis as signOffRecord } from '../endorsements/analysisState.js';

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
  const signed = await signOffRecord(db, caseId);
  if (!signed) return null;
  const row = await (db as unknown as VersionsDb)
    .selectFrom('document_versions')
    .select(['name', 'author_name'])
    .where('id', '=', signed.versionId)
    .executeTakeFirstOrThrow();
  return {
    versionId: signed.versionId,
    name: row.name,
    signedOffAt: signed.signedOffAt,
    signedOffBy: row.author_name,
    hash: signed.hash,
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
  const parts = await loadOwnWordsParts(db, caseId, new Date());
  const doc = docFromState(version.state);
  try {
    const sections = documentSections(doc, 'analysis', parts);
    return {
      versionId: version.id,
      name: version.name,
      signedOffAt: version.createdAt,
      signedOffBy: version.author.name,
      // Every part in template order, each parent's own part included (named after them).
      sections: Object.values(sections)
        .map((s) => ({ title: s.title, text: sectionText(s as never).trim() }))
        .filter((s) => s.text !== ''),
    };
  } finally {
    doc.destroy();
  }
}
