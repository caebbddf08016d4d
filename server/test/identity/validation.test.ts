/** Bad input on every identity route: a 4xx naming the field, and nothing written. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addParticipant,
  Browser,
  type CallOptions,
  createCase,
  createPro,
  loginPro,
  type Reply,
  rowCounts,
  startIdentityServer,
  type TestPro,
} from './harness.js';

const HUGE = JSON.stringify({ login: 'a@b.nl', password: 'x'.repeat(300 * 1024) });

describe('input validation of the identity routes', () => {
  let t: Awaited<ReturnType<typeof startIdentityServer>>;
  let pro: TestPro;
  let proBrowser: Browser;
  let invitationId: string;

  beforeAll(async () => {
    t = await startIdentityServer();
    pro = await createPro(t.db);
    proBrowser = new Browser(t.server.url);
    await loginPro(proBrowser, pro, t.clock);
    await createCase(t.db, 'case-val', { createdBy: pro.userId });
    await addParticipant(t.db, 'case-val', pro.userId, 'gedragswetenschapper');
    const inv = await proBrowser.post('/api/cases/case-val/invitations', { role: 'ouder', name: 'Ouder' });
    invitationId = inv.body.invitationId;
  });
  afterAll(() => t.server.close());

  /** Sends a bad request and checks the status, that the message mentions `mentions`, and no writes. */
  async function refused(
    send: () => Promise<Reply>,
    expected: { status: number; id?: string; mentions?: RegExp },
  ): Promise<void> {
    const before = await rowCounts(t.db);
    const reply = await send();
    expect(reply.status, JSON.stringify(reply.body)).toBe(expected.status);
    expect(reply.body.error.id).toBe(expected.id ?? 'invalid_request');
    if (expected.mentions) expect(reply.body.error.message).toMatch(expected.mentions);
    expect(reply.setCookies).toEqual([]);
    expect(await rowCounts(t.db)).toEqual(before);
  }

  const raw = (b: Browser, path: string, body: string, opts: CallOptions = {}) =>
    b.post(path, undefined, { ...opts, raw: body });

  it('POST /api/auth/login', async () => {
    const b = new Browser(t.server.url);
    const login = (body: unknown) => () => b.post('/api/auth/login', body);
    await refused(login({}), { status: 400, mentions: /login: .*password: /s });
    await refused(login({ login: 'a@b.nl' }), { status: 400, mentions: /^password: / });
    await refused(login({ login: 42, password: 'x' }), { status: 400, mentions: /^login: .*string/ });
    await refused(login({ login: '   ', password: 'x' }), { status: 400, mentions: /^login: login is required/ });
    await refused(login({ login: 'a@b.nl', password: 'x'.repeat(201) }), { status: 400, mentions: /^password: / });
    await refused(login(['a@b.nl', 'x']), { status: 400, mentions: /^body: / });
    await refused(() => b.post('/api/auth/login'), { status: 400, mentions: /^body: / });
    await refused(() => raw(b, '/api/auth/login', '{"login":'), { status: 400, id: 'entity_parse_failed' });
    await refused(() => raw(b, '/api/auth/login', HUGE), { status: 413, id: 'entity_too_large' });
  });

  it('POST /api/auth/totp (a malformed code is not a guess: it does not count)', async () => {
    const b = new Browser(t.server.url);
    t.clock.advance(30_000);
    expect((await b.post('/api/auth/login', { login: pro.login, password: pro.password })).status).toBe(200);
    const totp = (body: unknown) => () => b.post('/api/auth/totp', body);
    await refused(totp({}), { status: 400, mentions: /^code: / });
    await refused(totp({ code: 123456 }), { status: 400, mentions: /^code: / });
    await refused(totp({ code: '12345' }), { status: 400, mentions: /^code: code must be 6 digits/ });
    await refused(totp({ code: 'abcdef' }), { status: 400, mentions: /^code: / });
    await refused(() => raw(b, '/api/auth/totp', HUGE), { status: 413, id: 'entity_too_large' });
    // Without a pre-auth session the route is closed, whatever the body.
    await refused(() => new Browser(t.server.url).post('/api/auth/totp', { code: '123456' }), {
      status: 401,
      id: 'unauthenticated',
    });
  });

  it('POST /api/auth/logout-all and GET /api/auth/me need a full session', async () => {
    const anonymous = new Browser(t.server.url);
    await refused(() => anonymous.post('/api/auth/logout-all'), { status: 401, id: 'unauthenticated' });
    await refused(() => anonymous.get('/api/auth/me'), { status: 401, id: 'unauthenticated' });
    await refused(() => raw(proBrowser, '/api/auth/logout-all', HUGE), { status: 413, id: 'entity_too_large' });
    await refused(() => raw(proBrowser, '/api/auth/logout', HUGE), { status: 413, id: 'entity_too_large' });
  });

  it('POST /api/cases/:caseId/invitations', async () => {
    const create = (body: unknown) => () => proBrowser.post('/api/cases/case-val/invitations', body);
    await refused(create({}), { status: 400, mentions: /^role: / });
    await refused(create({ role: 'gedragswetenschapper', name: 'X' }), {
      status: 400,
      mentions: /^role: role must be one of: jeugdige, ouder/,
    });
    await refused(create({ role: 'ouder' }), { status: 400, mentions: /^name: / });
    await refused(create({ role: 'ouder', name: '  ' }), { status: 400, mentions: /^name: name is required/ });
    await refused(create({ role: 'ouder', name: 'x'.repeat(201) }), { status: 400, mentions: /^name: / });
    await refused(create({ role: ['ouder'], name: 7 }), { status: 400, mentions: /^role: / });
    await refused(() => raw(proBrowser, '/api/cases/case-val/invitations', HUGE), {
      status: 413,
      id: 'entity_too_large',
    });
  });

  it('POST /api/invitations/:id/accept (bad input costs no attempt)', async () => {
    const b = new Browser(t.server.url);
    const accept = (body: unknown) => () => b.post(`/api/invitations/${invitationId}/accept`, body);
    const good = { code: '12345678', login: 'ouder-val', password: 'fiets regen kaas 74', dateOfBirth: '2012-05-01' };
    await refused(accept({}), { status: 400, mentions: /code: .*login: .*password: .*dateOfBirth: /s });
    await refused(accept({ ...good, dateOfBirth: '1-5-2012' }), { status: 400, mentions: /^dateOfBirth: / });
    await refused(accept({ ...good, code: '1234' }), { status: 400, mentions: /^code: code must be 8 digits/ });
    await refused(accept({ ...good, code: 12345678 }), { status: 400, mentions: /^code: / });
    await refused(accept({ ...good, login: 'ab' }), { status: 400, mentions: /^login: login must be at least 3/ });
    await refused(accept({ ...good, login: 'has space' }), { status: 400, mentions: /^login: login may contain only/ });
    await refused(accept({ ...good, password: 'short' }), {
      status: 400,
      mentions: /^password: password must be at least 10 characters/,
    });
    await refused(accept({ ...good, password: 'x'.repeat(201) }), { status: 400, mentions: /^password: / });
    await refused(() => raw(b, `/api/invitations/${invitationId}/accept`, HUGE), {
      status: 413,
      id: 'entity_too_large',
    });
    const row = await t.db
      .selectFrom('invitations')
      .select('attempts')
      .where('id', '=', invitationId)
      .executeTakeFirstOrThrow();
    expect(row.attempts).toBe(0);
  });
});
