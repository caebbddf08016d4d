/**
 * The functioneel beheerder per region (issue: "creates professional accounts, sees (not reads) all
 * cases of the region, resets a TOTP enrolment after checking identity, disables accounts"): only their
 * region, never case content, and a TOTP reset or a disable ends the person's sessions at once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsDb } from '../../src/identity/accountsDb.js';
import {
  createRegionPro,
  listed,
  NEW_PASSWORD,
  outboxFor,
  REGION_A,
  REGION_B,
  tokenFromMail,
} from './accountsSupport.js';
import {
  addParticipant,
  Browser,
  createCase,
  logEntries,
  loginPro,
  startIdentityServer,
  type TestPro,
  totpCode,
} from './harness.js';

describe('beheerder: region scope, disable, unlock, reset TOTP', () => {
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  let beheerderA: TestPro;
  let beheerderB: TestPro;
  let a: Browser;
  let b: Browser;

  beforeAll(async () => {
    t = await startIdentityServer();
    beheerderA = await createRegionPro(t.db, { role: 'beheerder', region: REGION_A });
    beheerderB = await createRegionPro(t.db, { role: 'beheerder', region: REGION_B });
    a = new Browser(t.server.url);
    b = new Browser(t.server.url);
    await loginPro(a, beheerderA, t.clock);
    await loginPro(b, beheerderB, t.clock);
  });
  afterAll(() => t.server.close());

  it('lists only the accounts of the own region, and another region’s account looks like none (404)', async () => {
    const proA = await createRegionPro(t.db, { region: REGION_A });
    const proB = await createRegionPro(t.db, { region: REGION_B });
    const list = await a.get('/api/admin/accounts');
    expect(list.body.region).toBe(REGION_A);
    const ids = list.body.accounts.map((x: { id: string }) => x.id);
    expect(ids).toContain(proA.userId);
    expect(ids).not.toContain(proB.userId);
    expect(list.body.accounts.find((x: { id: string }) => x.id === beheerderA.userId)).toMatchObject({
      manageable: false,
    });
    for (const action of ['disable', 'unlock', 'reset-totp']) {
      const r = await a.post(`/api/admin/accounts/${proB.userId}/${action}`);
      expect(r.status, action).toBe(404);
      expect(r.body.error.id).toBe('not_found');
    }
    expect((await logEntries(t.db)).at(-1)).toMatchObject({ outcome: 'denied', user_id: beheerderA.userId });
    // Not on a fellow beheerder either (they are made with the CLI).
    const other = await createRegionPro(t.db, { role: 'beheerder', region: REGION_A });
    const r = await a.post(`/api/admin/accounts/${other.userId}/disable`);
    expect(r.status).toBe(403);
    expect(r.body.error.id).toBe('account_role_not_allowed');
    const row = await t.db
      .selectFrom('users')
      .select('disabled')
      .where('id', '=', proB.userId)
      .executeTakeFirstOrThrow();
    expect(row.disabled).toBe(0);
  });

  it('is only for beheerders with a region', async () => {
    const pro = await createRegionPro(t.db, { role: 'procesregisseur' });
    const p = new Browser(t.server.url);
    await loginPro(p, pro, t.clock);
    for (const path of ['/api/admin/accounts', '/api/admin/cases']) {
      const r = await p.get(path);
      expect(r.status).toBe(403);
      expect(r.body.error.id).toBe('forbidden');
    }
    const lost = await createRegionPro(t.db, { role: 'beheerder', region: null });
    const l = new Browser(t.server.url);
    await loginPro(l, lost, t.clock);
    const r = await l.get('/api/admin/accounts');
    expect(r.status).toBe(403);
    expect(r.body.error).toMatchObject({
      id: 'no_region',
      text: 'Aan jouw account is geen regio gekoppeld. Vraag de systeembeheerder om dat te doen.',
    });
    expect((await new Browser(t.server.url).get('/api/admin/accounts')).status).toBe(401);
  });

  it('sees the region’s cases without content, and cannot read any of them', async () => {
    const pro = await createRegionPro(t.db);
    await createCase(t.db, 'case-region-a'); // Zuid-Kennemerland (REGION_A)
    await addParticipant(t.db, 'case-region-a', pro.userId, 'gedragswetenschapper');
    const list = await a.get('/api/admin/cases');
    expect(list.status).toBe(200);
    expect(list.body.cases).toEqual([
      {
        id: 'case-region-a',
        municipality: 'Haarlem',
        status: 'open',
        registeredAt: '2026-03-02T09:00:00.000Z',
        level: 'lokaal',
        participants: 1,
      },
    ]);
    const raw = JSON.stringify(list.body);
    expect(raw).not.toContain('Sam'); // the young person's name
    expect(raw).not.toContain('2012-05-01'); // the date of birth
    expect((await b.get('/api/admin/cases')).body.cases).toEqual([]);
    // Seen, not read: every case route stays closed to the beheerder.
    for (const path of ['/api/cases/case-region-a', '/api/cases/case-region-a/access-log']) {
      expect((await a.get(path)).status, path).toBe(404);
    }
    const seen = (await logEntries(t.db)).filter(
      (e) => e.case_id === 'case-region-a' && e.user_id === beheerderA.userId,
    );
    expect(seen.map((e) => [e.event, e.detail])).toContainEqual(['search', 'beheer: region case list (no content)']);
  });

  it('disables an account: its open session gets 401 at once', async () => {
    const pro = await createRegionPro(t.db);
    const p = new Browser(t.server.url);
    await loginPro(p, pro, t.clock);
    const r = await a.post(`/api/admin/accounts/${pro.userId}/disable`);
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    expect(r.body.account.state).toBe('disabled');
    expect((await p.get('/api/auth/me')).status).toBe(401);
    expect((await p.post('/api/auth/login', { login: pro.login, password: pro.password })).status).toBe(401);
  });

  it('unlocks a locked login before the 15 minutes are over', async () => {
    const pro = await createRegionPro(t.db);
    const p = new Browser(t.server.url);
    for (let i = 0; i < 5; i += 1) await p.post('/api/auth/login', { login: pro.login, password: 'fout wachtwoord' });
    expect((await listed(a, pro.userId))?.state).toBe('locked');
    expect((await p.post('/api/auth/login', { login: pro.login, password: pro.password })).status).toBe(429);
    const r = await a.post(`/api/admin/accounts/${pro.userId}/unlock`);
    expect(r.body.account.state).toBe('active');
    await loginPro(p, pro, t.clock);
    expect((await logEntries(t.db)).some((e) => e.detail === `beheer: account ${pro.userId} unlocked`)).toBe(true);
  });

  it('resets a TOTP enrolment: sessions end, the old app stops, the person enrols again with their password', async () => {
    const pro = await createRegionPro(t.db);
    const p = new Browser(t.server.url);
    await loginPro(p, pro, t.clock);
    const reset = await a.post(`/api/admin/accounts/${pro.userId}/reset-totp`);
    expect(reset.status, JSON.stringify(reset.body)).toBe(200);
    expect(reset.body.account).toMatchObject({ state: 'awaiting-activation', enrolled: false });
    expect((await p.get('/api/auth/me')).status).toBe(401);
    // The old second factor opens nothing: without an enrolment, the password alone is refused.
    expect((await p.post('/api/auth/login', { login: pro.login, password: pro.password })).status).toBe(401);

    const token = await tokenFromMail(t.db, pro.userId, 'account-activation');
    expect(`/activeren/${token}`).toBe(reset.body.link);
    expect((await outboxFor(t.db, pro.userId)).map((m) => m.to_address)).toEqual([pro.login]);
    const info = await p.get(`/api/activation/${token}`);
    expect(info.body.purpose).toBe('enrolment');
    const secret = info.body.secret as string;
    expect(secret).not.toBe(pro.totpSecret);
    t.clock.advance(30_000);
    const wrongPw = await p.post(`/api/activation/${token}`, {
      password: NEW_PASSWORD,
      code: totpCode(secret, t.clock.now),
    });
    expect(wrongPw.status).toBe(400);
    expect(wrongPw.body.error).toMatchObject({ id: 'wrong_password', text: 'Je huidige wachtwoord klopt niet.' });
    const ok = await p.post(`/api/activation/${token}`, {
      password: pro.password,
      code: totpCode(secret, t.clock.now),
    });
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    const user = await accountsDb(t.db)
      .selectFrom('users')
      .selectAll()
      .where('id', '=', pro.userId)
      .executeTakeFirstOrThrow();
    expect(user.totp_secret).toBe(secret);
    await loginPro(p, { ...pro, totpSecret: secret }, t.clock);
  });
});
