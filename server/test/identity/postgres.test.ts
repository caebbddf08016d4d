/** The identity flows on Postgres (the shared store of a multi-instance deployment), end to end. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DATABASE_URL, describeWithServices, dropSchema, freshSchemaName } from '../support/services.js';
import {
  addParticipant,
  Browser,
  createCase,
  createPro,
  loginPro,
  rowCounts,
  startIdentityServer,
  totpCode,
  wrongCode,
} from './harness.js';

await describeWithServices('identity on Postgres', { postgres: true }, () => {
  const schema = freshSchemaName('identity');
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  beforeAll(async () => {
    t = await startIdentityServer({ databaseUrl: DATABASE_URL, databaseSchema: schema });
  });
  afterAll(async () => {
    await t.server.close();
    await dropSchema(schema);
  });

  it('login with TOTP, replay refused, lockout, invitation, logout-all', async () => {
    const pro = await createPro(t.db);
    const b = new Browser(t.server.url);
    await loginPro(b, pro, t.clock);
    const code = totpCode(pro.totpSecret, t.clock.now);
    const replay = new Browser(t.server.url);
    await replay.post('/api/auth/login', { login: pro.login, password: pro.password });
    expect((await replay.post('/api/auth/totp', { code })).body.error.id).toBe('invalid_code');

    for (let i = 0; i < 3; i += 1)
      await replay.post('/api/auth/totp', { code: wrongCode(pro.totpSecret, t.clock.now) });
    expect((await replay.post('/api/auth/totp', { code: wrongCode(pro.totpSecret, t.clock.now) })).status).toBe(429);

    await createCase(t.db, 'case-pg', { createdBy: pro.userId });
    await addParticipant(t.db, 'case-pg', pro.userId, 'gedragswetenschapper');
    const inv = await b.post('/api/cases/case-pg/invitations', { role: 'ouder', name: 'Ouder' });
    expect(inv.status).toBe(201);
    const before = await rowCounts(t.db);
    const wrong = inv.body.code === '12345678' ? '87654321' : '12345678';
    const accept = (c: string, login: string) =>
      new Browser(t.server.url).post(`/api/invitations/${inv.body.invitationId}/accept`, {
        code: c,
        login,
        password: 'fiets regen kaas 74',
        dateOfBirth: '2012-05-01',
      });
    expect((await accept(wrong, 'ouder-pg')).body.error.message).toMatch(/4 attempt/);
    expect((await accept(inv.body.code, 'ouder-pg')).status).toBe(201);
    expect((await rowCounts(t.db)).participants).toBe(before.participants + 1);

    expect((await b.post('/api/auth/logout-all')).body).toMatchObject({ sessionsEnded: 1 });
    expect((await b.get('/api/auth/me')).status).toBe(401);
    expect(await t.server.services.accessLog.verify()).toMatchObject({ broken: null });
  });
});
