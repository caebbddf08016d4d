/** The escalation ladder and the commitments, pure: every allowed step, every refusal and why. */
import type { EscalationTarget, Role } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { caseAccess } from '../../src/domain/caseAccess.js';
import {
  buildStep,
  type Commitment,
  commitmentStatus,
  currentLevel,
  dbtSettled,
  decideTransition,
  type LadderState,
  overdueCommitments,
  type TransitionContext,
} from '../../src/escalation/ladder.js';

function ctx(from: LadderState, to: EscalationTarget, role: Role, over: Partial<TransitionContext> = {}) {
  const base: TransitionContext = {
    from,
    to,
    role,
    doorbraakaanpak: false,
    westFriesland: 'off',
    analysisSignedOff: true,
    dbtSettled: true,
  };
  return { ...base, ...over };
}

describe('upward, one level at a time, by the deciding roles', () => {
  it.each([
    ['lokaal', 'ret', 'jeugdbeschermer'],
    ['lokaal', 'ret', 'lokaal-team'],
    ['lokaal', 'ret', 'jeugdhulpaanbieder'],
    ['ret', 'ben-nh', 'procesregisseur'],
    ['ben-nh', 'dbt', 'procesregisseur'],
    ['gesloten', 'ret', 'lokaal-team'],
  ] as const)('%s → %s by %s is allowed', (from, to, role) => {
    expect(decideTransition(ctx(from, to, role))).toEqual({ allowed: true, direction: 'up', doorbraakaanpak: false });
  });

  it.each([
    ['lokaal', 'ret', 'jeugdige'],
    ['lokaal', 'ret', 'gedragswetenschapper'],
    ['ret', 'ben-nh', 'jeugdbeschermer'],
    ['ben-nh', 'dbt', 'lokaal-team'],
    ['ben-nh', 'dbt', 'dbt-lid'],
  ] as const)('%s → %s by %s is refused for the role', (from, to, role) => {
    expect(decideTransition(ctx(from, to, role))).toMatchObject({ allowed: false, code: 'role', mayPropose: false });
  });

  it('a BEN-NH adviser may propose the process director’s steps, not decide them', () => {
    const d = decideTransition(ctx('ben-nh', 'dbt', 'ben-adviseur'));
    expect(d).toMatchObject({ allowed: false, code: 'role', mayPropose: true });
    if (!d.allowed) expect(d.reason).toMatch(/may propose/);
  });

  it.each([
    ['lokaal', 'ben-nh'],
    ['ret', 'dbt'],
    ['lokaal', 'dbt'],
  ] as const)('skipping %s → %s is refused', (from, to) => {
    expect(decideTransition(ctx(from, to, 'procesregisseur'))).toMatchObject({ allowed: false, code: 'ladder' });
  });

  it('the same level, or reopening to lokaal, is no step', () => {
    expect(decideTransition(ctx('ret', 'ret', 'procesregisseur'))).toMatchObject({ allowed: false, code: 'ladder' });
    expect(decideTransition(ctx('gesloten', 'lokaal', 'procesregisseur'))).toMatchObject({ allowed: false });
  });
});

describe('domain §5: the DBT takes only cases with a signed-off explanatory analysis', () => {
  it('refuses BEN-NH → DBT without a signed-off analysis, with its own error id', () => {
    expect(decideTransition(ctx('ben-nh', 'dbt', 'procesregisseur', { analysisSignedOff: false }))).toMatchObject({
      allowed: false,
      code: 'ladder',
      errorId: 'analysis_not_signed_off',
    });
  });
  it('the lower rungs need no sign-off (the RET helps make the analysis)', () => {
    expect(decideTransition(ctx('lokaal', 'ret', 'lokaal-team', { analysisSignedOff: false })).allowed).toBe(true);
    expect(decideTransition(ctx('ret', 'ben-nh', 'procesregisseur', { analysisSignedOff: false })).allowed).toBe(true);
  });
});

