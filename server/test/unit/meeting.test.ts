/**
 * Pure rules of meetings, live notifications and the settable clock, at their boundaries: which status
 * allows what, attendance, the required-roles check, how a decision reads, the meeting schemas, what is
 * pushed once, the origin check of cookie sockets.
 */
import {
  MEETING_AGENDA_MAX_ITEMS,
  MEETING_LINKABLE_SECTIONS,
  MEETING_TITLE_MAX,
  MeetingItemBodySchema,
  type MeetingStatus,
  ScheduleMeetingBodySchema,
} from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { settableClock } from '../../src/app.js';
import { futurePlanClocks } from '../../src/domain/clocks.js';
import { notificationMessage, pushKey, shouldPush } from '../../src/escalation/notificationText.js';
import { trustFunction } from '../../src/http/clientAddress.js';
import { sameOrigin } from '../../src/live/socketAuth.js';
import {
  type AttendanceRecord,
  itemLine,
  type MeetingAction,
  MISSING_EDUCATION,
  MISSING_VOICE,
  mayManageMeeting,
  mergeAttendance,
  refusalFor,
  requiredRolesCheck,
} from '../../src/meetings/meetingRules.js';

describe('what each status allows', () => {
  const table: Record<MeetingAction, MeetingStatus[]> = {
    start: ['scheduled'],
    end: ['live'],
    chair: ['scheduled', 'live'],
    attendance: ['live'],
    item: ['live'],
    readBack: ['live', 'ended'],
    voiceHeard: ['live', 'ended'],
  };
  it.each(Object.entries(table))('%s only while %j', (action, allowed) => {
    for (const status of ['scheduled', 'live', 'ended'] as const) {
      const why = refusalFor(status, action as MeetingAction);
      if (allowed.includes(status)) expect(why).toBeNull();
      else expect(why).toBe(`the meeting is ${status}; this can be done only while it is ${allowed.join(' or ')}`);
    }
  });

  it('is run by the professionals on the case content, not by clients, supporters or DBT members', () => {
    expect(mayManageMeeting('procesregisseur')).toBe(true);
    expect(mayManageMeeting('gedragswetenschapper')).toBe(true);
    expect(mayManageMeeting('onderwijsconsulent')).toBe(true);
    for (const role of ['jeugdige', 'ouder', 'clientondersteuner', 'dbt-lid', 'gemeente', 'beheerder'] as const) {
      expect(mayManageMeeting(role), role).toBe(false);
    }
  });
});

describe('attendance', () => {
  const rec = (userId: string | null, via: AttendanceRecord['via'], name = `n-${userId}`): AttendanceRecord => ({
    userId,
    name,
    role: 'jeugdhulpaanbieder',
    via,
  });

  it('one entry per account (the first record wins), every entry without account, then absent invitees', () => {
    const list = mergeAttendance(
      [rec('a', 'presence'), rec('a', 'phone'), rec(null, 'in-person', 'Oma'), rec(null, 'in-person', 'Opa')],
      [
        { userId: 'a', name: 'n-a', role: 'jeugdhulpaanbieder' },
        { userId: 'b', name: 'Bea', role: 'onderwijsconsulent' },
      ],
      new Set(['a', 'b']),
    );
    expect(list.map((a) => [a.userId, a.name, a.via, a.present, a.online])).toEqual([
      ['a', 'n-a', 'presence', true, true],
      [null, 'Oma', 'in-person', true, false],
      [null, 'Opa', 'in-person', true, false],
      ['b', 'Bea', 'presence', false, true],
    ]);
  });

  it('an empty meeting has an empty list', () => {
    expect(mergeAttendance([], [], new Set())).toEqual([]);
  });
});

