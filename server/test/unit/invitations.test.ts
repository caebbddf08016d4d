/** The who-invites-whom table (domain/invitations.ts): its invariants, cell by cell. */
import { CASE_CREATOR_ROLES, DOCUMENT_TYPES, documentPermission, ROLES, type Role } from '@samenspraak/shared';
import { describe, expect, it } from 'vitest';
import {
  CASE_RANK,
  invitableRoles,
  inviteRefusal,
  invitersOf,
  mayInvite,
  WHO_INVITES_WHOM,
} from '../../src/domain/invitations.js';

const professionals = ROLES.filter((r) => !['jeugdige', 'ouder', 'gemeente', 'beheerder'].includes(r));

describe('who invites whom', () => {
  it.each(ROLES.map((r) => [r]))('%s never invites a role above their own, registrant or not', (role: Role) => {
    for (const registeredCase of [false, true]) {
      for (const invited of invitableRoles({ role, registeredCase })) {
        expect(CASE_RANK[invited], `${role} → ${invited}`).toBeLessThanOrEqual(CASE_RANK[role]);
      }
    }
  });

  it('someone who only reads the case (a DBT director) invites nobody, even as registrant', () => {
    const readsOnly = ROLES.filter((r) => DOCUMENT_TYPES.every((t) => documentPermission(t, r) !== 'edit'));
    expect(readsOnly).toContain('dbt-lid');
    for (const role of readsOnly) expect(invitableRoles({ role, registeredCase: true }), role).toEqual([]);
  });

  it('the young person, parents, municipality and administrators invite nobody', () => {
    for (const role of ['jeugdige', 'ouder', 'gemeente', 'beheerder'] as const) {
      expect(invitableRoles({ role, registeredCase: true }), role).toEqual([]);
    }
  });

  it('the young person and parents are invited by the registrant or the procesregisseur only', () => {
    for (const role of professionals) {
      for (const invited of ['jeugdige', 'ouder'] as const) {
        expect(mayInvite({ role, registeredCase: false }, invited), `${role}`).toBe(role === 'procesregisseur');
        // The registrant brings them in, unless the registrant only reads or comments (no case role that registers does).
        const writes = DOCUMENT_TYPES.some((t) => documentPermission(t, role) === 'edit');
        expect(mayInvite({ role, registeredCase: true }, invited), `${role} as registrant`).toBe(writes);
        if (CASE_CREATOR_ROLES.includes(role)) expect(writes, role).toBe(true);
      }
    }
  });

  it('professionals are brought in by the procesregisseur and the behavioural scientist', () => {
    for (const invited of professionals) {
      const inviters = invitersOf(invited);
      for (const r of inviters) expect(['procesregisseur', 'gedragswetenschapper']).toContain(r);
      expect(inviters).toContain('procesregisseur');
    }
    expect(invitersOf('dbt-lid')).toEqual(['procesregisseur']);
    expect(invitersOf('procesregisseur')).toEqual(['procesregisseur']);
    expect(invitersOf('ben-adviseur')).toEqual(['procesregisseur']);
    expect(mayInvite({ role: 'gedragswetenschapper', registeredCase: false }, 'onderwijsconsulent')).toBe(true);
    expect(mayInvite({ role: 'onderwijsconsulent', registeredCase: false }, 'onderwijsconsulent')).toBe(false);
  });

  it('nobody invites the municipality or an administrator onto a case', () => {
    expect(invitersOf('gemeente')).toEqual([]);
    expect(invitersOf('beheerder')).toEqual([]);
  });

  it('a refusal says why, in terms of the roles', () => {
    expect(inviteRefusal({ role: 'onderwijsconsulent', registeredCase: false }, 'jeugdige')).toMatch(/registered/);
    expect(inviteRefusal({ role: 'clientondersteuner', registeredCase: false }, 'lokaal-team')).toBe(
      'a clientondersteuner may not bring a lokaal-team onto the case',
    );
    expect(inviteRefusal({ role: 'procesregisseur', registeredCase: false }, 'jeugdige')).toBeNull();
    expect(Object.keys(WHO_INVITES_WHOM).sort()).toEqual([...ROLES].sort());
  });
});
