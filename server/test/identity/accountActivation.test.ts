/**
 * The functioneel beheerder makes a professional's account, and the person enrols without a console:
 * an activation link (mailed through the outbox, and shown once to the beheerder), a password of their
 * own, a TOTP app scanned from a QR code and confirmed with a code, ten recovery codes shown once.
 * Issue: "Account creation shows a TOTP QR code to scan; nothing is printed to a console."
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountsDb } from '../../src/identity/accountsDb.js';
import { hashToken } from '../../src/identity/sessions.js';
import { countRows, createRegionPro, NEW_PASSWORD, outboxFor, REGION_A } from './accountsSupport.js';
import { Browser, logEntries, loginPro, startIdentityServer, type TestPro, totpCode } from './harness.js';

const HOUR = 3600_000;

describe('account activation by link, QR code and recovery codes', () => {
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  let beheerder: TestPro;
  let admin: Browser;

  beforeAll(async () => {
    t = await startIdentityServer();
    beheerder = await createRegionPro(t.db, { role: 'beheerder' });
    admin = new Browser(t.server.url);
    await loginPro(admin, beheerder, t.clock);
  });
  afterAll(() => t.server.close());

  async function create(email: string, role = 'jeugdhulpaanbieder') {
    const reply = await admin.post('/api/admin/accounts', {
      name: 'Fleur Jansen',
      email,
      role,
      organisation: 'De Linde',
    });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    return reply.body as { account: { id: string; state: string; login: string }; link: string; expiresAt: string };
  }

  it('creates the account in the beheerder’s region with no password or TOTP, and queues the activation mail', async () => {
    const made = await create('Fleur.Jansen@Example.nl');
    expect(made.account).toMatchObject({ login: 'fleur.jansen@example.nl', state: 'awaiting-activation' });
    expect(made.link).toMatch(/^\/activeren\/[A-Za-z0-9_-]{40,}$/);
    expect(Date.parse(made.expiresAt) - t.clock.now.getTime()).toBe(72 * HOUR);
    const user = await accountsDb(t.db)
      .selectFrom('users')
      .selectAll()
      .where('id', '=', made.account.id)
      .executeTakeFirstOrThrow();
    expect(user).toMatchObject({
      region: REGION_A,
      email: 'fleur.jansen@example.nl',
      password_hash: null,
      totp_secret: null,
    });
    const mails = await outboxFor(t.db, made.account.id);
    expect(mails.map((m) => [m.kind, m.to_address, m.link])).toEqual([
      ['account-activation', 'fleur.jansen@example.nl', made.link],
    ]);
    // Only the token's hash is kept with the account.
    const token = made.link.split('/').at(-1)!;
    const rows = await accountsDb(t.db)
      .selectFrom('account_tokens')
      .selectAll()
      .where('user_id', '=', made.account.id)
      .execute();
    expect(rows.map((r) => r.id)).toEqual([hashToken(token)]);
    const entry = (await logEntries(t.db)).at(-1)!;
    expect(entry).toMatchObject({ event: 'create', outcome: 'success', user_id: beheerder.userId });
    expect(entry.detail).toContain(`account ${made.account.id} (jeugdhulpaanbieder) created in ${REGION_A}`);
  });

  it('enrols end to end: QR code, weak password refused without using the link, code, recovery codes once', async () => {
    const made = await create('sem.devries@example.nl');
    const token = made.link.split('/').at(-1)!;
    const person = new Browser(t.server.url);
    const info = await person.get(`/api/activation/${token}`);
    expect(info.status, JSON.stringify(info.body)).toBe(200);
    expect(info.body).toMatchObject({ login: 'sem.devries@example.nl', purpose: 'activation' });
    expect(info.body.qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(info.body.qrDataUrl.split(',')[1], 'base64').toString()).toContain('<svg');
    const secret: string = info.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);

    const weak = await person.post(`/api/activation/${token}`, {
      password: 'welkom123',
      code: totpCode(secret, t.clock.now),
    });
    expect(weak.status).toBe(400);
    expect(weak.body.error.id).toBe('weak_password');
    expect(weak.body.error.text).toMatch(/^Kies een ander wachtwoord/);
    const wrong = await person.post(`/api/activation/${token}`, {
      password: NEW_PASSWORD,
      code: '000000' === totpCode(secret, t.clock.now) ? '111111' : '000000',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toMatchObject({ id: 'invalid_code', text: 'De code klopt niet.' });
    const stillNothing = await accountsDb(t.db)
      .selectFrom('users')
      .selectAll()
      .where('id', '=', made.account.id)
      .executeTakeFirstOrThrow();
    expect(stillNothing).toMatchObject({ password_hash: null, totp_secret: null });

    const done = await person.post(`/api/activation/${token}`, {
      password: NEW_PASSWORD,
      code: totpCode(secret, t.clock.now),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const codes: string[] = done.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    // Stored only as keyed hashes.
    const stored = await accountsDb(t.db)
      .selectFrom('recovery_codes')
      .select('code_hash')
      .where('user_id', '=', made.account.id)
      .execute();
    expect(stored).toHaveLength(10);
    for (const s of stored) expect(codes.map((c) => c.replace('-', ''))).not.toContain(s.code_hash);

    // The link is single use.
    const again = await person.get(`/api/activation/${token}`);
    expect(again.status).toBe(404);
    expect(again.body.error).toMatchObject({ id: 'account_link_invalid' });
    expect(again.body.error.text).toMatch(/^Deze link werkt niet/);
    expect((await person.post(`/api/activation/${token}`, { password: NEW_PASSWORD, code: '123456' })).status).toBe(
      404,
    );

    const pro: TestPro = {
      userId: made.account.id,
      login: 'sem.devries@example.nl',
      password: NEW_PASSWORD,
      totpSecret: secret,
    };
    await loginPro(new Browser(t.server.url), pro, t.clock);

    // A recovery code instead of the TOTP code: once.
    const lost = new Browser(t.server.url);
    expect((await lost.post('/api/auth/login', { login: pro.login, password: NEW_PASSWORD })).body.next).toBe('totp');
    const rec = await lost.post('/api/auth/recovery-code', { code: codes[3]!.toUpperCase() });
    expect(rec.status, JSON.stringify(rec.body)).toBe(200);
    expect((await lost.get('/api/auth/me')).status).toBe(200);
    expect((await logEntries(t.db)).at(-1)).toMatchObject({ event: 'login', detail: 'password + recovery code' });
    const reuse = new Browser(t.server.url);
    await reuse.post('/api/auth/login', { login: pro.login, password: NEW_PASSWORD });
    const second = await reuse.post('/api/auth/recovery-code', { code: codes[3] });
    expect(second.status).toBe(401);
    expect(second.body.error.id).toBe('invalid_code');
    expect((await reuse.get('/api/auth/me')).status).toBe(401);
    const account = await reuse.post('/api/auth/recovery-code', { code: codes[4] });
    expect(account.status).toBe(200);
    expect((await reuse.get('/api/account')).body).toMatchObject({
      recoveryCodesLeft: 8,
      email: 'sem.devries@example.nl',
    });
  });

  it('an activation link expires after 72 hours', async () => {
    const made = await create('later@example.nl');
    t.clock.advance(72 * HOUR);
    const reply = await new Browser(t.server.url).get(`/api/activation/${made.link.split('/').at(-1)}`);
    expect(reply.status).toBe(404);
    expect(reply.body.error.id).toBe('account_link_invalid');
    await loginPro(admin, beheerder, t.clock); // the beheerder's session ended meanwhile
  });

  it('refuses bad input in Dutch and creates nothing: duplicate e-mail, unknown role, a beheerder, a client role', async () => {
    const first = await create('dubbel@example.nl');
    const before = await Promise.all(
      ['users', 'mail_outbox', 'account_tokens', 'organisations'].map((n) => countRows(t.db, n as 'users')),
    );
    const post = (body: object) =>
      admin.post('/api/admin/accounts', {
        name: 'Iemand',
        email: 'nieuw@example.nl',
        role: 'gemeente',
        organisation: 'Nieuwe Org',
        ...body,
      });
    const dup = await post({ email: ' DUBBEL@example.nl ' });
    expect(dup.status).toBe(400);
    expect(dup.body.error).toMatchObject({ id: 'email_taken', text: 'Er is al een account met dit e-mailadres.' });
    const dupLogin = await post({ email: beheerder.login });
    expect(dupLogin.body.error.id).toBe('email_taken');
    for (const role of ['tovenaar', 'beheerder', 'jeugdige', 'ouder']) {
      const r = await post({ role });
      expect(r.status, role).toBe(400);
      expect(r.body.error.id).toBe('account_role_not_allowed');
      expect(r.body.error.text).toMatch(/^Die rol kun je hier niet geven/);
    }
    const badMail = await post({ email: 'geen-adres' });
    expect(badMail.status).toBe(400);
    expect(badMail.body.error).toMatchObject({ id: 'invalid_request', text: 'Niet alles is goed ingevuld.' });
    const noName = await post({ name: '  ' });
    expect(noName.body.error.id).toBe('invalid_request');
    const after = await Promise.all(
      ['users', 'mail_outbox', 'account_tokens', 'organisations'].map((n) => countRows(t.db, n as 'users')),
    );
    expect(after).toEqual(before);
    expect(first.account.state).toBe('awaiting-activation');
  });
});
