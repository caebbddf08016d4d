/**
 * The actor's notices across their cases: the clocks of every case they work on as a professional,
 * and the overdue commitments — for the RET process director, who follows them up, and for their author.
 * Clients get none here: the clocks are the professionals' work lists. Each case read is logged.
 * `computeNotifications` is the same without logging, for the live notifier (which logs what it sends).
 */
import type { NoticeView, Role } from '@samenspraak/shared';
import type { RequestAudit } from '../audit/caseAudit.js';
import { accessTo } from '../cases/caseGate.js';
import { caseClocks } from '../domain/clocks.js';
import type { AppServices } from '../services.js';
import { escalationDb } from './escalationDb.js';
import { clockFacts, loadCommitments } from './escalationState.js';
import { overdueCommitments } from './ladder.js';

/** A notice as `GET /api/notifications` lists it: the shared NoticeView (commitment notices name their commitment). */
export type NotificationView = NoticeView;

export interface CaseNotifications {
  caseId: string;
  /** The person's role on the case. */
  role: Role;
  notices: NotificationView[];
}

/** The notices of one person, per case they may currently see (none for clients). */
export async function computeNotifications(
  services: AppServices,
  person: { userId: string; kind: 'professional' | 'client' },
  now: Date,
): Promise<CaseNotifications[]> {
  if (person.kind !== 'professional') return [];
  const rows = await escalationDb(services.db)
    .selectFrom('participants')
    .innerJoin('cases', 'cases.id', 'participants.case_id')
    .selectAll('cases')
    .select(['participants.role as my_role', 'participants.access_until as access_until'])
    .where('participants.user_id', '=', person.userId)
    .execute();
  const mine = rows.filter((r) => accessTo(r, r.my_role as Role, now, r.access_until).allowed);
  const commitments = await loadCommitments(
    services,
    mine.map((r) => r.id),
  );
  const result: CaseNotifications[] = [];
  for (const { my_role, access_until: _until, ...row } of mine) {
    const notices: NotificationView[] = my_role === 'dbt-lid' ? [] : caseClocks(await clockFacts(services, row), now);
    const overdue = overdueCommitments(
      commitments.filter((c) => c.caseId === row.id),
      now,
    ).filter((c) => my_role === 'procesregisseur' || c.authorId === person.userId);
    for (const c of overdue) {
      notices.push({
        kind: 'commitment-overdue',
        caseId: row.id,
        dueAt: c.dueAt.toISOString(),
        overdue: true,
        severity: 'urgent',
        commitmentId: c.id,
      });
    }
    result.push({ caseId: row.id, role: my_role as Role, notices });
  }
  return result;
}

export async function notificationsFor(services: AppServices, audit: RequestAudit): Promise<NotificationView[]> {
  const perCase = await computeNotifications(services, audit.actor, services.clock());
  const result: NotificationView[] = [];
  for (const { caseId, role, notices } of perCase) {
    await audit.log({ event: 'read', caseId, outcome: 'success', caseRole: role, what: 'notifications' });
    result.push(...notices);
  }
  return result.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
