import { describe, expect, it } from 'vitest';
import { bellCounts, type NotificationView, sortNotifications } from './notificationOrder';

const n = (
  kind: string,
  dueAt: string,
  overdue: boolean,
  severity: NotificationView['severity'],
): NotificationView => ({
  kind,
  caseId: 'c',
  dueAt,
  overdue,
  severity,
});

describe('notifications', () => {
  it('puts overdue first, then the most urgent, then the soonest', () => {
    const sorted = sortNotifications([
      n('analysis-due', '2026-12-01T00:00:00Z', false, 'info'),
      n('no-progress-analysis', '2026-11-01T00:00:00Z', true, 'warning'),
      n('commitment-overdue', '2026-11-20T00:00:00Z', true, 'urgent'),
      n('future-plan-required', '2026-11-25T00:00:00Z', false, 'warning'),
    ]);
    expect(sorted.map((x) => x.kind)).toEqual([
      'commitment-overdue',
      'no-progress-analysis',
      'future-plan-required',
      'analysis-due',
    ]);
  });

  it('counts urgent and overdue items for the bell', () => {
    expect(
      bellCounts([
        n('a', '2026-01-01T00:00:00Z', false, 'info'),
        n('b', '2026-01-01T00:00:00Z', true, 'warning'),
        n('c', '2026-01-01T00:00:00Z', true, 'urgent'),
      ]),
    ).toEqual({ total: 3, urgent: 2 });
    expect(bellCounts([])).toEqual({ total: 0, urgent: 0 });
  });
});