describe('the required-roles check', () => {
  const none = { youngPersonInbreng: false, parentsInbreng: false, markedHeard: false };
  const person = (role: 'onderwijsconsulent' | 'jeugdige' | 'ouder' | 'procesregisseur', present = true) => ({
    role,
    present,
  });

  it('misses both without education and without the voice', () => {
    expect(requiredRolesCheck([person('procesregisseur')], none)).toEqual({
      educationPresent: false,
      youngPersonOrParentsHeard: false,
      missing: [MISSING_EDUCATION, MISSING_VOICE],
    });
  });

  it('counts education and the young person or parents only when present, not when merely invited', () => {
    expect(requiredRolesCheck([person('onderwijsconsulent', false), person('jeugdige', false)], none).missing).toEqual([
      MISSING_EDUCATION,
      MISSING_VOICE,
    ]);
    expect(requiredRolesCheck([person('onderwijsconsulent'), person('ouder')], none)).toEqual({
      educationPresent: true,
      youngPersonOrParentsHeard: true,
      missing: [],
    });
  });

  it.each([
    ['the young person present', [person('jeugdige')], none],
    ['their words in the notes', [], { ...none, youngPersonInbreng: true }],
    ["the parents' words in the notes", [], { ...none, parentsInbreng: true }],
    ['a mark that they were heard', [], { ...none, markedHeard: true }],
  ])('the voice is heard through %s alone', (_what, attendance, voice) => {
    const check = requiredRolesCheck([person('onderwijsconsulent'), ...attendance], voice);
    expect(check.youngPersonOrParentsHeard).toBe(true);
    expect(check.missing).toEqual([]);
  });
});

describe('how a decision reads in a document', () => {
  const meetingAt = new Date('2026-11-23T10:00:00Z');

  it('with owner and due date, and without', () => {
    expect(itemLine({ kind: 'decision', text: 'Naar school', ownerName: 'Olga', due: '2026-11-30' }, meetingAt)).toBe(
      'Besluit MDO 23-11-2026: Naar school — Olga, uiterlijk 30-11-2026',
    );
    expect(itemLine({ kind: 'decision', text: 'Naar school', ownerName: null, due: null }, meetingAt)).toBe(
      'Besluit MDO 23-11-2026: Naar school',
    );
    expect(itemLine({ kind: 'action', text: 'Bellen', ownerName: null, due: '2027-01-02' }, meetingAt)).toBe(
      'Actie MDO 23-11-2026: Bellen — uiterlijk 02-01-2027',
    );
  });

  it('dates the meeting on the calendar of Noord-Holland (winter and summer time)', () => {
    const line = (iso: string) => itemLine({ kind: 'decision', text: 't', ownerName: null, due: null }, new Date(iso));
    expect(line('2026-11-23T22:59:59Z')).toBe('Besluit MDO 23-11-2026: t');
    expect(line('2026-11-23T23:00:00Z')).toBe('Besluit MDO 24-11-2026: t');
    expect(line('2026-06-30T21:59:59Z')).toBe('Besluit MDO 30-06-2026: t');
    expect(line('2026-06-30T22:00:00Z')).toBe('Besluit MDO 01-07-2026: t');
  });
});

