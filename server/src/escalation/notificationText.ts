/**
 * What a live notification says, in plain Dutch, and when it is pushed. Pure. The text names the kind
 * of deadline and its date, never case content: the person opens the case (through the API, which
 * checks access and logs) to see more.
 */
import type { NoticeView } from '@samenspraak/shared';
import { dutchDay } from '../domain/dutchDates.js';

/** Only what needs attention is pushed live; information stays in the list (GET /api/notifications). */
export const PUSHED_SEVERITIES: readonly NoticeView['severity'][] = ['warning', 'urgent'];

export function shouldPush(n: NoticeView): boolean {
  return PUSHED_SEVERITIES.includes(n.severity);
}

/**
 * One push per notice and state: the same deadline is pushed again only when it gets more pressing
 * (information → warning → overdue), never twice in the same state.
 */
export function pushKey(n: NoticeView): string {
  return [n.kind, n.caseId, n.dueAt, n.severity, n.overdue ? 'overdue' : 'due', n.commitmentId ?? ''].join('|');
}

export function notificationMessage(n: NoticeView): string {
  const d = dutchDay(new Date(n.dueAt));
  switch (n.kind) {
    case 'analysis-due':
      return n.overdue
        ? `De verklarende analyse is niet binnen 6 weken klaar (uiterlijk ${d}).`
        : `De verklarende analyse moet uiterlijk ${d} klaar zijn.`;
    case 'future-plan-required':
      return n.overdue
        ? `Er is nog geen toekomstplan, terwijl het vanaf ${d} nodig is (16 jaar).`
        : `Vanaf ${d} (16 jaar) is een toekomstplan nodig.`;
    case 'future-plan-half-year-check':
      return n.overdue
        ? `De halfjaarlijkse controle van het toekomstplan is verlopen (uiterlijk ${d}).`
        : `Het toekomstplan moet uiterlijk ${d} weer gecontroleerd worden.`;
    case 'measure-escalation':
      return n.overdue
        ? `Geen passende hulp binnen 6 weken na de maatregel (uiterlijk ${d}): direct opschalen naar de doorbraakaanpak kan.`
        : `Passende hulp moet uiterlijk ${d} gestart zijn (6 weken na de maatregel).`;
    case 'no-progress-analysis':
      return n.overdue
        ? `Drie maanden hulp zonder voortgang (sinds ${d}): tijd voor een nieuwe analyse.`
        : `Zonder voortgang is uiterlijk ${d} een nieuwe analyse nodig.`;
    case 'commitment-overdue':
      return `Een toezegging uit de doorbraaksessie is niet op tijd nagekomen (uiterlijk ${d}).`;
    default:
      return `Er vraagt iets aandacht op deze casus (${d}).`;
  }
}
