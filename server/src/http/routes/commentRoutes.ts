/** Comments on case documents: list, add (or reply), resolve. Every call is checked against the permission table and logged. */
import { atLeast, NewCommentSchema } from '@samenspraak/shared';
import { Router } from 'express';
import { addComment, findComment, listComments, resolveComment } from '../../comments/comments.js';
import type { AppServices } from '../../services.js';
import { actorOf } from '../authContext.js';
import { HttpError } from '../errors.js';
import { parseBody } from '../validate.js';
import { accessOr404, logDocumentEvent } from './documentAudit.js';

export function commentRoutes(services: AppServices): Router {
  const router = Router();
  router.get('/documents/:documentId/comments', async (req, res) => {
    const actor = actorOf(res);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const readable = Object.entries(access.sections)
      .filter(([, p]) => atLeast(p, 'read'))
      .map(([s]) => s);
    const comments = await listComments(services.db, access.documentId, readable);
    await logDocumentEvent(services, actor, access, 'read', 'success', `${access.documentId} comments`);
    res.json({ comments });
  });

  router.post('/documents/:documentId/comments', async (req, res) => {
    const actor = actorOf(res);
    const body = parseBody(NewCommentSchema, req.body);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const permission = access.sections[body.section];
    if (!permission) throw new HttpError(400, 'invalid_request', `unknown section "${body.section}"`);
    if (!atLeast(permission, 'comment')) {
      await logDocumentEvent(
        services,
        actor,
        access,
        'create',
        'denied',
        `${access.documentId} comment on ${body.section}`,
      );
      throw new HttpError(403, 'forbidden', `you may not comment on section "${body.section}"`);
    }
    if (body.parentId) {
      const parent = await findComment(services.db, access.documentId, body.parentId);
      if (!parent || parent.section !== body.section)
        throw new HttpError(400, 'invalid_request', 'parentId: no such comment here');
    }
    const comment = await addComment(services.db, {
      documentId: access.documentId,
      caseId: access.caseId,
      section: body.section,
      parentId: body.parentId ?? null,
      author: { id: actor.userId, name: actor.name, role: access.role },
      text: body.text,
      anchor: body.anchor ?? null,
      now: services.clock(),
    });
    await logDocumentEvent(
      services,
      actor,
      access,
      'create',
      'success',
      `${access.documentId} comment on ${body.section}`,
    );
    services.caseEvents.changed({ caseId: access.caseId, kind: 'comments', documentId: access.documentId });
    res.status(201).json({ comment });
  });

  router.post('/documents/:documentId/comments/:commentId/resolve', async (req, res) => {
    const actor = actorOf(res);
    const access = await accessOr404(services, actor, String(req.params.documentId));
    const comment = await findComment(services.db, access.documentId, String(req.params.commentId));
    if (!comment || !atLeast(access.sections[comment.section] ?? 'none', 'read'))
      throw new HttpError(404, 'not_found', 'comment not found');
    const mayResolve = comment.author.id === actor.userId || access.sections[comment.section] === 'edit';
    if (!mayResolve) {
      await logDocumentEvent(services, actor, access, 'update', 'denied', `${access.documentId} resolve comment`);
      throw new HttpError(403, 'forbidden', 'only the author or an editor of the section resolves a comment');
    }
    await resolveComment(services.db, comment.id, actor.userId, services.clock());
    await logDocumentEvent(services, actor, access, 'update', 'success', `${access.documentId} resolve comment`);
    services.caseEvents.changed({ caseId: access.caseId, kind: 'comments', documentId: access.documentId });
    res.json({ ok: true });
  });
  return router;
}
