/**
 * The actor's notices across their cases: the clocks of every case they work on as a professional,
 * and the overdue commitments — for the RET process director, who follows them up, and for their author.
 * Clients get none here: the clocks are the professionals' work lists. Each case read is logged.
 */
import type { NoticeView, Role } from '@samenspraak/shared';
import type { RequestAudit } from '../audit/caseAudit.js';
import { accessTo } from '../cases/caseGate.js';
import { caseClocks } from '../domain/clocks.js';
import { overdueCommitments } from '../domain/escalation.js';
import type { AppServices } from '../services.js';
import { escalationDb } from './escalationDb.js';
import { clockFacts, loadCommitments } from './escalationState.js';

export interface NotificationView extends NoticeView {
  /** For commitment notices: which commitment. */
  commitmentId?: string;
}

export async function notificationsFor(services: AppServices, audit: RequestAudit): Promise<NotificationView[]> {
  const now = services.clock();
  if (audit.actor.kind !== 'professional') return [];
  const rows = await escalationDb(services.db)
    .selectFrom('participants')
    .innerJoin('cases', 'cases.id', 'participants.case_id')
    .selectAll('cases')
    .select(['participants.role as my_role', 'participants.access_until as access_until'])
    .where('participants.user_id', '=', audit.actor.userId)
    .execute();
  const mine = rows.filter((r) => accessTo(r, r.my_role as Role, now, r.access_until).allowed);
  const commitments = await loadCommitments(
    services,
    mine.map((r) => r.id),
  );
  const result: NotificationView[] = [];
  for (const { my_role, access_until: _until, ...row } of mine) {
    const notices: NotificationView[] = my_role === 'dbt-lid' ? [] : caseClocks(await clockFacts(services, row), now);
    const overdue = overdueCommitments(
      commitments.filter((c) => c.caseId === row.id),
      now,
    ).filter((c) => my_role === 'procesregisseur' || c.authorId === audit.actor.userId);
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
    await audit.log({ event: 'read', caseId: row.id, outcome: 'success', caseRole: my_role, what: 'notifications' });
    result.push(...notices);
  }
  return result.sort((a, b) => a.dueAt.localeCompare(b.dueAt));
}
