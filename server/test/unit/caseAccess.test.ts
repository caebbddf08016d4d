import { PERMISSION_TABLE, ROLES, SECTIONS, sectionPermission } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { ageOn } from '../../src/domain/age.js';
import { ageBand, caseAccess, effectiveSections, mayChangeParentsConsent } from '../../src/domain/caseAccess.js';

const facts = (dateOfBirth: string, parentsConsent = false, closed = false) => ({
  dateOfBirth,
  parentsConsent,
  closed,
});
const d = (iso: string) => new Date(`${iso}T12:00:00Z`);

describe('age', () => {
  it('counts whole years by the calendar, birthday included', () => {
    expect(ageOn('2010-03-15', d('2022-03-14'))).toBe(11);
    expect(ageOn('2010-03-15', d('2022-03-15'))).toBe(12);
    expect(ageOn('2008-02-29', d('2026-02-28'))).toBe(17);
    expect(ageOn('2008-02-29', d('2026-03-01'))).toBe(18);
    expect(() => ageOn('15-03-2010', d('2022-03-15'))).toThrow(/invalid date of birth/);
  });

  it('bands at 12, 16 and 18', () => {
    expect([11, 12, 15, 16, 17, 18].map(ageBand)).toEqual(['under12', '12to15', '12to15', '16to17', '16to17', 'adult']);
  });
});

describe('case access', () => {
  it('the young person from 12; parents until 16, then only with consent', () => {
    const dob = '2010-03-15';
    expect(caseAccess(facts(dob), 'jeugdige', d('2022-03-14')).allowed).toBe(false);
    expect(caseAccess(facts(dob), 'jeugdige', d('2022-03-15')).allowed).toBe(true);
    expect(caseAccess(facts(dob), 'ouder', d('2026-03-14')).allowed).toBe(true);
    expect(caseAccess(facts(dob), 'ouder', d('2026-03-15')).allowed).toBe(false);
    expect(caseAccess(facts(dob, true), 'ouder', d('2026-03-15')).allowed).toBe(true);
    expect(caseAccess(facts(dob, false), 'ouder', d('2028-03-15')).allowed).toBe(false);
    expect(caseAccess(facts(dob, true), 'ouder', d('2028-03-15')).allowed).toBe(true);
  });

  it('only the young person, from 16, changes the parents’ consent', () => {
    const dob = '2010-03-15';
    expect(mayChangeParentsConsent(facts(dob), 'jeugdige', d('2026-03-14'))).toBe(false);
    expect(mayChangeParentsConsent(facts(dob), 'jeugdige', d('2026-03-15'))).toBe(true);
    expect(mayChangeParentsConsent(facts(dob), 'ouder', d('2026-03-15'))).toBe(false);
    expect(mayChangeParentsConsent(facts(dob), 'gedragswetenschapper', d('2026-03-15'))).toBe(false);
  });

  it('municipality and administrators never see case content', () => {
    for (const role of ['gemeente', 'beheerder'] as const) {
      expect(caseAccess(facts('2010-01-01'), role, d('2026-01-01')).allowed).toBe(false);
    }
  });

  it('effective sections follow the table when allowed, none when not, and read-only once closed', () => {
    const open = effectiveSections(facts('2010-01-01'), 'analysis', 'gedragswetenschapper', d('2026-01-01'));
    for (const s of SECTIONS.analysis)
      expect(open[s.id]).toBe(sectionPermission('analysis', s.id, 'gedragswetenschapper'));
    const denied = effectiveSections(facts('2016-01-01'), 'analysis', 'jeugdige', d('2026-01-01'));
    expect(new Set(Object.values(denied))).toEqual(new Set(['none']));
    const closed = effectiveSections(
      facts('2010-01-01', false, true),
      'analysis',
      'gedragswetenschapper',
      d('2026-01-01'),
    );
    expect(new Set(Object.values(closed))).toEqual(new Set(['read']));
  });
});

describe('the permission table', () => {
  it('lets only the author edit their own words, and keeps every role out of nothing it needs', () => {
    for (const [type, sections] of Object.entries(SECTIONS)) {
      for (const section of sections) {
        const row = PERMISSION_TABLE[type as keyof typeof SECTIONS][section.id] as Record<string, string>;
        const editors = ROLES.filter((r) => row[r] === 'edit');
        if (section.owner.kind === 'ownWords') expect(editors).toEqual([section.owner.role]);
        else expect(editors).not.toContain('jeugdige');
        expect(row.gemeente).toBe('none');
      }
    }
  });
});
