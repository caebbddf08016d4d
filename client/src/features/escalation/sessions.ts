/**
 * Breakthrough sessions known to this page. The server answers `POST …/breakthrough-sessions` with the
 * session but (so far) lists none in `GET …/escalation`; until it does, the sessions planned in this
 * browser are remembered per case in localStorage, and sessions only known from a commitment are shown
 * without a date. When the server lists `sessions`, those win.
 */
import type { BreakthroughSessionView, CommitmentView } from '@samenspraak/shared';

const key = (caseId: string) => `samenspraak.dbtSessions.${caseId}`;

export function rememberedSessions(caseId: string): BreakthroughSessionView[] {
  try {
    const raw = localStorage.getItem(key(caseId));
    const parsed: unknown = raw ? JSON.parse(raw) : [];
    return Array.isArray(parsed) ? (parsed as BreakthroughSessionView[]) : [];
  } catch {
    return [];
  }
}

export function rememberSession(caseId: string, session: BreakthroughSessionView): void {
  try {
    const list = rememberedSessions(caseId).filter((s) => s.id !== session.id);
    localStorage.setItem(key(caseId), JSON.stringify([...list, session]));
  } catch {
    // storage unavailable (private mode): the session is still shown until the page reloads
  }
}

export interface KnownSession {
  id: string;
  scheduledAt: string | null;
  followUpUntil: string | null;
}

/** Server list first, then remembered ones, then ids seen on commitments; latest session first. */
export function mergeSessions(
  fromServer: readonly BreakthroughSessionView[] | undefined,
  remembered: readonly BreakthroughSessionView[],
  commitments: readonly CommitmentView[],
): KnownSession[] {
  const byId = new Map<string, KnownSession>();
  for (const s of [...(fromServer ?? []), ...remembered]) {
    if (!byId.has(s.id)) byId.set(s.id, { id: s.id, scheduledAt: s.scheduledAt, followUpUntil: s.followUpUntil });
  }
  for (const c of commitments) {
    if (c.sessionId && !byId.has(c.sessionId))
      byId.set(c.sessionId, { id: c.sessionId, scheduledAt: null, followUpUntil: null });
  }
  return [...byId.values()].sort((a, b) => (b.scheduledAt ?? '').localeCompare(a.scheduledAt ?? ''));
}
