/**
 * Named versions of case documents: save, list, read, compare word by word, restore (as a new change),
 * and export as Markdown or PDF. Endorsement, sign-off and hypothesis votes ride along (endorsementRoutes).
 * Readers only ever see the sections they may read; every call is logged.
 */
import { type DocumentType, NewVersionSchema, parseDocumentId, RestoreVersionSchema } from '@samenspraak/shared';
import { Router } from 'express';
import type * as Y from 'yjs';
import type { DocumentAccessInfo } from '../../cases/documentAccess.js';
import { currentDoc, docFromState } from '../../documents/content.js';
import { findVersion, listVersions, type StoredVersion } from '../../documents/documentVersions.js';
import { readableSections, sectionsFor } from '../../documents/sections.js';
import type { AppServices } from '../../services.js';
import { RestoreRefused, restoreVersion } from '../../versions/restore.js';
import { createVersion, youngPersonName } from '../../versions/versionCommands.js';
import { diffDocs } from '../../versions/versionDiff.js';
import { exportModel, toMarkdown, toPdf } from '../../versions/versionExport.js';
import { actorOf } from '../authContext.js';
import { HttpError } from '../errors.js';
import { parseBody } from '../validate.js';
import { accessOr404, logDocumentEvent, personOf } from './documentAudit.js';
import { endorsementRoutes } from './endorsementRoutes.js';

const typeOf = (access: DocumentAccessInfo): DocumentType => parseDocumentId(access.documentId)?.type ?? 'analysis';

export function versionRoutes(services: AppServices): Router {
  const router = Router();
  const base = '/documents/:documentId/versions';
  const changed = (access: DocumentAccessInfo) =>
    services.caseEvents.changed({ caseId: access.caseId, kind: 'versions', documentId: access.documentId });

  async function versionOr404(access: DocumentAccessInfo, id: string): Promise<StoredVersion> {
    const version = await findVersion(services.db, access.documentId, id);
    if (!version) throw new HttpError(404, 'not_found', 'version not found');
    return version;
  }

  /** A version's document, or the current one for the id "current" (to compare with what is there now). */
  async function docOf(access: DocumentAccessInfo, id: string): Promise<Y.Doc> {
    if (id === 'current') return currentDoc(services, access.documentId);
    return docFromState((await versionOr404(access, id)).state);
  }

  router.post(base, async (req, res) => {
    const actor = actorOf(res);
    const body = parseBody(NewVersionSchema, req.body);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    if (!Object.values(access.sections).includes('edit')) {
      await logDocumentEvent(services, actor, access, 'create', 'denied', `${access.documentId} version`);
      throw new HttpError(403, 'forbidden', 'only someone who edits this document saves a version of it');
    }
    const version = await createVersion(services, {
      documentId: access.documentId,
      caseId: access.caseId,
      name: body.name,
      kind: 'manual',
      person: personOf(actor, access),
    });
    await logDocumentEvent(services, actor, access, 'create', 'success', `${access.documentId} version`);
    changed(access);
    res.status(201).json({ version });
  });

  router.get(base, async (req, res) => {
    const actor = actorOf(res);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const versions = await listVersions(services.db, access.documentId);
    await logDocumentEvent(services, actor, access, 'read', 'success', `${access.documentId} versions`);
    res.json({ versions });
  });

  router.get(`${base}/:versionId`, async (req, res) => {
    const actor = actorOf(res);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const {
      state,
      endorsements,
      documentId: _d,
      caseId: _c,
      ...version
    } = await versionOr404(access, String(req.params.versionId));
    const doc = docFromState(state);
    try {
      const sections = sectionsFor(doc, typeOf(access), readableSections(access.sections));
      await logDocumentEvent(services, actor, access, 'read', 'success', `${access.documentId} version`);
      res.json({ version, sections, endorsements });
    } finally {
      doc.destroy();
    }
  });

  router.get(`${base}/:from/diff/:to`, async (req, res) => {
    const actor = actorOf(res);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const from = await docOf(access, String(req.params.from));
    try {
      const to = await docOf(access, String(req.params.to));
      try {
        const sections = diffDocs(from, to, typeOf(access), readableSections(access.sections));
        await logDocumentEvent(services, actor, access, 'read', 'success', `${access.documentId} version diff`);
        res.json({ from: String(req.params.from), to: String(req.params.to), sections });
      } finally {
        to.destroy();
      }
    } finally {
      from.destroy();
    }
  });

  router.post(`${base}/:versionId/restore`, async (req, res) => {
    const actor = actorOf(res);
    const body = parseBody(RestoreVersionSchema, req.body);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const version = await versionOr404(access, String(req.params.versionId));
    const detail = `${access.documentId} restore version`;
    try {
      const result = await restoreVersion(services, {
        access,
        type: typeOf(access),
        version,
        sections: body.sections,
        person: personOf(actor, access),
      });
      await logDocumentEvent(services, actor, access, 'update', 'success', `${detail} (${result.changed})`);
      changed(access);
      res.json(result);
    } catch (err) {
      if (!(err instanceof RestoreRefused)) throw err;
      if (err.reason === 'unknown_section') throw new HttpError(400, 'invalid_request', err.message);
      await logDocumentEvent(services, actor, access, 'update', 'denied', detail);
      throw new HttpError(403, 'forbidden', err.message);
    }
  });

  router.get(`${base}/:versionId/export.:format`, async (req, res) => {
    const format = String(req.params.format);
    if (format !== 'md' && format !== 'pdf') throw new HttpError(404, 'not_found', 'unknown export format');
    const actor = actorOf(res);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const version = await versionOr404(access, String(req.params.versionId));
    const doc = docFromState(version.state);
    try {
      const model = exportModel({
        type: typeOf(access),
        youngPersonName: await youngPersonName(services, access.caseId),
        version,
        sections: sectionsFor(doc, typeOf(access), readableSections(access.sections)),
        endorsements: version.endorsements,
      });
      await logDocumentEvent(services, actor, access, 'export', 'success', `${access.documentId} ${format}`);
      const file = `${model.title} ${version.name}`.replace(/[^\w .-]+/g, '_');
      res.setHeader('content-disposition', `attachment; filename="${file}.${format}"`);
      if (format === 'md') res.type('text/markdown; charset=utf-8').send(toMarkdown(model));
      else res.type('application/pdf').send(await toPdf(model));
    } finally {
      doc.destroy();
    }
  });

  router.use(endorsementRoutes(services));
  return router;
}