describe('meeting schemas', () => {
  const schedule = { title: 'MDO', scheduledAt: '2026-11-23T10:00:00Z', agenda: [], inviteeUserIds: [] };

  it('limits title and agenda exactly at their maximum', () => {
    expect(ScheduleMeetingBodySchema.safeParse({ ...schedule, title: 'x'.repeat(MEETING_TITLE_MAX) }).success).toBe(
      true,
    );
    expect(ScheduleMeetingBodySchema.safeParse({ ...schedule, title: 'x'.repeat(MEETING_TITLE_MAX + 1) }).success).toBe(
      false,
    );
    const items = (n: number) => Array.from({ length: n }, (_, i) => `punt ${i}`);
    expect(ScheduleMeetingBodySchema.safeParse({ ...schedule, agenda: items(MEETING_AGENDA_MAX_ITEMS) }).success).toBe(
      true,
    );
    expect(
      ScheduleMeetingBodySchema.safeParse({ ...schedule, agenda: items(MEETING_AGENDA_MAX_ITEMS + 1) }).success,
    ).toBe(false);
    expect(ScheduleMeetingBodySchema.safeParse({ ...schedule, scheduledAt: '2026-11-23 10:00' }).success).toBe(false);
  });

  it('links only to the professionals’ sections that can hold a decision', () => {
    expect(MEETING_LINKABLE_SECTIONS.analysis).toContain('aanknopingspunten');
    expect(MEETING_LINKABLE_SECTIONS.analysis).not.toContain('hulpvraag_jeugdige');
    expect(MEETING_LINKABLE_SECTIONS.analysis).not.toContain('hypothesen');
    expect(MEETING_LINKABLE_SECTIONS.futurePlan).toEqual(
      expect.arrayContaining(['domein_wonen', 'domein_onderwijs', 'risicos', 'evaluatie']),
    );
    expect(MEETING_LINKABLE_SECTIONS.futurePlan).not.toContain('toekomstbeeld_jeugdige');
    expect(MEETING_LINKABLE_SECTIONS.futurePlan).not.toContain('checklist_18');
  });

  it('an action needs an owner (id or name) and a due date; a decision needs neither', () => {
    const ok = (b: unknown) => MeetingItemBodySchema.safeParse(b).success;
    expect(ok({ kind: 'decision', text: 'x' })).toBe(true);
    expect(ok({ kind: 'action', text: 'x', ownerUserId: 'u1', due: '2026-12-01' })).toBe(true);
    expect(ok({ kind: 'action', text: 'x', ownerName: 'School', due: '2026-12-01' })).toBe(true);
    expect(ok({ kind: 'action', text: 'x', ownerName: 'School' })).toBe(false);
    expect(ok({ kind: 'action', text: 'x', due: '2026-12-01' })).toBe(false);
    expect(ok({ kind: 'action', text: 'x', ownerName: 'School', due: '2026-02-30' })).toBe(false);
  });
});

describe('live notifications', () => {
  const notice = {
    kind: 'commitment-overdue',
    caseId: 'c1',
    dueAt: '2026-11-23T10:00:00.000Z',
    overdue: true,
    severity: 'urgent' as const,
    commitmentId: 'k1',
  };

  it('pushes warnings and urgent notices, not information', () => {
    expect(shouldPush(notice)).toBe(true);
    expect(shouldPush({ ...notice, severity: 'warning' })).toBe(true);
    expect(shouldPush({ ...notice, severity: 'info' })).toBe(false);
  });

  it('one key per notice and state: more pressing means pushed again, the same state never', () => {
    expect(pushKey(notice)).toBe(pushKey({ ...notice }));
    const keys = new Set([
      pushKey({ ...notice, severity: 'warning', overdue: false }),
      pushKey({ ...notice, severity: 'warning', overdue: true }),
      pushKey(notice),
      pushKey({ ...notice, commitmentId: 'k2' }),
      pushKey({ ...notice, caseId: 'c2' }),
    ]);
    expect(keys.size).toBe(5);
  });

  it('says in Dutch what is due and when, without case content', () => {
    expect(notificationMessage(notice)).toBe(
      'Een toezegging uit de doorbraaksessie is niet op tijd nagekomen (uiterlijk 23-11-2026).',
    );
    expect(notificationMessage({ ...notice, kind: 'analysis-due', overdue: false, severity: 'warning' })).toBe(
      'De verklarende analyse moet uiterlijk 23-11-2026 klaar zijn.',
    );
    expect(notificationMessage({ ...notice, kind: 'measure-escalation' })).toMatch(/doorbraakaanpak/);
  });
});

