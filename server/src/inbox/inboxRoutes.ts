/**
 * The person's inbox and mail preference (thin routes; every one is about the actor only):
 *   GET  /inbox                 items newest first + unread count (hidden: cases no longer visible)
 *   POST /inbox/:id/read        marks one item read
 *   POST /inbox/read-all        marks every item read
 *   GET  /me/mail-preference    immediate | daily | off (and whether chosen, whether an address is known)
 *   PUT  /me/mail-preference    the person's choice
 */
import {
  InboxReadResponseSchema,
  InboxResponseSchema,
  MailPreferenceBodySchema,
  type MailPreferenceResponse,
  MailPreferenceResponseSchema,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import { httpGate } from '../cases/httpGate.js';
import { actorOf } from '../http/authContext.js';
import { reply } from '../http/reply.js';
import { parseBody } from '../http/validate.js';
import type { AppServices } from '../services.js';
import { inboxDb } from './inboxDb.js';
import { pushRead } from './inboxPush.js';
import { listInbox, markAllRead, markRead, unreadCount } from './inboxQueries.js';
import { effectiveMailPreference } from './mailPreference.js';

export function inboxRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);

  router.get('/inbox', async (req, res) => {
    const audit = gate.audit(req, res);
    reply(res, InboxResponseSchema, await listInbox(services.db, audit, services.clock()));
  });

  const afterRead = async (res: Response, userId: string) => {
    pushRead(services.db, userId);
    reply(res, InboxReadResponseSchema, { unread: await unreadCount(services.db, userId, services.clock()) });
  };

  router.post('/inbox/read-all', async (_req, res) => {
    const actor = actorOf(res);
    await markAllRead(services.db, actor.userId, services.clock());
    await afterRead(res, actor.userId);
  });

  router.post('/inbox/:id/read', async (req: Request, res) => {
    const actor = actorOf(res);
    await markRead(services.db, actor.userId, String(req.params.id), services.clock());
    await afterRead(res, actor.userId);
  });

  const preferenceOf = async (userId: string): Promise<MailPreferenceResponse> => {
    const user = await inboxDb(services.db)
      .selectFrom('users')
      .select(['kind', 'email', 'mail_preference'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    return {
      preference: effectiveMailPreference(user.kind, user.mail_preference),
      chosen: effectiveMailPreference(user.kind, user.mail_preference) === user.mail_preference,
      hasEmail: Boolean(user.email?.trim()),
    };
  };

  router.get('/me/mail-preference', async (_req, res) => {
    reply(res, MailPreferenceResponseSchema, await preferenceOf(actorOf(res).userId));
  });

  router.put('/me/mail-preference', async (req, res) => {
    const actor = actorOf(res);
    const body = parseBody(MailPreferenceBodySchema, req.body);
    await inboxDb(services.db)
      .updateTable('users')
      .set({ mail_preference: body.preference })
      .where('id', '=', actor.userId)
      .execute();
    reply(res, MailPreferenceResponseSchema, await preferenceOf(actor.userId));
  });

  return router;
}
