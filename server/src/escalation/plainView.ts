/**
 * What the young person and the parents see of an escalation, in plain facts (the client words them in
 * B1 Dutch): where the case went (RET, BEN-NH, DBT, back, closed) and when, why (the bottleneck as
 * recorded), and each commitment — which organisation, what, by when, met or not, released and why.
 * Never a person's name, role or id, never "what was tried", the law/budget line or the analysis
 * snapshot: those are the professionals' working notes (docs/SECURITY.md).
 */
import type { PlainEscalationResponse } from '@samenspraak/shared';
import type { CaseEscalationState } from './escalationState.js';
import { commitmentStatus } from './ladder.js';

export function plainEscalation(state: CaseEscalationState, now: Date): PlainEscalationResponse {
  return {
    level: state.level,
    steps: state.steps.map((s) => ({
      to: s.to,
      at: s.decidedAt,
      why: s.bottleneck,
      doorbraakaanpak: s.doorbraakaanpak,
    })),
    commitments: state.commitments.map((c) => ({
      organisation: c.organisation,
      what: c.what,
      dueAt: c.dueAt.toISOString(),
      status: commitmentStatus(c, now),
      releaseReason: c.releasedAt ? (c.releaseReason ?? null) : null,
    })),
  };
}
