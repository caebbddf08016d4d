/** Pure helpers of the notifications: order and what the bell counts. */
import type { NoticeView } from '@samenspraak/shared';

export interface NotificationView extends NoticeView {
  /** For an overdue commitment: which one. */
  commitmentId?: string;
}

/** Overdue first, then by due date; urgent before warning before info at the same moment. */
export function sortNotifications(items: readonly NotificationView[]): NotificationView[] {
  const weight = { urgent: 0, warning: 1, info: 2 } as const;
  return [...items].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      weight[a.severity] - weight[b.severity] ||
      a.dueAt.localeCompare(b.dueAt),
  );
}

/** What the bell counts: everything that asks for attention (overdue or a warning), and how much is urgent. */
export function bellCounts(items: readonly NotificationView[]): { total: number; urgent: number } {
  return {
    total: items.length,
    urgent: items.filter((n) => n.severity === 'urgent' || n.overdue).length,
  };
}
