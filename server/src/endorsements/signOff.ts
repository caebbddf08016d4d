/**
 * Endorsing and signing off against the text as it is now: the hash the client was shown must be the
 * hash of the current text as that person can read it (else 409 `text_changed`, nothing written); the
 * sign-off rule (`signOffRules.ts`) is checked on the server whatever the client sends; a sign-off pins
 * the content hash, lists the dissent, stops the 6-week clock and answers open update requests, in one
 * transaction.
 */
import {
  type AnalysisClockView,
  type EndorsementStance,
  type EndorsementView,
  type Permission,
  parseDocumentId,
  SECTIONS,
  type SignOffResponse,
  type SignOffStatus,
} from '@samenspraak/shared';
import * as Y from 'yjs';
import { currentDoc, readDocument } from '../documents/content.js';
import { saveVersion } from '../documents/documentVersions.js';
import { documentSections, readableSections, sectionText } from '../documents/sections.js';
import { analysisDueAt } from '../domain/clocks.js';
import { Conflict } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { analysisCaseRow, openUpdateRequests, recordSignOff, signedOffAnalysis } from './analysisState.js';
import { contentHash, pick, sectionHashes } from './contentHash.js';
import { listEndorsements, setEndorsement } from './endorsements.js';
import { checkDocument } from './outdated.js';
import { currentSignOffFacts } from './signOffFacts.js';
import { dissentOf, signOffVerdict } from './signOffRules.js';

export interface Reader {
  documentId: string;
  caseId: string;
  sections: Record<string, Permission>;
  person: { id: string; name: string; role: string };
}

/** The current text's hashes, checked against the endorsements; the reader's hash over what they can read. */
async function currentText(services: AppServices, reader: Reader, now: Date) {
  const all = await checkDocument(services, reader.documentId, now);
  const readable = pick(all, readableSections(reader.sections));
  return { all, readable, readerHash: contentHash(readable) };
}

function assertSameText(given: string, readerHash: string): void {
  if (given !== readerHash)
    throw new Conflict('the text changed after it was shown: read it again (hash differs)', 'text_changed');
}

export async function endorse(
  services: AppServices,
  reader: Reader,
  body: { stance: EndorsementStance; words?: string; versionHash: string },
): Promise<EndorsementView> {
  const now = services.clock();
  const { readable, readerHash } = await currentText(services, reader, now);
  assertSameText(body.versionHash, readerHash);
  return setEndorsement(services.db, {
    documentId: reader.documentId,
    caseId: reader.caseId,
    person: reader.person,
    stance: body.stance,
    words: body.words ? body.words : null,
    versionHash: readerHash,
    sectionHashes: readable,
    now,
  });
}

async function clockOf(services: AppServices, caseId: string): Promise<AnalysisClockView> {
  const row = await analysisCaseRow(services.db, caseId);
  const startedAt = row.analysis_requested_at ?? row.created_at;
  return {
    requestedAt: row.analysis_requested_at,
    startedAt,
    dueAt: analysisDueAt(new Date(startedAt)).toISOString(),
    stoppedAt: row.analysis_completed_at,
  };
}

/** What the sign-off rule says of the document now, and where the analysis stands. */
export async function signOffStatus(
  services: AppServices,
  reader: Reader,
): Promise<SignOffStatus & { all: Record<string, string>; endorsements: EndorsementView[] }> {
  const now = services.clock();
  const type = parseDocumentId(reader.documentId)?.type ?? 'analysis';
  const { all, readerHash } = await currentText(services, reader, now);
  const required = SECTIONS[type].filter((s) => s.required);
  const empty = await readDocument(currentDoc(services, reader.documentId), (doc) => {
    const sections = documentSections(doc, type);
    return new Set(
      required
        .filter((s) => {
          const x = sections[s.id];
          return !x || sectionText(x).trim() === '';
        })
        .map((s) => s.id),
    );
  });
  const endorsements = await listEndorsements(services.db, reader.documentId);
  const facts = await currentSignOffFacts(services.db, reader.documentId);
  const verdict = signOffVerdict({
    requiredSections: required.map((s) => ({ id: s.id, empty: empty.has(s.id) })),
    endorsements: endorsements.map((e) => ({ role: e.person.role, stance: e.stance, outdated: !!e.outdatedAt })),
    noEndorsementReason: (() => {
      const f = facts.find((x) => x.kind === 'no-endorsement-reason');
      return f ? { childViewRecorded: f.childViewRecorded } : null;
    })(),
    educationConsulted: facts.some((f) => f.kind === 'education-consulted'),
  });
  // Only the analysis carries the family and education rules (002 h1); other documents need their required sections.
  const missing = type === 'analysis' ? verdict.missing : verdict.missing.filter((m) => m === 'signoff_required_empty');
  const isAnalysis = type === 'analysis';
  return {
    currentHash: readerHash,
    missing,
    emptySections: verdict.emptySections,
    facts,
    signedOff: isAnalysis ? await signedOffAnalysis(services.db, reader.caseId) : null,
    updateRequests: isAnalysis ? await openUpdateRequests(services.db, reader.caseId) : [],
    clock: isAnalysis ? await clockOf(services, reader.caseId) : null,
    all,
    endorsements,
  };
}

export async function signOff(
  services: AppServices,
  reader: Reader,
  body: { name?: string; versionHash: string },
): Promise<SignOffResponse> {
  const now = services.clock();
  const type = parseDocumentId(reader.documentId)?.type ?? 'analysis';
  const status = await signOffStatus(services, reader);
  assertSameText(body.versionHash, status.currentHash);
  const [first] = status.missing;
  if (first) throw new Conflict(`sign-off refused: ${status.missing.join(', ')}`, first);
  // The state saved is the state hashed: one read, so an edit arriving now cannot slip in between.
  const { state, all } = await readDocument(currentDoc(services, reader.documentId), (doc) => ({
    state: Y.encodeStateAsUpdate(doc),
    all: sectionHashes(doc, type),
  }));
  assertSameText(body.versionHash, contentHash(pick(all, readableSections(reader.sections))));
  const hash = contentHash(all);
  const version = await services.db.transaction().execute(async (trx) => {
    const v = await saveVersion(trx, {
      documentId: reader.documentId,
      caseId: reader.caseId,
      name: body.name ?? `vastgesteld ${now.toISOString().slice(0, 10)}`,
      kind: 'signed-off',
      author: reader.person,
      state,
      endorsements: status.endorsements,
      contentHash: hash,
      now,
    });
    if (type === 'analysis') await recordSignOff(trx, reader.caseId, now);
    return v;
  });
  return { version, endorsements: status.endorsements, dissent: dissentOf(status.endorsements), hash };
}
