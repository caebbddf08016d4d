/**
 * Endorsement (gedragen) of a case document, the behavioural scientist's sign-off, and votes on the
 * explanatory hypotheses. Mounted by versionRoutes (a sign-off is a version).
 */
import {
  atLeast,
  EndorsementSchema,
  HYPOTHESES_SECTION,
  HypothesisVoteSchema,
  parseDocumentId,
  SECTIONS,
  SignOffSchema,
} from '@samenspraak/shared';
import { Router } from 'express';
import type { DocumentAccessInfo } from '../../cases/documentAccess.js';
import { listEndorsements, setEndorsement } from '../../endorsements/endorsements.js';
import { allTallies, hypothesisExists, recordVote } from '../../endorsements/hypothesisVotes.js';
import type { Actor } from '../../kernel/actor.js';
import type { AppServices } from '../../services.js';
import { createVersion, maySignOff } from '../../versions/versionCommands.js';
import { currentDoc } from '../../versions/versionContent.js';
import { actorOf } from '../authContext.js';
import { HttpError } from '../errors.js';
import { parseBody } from '../validate.js';
import { accessOr404, logDocumentEvent, personOf } from './documentAudit.js';

/** Endorsing is for those who take part in the document (comment or edit somewhere), not onlookers. */
const takesPart = (access: DocumentAccessInfo) => Object.values(access.sections).some((p) => atLeast(p, 'comment'));

export function endorsementRoutes(services: AppServices): Router {
  const router = Router();
  const changed = (access: DocumentAccessInfo, kind: 'endorsements' | 'versions') =>
    services.caseEvents.changed({ caseId: access.caseId, kind, documentId: access.documentId });

  router.put('/documents/:documentId/endorsement', async (req, res) => {
    const actor = actorOf(res);
    const body = parseBody(EndorsementSchema, req.body);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    if (!takesPart(access)) {
      await logDocumentEvent(services, actor, access, 'update', 'denied', `${access.documentId} endorsement`);
      throw new HttpError(403, 'forbidden', 'you only read this document; you cannot endorse it');
    }
    const endorsement = await setEndorsement(services.db, {
      documentId: access.documentId,
      caseId: access.caseId,
      person: personOf(actor, access),
      stance: body.stance,
      words: body.words ? body.words : null,
      now: services.clock(),
    });
    await logDocumentEvent(services, actor, access, 'update', 'success', `${access.documentId} endorsement`);
    changed(access, 'endorsements');
    res.json({ endorsement });
  });

  router.get('/documents/:documentId/endorsements', async (req, res) => {
    const actor = actorOf(res);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const [endorsements, history] = await Promise.all([
      listEndorsements(services.db, access.documentId),
      listEndorsements(services.db, access.documentId, true),
    ]);
    await logDocumentEvent(services, actor, access, 'read', 'success', `${access.documentId} endorsements`);
    res.json({ endorsements, history });
  });

  router.post('/documents/:documentId/sign-off', async (req, res) => {
    const actor = actorOf(res);
    const body = parseBody(SignOffSchema, req.body);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    if (!(await maySignOff(services, access.caseId, actor.userId, access.role))) {
      await logDocumentEvent(services, actor, access, 'create', 'denied', `${access.documentId} sign-off`);
      throw new HttpError(403, 'forbidden', "only the case's responsible behavioural scientist signs off");
    }
    const version = await createVersion(services, {
      documentId: access.documentId,
      caseId: access.caseId,
      name: body.name ?? `vastgesteld ${services.clock().toISOString().slice(0, 10)}`,
      kind: 'signed-off',
      person: personOf(actor, access),
    });
    await logDocumentEvent(services, actor, access, 'create', 'success', `${access.documentId} sign-off`);
    changed(access, 'versions');
    res.status(201).json({ version, endorsements: await listEndorsements(services.db, access.documentId) });
  });

  /**
   * The hypotheses of a document: 404 when it has none; reading them needs 'read' on the section, giving
   * one's view needs 'comment'. A refusal is logged (as a read or an update) before it is thrown.
   */
  const hypothesesGate = async (
    actor: Actor,
    access: DocumentAccessInfo,
    need: 'read' | 'comment',
    detail: string,
  ): Promise<void> => {
    const type = parseDocumentId(access.documentId)?.type;
    if (!type || !SECTIONS[type].some((s) => s.id === HYPOTHESES_SECTION))
      throw new HttpError(404, 'not_found', 'this document has no hypotheses');
    if (atLeast(access.sections[HYPOTHESES_SECTION] ?? 'none', need)) return;
    await logDocumentEvent(services, actor, access, need === 'read' ? 'read' : 'update', 'denied', detail);
    throw new HttpError(
      403,
      'forbidden',
      need === 'read' ? 'you may not read the hypotheses' : 'you may not give your view on the hypotheses',
    );
  };

  /** Everyone's agree / disagree on the hypotheses, for those who may read the hypotheses section. */
  router.get('/documents/:documentId/hypotheses/votes', async (req, res) => {
    const actor = actorOf(res);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const detail = `${access.documentId} hypothesis votes`;
    await hypothesesGate(actor, access, 'read', detail);
    const tallies = await allTallies(services.db, access.documentId);
    await logDocumentEvent(services, actor, access, 'read', 'success', detail);
    res.json({ tallies });
  });

  router.put('/documents/:documentId/hypotheses/:hypothesisId/vote', async (req, res) => {
    const actor = actorOf(res);
    const body = parseBody(HypothesisVoteSchema, req.body);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const hypothesisId = String(req.params.hypothesisId);
    const detail = `${access.documentId} hypothesis vote`;
    await hypothesesGate(actor, access, 'comment', detail);
    const doc = await currentDoc(services, access.documentId);
    let exists: boolean;
    try {
      exists = hypothesisExists(doc, hypothesisId);
    } finally {
      doc.destroy();
    }
    if (!exists) throw new HttpError(404, 'not_found', `no hypothesis "${hypothesisId}" in this document`);
    const tally = await recordVote(services.db, {
      documentId: access.documentId,
      caseId: access.caseId,
      hypothesisId,
      person: personOf(actor, access),
      agree: body.agree,
      now: services.clock(),
    });
    await logDocumentEvent(services, actor, access, 'update', 'success', detail);
    changed(access, 'endorsements');
    res.json({ tally });
  });

  return router;
}
