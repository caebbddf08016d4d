/**
 * The one way HTTP code writes to the access log: every case route, allowed or denied, goes through
 * `requestAudit`, so the entries have the same shape everywhere (NEN 7513: who, role, on whose
 * responsibility, when, which dossier, from where, what, outcome — never content).
 */
import type { Request } from 'express';
import type { Actor } from '../kernel/actor.js';
import type { AppServices } from '../services.js';
import type { LogEntryInput, LogEvent } from './accessLog.js';

/** Clients act on their own behalf; a professional on their organisation's. */
export const OWN_ACCOUNT = 'eigen account';

/** The actor of work nobody started by hand (the destruction timer). */
export const SYSTEM_ACTOR: LogEntryInput['actor'] = {
  userId: null,
  name: 'Samenspraak (systeem)',
  role: 'systeem',
  responsible: null,
};

export interface AuditEntry {
  event: LogEvent;
  caseId: string | null;
  outcome: LogEntryInput['outcome'];
  /** The actor's role on this case, when known (else their organisation role, or 'client'). */
  caseRole?: string | null;
  /** Appended to the route: which document, section or participant — ids and labels only. */
  what?: string;
}

export interface RequestAudit {
  readonly actor: Actor;
  log(entry: AuditEntry): Promise<number>;
}

/** On whose responsibility the actor works: their organisation's name, or their own account. */
export async function responsibleFor(services: AppServices, actor: Actor): Promise<string> {
  if (actor.kind === 'client' || !actor.organisationId) return OWN_ACCOUNT;
  const org = await services.db
    .selectFrom('organisations')
    .select('name')
    .where('id', '=', actor.organisationId)
    .executeTakeFirst();
  return org?.name ?? actor.organisationId;
}

/** "GET /api/cases/:id/export": the route pattern, not the URL, so ids and query strings stay out. */
export function routeOf(req: Request): string {
  const pattern = typeof req.route?.path === 'string' ? req.route.path : req.path;
  return `${req.method} ${req.baseUrl}${pattern}`;
}

export function requestAudit(services: AppServices, req: Request, actor: Actor): RequestAudit {
  let responsible: Promise<string> | null = null;
  const route = routeOf(req);
  return {
    actor,
    async log(entry) {
      responsible ??= responsibleFor(services, actor);
      return services.accessLog.append({
        event: entry.event,
        caseId: entry.caseId,
        actor: {
          userId: actor.userId,
          name: actor.name,
          role: entry.caseRole ?? actor.role ?? actor.kind,
          responsible: await responsible,
        },
        source: `${actor.remoteAddress || req.ip || 'unknown'} http`,
        outcome: entry.outcome,
        detail: entry.what ? `${route} ${entry.what}` : route,
      });
    },
  };
}
