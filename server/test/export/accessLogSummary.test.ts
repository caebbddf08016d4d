/** The dossier's access log in short: grouped per Amsterdam day, person, kind and subject; one line per person. */
import { describe, expect, it } from 'vitest';
import { groupAccessLog, summarisePeople } from '../../src/export/accessLogSummary.js';

const entry = (at: string, name: string, event = 'read', what = 'GET /api/cases/:id') => ({
  seq: 0,
  at,
  event,
  name,
  role: 'gedragswetenschapper',
  responsible: null,
  outcome: 'success',
  what,
});

describe('access log summary', () => {
  it('groups per day in Amsterdam, not UTC: 23:30 and 00:30 local are two days', () => {
    const groups = groupAccessLog([
      entry('2026-03-01T21:00:00.000Z', 'Gert'), // 22:00 on 1 March
      entry('2026-03-01T22:30:00.000Z', 'Gert'), // 23:30 on 1 March
      entry('2026-03-01T23:30:00.000Z', 'Gert'), // 00:30 on 2 March
    ]);
    expect(groups.map((g) => [g.first, g.count, g.what, g.about])).toEqual([
      ['2026-03-01T21:00:00.000Z', 2, 'bekeken', 'het dossier'],
      ['2026-03-01T23:30:00.000Z', 1, 'bekeken', 'het dossier'],
    ]);
  });

  it('keeps different people, kinds and subjects apart, in order of first occurrence', () => {
    const groups = groupAccessLog([
      entry('2026-03-01T09:00:00.000Z', 'Gert'),
      entry('2026-03-01T09:05:00.000Z', 'Ria'),
      entry('2026-03-01T09:10:00.000Z', 'Gert', 'update', 'case-1.analysis endorsement'),
      entry('2026-03-01T09:20:00.000Z', 'Gert'),
    ]);
    expect(groups.map((g) => [g.name, g.what, g.about, g.count])).toEqual([
      ['Gert', 'bekeken', 'het dossier', 2],
      ['Ria', 'bekeken', 'het dossier', 1],
      ['Gert', 'iets veranderd', 'de analyse: wie het ermee eens is', 1],
    ]);
  });

  it('sums up per person, most active first, with the first and last time', () => {
    const people = summarisePeople([
      entry('2026-03-01T09:00:00.000Z', 'Ria'),
      entry('2026-03-01T09:05:00.000Z', 'Gert'),
      entry('2026-03-02T10:00:00.000Z', 'Gert'),
    ]);
    expect(people.map((p) => [p.name, p.count, p.first, p.last])).toEqual([
      ['Gert', 2, '2026-03-01T09:05:00.000Z', '2026-03-02T10:00:00.000Z'],
      ['Ria', 1, '2026-03-01T09:00:00.000Z', '2026-03-01T09:00:00.000Z'],
    ]);
  });
});
