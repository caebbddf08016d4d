/** Pure rules of registration, team and the consultation form. */
import { REGIONS, RET_OF_REGION } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import {
  isCalendarDate,
  normalisedName,
  registrantOf,
  registrationInputProblem,
  sameYoungPerson,
} from '../../src/cases/caseRules.js';
import { handoverProblem } from '../../src/cases/teamRules.js';
import { AddressLimiter, contactProblem, receiptNumber } from '../../src/consultation/consultationRules.js';

describe('the duplicate young person (issue: "duplicate young person")', () => {
  it('compares names without case, accents or extra spaces, and the municipality likewise', () => {
    expect(normalisedName('  José   de  Vries ')).toBe('jose de vries');
    const a = { name: 'Noor Jansen', dateOfBirth: '2012-05-01', municipality: 'Alkmaar' };
    expect(sameYoungPerson(a, { ...a, name: 'noor  JANSEN', municipality: 'alkmaar' })).toBe(true);
    expect(sameYoungPerson(a, { ...a, dateOfBirth: '2012-05-02' })).toBe(false);
    expect(sameYoungPerson(a, { ...a, municipality: 'Heiloo' })).toBe(false);
  });
});

describe('registration input', () => {
  it('knows the nine regions and their eight RETs (Zuid-Kennemerland and IJmond share one, 003)', () => {
    expect(REGIONS).toHaveLength(9);
    expect(new Set(Object.values(RET_OF_REGION)).size).toBe(8);
    expect(RET_OF_REGION.IJmond).toBe(RET_OF_REGION['Zuid-Kennemerland']);
  });

  it('gives unknown regions and non-dates their own refusal', () => {
    expect(registrationInputProblem({ region: 'Utrecht' })?.id).toBe('unknown_region');
    expect(registrationInputProblem({ region: 'IJmond', youngPerson: { dateOfBirth: '2012-02-30' } })?.id).toBe(
      'invalid_date_of_birth',
    );
    expect(registrationInputProblem({ region: 'IJmond', youngPerson: { dateOfBirth: '2012-02-29' } })).toBeNull();
    expect(isCalendarDate('2011-02-29')).toBe(false);
  });

  it('counts who registered for the monitor from who asked (domain brief §6: parents under-represented)', () => {
    expect(registrantOf('ouder', 'lokaal-team')).toBe('ouders');
    expect(registrantOf('onderwijs', 'procesregisseur')).toBe('onderwijs');
    expect(registrantOf('professional', 'jeugdbeschermer')).toBe('gi');
    expect(registrantOf('professional', 'lokaal-team')).toBe('lokaal-team');
    expect(registrantOf('professional', 'gedragswetenschapper')).toBe('anders');
  });
});

describe('procesregie handover (domain brief §1: the RET directs the process)', () => {
  const target = { userId: 'b', role: 'gedragswetenschapper' as const };
  it('the holder or a procesregisseur hands over, to a director on the case', () => {
    expect(handoverProblem({ actorId: 'a', actorRole: 'gedragswetenschapper', holderId: 'a', target })).toBeNull();
    expect(handoverProblem({ actorId: 'c', actorRole: 'procesregisseur', holderId: 'a', target })).toBeNull();
    expect(handoverProblem({ actorId: 'c', actorRole: 'gedragswetenschapper', holderId: 'a', target })).toBe(
      'not_holder',
    );
    expect(
      handoverProblem({
        actorId: 'a',
        actorRole: 'procesregisseur',
        holderId: 'a',
        target: { userId: 'p', role: 'ouder' },
      }),
    ).toBe('bad_target');
    expect(handoverProblem({ actorId: 'a', actorRole: 'procesregisseur', holderId: 'a', target: null })).toBe(
      'bad_target',
    );
  });
});

describe('the public consultation form', () => {
  it('needs a phone number or an e-mail address that looks right', () => {
    expect(contactProblem(undefined, undefined)).toBe('contact_required');
    expect(contactProblem('06 1234 5678', undefined)).toBeNull();
    expect(contactProblem('+31 6 12345678', undefined)).toBeNull();
    expect(contactProblem('bel me', undefined)).toBe('invalid_contact');
    expect(contactProblem(undefined, 'a@b.nl')).toBeNull();
    expect(contactProblem(undefined, 'a@b')).toBe('invalid_contact');
  });

  it('gives receipts without ambiguous characters', () => {
    for (let i = 0; i < 50; i++) expect(receiptNumber()).toMatch(/^C-[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}$/);
  });

  it('limits one address to its burst, not another', () => {
    const limiter = new AddressLimiter({ burst: 2, perHour: 1 });
    expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('b')]).toEqual([
      true,
      true,
      false,
      true,
    ]);
  });
});
