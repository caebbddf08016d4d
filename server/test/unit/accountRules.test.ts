/**
 * The pure rules of the functioneel beheerder (issue "A functioneel beheerder role per region: creates
 * professional accounts, … disables accounts"): which accounts a beheerder manages, and the state the
 * account list shows.
 */
import { BEHEERDER_CREATABLE_ROLES, INVITED_ROLES, ROLES } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import type { UsersTable } from '../../src/db/schema.js';
import { accountState, type Beheerder, manageable } from '../../src/identity/beheerder.js';

const beheerder = { user: { id: 'b1' } as UsersTable, region: 'IJmond' } as Beheerder;
const pro = { id: 'p1', kind: 'professional', role: 'gedragswetenschapper', region: 'IJmond' };

describe('what a beheerder manages', () => {
  it('professionals of their own region only; not beheerders, not themself, not clients', () => {
    expect(manageable(beheerder, pro)).toBe(true);
    expect(manageable(beheerder, { ...pro, region: 'Haarlemmermeer' })).toBe(false);
    expect(manageable(beheerder, { ...pro, region: null })).toBe(false);
    expect(manageable(beheerder, { ...pro, role: 'beheerder' })).toBe(false);
    expect(manageable(beheerder, { ...pro, id: 'b1' })).toBe(false);
    expect(manageable(beheerder, { ...pro, kind: 'client', role: null })).toBe(false);
  });

  it('may give every professional role but beheerder, and no invited (client) role', () => {
    const expected = ROLES.filter((r) => r !== 'beheerder' && !(INVITED_ROLES as readonly string[]).includes(r));
    expect([...BEHEERDER_CREATABLE_ROLES].sort()).toEqual([...expected].sort());
  });
});

describe('the state an account shows', () => {
  const base = { disabled: 0, enrolled: true, locked: false, awaiting: false };
  it('disabled before locked before awaiting activation before active', () => {
    expect(accountState(base)).toBe('active');
    expect(accountState({ ...base, enrolled: false })).toBe('awaiting-activation');
    expect(accountState({ ...base, awaiting: true })).toBe('awaiting-activation');
    expect(accountState({ ...base, enrolled: false, locked: true })).toBe('locked');
    expect(accountState({ ...base, locked: true, disabled: 1 })).toBe('disabled');
  });
});
