/** The escalation ladder and the commitments, pure: every allowed step, every refusal and why. */
import type { EscalationTarget, Role } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { caseAccess } from '../../src/domain/caseAccess.js';
import {
  buildStep,
  type Commitment,
  commitmentStatus,
  currentLevel,
  decideTransition,
  type LadderState,
  mayScaleDown,
  overdueCommitments,
  type TransitionContext,
} from '../../src/escalation/ladder.js';

function ctx(from: LadderState, to: EscalationTarget, role: Role, over: Partial<TransitionContext> = {}) {
  return { from, to, role, measureClockOverdue: false, commitmentsMet: true, ...over };
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
    expect(decideTransition(ctx(from, to, role))).toEqual({ allowed: true, direction: 'up', shortcut: false });
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

describe('the doorbraakaanpak shortcut: GI → DBT after 6 weeks without fitting help', () => {
  it('is allowed for the GI once the measure clock is overdue', () => {
    expect(decideTransition(ctx('lokaal', 'dbt', 'jeugdbeschermer', { measureClockOverdue: true }))).toEqual({
      allowed: true,
      direction: 'up',
      shortcut: true,
    });
  });
  it('is refused before the 6 weeks passed, and for roles other than GI / process director', () => {
    expect(decideTransition(ctx('lokaal', 'dbt', 'jeugdbeschermer'))).toMatchObject({ allowed: false, code: 'ladder' });
    expect(decideTransition(ctx('lokaal', 'dbt', 'lokaal-team', { measureClockOverdue: true }))).toMatchObject({
      allowed: false,
      code: 'role',
    });
  });
  it('does not let RET or BEN-NH skip', () => {
    expect(decideTransition(ctx('ret', 'dbt', 'jeugdbeschermer', { measureClockOverdue: true }))).toMatchObject({
      allowed: false,
    });
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
  it('refuses two levels down, other roles, and leaving the DBT with open commitments', () => {
    expect(decideTransition(ctx('dbt', 'ret', 'procesregisseur'))).toMatchObject({ allowed: false, code: 'ladder' });
    expect(decideTransition(ctx('ret', 'lokaal', 'jeugdbeschermer'))).toMatchObject({ allowed: false, code: 'role' });
    expect(decideTransition(ctx('dbt', 'gesloten', 'procesregisseur', { commitmentsMet: false }))).toMatchObject({
      allowed: false,
      code: 'ladder',
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
  it('the case may be scaled down only when every commitment is met', () => {
    expect(mayScaleDown([c({ metAt: due }), c({ id: 'b', metAt: due })])).toBe(true);
    expect(mayScaleDown([c({ metAt: due }), c({ id: 'b' })])).toBe(false);
    expect(mayScaleDown([])).toBe(true);
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
