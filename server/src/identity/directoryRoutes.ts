/**
 * Who can be asked: the directors with mandate (role `dbt-lid`) a RET process director may invite to a
 * breakthrough session. Names and organisations only; no case data, so no case access-log entry.
 */
import { DbtMembersResponseSchema, type DirectoryEntry } from '@samenspraak/shared';
import { Router } from 'express';
import { actorOf } from '../http/authContext.js';
import { HttpError } from '../http/errors.js';
import { reply } from '../http/reply.js';
import type { AppServices } from '../services.js';

export function directoryRoutes(services: AppServices): Router {
  const router = Router();

  router.get('/directory/dbt-members', async (_req, res) => {
    const actor = actorOf(res);
    if (actor.kind !== 'professional' || actor.role !== 'procesregisseur')
      throw new HttpError(403, 'forbidden', 'only a process director invites directors to a breakthrough session');
    const rows = await services.db
      .selectFrom('users')
      .leftJoin('organisations', 'organisations.id', 'users.organisation_id')
      .select(['users.id as userId', 'users.name as name', 'organisations.name as organisation'])
      .where('users.kind', '=', 'professional')
      .where('users.role', '=', 'dbt-lid')
      .where('users.disabled', '=', 0)
      .orderBy('users.name')
      .execute();
    const members: DirectoryEntry[] = rows.map((r) => ({
      userId: r.userId,
      name: r.name,
      organisation: r.organisation ?? null,
    }));
    reply(res, DbtMembersResponseSchema, { members });
  });

  return router;
}
