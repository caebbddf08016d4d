/**
 * `GET /api/directory/professionals?role=&q=`: the picker of the registration form and the team panel.
 * Active professionals who can take part in cases, by name, role and organisation only (no login, mail,
 * phone or region). Searching people is logged (event 'search', no case) like the case list.
 */
import {
  PARTICIPANT_PROFESSIONAL_ROLES,
  ProfessionalsResponseSchema,
  type Role,
  RoleSchema,
} from '@samenspraak/shared';
import { type Request, type Response, Router } from 'express';
import { HttpError } from '../http/errors.js';
import { reply } from '../http/reply.js';
import type { AppServices } from '../services.js';
import { httpGate } from './httpGate.js';

const LIMIT = 20;

function queryText(req: Request, name: string): string {
  const value = req.query[name];
  return typeof value === 'string' ? value.trim().slice(0, 100) : '';
}

export function professionalDirectoryRoutes(services: AppServices): Router {
  const router = Router();
  const gate = httpGate(services);

  router.get('/directory/professionals', async (req: Request, res: Response) => {
    const audit = gate.audit(req, res);
    const { actor } = audit;
    const roleText = queryText(req, 'role');
    const q = queryText(req, 'q');
    if (actor.kind !== 'professional' || !actor.role || !PARTICIPANT_PROFESSIONAL_ROLES.includes(actor.role)) {
      await audit.log({ event: 'search', caseId: null, outcome: 'denied', what: 'professional directory' });
      throw new HttpError(403, 'forbidden', 'only professionals who work on cases search colleagues');
    }
    const role = roleText ? RoleSchema.safeParse(roleText).data : undefined;
    if (roleText && (!role || !PARTICIPANT_PROFESSIONAL_ROLES.includes(role)))
      throw new HttpError(400, 'invalid_request', 'role: not a role that takes part in cases');
    let query = services.db
      .selectFrom('users')
      .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id as userId', 'users.name as name', 'users.role as role', 'organisations.name as organisation'])
      .where('users.kind', '=', 'professional')
      .where('users.disabled', '=', 0)
      .where('users.role', 'in', role ? [role] : [...PARTICIPANT_PROFESSIONAL_ROLES])
      .orderBy('users.name')
      .limit(LIMIT);
    if (q) {
      const like = `%${q.toLowerCase().replace(/[%_\\]/g, '')}%`;
      query = query.where((eb) =>
        eb.or([
          eb(eb.fn('lower', ['users.name']), 'like', eb.val(like)),
          eb(eb.fn('lower', ['organisations.name']), 'like', eb.val(like)),
        ]),
      );
    }
    const rows = await query.execute();
    // The search words are not logged (they may be a name); which role and how many answers are.
    await audit.log({
      event: 'search',
      caseId: null,
      outcome: 'success',
      what: `professional directory role=${role ?? 'any'} answers=${rows.length}`,
    });
    reply(res, ProfessionalsResponseSchema, {
      professionals: rows.map((r) => ({
        userId: r.userId,
        name: r.name,
        role: r.role as Role,
        organisation: r.organisation ?? null,
      })),
    });
  });

  return router;
}
