import { describe, expect, it } from 'vitest';
import { groupLog, isOwn } from './accessLogGroups';
import { eventWords, outcomeWords, subjectWords } from './accessLogWords';
import { countdown, countdownText } from './clocks';
import { m } from './messages';

const DAY = 86_400_000;
// 10 March 2026, 09:00 in the time zone of the run: the countdown counts calendar days of the browser.
const now = new Date(2026, 2, 10, 9, 0).getTime();
const words = { daysLeft: m.daysLeft, dueToday: m.dueToday, daysLate: m.daysLate };
const text = (dueAt: string, overdue?: boolean) => countdownText(countdown(dueAt, now, overdue), words);

describe('clock countdown', () => {
  it('counts calendar days left, so the count matches the due date shown', () => {
    expect(text(new Date(now + 12 * DAY + 3600_000).toISOString())).toBe('nog 12 dagen');
    expect(text(new Date(now + 1 * DAY).toISOString())).toBe('nog 1 dag');
    expect(text(new Date(now + 5 * 3600_000).toISOString())).toBe('vandaag');
    // Due tomorrow morning, less than 24 hours from now: still "1 day", not "today".
    expect(text(new Date(now + 20 * 3600_000).toISOString())).toBe('nog 1 dag');
  });

  it('counts calendar days late once past the due moment', () => {
    expect(text(new Date(now - 3 * DAY - 60_000).toISOString())).toBe('3 dagen te laat');
    expect(text(new Date(now - 1 * DAY).toISOString())).toBe('1 dag te laat');
    expect(text(new Date(now).toISOString())).toBe('vandaag verlopen');
  });

  it('lets the server decide whether it is overdue (browser clock may be off)', () => {
    expect(text(new Date(now + 2 * DAY).toISOString(), true)).toBe('vandaag verlopen');
    expect(text(new Date(now - 2 * 3600_000).toISOString(), false)).toBe('vandaag');
  });
});

describe('access log in plain words', () => {
  it('names the event and the part of the dossier', () => {
    expect(eventWords('read')).toBe('bekeken');
    expect(eventWords('search')).toBe('in een lijst gezien');
    expect(outcomeWords('success')).toBe('');
    expect(outcomeWords('denied')).toBe('geweigerd');
    expect(subjectWords('GET /api/cases/:id')).toBe('het dossier');
    expect(subjectWords('GET /api/cases/:id/access-log')).toBe('wie het dossier bekeek');
    expect(subjectWords('demo-x.analysis versions')).toBe('de analyse: versies');
    expect(subjectWords('demo-x.analysis restore version (veiligheid)')).toBe(
      'de analyse: een oude versie terugzetten',
    );
    expect(subjectWords('demo-x.futurePlan endorsement')).toBe('het toekomstplan: wie het ermee eens is');
    expect(subjectWords('POST /api/cases/:id/export pdf')).toBe('het hele dossier');
    expect(subjectWords('GET /api/cases/:id/escalation escalation', 'en')).toBe('escalation and commitments');
  });
});

describe('access log grouped for reading', () => {
  const e = (at: string, name: string, event: string, what: string, outcome = 'success') => ({
    at,
    name,
    role: 'jeugdige',
    event,
    outcome,
    what,
  });

  it('makes one row per visit of one person, listing each kind of action once, oldest first', () => {
    const rows = groupLog([
      e('2026-03-01T10:09:00Z', 'Noor', 'read', 'c.analysis comments'),
      e('2026-03-01T10:05:40Z', 'Noor', 'update', 'c.analysis endorsement'),
      e('2026-03-01T10:05:39Z', 'Noor', 'read', 'c.analysis comments'),
      e('2026-03-01T10:05:38Z', 'Noor', 'read', 'c.analysis comments'),
      e('2026-03-01T10:05:37Z', 'Sam', 'read', 'c.analysis versions'),
      e('2026-03-01T09:00:00Z', 'Sam', 'read', 'c.analysis versions', 'denied'),
    ]);
    expect(
      rows.map((r) => [r.name, r.since.slice(11, 16), r.at.slice(11, 16), r.items.map((i) => [i.subject, i.count])]),
    ).toEqual([
      [
        'Noor',
        '10:05',
        '10:09',
        [
          ['de analyse: opmerkingen', 3],
          ['de analyse: wie het ermee eens is', 1],
        ],
      ],
      ['Sam', '10:05', '10:05', [['de analyse: versies', 1]]],
      ['Sam', '09:00', '09:00', [['de analyse: versies', 1]]],
    ]);
    expect(rows[2]?.items[0]?.outcome).toBe('denied');
  });

  it('knows the reader’s own rows by name and role', () => {
    expect(isOwn({ name: 'Noor', role: 'jeugdige' }, { name: 'Noor', role: 'jeugdige' })).toBe(true);
    expect(isOwn({ name: 'Noor', role: 'ouder' }, { name: 'Noor', role: 'jeugdige' })).toBe(false);
  });
});
