/** The pure rules of endorsement and sign-off, each naming its source passage in 002 chapter 1. */
import { SECTIONS } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import { analysisClock } from '../../src/domain/clocks.js';
import { canonicalJson, changedSections, contentHash } from '../../src/endorsements/contentHash.js';
import { dissentOf, type SignOffInput, signOffVerdict } from '../../src/endorsements/signOffRules.js';
import { facts as clockFactsFor } from '../support/clockFacts.js';

const ready: SignOffInput = {
  requiredSections: [
    { id: 'hulpvraag_professionals', empty: false },
    { id: 'hypothesen', empty: false },
  ],
  endorsements: [
    { role: 'ouder', stance: 'agree', outdated: false },
    { role: 'onderwijsconsulent', stance: 'agree', outdated: false },
  ],
  noEndorsementReason: null,
  educationConsulted: false,
};

describe('002 h1 "gedragen door jeugdige en/of ouders/opvoeders en beroepskrachten"', () => {
  it('a current endorsement by the young person or a parent allows the sign-off', () => {
    expect(signOffVerdict(ready).missing).toEqual([]);
    const young = {
      ...ready,
      endorsements: [{ role: 'jeugdige', stance: 'agree-with-remarks' as const, outdated: false }],
    };
    expect(signOffVerdict({ ...young, educationConsulted: true }).missing).toEqual([]);
  });

  it('zero endorsements, only professionals, a disagreement or an endorsement of earlier text: refused', () => {
    for (const endorsements of [
      [],
      [{ role: 'gedragswetenschapper', stance: 'agree' as const, outdated: false }],
      [{ role: 'ouder', stance: 'disagree' as const, outdated: false }],
      [{ role: 'ouder', stance: 'agree' as const, outdated: true }],
    ])
      expect(signOffVerdict({ ...ready, endorsements, educationConsulted: true }).missing).toEqual([
        'signoff_not_endorsed',
      ]);
  });

  it('a recorded reason why not (a child under 12) needs the child’s view, written down by a professional', () => {
    const base = { ...ready, endorsements: [], educationConsulted: true };
    expect(signOffVerdict({ ...base, noEndorsementReason: { childViewRecorded: false } }).missing).toEqual([
      'signoff_child_view_missing',
    ]);
    expect(signOffVerdict({ ...base, noEndorsementReason: { childViewRecorded: true } }).missing).toEqual([]);
  });

  it('dissent is listed with the sign-off, never dropped', () => {
    const all = [
      { stance: 'agree' as const, who: 'a' },
      { stance: 'disagree' as const, who: 'b' },
      { stance: 'agree-with-remarks' as const, who: 'c' },
    ];
    expect(dissentOf(all).map((e) => e.who)).toEqual(['b', 'c']);
  });
});

describe('002 h1 "Bij het maken van een verklarende analyse wordt altijd ook het onderwijs betrokken"', () => {
  it('education consulted: an education consultant’s view or a recorded consultation', () => {
    const family = [{ role: 'ouder', stance: 'agree' as const, outdated: false }];
    expect(signOffVerdict({ ...ready, endorsements: family }).missing).toEqual(['signoff_education_missing']);
    expect(signOffVerdict({ ...ready, endorsements: family, educationConsulted: true }).missing).toEqual([]);
  });
});

describe('002 bijlage 1 (what an analysis holds): required sections', () => {
  it('an empty required section refuses the sign-off and is named', () => {
    const v = signOffVerdict({ ...ready, requiredSections: [{ id: 'hypothesen', empty: true }] });
    expect(v).toEqual({ missing: ['signoff_required_empty'], emptySections: ['hypothesen'] });
  });

  it('the required sections come from the template', () => {
    expect(SECTIONS.analysis.filter((s) => s.required).length).toBeGreaterThan(0);
  });
});

describe('002 h1 "gedragen": an endorsement belongs to the text the person read', () => {
  it('a change to a section the person endorsed makes it an endorsement of an earlier version', () => {
    const endorsed = { a: '1', b: '2' };
    expect(changedSections(endorsed, { a: '1', b: '2', c: '9' })).toEqual([]);
    expect(changedSections(endorsed, { a: '1', b: '3' })).toEqual(['b']);
    // Given before endorsements were pinned: not tied to any text.
    expect(changedSections(null, { a: '1' })).toEqual(['*']);
  });

  it('the content hash does not depend on key order', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe('{"a":[{"c":3,"d":2}],"b":1}');
    expect(contentHash({ a: '1', b: '2' })).toBe(contentHash({ b: '2', a: '1' }));
  });
});

describe('002 h1 "De verklarende analyse wordt gemaakt binnen 6 weken na start van de vraag"', () => {
  it('the clock runs from the request and stops at the sign-off', () => {
    const requested = new Date('2026-03-02T09:00:00Z');
    const running = analysisClock(clockFactsFor({ requestedAt: requested }), new Date('2026-04-20T09:00:00Z'));
    expect(running?.overdue).toBe(true);
    const stopped = clockFactsFor({ requestedAt: requested, analysisCompletedAt: new Date('2026-04-01T09:00:00Z') });
    expect(analysisClock(stopped, new Date('2026-04-20T09:00:00Z'))).toBeNull();
  });
});
