/**
 * Accounts that recover (issue: "Forgotten password by e-mail link (single use, 30 minutes, same answer
 * whether or not the address exists), change password, warning before lockout ('2 attempts left')").
 */
import { errorWordsFor } from '@samenspraak/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillProfessionalEmails } from '../../src/identity/accountsMigration.js';
import { failuresLeft } from '../../src/identity/throttle.js';
import { countRows, createRegionPro, NEW_PASSWORD, outboxFor, tokenFromMail } from './accountsSupport.js';
import { addParticipant, Browser, createCase, createPro, loginPro, PASSWORD, startIdentityServer } from './harness.js';

const MIN = 60_000;

describe('lockout warning (pure)', () => {
  const fail = (m: number) => ({ at: m * MIN, success: false });
  it('counts down from 5 within the 15-minute window, 0 while locked, afresh after a success', () => {
    expect(failuresLeft([], 0)).toBe(5);
    expect(failuresLeft([fail(0), fail(1), fail(2)], 2 * MIN)).toBe(2);
    expect(failuresLeft([fail(0), fail(1), fail(2)], 16 * MIN)).toBe(4);
    expect(failuresLeft([fail(0), fail(1), fail(2), fail(3), fail(4)], 5 * MIN)).toBe(0);
    expect(failuresLeft([fail(0), fail(1), fail(2), { at: 3 * MIN, success: true }], 3 * MIN)).toBe(5);
  });
  it('says "nog 2 pogingen" in Dutch and English', () => {
    expect(errorWordsFor('invalid_credentials', { attemptsLeft: 2 }, 'nl')).toBe(
      'Je gebruikersnaam of wachtwoord klopt niet. Nog 2 pogingen, daarna gaat inloggen een tijdje op slot.',
    );
    expect(errorWordsFor('invalid_credentials', { attemptsLeft: 1 }, 'en')).toBe(
      'Your user name or password is not right. 1 attempt left, then logging in is locked for a while.',
    );
    expect(errorWordsFor('invalid_credentials', {}, 'nl')).toBe('Je gebruikersnaam of wachtwoord klopt niet.');
  });
});

