/** The future plan's rules (domain brief §4): every check of the half-year check, the BIG5, moves near 18, who writes what. */
import { describe, expect, it } from 'vitest';
import {
  allBig5Stable,
  type DomainFacts,
  deriveBig5,
  fieldsNotAllowed,
  fundingChangesAt18,
  halfYearCheck,
  halfYearCheckApplies,
  moveNearEighteen,
  moveNeedsReason,
  newFunderEngaged,
} from '../../src/plan/planRules.js';

const NOW = new Date('2026-06-01T10:00:00Z');
/** 16½ on NOW. */
const DOB = '2009-12-01';

const domain = (over: Partial<DomainFacts> = {}): DomainFacts => ({
  domain: 'wonen',
  situation: 'Woont in een gezinshuis',
  goal: 'Zelfstandig wonen met begeleiding',
  funderNow: 'Jeugdwet',
  funderFrom18: 'Wmo',
  switchArrangedOn: '2026-05-01',
  switchContact: 'Karin de Wit, Wmo-consulent Alkmaar',
  ...over,
});
const plan = (domains: DomainFacts[], updatedAt = '2026-05-20T10:00:00Z') => ({
  updatedAt: new Date(updatedAt),
  domains,
});

describe('funding at 18', () => {
  it('changes when a different funder pays from 18, or when the Jeugdwet pays and nobody is named for after', () => {
    expect(fundingChangesAt18({ funderNow: 'Jeugdwet', funderFrom18: 'Wmo' })).toBe(true);
    expect(fundingChangesAt18({ funderNow: 'Jeugdwet', funderFrom18: null })).toBe(true);
    expect(fundingChangesAt18({ funderNow: 'Zvw', funderFrom18: 'Zvw' })).toBe(false);
    expect(fundingChangesAt18({ funderNow: null, funderFrom18: null })).toBe(false);
    // The Jeugdwet stops at 18: "Jeugdwet from 18" is not an arrangement (extended youth care is).
    expect(fundingChangesAt18({ funderNow: 'Jeugdwet', funderFrom18: 'Jeugdwet' })).toBe(true);
  });
  it('extended youth care (to 21 or 23) and "nothing paid" engage no new funder', () => {
    expect(fundingChangesAt18({ funderNow: 'Jeugdwet', funderFrom18: 'verlengde-jeugdhulp-21' })).toBe(false);
    expect(fundingChangesAt18({ funderNow: 'Jeugdwet', funderFrom18: 'verlengde-jeugdhulp-23' })).toBe(false);
    expect(fundingChangesAt18({ funderNow: 'Jeugdwet', funderFrom18: 'geen' })).toBe(false);
  });
  it('the new funder is engaged only with both a date and a named contact', () => {
    expect(newFunderEngaged(domain())).toBe(true);
    expect(newFunderEngaged(domain({ switchArrangedOn: null }))).toBe(false);
    expect(newFunderEngaged(domain({ switchContact: '  ' }))).toBe(false);
    expect(newFunderEngaged(domain({ funderFrom18: null, switchArrangedOn: null, switchContact: '' }))).toBe(false);
    expect(newFunderEngaged(domain({ funderFrom18: 'Jeugdwet', funderNow: 'Jeugdwet', switchContact: '' }))).toBe(
      false,
    );
    expect(newFunderEngaged(domain({ funderNow: 'Zvw', funderFrom18: 'Zvw', switchContact: '' }))).toBe(true);
  });
});

describe('the half-year check, computed from content', () => {
  const check = (p: ReturnType<typeof plan> | null, now = NOW, dob = DOB, closed = false) =>
    halfYearCheck({ dateOfBirth: dob, closed, plan: p }, now);

  it('applies from the 16th birthday on an open case only', () => {
    expect(halfYearCheckApplies(DOB, false, NOW)).toBe(true);
    expect(halfYearCheckApplies('2010-06-02', false, NOW)).toBe(false);
    expect(halfYearCheckApplies('2010-06-01', false, NOW)).toBe(true);
    expect(halfYearCheckApplies(DOB, true, NOW)).toBe(false);
  });

  it('passes with a described domain, every switch engaged and a change in the last six months', () => {
    const r = check(plan([domain()]));
    expect(r).toMatchObject({ applies: true, passing: true, domainsNotEngaged: [] });
    expect(r.checks).toEqual({ planExists: true, newFunderEngaged: true, updatedRecently: true });
  });

  it('planExists: no plan fails every check; a plan with only text somewhere but no domain described fails', () => {
    const none = check(null);
    expect(none.passing).toBe(false);
    expect(none.checks).toEqual({ planExists: false, newFunderEngaged: false, updatedRecently: false });
    const empty = check(plan([domain({ goal: '' })]));
    expect(empty.checks.planExists).toBe(false);
    expect(empty.passing).toBe(false);
  });

  it('newFunderEngaged: a domain whose funding changes at 18 without date or contact fails, and is named', () => {
    const r = check(plan([domain(), domain({ domain: 'zorg', funderFrom18: 'Zvw', switchContact: '' })]));
    expect(r.checks).toEqual({ planExists: true, newFunderEngaged: false, updatedRecently: true });
    expect(r.domainsNotEngaged).toEqual(['zorg']);
  });

  it('updatedRecently: a plan last changed six months ago or longer fails (Amsterdam months)', () => {
    // NOW is 12:00 summer time; six local months back is 12:00 winter time, 11:00 UTC.
    expect(check(plan([domain()], '2025-12-01T11:00:01Z')).checks.updatedRecently).toBe(true);
    expect(check(plan([domain()], '2025-12-01T11:00:00Z')).checks.updatedRecently).toBe(false);
    expect(check(plan([domain()], '2025-06-01T10:00:00Z')).passing).toBe(false);
  });

  it('flips from failing to passing when the switch is arranged', () => {
    const before = check(plan([domain({ switchArrangedOn: null, switchContact: '' })]));
    const after = check(plan([domain()]));
    expect([before.passing, after.passing]).toEqual([false, true]);
  });
});

