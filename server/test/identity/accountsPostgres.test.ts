/** The accounts flows on Postgres: migration 0015, beheerder creation, activation, recovery code, reset link. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName } from '../support/services.js';
import { createRegionPro, NEW_PASSWORD, tokenFromMail } from './accountsSupport.js';
import { Browser, loginPro, startIdentityServer, totpCode } from './harness.js';

await describeWithServices('accounts on Postgres', { postgres: true }, () => {
  const schema = freshSchemaName('accounts');
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  beforeAll(async () => {
    t = await startIdentityServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
  });
  afterAll(async () => {
    await t.server.close();
    await dropSchema(schema);
  });

  it('creates, activates, logs in with a recovery code once, resets the password by link once', async () => {
    const beheerder = await createRegionPro(t.db, { role: 'beheerder' });
    const admin = new Browser(t.server.url);
    await loginPro(admin, beheerder, t.clock);
    const made = await admin.post('/api/admin/accounts', {
      name: 'Pim Postgres',
      email: 'pim@example.nl',
      role: 'lokaal-team',
      organisation: 'Wijkteam',
    });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    const dup = await admin.post('/api/admin/accounts', {
      name: 'X',
      email: 'PIM@example.nl',
      role: 'gemeente',
      organisation: 'Y',
    });
    expect(dup.body.error.id).toBe('email_taken');
    const token = await tokenFromMail(t.db, made.body.account.id, 'account-activation');
    const person = new Browser(t.server.url);
    const secret = (await person.get(`/api/activation/${token}`)).body.secret as string;
    const done = await person.post(`/api/activation/${token}`, {
      password: NEW_PASSWORD,
      code: totpCode(secret, t.clock.now),
    });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    await person.post('/api/auth/login', { login: 'pim@example.nl', password: NEW_PASSWORD });
    expect((await person.post('/api/auth/recovery-code', { code: done.body.recoveryCodes[0] })).status).toBe(200);
    const again = new Browser(t.server.url);
    await again.post('/api/auth/login', { login: 'pim@example.nl', password: NEW_PASSWORD });
    expect((await again.post('/api/auth/recovery-code', { code: done.body.recoveryCodes[0] })).status).toBe(401);

    expect((await admin.get('/api/admin/cases')).status).toBe(200);
    expect((await new Browser(t.server.url).post('/api/auth/password-reset', { email: 'pim@example.nl' })).status).toBe(
      202,
    );
    const reset = await tokenFromMail(t.db, made.body.account.id, 'password-reset');
    const ok = await new Browser(t.server.url).post(`/api/auth/password-reset/${reset}`, {
      password: 'groene tram zingt 47 liedjes',
    });
    expect(ok.status).toBe(204);
    expect((await person.get('/api/auth/me')).status).toBe(401);
    expect(
      (await new Browser(t.server.url).post(`/api/auth/password-reset/${reset}`, { password: NEW_PASSWORD })).status,
    ).toBe(404);
  });
});