describe('the future plan’s half-year check once a plan exists', () => {
  const facts = {
    caseId: 'c1',
    dateOfBirth: '2010-01-15',
    requestedAt: new Date('2026-01-01T00:00:00Z'),
    analysisCompletedAt: null,
    hasFuturePlan: true,
    measureStartedAt: null,
    helpStartedAt: null,
    lastProgressAt: null,
    closed: false,
  };

  it('runs six months from the last recorded check; without one there is nothing to time', () => {
    const now = new Date('2026-09-01T00:00:00Z');
    expect(futurePlanClocks(facts, now)).toEqual([]);
    const [n] = futurePlanClocks({ ...facts, futurePlanCheckedAt: new Date('2026-03-31T00:00:00Z') }, now);
    expect(n).toMatchObject({ kind: 'future-plan-half-year-check', dueAt: '2026-09-30T00:00:00.000Z', overdue: false });
    const [late] = futurePlanClocks(
      { ...facts, futurePlanCheckedAt: new Date('2026-03-01T00:00:00Z') },
      new Date('2026-09-01T00:00:00Z'),
    );
    expect(late).toMatchObject({ overdue: true, severity: 'urgent' });
  });

  it('does not run before the 16th birthday', () => {
    expect(
      futurePlanClocks(
        { ...facts, futurePlanCheckedAt: new Date('2025-06-01T00:00:00Z') },
        // The last second before local midnight of 15 January (issue 13: was 23:59:59 UTC, already the birthday).
        new Date('2026-01-14T22:59:59Z'),
      ),
    ).toEqual([]);
  });
});

describe('the settable test clock', () => {
  it('reads the time set and runs on from there with the base clock', () => {
    let base = new Date('2026-01-01T00:00:00Z');
    const { clock, control } = settableClock(() => base);
    expect(clock().toISOString()).toBe('2026-01-01T00:00:00.000Z');
    control.set(new Date('2027-05-05T12:00:00Z'));
    expect(clock().toISOString()).toBe('2027-05-05T12:00:00.000Z');
    base = new Date(base.getTime() + 90_000);
    expect(clock().toISOString()).toBe('2027-05-05T12:01:30.000Z');
    control.set(new Date('2020-01-01T00:00:00Z'));
    expect(clock().toISOString()).toBe('2020-01-01T00:00:00.000Z');
  });
});

describe('the origin check of cookie sockets', () => {
  const hs = (headers: Record<string, string>, address = '10.0.0.9') =>
    ({ headers: { host: 'samenspraak.example', ...headers }, address }) as unknown as Parameters<typeof sameOrigin>[0];

  const none = trustFunction(false);

  it('accepts no Origin and the own host; refuses others, "null" and garbage', () => {
    expect(sameOrigin(hs({}), none)).toBe(true);
    expect(sameOrigin(hs({ origin: 'https://samenspraak.example' }), none)).toBe(true);
    expect(sameOrigin(hs({ origin: 'https://evil.example' }), none)).toBe(false);
    expect(sameOrigin(hs({ origin: 'https://samenspraak.example:8443' }), none)).toBe(false);
    expect(sameOrigin(hs({ origin: 'null' }), none)).toBe(false);
    expect(sameOrigin(hs({ origin: '::' }), none)).toBe(false);
  });

  it('trusts X-Forwarded-Host only from a proxy named in TRUST_PROXY', () => {
    const forwarded = {
      host: '127.0.0.1:3000',
      'x-forwarded-host': 'samenspraak.example',
      origin: 'https://samenspraak.example',
    };
    const loopback = trustFunction(['loopback']);
    expect(sameOrigin(hs(forwarded, '127.0.0.1'), loopback)).toBe(true);
    expect(sameOrigin(hs(forwarded, '::ffff:127.0.0.1'), loopback)).toBe(true);
    expect(sameOrigin(hs(forwarded, '10.0.0.9'), loopback)).toBe(false);
    // Without TRUST_PROXY nobody is a proxy: the header is the client's own claim.
    expect(sameOrigin(hs(forwarded, '127.0.0.1'), none)).toBe(false);
  });
});