describe('recovery through the server', () => {
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  beforeAll(async () => {
    t = await startIdentityServer();
  });
  afterAll(() => t.server.close());

  const reset = (email: string, b = new Browser(t.server.url)) => b.post('/api/auth/password-reset', { email });

  it('warns before the lockout, for a real login and an unknown one alike', async () => {
    const pro = await createPro(t.db);
    for (const login of [pro.login, 'niemand@example.nl']) {
      const b = new Browser(t.server.url);
      const replies = [];
      for (let i = 0; i < 5; i += 1)
        replies.push(await b.post('/api/auth/login', { login, password: 'fout wachtwoord' }));
      expect(replies.map((r) => r.status)).toEqual([401, 401, 401, 401, 429]);
      expect(replies.map((r) => r.body.error.details?.attemptsLeft)).toEqual([undefined, undefined, 2, 1, undefined]);
      expect(replies[2]!.body.error.text).toBe(
        'Je gebruikersnaam of wachtwoord klopt niet. Nog 2 pogingen, daarna gaat inloggen een tijdje op slot.',
      );
    }
  });

  it('answers the same for a known and an unknown address, and mails only the known one', async () => {
    const pro = await createPro(t.db);
    const mailsBefore = await countRows(t.db, 'mail_outbox');
    const unknown = await reset('onbekend@example.nl');
    const known = await reset(pro.login.toUpperCase());
    expect([unknown.status, known.status]).toEqual([202, 202]);
    expect(unknown.body).toEqual(known.body);
    expect(await countRows(t.db, 'mail_outbox')).toBe(mailsBefore + 1);
    expect((await outboxFor(t.db, pro.userId)).map((m) => [m.kind, m.to_address])).toEqual([
      ['password-reset', pro.login],
    ]);
  });

  it('a reset link works once, within 30 minutes, and ends the person’s sessions', async () => {
    const pro = await createPro(t.db);
    const open = new Browser(t.server.url);
    await loginPro(open, pro, t.clock);

    await reset(pro.login);
    const expired = await tokenFromMail(t.db, pro.userId, 'password-reset');
    t.clock.advance(30 * MIN);
    const late = await new Browser(t.server.url).post(`/api/auth/password-reset/${expired}`, {
      password: NEW_PASSWORD,
    });
    expect(late.status).toBe(404);
    expect(late.body.error.id).toBe('account_link_invalid');
    await loginPro(open, pro, t.clock); // the idle timeout ended the old session meanwhile

    await reset(pro.login);
    const token = await tokenFromMail(t.db, pro.userId, 'password-reset');
    expect(token).not.toBe(expired);
    t.clock.advance(29 * MIN);
    const weak = await new Browser(t.server.url).post(`/api/auth/password-reset/${token}`, { password: 'wachtwoord1' });
    expect(weak.status).toBe(400);
    expect(weak.body.error.id).toBe('weak_password');
    const ok = await new Browser(t.server.url).post(`/api/auth/password-reset/${token}`, { password: NEW_PASSWORD });
    expect(ok.status, JSON.stringify(ok.body)).toBe(204);
    expect((await open.get('/api/auth/me')).status).toBe(401);
    const again = await new Browser(t.server.url).post(`/api/auth/password-reset/${token}`, { password: NEW_PASSWORD });
    expect(again.status).toBe(404);
    expect(
      (await new Browser(t.server.url).post('/api/auth/login', { login: pro.login, password: PASSWORD })).status,
    ).toBe(401);
    await loginPro(new Browser(t.server.url), { ...pro, password: NEW_PASSWORD }, t.clock);
  });

  it('an earlier reset link stops working when a new one is asked for; more than 3 an hour are not sent', async () => {
    const pro = await createPro(t.db);
    await reset(pro.login);
    const first = await tokenFromMail(t.db, pro.userId, 'password-reset');
    await reset(pro.login);
    await reset(pro.login);
    const fourth = await reset(pro.login);
    expect(fourth.status).toBe(202);
    expect((await outboxFor(t.db, pro.userId)).length).toBe(3);
    const r = await new Browser(t.server.url).post(`/api/auth/password-reset/${first}`, { password: NEW_PASSWORD });
    expect(r.status).toBe(404);
  });

  it('professionals from before migration 0015 get their login as e-mail address, so they can reset too', async () => {
    const pro = await createPro(t.db);
    await t.db.updateTable('users').set({ email: null }).where('id', '=', pro.userId).execute();
    await backfillProfessionalEmails(t.db as never);
    await reset(pro.login);
    expect((await outboxFor(t.db, pro.userId)).map((m) => m.to_address)).toEqual([pro.login]);
  });

  it('changes the password with the current one; other sessions end, this one stays', async () => {
    const pro = await createRegionPro(t.db);
    const here = new Browser(t.server.url);
    const elsewhere = new Browser(t.server.url);
    await loginPro(here, pro, t.clock);
    await loginPro(elsewhere, pro, t.clock);
    const wrong = await here.post('/api/account/password', {
      currentPassword: 'niet mijn wachtwoord',
      newPassword: NEW_PASSWORD,
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.id).toBe('wrong_password');
    const weak = await here.post('/api/account/password', { currentPassword: pro.password, newPassword: 'qwertyuiop' });
    expect(weak.body.error.id).toBe('weak_password');
    expect((await elsewhere.get('/api/auth/me')).status).toBe(200);
    const ok = await here.post('/api/account/password', { currentPassword: pro.password, newPassword: NEW_PASSWORD });
    expect(ok.status, JSON.stringify(ok.body)).toBe(204);
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await elsewhere.get('/api/auth/me')).status).toBe(401);
  });

  it('a client gives an optional e-mail address at the invitation, changes it on /account, and can reset by it', async () => {
    const pro = await createPro(t.db, { role: 'procesregisseur' });
    const p = new Browser(t.server.url);
    await loginPro(p, pro, t.clock);
    await createCase(t.db, 'case-mail');
    await addParticipant(t.db, 'case-mail', pro.userId, 'procesregisseur');
    const inv = (await p.post('/api/cases/case-mail/invitations', { role: 'ouder', name: 'Mirjam' })).body;
    const client = new Browser(t.server.url);
    const badMail = await client.post(`/api/invitations/${inv.invitationId}/accept`, {
      code: inv.code,
      dateOfBirth: '2012-05-01',
      login: 'mirjam',
      password: NEW_PASSWORD,
      email: 'geen adres',
    });
    expect(badMail.status).toBe(400);
    const accepted = await client.post(`/api/invitations/${inv.invitationId}/accept`, {
      code: inv.code,
      dateOfBirth: '2012-05-01',
      login: 'mirjam',
      password: NEW_PASSWORD,
      email: 'Mirjam@Example.nl',
    });
    expect(accepted.status, JSON.stringify(accepted.body)).toBe(201);
    expect((await client.get('/api/account')).body).toEqual({
      login: 'mirjam',
      name: 'Mirjam',
      kind: 'client',
      email: 'mirjam@example.nl',
      recoveryCodesLeft: null,
    });
    expect((await client.call('PUT', '/api/account/email', { email: 'nieuw.adres@example.nl' })).status).toBe(204);
    await reset('nieuw.adres@example.nl');
    const user = await t.db.selectFrom('users').select('id').where('login', '=', 'mirjam').executeTakeFirstOrThrow();
    expect((await outboxFor(t.db, user.id)).map((m) => m.kind)).toEqual(['password-reset']);
    expect((await client.call('PUT', '/api/account/email', { email: null })).status).toBe(204);
    expect((await client.get('/api/account')).body.email).toBeNull();
  });

  it('regenerates recovery codes with the password; the old ones stop working', async () => {
    const pro = await createPro(t.db);
    const b = new Browser(t.server.url);
    await loginPro(b, pro, t.clock);
    const first = await b.post('/api/account/recovery-codes', { password: pro.password });
    expect(first.body.recoveryCodes).toHaveLength(10);
    const second = await b.post('/api/account/recovery-codes', { password: pro.password });
    const other = new Browser(t.server.url);
    await other.post('/api/auth/login', { login: pro.login, password: pro.password });
    expect((await other.post('/api/auth/recovery-code', { code: first.body.recoveryCodes[0] })).status).toBe(401);
    expect((await other.post('/api/auth/recovery-code', { code: second.body.recoveryCodes[0] })).status).toBe(200);
  });
});
