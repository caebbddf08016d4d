/**
 * The sign-off rule of the explanatory analysis, pure (source: 002 chapter 1 and appendix 1):
 *  - "gedragen door jeugdige en/of ouders/opvoeders en beroepskrachten": at least one current
 *    endorsement (of the text as it is now) by the young person or a parent — or a recorded reason why
 *    not (e.g. a child under 12), and then a professional wrote down the child's view;
 *  - "Bij het maken van een verklarende analyse wordt altijd ook het onderwijs betrokken": education was
 *    consulted (an education consultant gave their view, or a consultation was recorded);
 *  - appendix 1: every section the template marks required holds something;
 *  - dissent (disagrees, agrees with remarks) is listed with the sign-off, never dropped.
 */
import type { SignOffRefusal } from '@samenspraak/shared';

export interface RuleEndorsement {
  role: string;
  stance: 'agree' | 'agree-with-remarks' | 'disagree';
  /** Given on an earlier version of the text: does not count. */
  outdated: boolean;
}

export interface SignOffInput {
  /** The required sections (template order) and whether each is empty now. */
  requiredSections: ReadonlyArray<{ id: string; empty: boolean }>;
  endorsements: readonly RuleEndorsement[];
  /** The recorded reason why neither the young person nor a parent endorses, if any. */
  noEndorsementReason: { childViewRecorded: boolean } | null;
  /** A recorded consultation of education, if any. */
  educationConsulted: boolean;
}

export interface SignOffVerdict {
  /** Empty: the sign-off may go ahead. In the order a person would fix them. */
  missing: SignOffRefusal[];
  emptySections: string[];
}

const FAMILY = new Set(['jeugdige', 'ouder']);
/** Consenting to a sign-off: agreeing, with or without remarks. A disagreement is dissent, not consent. */
const consents = (e: RuleEndorsement) => !e.outdated && e.stance !== 'disagree';

export function signOffVerdict(input: SignOffInput): SignOffVerdict {
  const missing: SignOffRefusal[] = [];
  const emptySections = input.requiredSections.filter((s) => s.empty).map((s) => s.id);
  if (emptySections.length > 0) missing.push('signoff_required_empty');
  const familyEndorses = input.endorsements.some((e) => FAMILY.has(e.role) && consents(e));
  if (!familyEndorses) {
    if (!input.noEndorsementReason) missing.push('signoff_not_endorsed');
    else if (!input.noEndorsementReason.childViewRecorded) missing.push('signoff_child_view_missing');
  }
  // Consulted is a fact that stays true when the text changes later (unlike consent to the text).
  const educationEndorses = input.endorsements.some((e) => e.role === 'onderwijsconsulent');
  if (!educationEndorses && !input.educationConsulted) missing.push('signoff_education_missing');
  return { missing, emptySections };
}

/** Those who disagree or agree with remarks: shown next to the sign-off (outdated ones too: still said). */
export function dissentOf<T extends { stance: RuleEndorsement['stance'] }>(endorsements: readonly T[]): T[] {
  return endorsements.filter((e) => e.stance !== 'agree');
}
