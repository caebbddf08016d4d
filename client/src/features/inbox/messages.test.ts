import { INBOX_KINDS } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { isUrgent, itemText } from './messages';

const item = (kind: string, params: Record<string, string> = {}) =>
  ({ kind, params, caseName: 'Daan' }) as Parameters<typeof itemText>[0];

describe('inbox words', () => {
  it('every kind the server can send has plain words (never the raw kind)', () => {
    for (const kind of INBOX_KINDS) {
      const text = itemText(item(kind));
      expect(text, kind).not.toBe(kind);
      expect(text.length, kind).toBeGreaterThan(10);
    }
  });
  it('words the invitation by what it is for, and an overdue clock says the date passed', () => {
    expect(itemText(item('session-invitation', { session: 'meeting' }))).toBe('Je bent uitgenodigd voor een overleg.');
    expect(itemText(item('session-invitation', { session: 'breakthrough' }))).toContain('doorbraaksessie');
    expect(itemText(item('clock-running-out', { notice: 'analysis-due', overdue: 'true' }))).toBe(
      'De verklarende analyse is te laat.',
    );
  });
  it('urgent: an overdue notice or severity urgent', () => {
    expect(isUrgent({ params: { overdue: 'true' } })).toBe(true);
    expect(isUrgent({ params: { severity: 'urgent' } })).toBe(true);
    expect(isUrgent({ params: {} })).toBe(false);
  });
});
