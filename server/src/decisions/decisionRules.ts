/**
 * The decisions the explanatory analysis binds, pure (sources: 002 h1 "Afspraken: wanneer een
 * verklarende analyse", 002 "Pas op de plaats" and "bindend advies"):
 *  - "Wanneer een uithuisplaatsing wordt overwogen is altijd recent een verklarende analyse gemaakt":
 *    a placement decision needs a signed-off analysis no older than the region's months;
 *  - "Bij een verzoek voor een gesloten plaatsing … De onafhankelijke GZ-psycholoog die dit verzoek
 *    beoordeelt": a closed-placement request names the GZ psychologist;
 *  - "de verklarende analyse … een bindend advies is": a decision that departs from it records why;
 *  - "risico's worden gezamenlijk gedragen" (provider, parents, GI, youth mental health): each side agrees.
 */
import {
  addAmsterdamMonths,
  type HttpErrorId,
  type PlacementKind,
  RISK_PARTIES,
  RISK_PARTY_ROLES,
  type RiskParty,
  type Role,
} from '@samenspraak/shared';

export interface PlacementInput {
  kind: PlacementKind;
  followsAnalysis: boolean;
  departureReason?: string | undefined;
  gzPsycholoogId?: string | undefined;
  /** The named GZ psychologist is an active professional with that role, on the case. */
  gzPsycholoogValid: boolean;
  signedOffAt: Date | null;
  recentMonths: number;
  now: Date;
}

export interface Refusal {
  id: HttpErrorId;
  reason: string;
  /** invalid: the request lacks something (400); conflict: the case is not ready for it (409). */
  kind: 'invalid' | 'conflict';
}

/** A signed-off analysis is recent until `months` calendar months (Amsterdam) after its sign-off. */
export function isRecent(signedOffAt: Date, months: number, now: Date): boolean {
  return now.getTime() < addAmsterdamMonths(signedOffAt, months).getTime();
}

export function checkPlacement(p: PlacementInput): Refusal | null {
  if (!p.signedOffAt)
    return {
      id: 'analysis_not_signed_off',
      reason: 'a placement decision needs a signed-off analysis',
      kind: 'conflict',
    };
  if (!isRecent(p.signedOffAt, p.recentMonths, p.now))
    return {
      id: 'analysis_too_old',
      reason: `the signed-off analysis is older than ${p.recentMonths} months`,
      kind: 'conflict',
    };
  if (!p.followsAnalysis && !p.departureReason?.trim())
    return { id: 'departure_reason_required', reason: 'departureReason: required when not following', kind: 'invalid' };
  if (p.kind === 'gesloten-plaatsing' && (!p.gzPsycholoogId || !p.gzPsycholoogValid))
    return {
      id: 'gz_psycholoog_required',
      reason: 'gzPsycholoogId: a closed placement names a gz-psycholoog on the case',
      kind: 'invalid',
    };
  if (p.gzPsycholoogId && !p.gzPsycholoogValid)
    return { id: 'gz_psycholoog_required', reason: 'gzPsycholoogId: not a gz-psycholoog on the case', kind: 'invalid' };
  return null;
}

/** A person agrees for a side only when their role on the case belongs to that side. */
export function mayAgreeFor(party: RiskParty, role: Role): boolean {
  return RISK_PARTY_ROLES[party].includes(role);
}

/** The risks are borne jointly once every one of the four sides agreed. */
export function agreedByAll(parties: readonly string[]): boolean {
  return RISK_PARTIES.every((p) => parties.includes(p));
}
