/** Comments on case documents: list, add (or reply), resolve. Every call enters the document gate and is logged. */
import {
  atLeast,
  CommentResponseSchema,
  CommentsResponseSchema,
  NewCommentSchema,
  OkResponseSchema,
} from '@samenspraak/shared';
import { Router } from 'express';
import { httpGate } from '../cases/httpGate.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import { commentAudience } from '../inbox/commentInbox.js';
import { addToInbox } from '../inbox/inbox.js';
import { Forbidden, Invalid, NotFound } from '../kernel/errors.js';
import type { AppServices } from '../services.js';
import { addComment, findComment, listComments, resolveComment } from './comments.js';

export function commentRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);
  const documentOf = (req: { params: Record<string, unknown> }) => String(req.params.documentId);

  router.get('/documents/:documentId/comments', async (req, res) => {
    const scope = await gate.enterDocument(req, res, documentOf(req), { event: 'read', what: 'comments' });
    const readable = Object.entries(scope.sections)
      .filter(([, p]) => atLeast(p, 'read'))
      .map(([s]) => s);
    const comments = await listComments(services.db, scope.documentId, readable);
    await scope.log('read', 'success', 'comments');
    reply(res, CommentsResponseSchema, { comments });
  });

  router.post('/documents/:documentId/comments', async (req, res) => {
    const body = parseBody(NewCommentSchema, req.body);
    const scope = await gate.enterDocument(req, res, documentOf(req), {
      event: 'create',
      what: `comment on ${body.section}`,
      check: ({ sections }) => {
        const permission = sections[body.section];
        if (!permission) throw new Invalid(`unknown section "${body.section}"`);
        return atLeast(permission, 'comment') ? null : `you may not comment on section "${body.section}"`;
      },
    });
    const parent = body.parentId ? await findComment(services.db, scope.documentId, body.parentId) : null;
    if (body.parentId && (!parent || parent.section !== body.section)) {
      throw new Invalid('parentId: no such comment here');
    }
    // Who hears of it (a reply to their comment, a mention): read before, added with the comment.
    const audience = await commentAudience(
      services.db,
      {
        section: body.section,
        text: body.text,
        documentId: scope.documentId,
        authorId: scope.person.id,
        authorRole: scope.person.role,
        parentAuthorId: parent?.author.id ?? null,
      },
      scope.now,
    );
    const comment = await services.db.transaction().execute(async (trx) => {
      const added = await addComment(trx, {
        documentId: scope.documentId,
        caseId: scope.caseId,
        section: body.section,
        parentId: body.parentId ?? null,
        author: scope.person,
        text: body.text,
        anchor: body.anchor ?? null,
        now: services.clock(),
      });
      await addToInbox(trx, audience.items(added.id), services.clock());
      return added;
    });
    await scope.log('create', 'success', `comment on ${body.section}`);
    services.caseEvents.changed({ caseId: scope.caseId, kind: 'comments', documentId: scope.documentId });
    reply(res, CommentResponseSchema, { comment }, 201);
  });

  router.post('/documents/:documentId/comments/:commentId/resolve', async (req, res) => {
    const scope = await gate.enterDocument(req, res, documentOf(req), { event: 'update', what: 'resolve comment' });
    const comment = await findComment(services.db, scope.documentId, String(req.params.commentId));
    if (!comment || !atLeast(scope.sections[comment.section] ?? 'none', 'read')) {
      throw new NotFound('comment not found');
    }
    const mayResolve = comment.author.id === scope.person.id || scope.sections[comment.section] === 'edit';
    if (!mayResolve) {
      await scope.log('update', 'denied', 'resolve comment');
      throw new Forbidden('only the author or an editor of the section resolves a comment');
    }
    await resolveComment(services.db, comment.id, scope.person.id, services.clock());
    await scope.log('update', 'success', 'resolve comment');
    services.caseEvents.changed({ caseId: scope.caseId, kind: 'comments', documentId: scope.documentId });
    reply(res, OkResponseSchema, { ok: true });
  });
  return router;
}
