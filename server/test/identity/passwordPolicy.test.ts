/**
 * Password policy wherever a password is set (a parent or young person accepting an invitation, an
 * administrator making an account): short, repetitive, sequential, keyboard-walk, well-known and
 * personal passwords are refused with the reason (`weak_password`, details.passwordReason), before
 * anything is written or an invitation attempt is spent.
 */
import { describe, expect, it } from 'vitest';
import { createUserCommand } from '../../src/admin/commands/createUser.js';
import { createInvitation } from '../../src/identity/invitations.js';
import { passwordWeakness } from '../../src/identity/passwordPolicy.js';
import { generatePassword } from '../../src/identity/passwords.js';
import { testConfig } from '../support/testServer.js';
import {
  addParticipant,
  Browser,
  createCase,
  createPro,
  PASSWORD,
  rowCounts,
  START,
  startIdentityServer,
} from './harness.js';

describe('accepting an invitation', () => {
  it('refuses weak passwords with the reason, spends no attempt, and accepts a strong one after', async () => {
    const t = await startIdentityServer();
    try {
      const pro = await createPro(t.db, { role: 'procesregisseur' });
      await createCase(t.db, 'case-pw');
      // The maker must still be allowed to invite a parent when it is accepted.
      await addParticipant(t.db, 'case-pw', pro.userId, 'procesregisseur');
      const inv = await createInvitation(t.db, t.server.authKey, {
        caseId: 'case-pw',
        role: 'ouder',
        name: 'Mirjam',
        createdBy: pro.userId,
        now: START,
      });
      const accept = (login: string, password: string) =>
        new Browser(t.server.url).post(`/api/invitations/${inv.invitationId}/accept`, {
          code: inv.code,
          login,
          password,
          dateOfBirth: '2012-05-01', // createCase's default
        });
      const before = await rowCounts(t.db);
      const cases: Array<[string, string, string]> = [
        ['mirjam', 'aaaaaaaaaaaa', 'repetitive'],
        ['mirjam', 'abcdefghijkl', 'sequence'],
        ['mirjam', 'qwertyuiop[]', 'keyboard'],
        ['mirjam', '1234567890', 'common'],
        ['mirjam', 'P@ssw0rd12345', 'common'],
        ['mirjam', 'wachtwoord-1', 'common'],
        ['mirjam.de.boer', 'mirjam.de.boer1', 'personal'],
        ['mirjam', 'Samenspraak2026', 'personal'],
      ];
      for (const [login, password, reason] of cases) {
        const r = await accept(login, password);
        expect({
          password,
          status: r.status,
          id: r.body.error?.id,
          reason: r.body.error?.details?.passwordReason,
        }).toEqual({
          password,
          status: 400,
          id: 'weak_password',
          reason,
        });
      }
      expect(await rowCounts(t.db)).toEqual(before);
      const row = await t.db
        .selectFrom('invitations')
        .select('attempts')
        .where('id', '=', inv.invitationId)
        .executeTakeFirstOrThrow();
      expect(row.attempts).toBe(0);
      expect((await accept('mirjam', 'fiets regen kaas 74')).status).toBe(201);
    } finally {
      await t.server.close();
    }
  });
});

describe('admin create-user', () => {
  it('refuses a weak --password with the reason, and makes no account', async () => {
    const config = testConfig();
    const out = (text: string) => void text;
    const args = ['--login', 'anna@example.nl', '--name', 'Anna', '--role', 'jeugdbeschermer', '--organisation', 'GI'];
    await expect(createUserCommand([...args, '--password', 'aaaaaaaaaaaa'], { config, out })).rejects.toThrow(
      /password refused: .*repeat/i,
    );
    await expect(createUserCommand([...args, '--password', 'anna@example.nl1'], { config, out })).rejects.toThrow(
      /password refused: .*name/i,
    );
    await createUserCommand([...args, '--password', PASSWORD], { config, out });
  });
});

describe('passwordWeakness', () => {
  it('refuses too short and too long before anything else', () => {
    expect(passwordWeakness('Xq7#nL2p')?.reason).toBe('too_short');
    expect(passwordWeakness(`${PASSWORD} `.repeat(8))?.reason).toBe('too_long');
  });

  it('accepts long unpredictable passwords and generated ones', () => {
    for (const ok of [PASSWORD, 'fiets regen kaas 74', 'wolken boven de dijk 9', generatePassword()]) {
      expect(passwordWeakness(ok), ok).toBeNull();
    }
  });

  it('judges the password against what the person entered alongside it', () => {
    expect(passwordWeakness('daan.jansen2012!', ['daan.jansen2012'])?.reason).toBe('personal');
    expect(passwordWeakness('daan.jansen2012!')).toBeNull();
  });
});
