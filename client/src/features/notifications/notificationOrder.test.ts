import type { NoticeView } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { bellCounts, byUrgency, sortNotifications } from './notificationOrder';

const n = (kind: string, dueAt: string, overdue: boolean, severity: NoticeView['severity']): NoticeView => ({
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

  it('sorts overdue first, then by severity, then by due date', () => {
    const n = (dueAt: string, overdue: boolean, severity: NoticeView['severity']): NoticeView => ({
      kind: 'analysis-due',
      caseId: 'c',
      dueAt,
      overdue,
      severity,
    });
    const list = [
      n('2026-05-01T00:00:00Z', false, 'info'),
      n('2026-03-12T00:00:00Z', false, 'warning'),
      n('2026-03-01T00:00:00Z', true, 'warning'),
      n('2026-03-05T00:00:00Z', true, 'urgent'),
    ].sort(byUrgency);
    expect(list.map((x) => x.dueAt.slice(5, 10))).toEqual(['03-05', '03-01', '03-12', '05-01']);
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
