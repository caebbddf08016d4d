import type { CommitmentView, EscalationStepView } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { ladderChoices, latestStepTo, measureClockOverdue, refusalKey, sortCommitments } from './ladder';

const none = { measureClockOverdue: false, mayScaleDown: true, analysisSignedOff: true };

describe('ladderChoices', () => {
  it('lets the local team, provider, GI and process director escalate to the RET', () => {
    for (const role of ['lokaal-team', 'jeugdhulpaanbieder', 'jeugdbeschermer', 'procesregisseur'] as const) {
      expect(ladderChoices('lokaal', role, none)).toEqual([{ to: 'ret', direction: 'up', allowed: true }]);
    }
    expect(ladderChoices('lokaal', 'onderwijsconsulent', none)[0]).toMatchObject({ allowed: false, blockedBy: 'role' });
  });

  it('leaves BEN-NH and the DBT to the process director; the BEN adviser may propose', () => {
    expect(ladderChoices('ret', 'procesregisseur', none)[0]).toEqual({ to: 'ben-nh', direction: 'up', allowed: true });
    expect(ladderChoices('ret', 'ben-adviseur', none)[0]).toMatchObject({ allowed: false, mayPropose: true });
    expect(ladderChoices('ret', 'jeugdbeschermer', none)[0]).toMatchObject({ allowed: false, mayPropose: false });
  });

  // Changed on purpose: no shortcut to the DBT; 004 actie 4 goes to the RET's regional doorbraakaanpak.
  it('offers the GI the doorbraakaanpak to the RET only when the (region’s) measure clock ran out', () => {
    const isWf = (c: { direction: string }) => c.direction === 'doorbraakaanpak';
    expect(ladderChoices('lokaal', 'jeugdbeschermer', none).some(isWf)).toBe(false);
    const late = ladderChoices('lokaal', 'jeugdbeschermer', { ...none, measureClockOverdue: true });
    expect(late.find(isWf)).toEqual({ to: 'ret', direction: 'doorbraakaanpak', allowed: true });
    expect(late.some((c) => c.to === 'dbt')).toBe(false);
    const other = ladderChoices('lokaal', 'lokaal-team', { ...none, measureClockOverdue: true });
    expect(other.find(isWf)?.allowed).toBe(false);
  });

  it('offers the DBT only with a signed-off analysis (domain §5)', () => {
    expect(ladderChoices('ben-nh', 'procesregisseur', { ...none, analysisSignedOff: false })[0]).toEqual({
      to: 'dbt',
      direction: 'up',
      allowed: false,
      blockedBy: 'analysis',
    });
  });

  it('scales down one level or closes, and leaves the DBT only when every commitment is met', () => {
    const fromBen = ladderChoices('ben-nh', 'procesregisseur', none);
    expect(fromBen.map((c) => `${c.direction}:${c.to}:${c.allowed}`)).toEqual([
      'up:dbt:true',
      'down:ret:true',
      'close:gesloten:true',
    ]);
    const open = ladderChoices('dbt', 'procesregisseur', { ...none, mayScaleDown: false });
    expect(open).toEqual([
      { to: 'ben-nh', direction: 'down', allowed: false, blockedBy: 'commitments' },
      { to: 'gesloten', direction: 'close', allowed: false, blockedBy: 'commitments' },
    ]);
    expect(ladderChoices('dbt', 'gedragswetenschapper', none)[0]).toMatchObject({ allowed: false, blockedBy: 'role' });
  });

  it('reopens a closed escalation at the RET', () => {
    expect(ladderChoices('gesloten', 'lokaal-team', none)).toEqual([{ to: 'ret', direction: 'up', allowed: true }]);
  });
});

describe('helpers', () => {
  it('finds the overdue measure clock', () => {
    const notice = {
      kind: 'measure-escalation',
      caseId: 'c',
      dueAt: '2026-01-01T00:00:00Z',
      severity: 'urgent' as const,
    };
    expect(measureClockOverdue([{ ...notice, overdue: true }])).toBe(true);
    expect(measureClockOverdue([{ ...notice, overdue: false }])).toBe(false);
  });

  it('finds the latest step to a level', () => {
    const step = (id: string, to: EscalationStepView['to']): EscalationStepView => ({
      id,
      from: 'lokaal',
      to,
      bottleneck: 'b',
      tried: 't',
      decidedBy: 'u',
      decidedByRole: 'procesregisseur',
      decidedAt: '2026-01-01T00:00:00Z',
      analysisSnapshot: null,
      analysisVersion: null,
      doorbraakaanpak: false,
    });
    expect(latestStepTo([step('1', 'ret'), step('2', 'dbt'), step('3', 'ben-nh'), step('4', 'dbt')], 'dbt')?.id).toBe(
      '4',
    );
    expect(latestStepTo([step('1', 'ret')], 'dbt')).toBeNull();
  });

  it('sorts commitments overdue, open, met', () => {
    const c = (id: string, status: CommitmentView['status'], dueAt: string): CommitmentView => ({
      id,
      sessionId: null,
      organisation: 'o',
      what: 'w',
      lawOrBudget: 'Jeugdwet',
      dueAt,
      releaseReason: null,
      status,
      authorId: 'a',
    });
    const sorted = sortCommitments([
      c('met', 'met', '2026-01-01'),
      c('late', 'open', '2026-03-01'),
      c('soon', 'open', '2026-02-01'),
      c('over', 'overdue', '2026-01-15'),
    ]);
    expect(sorted.map((x) => x.id)).toEqual(['over', 'soon', 'late', 'met']);
  });

  it('recognises the server refusals', () => {
    expect(
      refusalKey(
        409,
        'dbt_not_settled',
        'dbt → ben-nh: the DBT scales down only after a session with an outcome and every commitment met or released',
      ),
    ).toBe('commitmentsOpen');
    expect(
      refusalKey(
        403,
        'forbidden',
        'ret → ben-nh: a ben-adviseur may not escalate to ben-nh; a ben-adviseur may propose it',
      ),
    ).toBe('mayPropose');
    expect(refusalKey(403, 'forbidden', 'ret → ben-nh: a lokaal-team may not escalate to ben-nh')).toBe('forbidden');
    expect(refusalKey(500, 'internal', 'boom')).toBeNull();
  });
});
