/**
 * Who holds which right at which age (shared/src/rightsSchemas.ts, domain brief §7), and the legal
 * answer dates on the Amsterdam calendar: pure, no server.
 */
import { correctionDueBy, holdsRight, RIGHTS } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';

const table = (role: string, age: number) => Object.fromEntries(RIGHTS.map((r) => [r, holdsRight(r, role, age)]));

describe('holdsRight', () => {
  it('under 12: the parents act for the child, the young person holds nothing', () => {
    expect(table('ouder', 11)).toEqual({
      accessLog: true,
      export: true,
      statement: true,
      correction: true,
      destruction: true,
      logPrivacy: false,
    });
    expect(Object.values(table('jeugdige', 11)).some(Boolean)).toBe(false);
  });

  it('12–15: both ask; the export and who sees the own activity are the young person’s', () => {
    expect(table('jeugdige', 12)).toEqual({
      accessLog: true,
      export: true,
      statement: true,
      correction: true,
      destruction: true,
      logPrivacy: true,
    });
    expect(table('ouder', 15)).toMatchObject({ export: false, correction: true, destruction: true, logPrivacy: false });
  });

  it('from 16 the young person alone; a parent with consent reads and says their own words only', () => {
    expect(table('ouder', 16)).toEqual({
      accessLog: true,
      export: false,
      statement: true,
      correction: false,
      destruction: false,
      logPrivacy: false,
    });
    expect(table('jeugdige', 16).destruction).toBe(true);
  });

  it('professionals hold none of them', () => {
    for (const role of ['gedragswetenschapper', 'procesregisseur', 'jeugdhulpaanbieder'])
      expect(Object.values(table(role, 14)).some(Boolean)).toBe(false);
  });
});

describe('correctionDueBy', () => {
  it('is one calendar month later at the same Amsterdam time, across summer time', () => {
    // 30 March 2026 10:00 CEST (08:00Z) → 30 April 10:00 CEST.
    expect(correctionDueBy(new Date('2026-03-30T08:00:00Z')).toISOString()).toBe('2026-04-30T08:00:00.000Z');
    // 31 January → 28 February (the month lacks the day).
    expect(correctionDueBy(new Date('2026-01-31T11:00:00Z')).toISOString()).toBe('2026-02-28T11:00:00.000Z');
  });
});
