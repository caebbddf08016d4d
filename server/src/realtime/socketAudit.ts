/**
 * The access-log entries of the live channel: the same shape as the HTTP routes' (`requestAudit`) —
 * who, their role on the case, on whose responsibility, from where — with "socket.io <event>" as the
 * route and "realtime" as the channel.
 */
import { type RequestAudit, responsibleFor } from '../audit/caseAudit.js';
import type { Actor } from '../kernel/actor.js';
import type { AppServices } from '../services.js';

export function socketAudit(services: AppServices, actor: Actor, event: string): RequestAudit {
  let responsible: Promise<string> | null = null;
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
        source: `${actor.remoteAddress || 'unknown'} realtime`,
        outcome: entry.outcome,
        detail: entry.what ? `socket.io ${event} ${entry.what}` : `socket.io ${event}`,
      });
    },
  };
}
