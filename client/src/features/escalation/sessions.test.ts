import type { CommitmentView } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { mergeSessions } from './sessions';

const session = (id: string, scheduledAt: string) => ({
  id,
  scheduledAt,
  endsAt: scheduledAt,
  followUpUntil: '2027-01-01T00:00:00Z',
});
const commitment = (sessionId: string | null): CommitmentView => ({
  id: `c-${sessionId}`,
  sessionId,
  organisation: 'o',
  what: 'w',
  lawOrBudget: 'Wmo',
  dueAt: '2026-12-01T00:00:00Z',
  status: 'open',
  authorId: 'a',
  releaseReason: null,
});

describe('mergeSessions', () => {
  it('prefers the server list, adds remembered ones and those only known from a commitment', () => {
    const merged = mergeSessions(
      [session('s1', '2026-11-01T10:00:00Z')],
      [session('s1', '2020-01-01T00:00:00Z'), session('s2', '2026-12-01T10:00:00Z')],
      [commitment('s3'), commitment('s1'), commitment(null)],
    );
    expect(merged.map((s) => s.id)).toEqual(['s2', 's1', 's3']);
    expect(merged.find((s) => s.id === 's1')?.scheduledAt).toBe('2026-11-01T10:00:00Z');
    expect(merged.find((s) => s.id === 's3')?.scheduledAt).toBeNull();
  });
});