describe('BIG5', () => {
  it('is derived "stabiel" from described domains with funding arranged, "nog_niet" otherwise; never "nvt"', () => {
    const all: DomainFacts[] = (['wonen', 'onderwijs', 'werk', 'inkomen', 'zorg', 'netwerk'] as const).map((d) =>
      domain({ domain: d }),
    );
    expect(deriveBig5(all)).toEqual({
      steun: 'stabiel',
      wonen: 'stabiel',
      werkSchool: 'stabiel',
      inkomen: 'stabiel',
      zorg: 'stabiel',
    });
    const noWork = all.filter((d) => d.domain !== 'werk');
    expect(deriveBig5(noWork).werkSchool).toBe('nog_niet');
    const unarranged = all.map((d) => (d.domain === 'inkomen' ? { ...d, switchContact: '' } : d));
    expect(deriveBig5(unarranged).inkomen).toBe('nog_niet');
    expect(deriveBig5([])).toEqual({
      steun: 'nog_niet',
      wonen: 'nog_niet',
      werkSchool: 'nog_niet',
      inkomen: 'nog_niet',
      zorg: 'nog_niet',
    });
  });
  it('"let go only when all five are stable": n.v.t. does not stand in the way, nog_niet does', () => {
    const s = { steun: 'stabiel', wonen: 'stabiel', werkSchool: 'nvt', inkomen: 'stabiel', zorg: 'stabiel' } as const;
    expect(allBig5Stable(s)).toBe(true);
    expect(allBig5Stable({ ...s, zorg: 'nog_niet' })).toBe(false);
  });
});

describe('a move near the 18th birthday asks for the reason', () => {
  it('counts six months before and after the 18th birthday, ends included', () => {
    // 18 on 2027-12-01.
    expect(moveNearEighteen(DOB, '2027-06-01')).toBe(true);
    expect(moveNearEighteen(DOB, '2027-05-31')).toBe(false);
    expect(moveNearEighteen(DOB, '2028-06-01')).toBe(true);
    expect(moveNearEighteen(DOB, '2028-06-02')).toBe(false);
  });
  it('needs a reason and an explanation only near 18', () => {
    expect(moveNeedsReason(DOB, { movedOn: '2027-12-15' })).toBe(true);
    expect(moveNeedsReason(DOB, { movedOn: '2027-12-15', reason: 'eigen_keuze', explanation: ' ' })).toBe(true);
    expect(
      moveNeedsReason(DOB, { movedOn: '2027-12-15', reason: 'eigen_keuze', explanation: 'Wil bij zus wonen' }),
    ).toBe(false);
    expect(moveNeedsReason(DOB, { movedOn: '2026-07-01' })).toBe(false);
  });
});

describe('who writes what', () => {
  it('the director (local team, GI) writes funding; drafters the situation; the young person only their comment', () => {
    expect(fieldsNotAllowed('lokaal-team', { funderFrom18: 'Wmo', goal: 'x' })).toEqual([]);
    expect(fieldsNotAllowed('jeugdbeschermer', { switchContact: 'x' })).toEqual([]);
    expect(fieldsNotAllowed('jeugdhulpaanbieder', { goal: 'x', funderFrom18: 'Wmo' })).toEqual(['funderFrom18']);
    expect(fieldsNotAllowed('jeugdige', { youthComment: 'x' })).toEqual([]);
    expect(fieldsNotAllowed('jeugdige', { goal: 'x' })).toEqual(['goal']);
    expect(fieldsNotAllowed('lokaal-team', { youthComment: 'x' })).toEqual(['youthComment']);
    expect(fieldsNotAllowed('ouder', { situation: 'x' })).toEqual(['situation']);
  });
});
