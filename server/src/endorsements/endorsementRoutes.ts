/**
 * Endorsement (gedragen) of a case document, the behavioural scientist's sign-off, and votes on the
 * explanatory hypotheses. Mounted by versionRoutes (a sign-off is a version).
 */
import {
  atLeast,
  EndorsementResponseSchema,
  EndorsementSchema,
  EndorsementsResponseSchema,
  HYPOTHESES_SECTION,
  HypothesisVoteSchema,
  parseDocumentId,
  SECTIONS,
  VoteTalliesResponseSchema,
  VoteTallyResponseSchema,
} from '@samenspraak/shared';
import { Router } from 'express';
import type { DocumentAccessInfo } from '../cases/documentAccess.js';
import type { DocumentRule } from '../cases/documentGate.js';
import { httpGate } from '../cases/httpGate.js';
import { currentDoc } from '../documents/content.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import { NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { type EndorsementView, listEndorsements } from './endorsements.js';
import { allTallies, hypothesisExists, recordVote } from './hypothesisVotes.js';
import { checkDocument } from './outdated.js';
import { endorse } from './signOff.js';
import { signOffRoutes } from './signOffRoutes.js';

/** Endorsing is for those who take part in the document (comment or edit somewhere), not onlookers. */
const takesPart = (access: DocumentAccessInfo) => Object.values(access.sections).some((p) => atLeast(p, 'comment'));

export function endorsementRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  const changed = (access: DocumentAccessInfo, kind: 'endorsements' | 'versions') =>
    services.caseEvents.changed({ caseId: access.caseId, kind, documentId: access.documentId });

  router.put('/documents/:documentId/endorsement', async (req, res) => {
    const body = parseBody(EndorsementSchema, req.body);
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'update',
      what: 'endorsement',
      check: (scope) => (takesPart(scope) ? null : 'you only read this document; you cannot endorse it'),
    });
    let endorsement: EndorsementView;
    try {
      endorsement = await endorse(services, access, body);
    } catch (err) {
      await access.log('update', 'failure', 'endorsement: text changed');
      throw err;
    }
    await access.log('update', 'success', 'endorsement');
    changed(access, 'endorsements');
    reply(res, EndorsementResponseSchema, { endorsement });
  });

  router.get('/documents/:documentId/endorsements', async (req, res) => {
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'read',
      what: 'endorsements',
    });
    // Compared with the text now first: an endorsement of changed text shows as given on an earlier version.
    await checkDocument(services, access.documentId, services.clock());
    const [endorsements, history] = await Promise.all([
      listEndorsements(services.db, access.documentId),
      listEndorsements(services.db, access.documentId, true),
    ]);
    await access.log('read', 'success', 'endorsements');
    reply(res, EndorsementsResponseSchema, { endorsements, history });
  });

  router.use(signOffRoutes(services));

  /**
   * The gate rule of the hypotheses: 404 when the document has none; reading them needs 'read' on the
   * section, giving one's view needs 'comment'. A refusal is logged (as a read or an update).
   */
  const hypothesesRule = (need: 'read' | 'comment', what: string): DocumentRule => ({
    event: need === 'read' ? 'read' : 'update',
    what,
    check: ({ documentId, sections }) => {
      const type = parseDocumentId(documentId)?.type;
      if (!type || !SECTIONS[type].some((s) => s.id === HYPOTHESES_SECTION))
        throw new NotFound('this document has no hypotheses');
      if (atLeast(sections[HYPOTHESES_SECTION] ?? 'none', need)) return null;
      return need === 'read' ? 'you may not read the hypotheses' : 'you may not give your view on the hypotheses';
    },
  });

  /** Everyone's agree / disagree on the hypotheses, for those who may read the hypotheses section. */
  router.get('/documents/:documentId/hypotheses/votes', async (req, res) => {
    const documentId = String(req.params.documentId);
    const access = await gate.enterDocument(req, res, documentId, hypothesesRule('read', 'hypothesis votes'));
    const tallies = await allTallies(services.db, access.documentId);
    await access.log('read', 'success', 'hypothesis votes');
    reply(res, VoteTalliesResponseSchema, { tallies });
  });

  router.put('/documents/:documentId/hypotheses/:hypothesisId/vote', async (req, res) => {
    const body = parseBody(HypothesisVoteSchema, req.body);
    const documentId = String(req.params.documentId);
    const access = await gate.enterDocument(req, res, documentId, hypothesesRule('comment', 'hypothesis vote'));
    const hypothesisId = String(req.params.hypothesisId);
    const doc = await currentDoc(services, access.documentId);
    let exists: boolean;
    try {
      exists = hypothesisExists(doc, hypothesisId);
    } finally {
      doc.destroy();
    }
    if (!exists) throw new NotFound(`no hypothesis "${hypothesisId}" in this document`);
    const tally = await recordVote(services.db, {
      documentId: access.documentId,
      caseId: access.caseId,
      hypothesisId,
      person: access.person,
      agree: body.agree,
      now: services.clock(),
    });
    await access.log('update', 'success', 'hypothesis vote');
    changed(access, 'endorsements');
    reply(res, VoteTallyResponseSchema, { tally });
  });

  return router;
}
