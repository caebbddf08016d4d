/**
 * Who may see a case at all, from age and consent (domain brief §7). Pure: the clock is a parameter.
 *  - the young person: from 12 (before that the parents act for them);
 *  - parents: while the child is under 16; from 16 only with the young person's consent, which the
 *    young person controls (also after 18, when they alone decide);
 *  - professionals and others on the case: by participation, with their role's section permissions.
 */
import {
  type DocumentType,
  type OwnWordsPart,
  ownWordsPartPermission,
  type Permission,
  type Role,
  SECTIONS,
  sectionPermission,
} from '@samenspraak/shared';
import { ageOn } from './age.js';

export type AgeBand = 'under12' | '12to15' | '16to17' | 'adult';

export function ageBand(age: number): AgeBand {
  if (age < 12) return 'under12';
  if (age < 16) return '12to15';
  if (age < 18) return '16to17';
  return 'adult';
}

export interface CaseFacts {
  dateOfBirth: string;
  /** The young person's consent for parental access (counts from 16). */
  parentsConsent: boolean;
  closed: boolean;
  /** A participation that ends (a DBT member's, at the end of the follow-up): ISO instant, else none. */
  accessUntil?: string | null;
}

export type CaseAccessDecision = { allowed: true } | { allowed: false; reason: string };

/** A participation with an end (a DBT member's) that has passed: as if never on the case. */
export function participationEnded(accessUntil: string | null | undefined, now: Date): boolean {
  return !!accessUntil && now.getTime() >= Date.parse(accessUntil);
}

export function caseAccess(facts: CaseFacts, role: Role, now: Date): CaseAccessDecision {
  if (participationEnded(facts.accessUntil, now)) {
    return { allowed: false, reason: 'the participation ended with the follow-up of the breakthrough session' };
  }
  const band = ageBand(ageOn(facts.dateOfBirth, now));
  if (role === 'jeugdige' && band === 'under12') {
    return { allowed: false, reason: 'young people have access to their own dossier from 12' };
  }
  if (role === 'ouder' && (band === '16to17' || band === 'adult') && !facts.parentsConsent) {
    return { allowed: false, reason: 'from 16 parents need the young person’s consent' };
  }
  if (role === 'gemeente' || role === 'beheerder') return { allowed: false, reason: 'no access to case content' };
  return { allowed: true };
}

/** Only the young person decides about parental access, and only from 16. */
export function mayChangeParentsConsent(facts: CaseFacts, role: Role, now: Date): boolean {
  return role === 'jeugdige' && ageOn(facts.dateOfBirth, now) >= 16;
}

/** The own-words parts of a case's analysis and who is asking (see shared/src/analysisParts.ts). */
export interface OwnWordsContext {
  userId: string;
  parts: readonly OwnWordsPart[];
}

/**
 * Effective per-section permissions of one participant on one document. For the analysis, `ownWords`
 * adds each parent's own root and decides every own-words part per person (author or recorder edits),
 * so the per-root write check on the server keeps one person out of another's words.
 */
export function effectiveSections(
  facts: CaseFacts,
  type: DocumentType,
  role: Role,
  now: Date,
  ownWords?: OwnWordsContext,
): Record<string, Permission> {
  const allowed = caseAccess(facts, role, now).allowed;
  const result: Record<string, Permission> = {};
  // A closed case is read-only for everyone.
  const settle = (p: Permission): Permission => (facts.closed && (p === 'edit' || p === 'comment') ? 'read' : p);
  for (const section of SECTIONS[type]) {
    result[section.id] = settle(allowed ? sectionPermission(type, section.id, role) : 'none');
  }
  if (type === 'analysis' && ownWords) {
    for (const part of ownWords.parts) {
      result[part.root] = settle(allowed ? ownWordsPartPermission(part, { userId: ownWords.userId, role }) : 'none');
    }
  }
  return result;
}
