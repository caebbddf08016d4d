/**
 * Comparing what was endorsed or signed off with the text as it is now, exactly (section hashes): a
 * changed section marks the endorsements covering it "gegeven op een eerdere versie" and asks each person
 * to look again (inbox, once per document and version they endorsed); a change after sign-off asks the
 * named owner to update the analysis. Run when endorsements are read, before a sign-off, when a version
 * is saved, and by the periodic watch (`runAnalysisWatch`), which also asks for an update at the 16th and
 * 18th birthday (Amsterdam midnight) and when a care provider joined the case after the sign-off.
 */
import { birthdayStartsAt, documentId, parseDocumentId } from '@samenspraak/shared';
import { currentDoc, readDocument } from '../documents/content.js';
import { addToInbox } from '../inbox/inbox.js';
import type { AppServices } from '../services.js';
import {
  analysisLink,
  providersAddedSince,
  requestAnalysisUpdate,
  signedOffAnalysis,
  signedOffCases,
} from './analysisState.js';
import { changedSections, contentHash, sectionHashes } from './contentHash.js';
import { currentPinned, documentsWithLiveEndorsements, markOutdated } from './endorsements.js';

/** Checks one document now; returns its current section hashes (all sections). */
export async function checkDocument(services: AppServices, docId: string, now: Date): Promise<Record<string, string>> {
  const parsed = parseDocumentId(docId);
  if (!parsed) return {};
  const current = await readDocument(currentDoc(services, docId), (doc) => sectionHashes(doc, parsed.type));
  const pinned = await currentPinned(services.db, docId);
  const stale = pinned.filter((p) => p.outdatedAt === null && changedSections(p.sectionHashes, current).length > 0);
  const signedOff = parsed.type === 'analysis' ? await signedOffAnalysis(services.db, parsed.caseId) : null;
  const changedAfterSignOff = signedOff !== null && signedOff.hash !== contentHash(current);
  if (stale.length === 0 && !changedAfterSignOff) return current;
  await services.db.transaction().execute(async (trx) => {
    await markOutdated(
      trx,
      stale.map((p) => p.id),
      now,
    );
    const link =
      parsed.type === 'analysis'
        ? analysisLink(parsed.caseId)
        : `/zaken/${encodeURIComponent(parsed.caseId)}/toekomstplan`;
    await addToInbox(
      trx,
      stale.map((p) => ({
        userId: p.userId,
        caseId: p.caseId,
        kind: 'endorsement-outdated' as const,
        key: `endorsement-outdated:${docId}:${p.versionHash ?? p.id}`,
        link,
        params: { documentId: docId, documentType: parsed.type },
      })),
      now,
    );
    if (signedOff && changedAfterSignOff)
      await requestAnalysisUpdate(trx, parsed.caseId, 'changed-after-sign-off', now, `changed:${signedOff.versionId}`);
  });
  if (stale.length > 0) services.caseEvents.changed({ caseId: parsed.caseId, kind: 'endorsements', documentId: docId });
  return current;
}

/** The periodic watch: stale endorsements everywhere, and the milestones of signed-off analyses. */
export async function runAnalysisWatch(services: AppServices, now: Date): Promise<void> {
  for (const docId of await documentsWithLiveEndorsements(services.db)) await checkDocument(services, docId, now);
  for (const c of await signedOffCases(services.db)) {
    const signedOff = await signedOffAnalysis(services.db, c.id);
    if (!signedOff) continue;
    await checkDocument(services, documentId(c.id, 'analysis'), now);
    const since = signedOff.signedOffAt;
    await services.db.transaction().execute(async (trx) => {
      for (const age of [16, 18] as const) {
        const at = birthdayStartsAt(c.date_of_birth, age).toISOString();
        if (at > since && at <= now.toISOString())
          await requestAnalysisUpdate(trx, c.id, age === 16 ? 'turned-16' : 'turned-18', now, `turned-${age}`);
      }
      for (const p of await providersAddedSince(trx, c.id, since))
        await requestAnalysisUpdate(trx, c.id, 'new-provider', now, `provider:${p.user_id}`);
    });
  }
}
