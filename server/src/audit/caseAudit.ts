/**
 * The one way to build an access-log record about a case. HTTP routes, socket events and the document
 * connection all go through `auditRecord` (and, with a known actor, `actorAudit`), so the entries have
 * the same shape everywhere (NEN 7513: who, role, on whose responsibility, when, which dossier, from
 * where, what, outcome — never content). Only the channel differs: "<address> http|realtime|collab" as
 * the source, and the route or event before `what` in the detail; each transport names its channel
 * (cases/httpGate.ts, live/caseChannel.ts, cases/casePolicy.ts), this module knows none of them.
 */
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
  /** Several cases in one entry (a list): see LogEntryInput.caseIds; `caseId` is then null. */
  caseIds?: readonly string[];
}

/** How the actor reached the server. */
export interface AuditChannel {
  /** The last word of the entry's source. */
  kind: 'http' | 'realtime' | 'collab';
  /** The client's address ('' when unknown). */
  address: string;
  /**
   * What comes first in the detail: the route pattern or "socket.io <event>". Null where `what` itself
   * names the subject: document routes and the document connection start with the document id, which
   * the young person's view of the log reads (shared/src/accessLogWords.ts).
   */
  label: string | null;
}

export interface RequestAudit {
  readonly actor: Actor;
  log(entry: AuditEntry): Promise<number>;
}

/** The one record builder: an entry about a case, by a person, through a channel. */
export function auditRecord(
  actor: LogEntryInput['actor'],
  channel: AuditChannel,
  entry: Omit<AuditEntry, 'caseRole'>,
): LogEntryInput {
  const parts = [channel.label, entry.what].filter((p): p is string => Boolean(p));
  return {
    event: entry.event,
    caseId: entry.caseId,
    ...(entry.caseIds ? { caseIds: entry.caseIds } : {}),
    actor,
    source: `${channel.address || 'unknown'} ${channel.kind}`,
    outcome: entry.outcome,
    detail: parts.join(' '),
  };
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

/** The audit of one request or event by a known actor; their organisation is looked up once. */
export function actorAudit(services: AppServices, actor: Actor, channel: AuditChannel): RequestAudit {
  let responsible: Promise<string> | null = null;
  return {
    actor,
    async log(entry) {
      responsible ??= responsibleFor(services, actor);
      const person = {
        userId: actor.userId,
        name: actor.name,
        role: entry.caseRole ?? actor.role ?? actor.kind,
        responsible: await responsible,
      };
      return services.accessLog.append(auditRecord(person, channel, entry));
    },
  };
}