// Changed on purpose: the old shortcut lokaal → dbt is gone. 004 actie 4 sends the case "direct … naar
// uitvoering doorbraakaanpak", which in West-Friesland the RET carries out (004 "Doorbraakaanpak
// Westfriesland"), and only where the region switched the rule on (domain §5).
describe('004 actie 4: the GI escalates to the RET’s regional doorbraakaanpak, where the region uses it', () => {
  const wf = { doorbraakaanpak: true } as const;
  it('lokaal → ret as doorbraakaanpak by the GI once 6 weeks passed', () => {
    expect(decideTransition(ctx('lokaal', 'ret', 'jeugdbeschermer', { ...wf, westFriesland: 'overdue' }))).toEqual({
      allowed: true,
      direction: 'up',
      doorbraakaanpak: true,
    });
  });
  it('refused where the region does not use the rule, and before the 6 weeks', () => {
    expect(decideTransition(ctx('lokaal', 'ret', 'jeugdbeschermer', wf))).toMatchObject({
      allowed: false,
      errorId: 'west_friesland_rule_off',
    });
    expect(
      decideTransition(ctx('lokaal', 'ret', 'jeugdbeschermer', { ...wf, westFriesland: 'running' })),
    ).toMatchObject({ allowed: false, errorId: 'measure_clock_running' });
  });
  it('only the GI starts it; it is never a step to the DBT, nor a skip', () => {
    expect(decideTransition(ctx('lokaal', 'ret', 'lokaal-team', { ...wf, westFriesland: 'overdue' }))).toMatchObject({
      allowed: false,
      code: 'role',
    });
    expect(decideTransition(ctx('lokaal', 'dbt', 'jeugdbeschermer', { westFriesland: 'overdue' }))).toMatchObject({
      allowed: false,
      code: 'ladder',
    });
    expect(
      decideTransition(ctx('ben-nh', 'dbt', 'procesregisseur', { ...wf, westFriesland: 'overdue' })),
    ).toMatchObject({ allowed: false, code: 'ladder' });
  });
});

describe('down one level or closed, by the process director', () => {
  it.each([
    ['dbt', 'ben-nh', 'down'],
    ['ben-nh', 'ret', 'down'],
    ['ret', 'lokaal', 'down'],
    ['dbt', 'gesloten', 'close'],
    ['lokaal', 'gesloten', 'close'],
  ] as const)('%s → %s is %s', (from, to, direction) => {
    expect(decideTransition(ctx(from, to, 'procesregisseur'))).toMatchObject({ allowed: true, direction });
  });
  it('refuses two levels down, other roles, and leaving the DBT unsettled (domain §5)', () => {
    expect(decideTransition(ctx('dbt', 'ret', 'procesregisseur'))).toMatchObject({ allowed: false, code: 'ladder' });
    expect(decideTransition(ctx('ret', 'lokaal', 'jeugdbeschermer'))).toMatchObject({ allowed: false, code: 'role' });
    for (const to of ['gesloten', 'ben-nh'] as const)
      expect(decideTransition(ctx('dbt', to, 'procesregisseur', { dbtSettled: false }))).toMatchObject({
        allowed: false,
        code: 'ladder',
        errorId: 'dbt_not_settled',
      });
    expect(decideTransition(ctx('gesloten', 'gesloten', 'procesregisseur'))).toMatchObject({ allowed: false });
  });
});

