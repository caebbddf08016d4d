/**
 * GET /api/admin/mails: the mail outbox for the functioneel beheerder (role `beheerder` only): who a
 * mail went to, its kind, when, sent / failed / pending, tries and the last error; with the local-folder
 * transport also the mail's text (fixed words and a link: a mail never carries care data). Every read
 * and every refusal is in the access log, like any other read of personal data (addresses).
 */
import { MailsResponseSchema } from '@samenspraak/shared';
import { Router } from 'express';
import { httpGate } from '../cases/httpGate.js';
import { reply } from '../http/reply.js';
import { Forbidden } from '../kernel/errors.js';
import { outboxView } from '../mail/outboxView.js';
import type { AppServices } from '../services.js';

export function mailRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);

  router.get('/admin/mails', async (req, res) => {
    const audit = gate.audit(req, res);
    if (audit.actor.kind !== 'professional' || audit.actor.role !== 'beheerder') {
      await audit.log({ event: 'read', caseId: null, outcome: 'denied', what: 'mail outbox' });
      throw new Forbidden('the mail outbox is for the functioneel beheerder');
    }
    const view = await outboxView(services.db as never, services.config, services.publicUrl);
    await audit.log({ event: 'read', caseId: null, outcome: 'success', what: 'mail outbox' });
    reply(res, MailsResponseSchema, view);
  });

  return router;
}
