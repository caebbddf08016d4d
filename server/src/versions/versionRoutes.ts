/**
 * Named versions of case documents: save, list, read, compare word by word, restore (as a new change),
 * and export as Markdown or PDF. Endorsement, sign-off and hypothesis votes ride along (endorsementRoutes).
 * Readers only ever see the sections they may read; every call is logged.
 */
import {
  type DocumentType,
  NewVersionSchema,
  parseDocumentId,
  RestoreResponseSchema,
  RestoreVersionSchema,
  VersionDetailSchema,
  VersionDiffSchema,
  VersionResponseSchema,
  VersionsResponseSchema,
} from '@samenspraak/shared';
import { Router } from 'express';
import type * as Y from 'yjs';
import type { DocumentAccessInfo } from '../cases/documentAccess.js';
import { httpGate } from '../cases/httpGate.js';
import { loadOwnWordsParts } from '../cases/ownWordsParts.js';
import { currentDoc, docFromState } from '../documents/content.js';
import { findVersion, listVersions, type StoredVersion } from '../documents/documentVersions.js';
import { readableSections, sectionsFor } from '../documents/sections.js';
import { endorsementRoutes } from '../endorsements/endorsementRoutes.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import { Forbidden, Invalid, NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { RestoreRefused, restoreVersion } from './restore.js';
import { createVersion, youngPersonName } from './versionCommands.js';
import { diffDocs } from './versionDiff.js';
import { exportModel, toMarkdown, toPdf } from './versionExport.js';

const typeOf = (access: DocumentAccessInfo): DocumentType => parseDocumentId(access.documentId)?.type ?? 'analysis';

export function versionRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  // Each parent's part is named after the parent (and a recorded part after its recorder).
  const partsOf = (access: DocumentAccessInfo) =>
    typeOf(access) === 'analysis'
      ? loadOwnWordsParts(services.db, access.caseId, services.clock())
      : Promise.resolve([]);
  const base = '/documents/:documentId/versions';
  const changed = (access: DocumentAccessInfo) =>
    services.caseEvents.changed({ caseId: access.caseId, kind: 'versions', documentId: access.documentId });

  async function versionOr404(access: DocumentAccessInfo, id: string): Promise<StoredVersion> {
    const version = await findVersion(services.db, access.documentId, id);
    if (!version) throw new NotFound('version not found');
    return version;
  }

  /** A version's document, or the current one for the id "current" (to compare with what is there now). */
  async function docOf(access: DocumentAccessInfo, id: string): Promise<Y.Doc> {
    if (id === 'current') return currentDoc(services, access.documentId);
    return docFromState((await versionOr404(access, id)).state);
  }

  router.post(base, async (req, res) => {
    const body = parseBody(NewVersionSchema, req.body);
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'create',
      what: 'version',
      check: ({ sections }) =>
        Object.values(sections).includes('edit') ? null : 'only someone who edits this document saves a version of it',
    });
    const version = await createVersion(services, {
      documentId: access.documentId,
      caseId: access.caseId,
      name: body.name,
      kind: 'manual',
      person: access.person,
    });
    await access.log('create', 'success', 'version');
    changed(access);
    reply(res, VersionResponseSchema, { version }, 201);
  });

  router.get(base, async (req, res) => {
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'read',
      what: 'versions',
    });
    const versions = await listVersions(services.db, access.documentId);
    await access.log('read', 'success', 'versions');
    reply(res, VersionsResponseSchema, { versions });
  });

  router.get(`${base}/:versionId`, async (req, res) => {
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'read',
      what: 'version',
    });
    const {
      state,
      endorsements,
      documentId: _d,
      caseId: _c,
      ...version
    } = await versionOr404(access, String(req.params.versionId));
    const doc = docFromState(state);
    try {
      const sections = sectionsFor(doc, typeOf(access), readableSections(access.sections), await partsOf(access));
      await access.log('read', 'success', 'version');
      reply(res, VersionDetailSchema, { version, sections, endorsements });
    } finally {
      doc.destroy();
    }
  });

  router.get(`${base}/:from/diff/:to`, async (req, res) => {
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'read',
      what: 'version diff',
    });
    const from = await docOf(access, String(req.params.from));
    try {
      const to = await docOf(access, String(req.params.to));
      try {
        const sections = diffDocs(from, to, typeOf(access), readableSections(access.sections), await partsOf(access));
        await access.log('read', 'success', 'version diff');
        reply(res, VersionDiffSchema, { from: String(req.params.from), to: String(req.params.to), sections });
      } finally {
        to.destroy();
      }
    } finally {
      from.destroy();
    }
  });

  router.post(`${base}/:versionId/restore`, async (req, res) => {
    const body = parseBody(RestoreVersionSchema, req.body);
    const access = await gate.enterDocument(req, res, String(req.params.documentId), {
      event: 'update',
      what: 'restore version',
    });
    const version = await versionOr404(access, String(req.params.versionId));
    try {
      const result = await restoreVersion(services, {
        access,
        type: typeOf(access),
        version,
        sections: body.sections,
        person: access.person,
      });
      await access.log('update', 'success', `restore version (${result.changed})`);
      changed(access);
      reply(res, RestoreResponseSchema, result);
    } catch (err) {
      if (!(err instanceof RestoreRefused)) throw err;
      if (err.reason === 'unknown_section') throw new Invalid(err.message);
      await access.log('update', 'denied', 'restore version');
      throw new Forbidden(err.message);
    }
  });

  router.get(`${base}/:versionId/export.:format`, async (req, res) => {
    const format = String(req.params.format);
    if (format !== 'md' && format !== 'pdf') throw new NotFound('unknown export format');
    const access = await gate.enterDocument(req, res, String(req.params.documentId), { event: 'export', what: format });
    const version = await versionOr404(access, String(req.params.versionId));
    const doc = docFromState(version.state);
    try {
      const model = exportModel({
        type: typeOf(access),
        youngPersonName: await youngPersonName(services, access.caseId),
        version,
        sections: sectionsFor(doc, typeOf(access), readableSections(access.sections), await partsOf(access)),
        endorsements: version.endorsements,
      });
      await access.log('export', 'success', format);
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