describe('a step carries why, what was tried, who decided and the analysis', () => {
  const input = {
    bottleneck: 'geen passende plek',
    tried: 'drie aanbieders gevraagd',
    decidedBy: 'u1',
    decidedAt: new Date('2026-03-01T10:00:00Z'),
    analysis: { documentId: 'c1.analysis', version: 'abc' },
  };
  it('builds a complete step', () => {
    const r = buildStep(ctx('lokaal', 'ret', 'lokaal-team'), input);
    expect(r).toMatchObject({ ok: true, step: { from: 'lokaal', to: 'ret', decidedBy: 'u1' } });
  });
  it.each([
    [{ bottleneck: '  ' }, /bottleneck/],
    [{ tried: '' }, /tried/],
    [{ decidedBy: '' }, /decided/],
    [{ analysis: null }, /analysis/],
  ])('refuses a step without %o', (over, reason) => {
    const r = buildStep(ctx('lokaal', 'ret', 'lokaal-team'), { ...input, ...over });
    expect(r).toMatchObject({ ok: false, code: 'input' });
    if (!r.ok) expect(r.reason).toMatch(reason);
  });
  it('scaling down needs no analysis; a refused transition says why', () => {
    expect(buildStep(ctx('ret', 'lokaal', 'procesregisseur'), { ...input, analysis: null }).ok).toBe(true);
    expect(buildStep(ctx('lokaal', 'dbt', 'procesregisseur'), input)).toMatchObject({ ok: false, code: 'ladder' });
  });
  it('the current level is the last step’s target, lokaal before any', () => {
    expect(currentLevel([])).toBe('lokaal');
    expect(currentLevel([{ to: 'ret' }, { to: 'ben-nh' }])).toBe('ben-nh');
  });
});

describe('commitments', () => {
  const due = new Date('2026-06-01T00:00:00Z');
  const c = (over: Partial<Commitment> = {}): Commitment => ({
    id: 'k1',
    organisation: 'Gemeente Alkmaar',
    what: 'woonplek',
    lawOrBudget: 'Jeugdwet',
    dueAt: due,
    metAt: null,
    ...over,
  });
  it('open before the due instant, overdue from it, met when met (even late)', () => {
    expect(commitmentStatus(c(), new Date(due.getTime() - 1))).toBe('open');
    expect(commitmentStatus(c(), due)).toBe('overdue');
    expect(commitmentStatus(c({ metAt: new Date('2026-07-01T00:00:00Z') }), new Date('2026-08-01T00:00:00Z'))).toBe(
      'met',
    );
  });
  it('lists the overdue ones for the process director', () => {
    const list = [c({ id: 'a' }), c({ id: 'b', metAt: due }), c({ id: 'c', dueAt: new Date('2027-01-01T00:00:00Z') })];
    expect(overdueCommitments(list, due).map((x) => x.id)).toEqual(['a']);
  });
  // Changed on purpose: zero commitments or no session outcome no longer counts as settled (domain §5:
  // "a case never closes at the DBT without a session and an outcome").
  it('domain §5: the DBT scales down after a session with an outcome, every commitment met or released', () => {
    const released = c({ id: 'b', releasedAt: due, releaseReason: 'gemeente vond andere plek' });
    expect(dbtSettled(1, [c({ metAt: due }), c({ id: 'b', metAt: due })])).toBe(true);
    expect(dbtSettled(1, [c({ metAt: due }), released])).toBe(true);
    expect(dbtSettled(1, [c({ metAt: due }), c({ id: 'b' })])).toBe(false);
    expect(dbtSettled(1, [c({ metAt: due }), c({ id: 'b', releasedAt: due, releaseReason: ' ' })])).toBe(false);
    expect(dbtSettled(1, [])).toBe(false);
    expect(dbtSettled(0, [c({ metAt: due })])).toBe(false);
  });
  it('a released commitment is neither open nor overdue', () => {
    expect(commitmentStatus(c({ releasedAt: due, releaseReason: 'x' }), new Date('2027-01-01T00:00:00Z'))).toBe(
      'released',
    );
  });
});

describe('a participation that ends (a DBT member after the follow-up)', () => {
  const facts = { dateOfBirth: '2010-01-01', parentsConsent: false, closed: false };
  const until = '2026-04-01T12:00:00.000Z';
  it('gives access until the instant, not on it', () => {
    expect(caseAccess({ ...facts, accessUntil: until }, 'dbt-lid', new Date(Date.parse(until) - 1)).allowed).toBe(true);
    expect(caseAccess({ ...facts, accessUntil: until }, 'dbt-lid', new Date(until)).allowed).toBe(false);
    expect(caseAccess({ ...facts, accessUntil: null }, 'dbt-lid', new Date('2040-01-01T00:00:00Z')).allowed).toBe(true);
  });
});
