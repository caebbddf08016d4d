/** Pure helpers of the notifications: their order (also of a case's clocks) and what the bell counts. */
import type { NoticeView } from '@samenspraak/shared';

const SEVERITY_RANK: Record<NoticeView['severity'], number> = { urgent: 0, warning: 1, info: 2 };

/** Most pressing first: overdue, then by severity, then the nearest due date. */
export function byUrgency(a: NoticeView, b: NoticeView): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  const rank = SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity];
  return rank !== 0 ? rank : a.dueAt.localeCompare(b.dueAt);
}

/** The most pressing notice of a set (for sorting cases), or null. */
export function mostUrgent(notices: readonly NoticeView[]): NoticeView | null {
  return [...notices].sort(byUrgency)[0] ?? null;
}

export function sortNotifications(items: readonly NoticeView[]): NoticeView[] {
  return [...items].sort(byUrgency);
}

/** What the bell counts: everything that asks for attention (overdue or a warning), and how much is urgent. */
export function bellCounts(items: readonly NoticeView[]): { total: number; urgent: number } {
  return {
    total: items.length,
    urgent: items.filter((n) => n.severity === 'urgent' || n.overdue).length,
  };
}
