/** The rules the explanatory analysis binds, pure, each naming its source passage. */
import { describe, expect, it } from 'vitest';
import {
  agreedByAll,
  checkPlacement,
  isRecent,
  mayAgreeFor,
  type PlacementInput,
} from '../../src/decisions/decisionRules.js';

const now = new Date('2026-09-01T10:00:00Z');
const base: PlacementInput = {
  kind: 'uithuisplaatsing',
  followsAnalysis: true,
  gzPsycholoogValid: false,
  signedOffAt: new Date('2026-06-01T10:00:00Z'),
  recentMonths: 6,
  now,
};

describe('002 h1 "Afspraken: wanneer een verklarende analyse": altijd recent bij een uithuisplaatsing', () => {
  it('refuses a placement decision without a signed-off analysis', () => {
    expect(checkPlacement({ ...base, signedOffAt: null })).toMatchObject({
      id: 'analysis_not_signed_off',
      kind: 'conflict',
    });
  });
  it('"recent" is the region’s months, on the Amsterdam calendar, up to (not on) the instant', () => {
    const signed = new Date('2026-03-01T10:00:00Z');
    // 11:00 winter time + 6 calendar months = 11:00 summer time, 09:00 UTC.
    expect(isRecent(signed, 6, new Date('2026-09-01T08:59:59Z'))).toBe(true);
    expect(isRecent(signed, 6, new Date('2026-09-01T09:00:00Z'))).toBe(false);
    expect(checkPlacement({ ...base, signedOffAt: signed })).toMatchObject({ id: 'analysis_too_old' });
    expect(checkPlacement({ ...base, signedOffAt: signed, recentMonths: 12 })).toBeNull();
  });
  it('allows a placement that follows a recent signed-off analysis', () => {
    expect(checkPlacement(base)).toBeNull();
  });
});

describe('002 h1 "de verklarende analyse … een bindend advies is": a departure records why', () => {
  it('needs a reason when the decision does not follow the analysis', () => {
    expect(checkPlacement({ ...base, followsAnalysis: false })).toMatchObject({
      id: 'departure_reason_required',
      kind: 'invalid',
    });
    expect(checkPlacement({ ...base, followsAnalysis: false, departureReason: '   ' })).toMatchObject({
      id: 'departure_reason_required',
    });
    expect(checkPlacement({ ...base, followsAnalysis: false, departureReason: 'geen plek in de regio' })).toBeNull();
  });
});

describe('002 h1 "De onafhankelijke GZ-psycholoog die dit verzoek beoordeelt": a closed placement names one', () => {
  it('refuses a closed placement without a gz-psycholoog on the case', () => {
    const closed = { ...base, kind: 'gesloten-plaatsing' as const };
    expect(checkPlacement(closed)).toMatchObject({ id: 'gz_psycholoog_required' });
    expect(checkPlacement({ ...closed, gzPsycholoogId: 'u1' })).toMatchObject({ id: 'gz_psycholoog_required' });
    expect(checkPlacement({ ...closed, gzPsycholoogId: 'u1', gzPsycholoogValid: true })).toBeNull();
  });
  it('the analysis rule comes first: a closed placement without analysis is refused for that', () => {
    expect(checkPlacement({ ...base, kind: 'gesloten-plaatsing', signedOffAt: null })).toMatchObject({
      id: 'analysis_not_signed_off',
    });
  });
});

describe('002 "Pas op de plaats": risks borne jointly by provider, parents, GI and youth mental health', () => {
  it('a side agrees only through a person of that side', () => {
    expect(mayAgreeFor('ouders', 'ouder')).toBe(true);
    expect(mayAgreeFor('ouders', 'jeugdige')).toBe(false);
    expect(mayAgreeFor('gi', 'jeugdbeschermer')).toBe(true);
    expect(mayAgreeFor('gi', 'procesregisseur')).toBe(false);
    expect(mayAgreeFor('aanbieder', 'jeugdhulpaanbieder')).toBe(true);
    expect(mayAgreeFor('jeugd-ggz', 'gedragswetenschapper')).toBe(true);
    expect(mayAgreeFor('jeugd-ggz', 'gz-psycholoog')).toBe(false);
  });
  it('is agreed once all four sides agreed', () => {
    expect(agreedByAll(['aanbieder', 'ouders', 'gi'])).toBe(false);
    expect(agreedByAll(['gi', 'jeugd-ggz', 'ouders', 'aanbieder'])).toBe(true);
  });
});
